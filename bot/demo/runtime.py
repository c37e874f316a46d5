"""The running demo: simulator, seeded database, web app, inbox worker and scheduler in one
process; `start()` brings them up in order and `stop()` takes them down in reverse."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from typing import Any

from flask import Flask
from sqlalchemy import Engine
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from bot.bootstrap import Deps, build_deps, utc_now
from bot.database import make_engine
from bot.demo.campaign_seed import seed_campaign, seed_digests
from bot.demo.config import DEMO_ADMIN, DemoOptions, DemoSecrets, demo_settings, sim_config
from bot.demo.console_backend import SimulatorConsole
from bot.demo.media import MediaVault
from bot.demo.seeding import (
    Progress,
    prepare_schema,
    seed_events,
    seed_scores,
    seed_segments,
    sync_company,
)
from bot.settings import Settings
from integrations.wecom.simulator.seed import seed_company
from integrations.wecom.simulator.server import Simulator
from segmentation.engine import EngineContext

log = logging.getLogger(__name__)


class _SilentHandler(WSGIRequestHandler):
    """The app logs each request itself (with its duration); no second access log."""

    def log_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def demo_staff(options: DemoOptions) -> int:
    """How many members the demo company has: as asked, else enough that each of the five
    departments has its leader and at least one salesperson to play (a small `--customers`
    would otherwise leave only leaders), growing with the company as the simulator's does."""
    if options.staff is not None:
        return options.staff
    return max(10, min(50, options.customers // 200))


class DemoRuntime:
    """One demo: `start()` returns the URL to open; `stop()` is safe to call at any point."""

    def __init__(self, options: DemoOptions) -> None:
        self.options = options
        self.progress = Progress(options.show_progress)
        self.sim: Simulator | None = None
        self.settings: Settings | None = None
        self.deps: Deps | None = None
        self.engine: Engine | None = None
        self.console: SimulatorConsole | None = None
        self.app: Flask | None = None
        self._server: BaseWSGIServer | None = None
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._scheduler: Any = None
        self._serving = False

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the demo is not running")
        return f"http://{self._server.host}:{self._server.port}/"

    def start(self) -> str:
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self.url

    def _start(self) -> None:
        options = self.options
        keys = DemoSecrets.generate()
        # The company looks alive as of now: new customers in recent weeks, phones, remarks.
        company = seed_company(customers=options.customers, seed=options.seed,
                               staff=demo_staff(options),
                               lively_until=int(datetime.now(UTC).timestamp()))  # fmt: skip
        self.sim = Simulator(company, sim_config(company.corp_id, keys))
        vault = MediaVault(self.sim.app.wsgi_app)
        self.sim.app.wsgi_app = vault  # type: ignore[method-assign]
        self.sim.start()
        self.settings = demo_settings(options, company.corp_id, self.sim.api_base, keys)
        self.engine = make_engine(options.database_url)
        prepare_schema(self.engine)
        self.deps = self._deps(self.settings, self.engine)
        ctx = self.deps.engine_ctx
        self._seed(self.deps, ctx)
        self.console = SimulatorConsole(self.sim, vault)
        self._serve(self.deps)
        self._start_worker(self.deps)
        if options.scheduler:
            self._start_scheduler(self.deps, ctx)

    @staticmethod
    def _deps(settings: Settings, engine: Engine) -> Deps:
        # The demo's settings always point at its simulator, so the gateway is built from them.
        return build_deps(settings, engine=engine, clock=utc_now)

    def _seed(self, deps: Deps, ctx: EngineContext) -> None:
        assert deps.gateway is not None
        now = datetime.now(UTC)
        sync_company(deps.session_factory, deps.gateway, now, self.progress)
        seed_events(deps.session_factory, now, ctx, self.progress)
        seed_scores(deps.session_factory, now, ctx, self.progress)
        seed_segments(
            deps.session_factory, now, ctx, self.progress,
            owner_userid=DEMO_ADMIN, days=self.options.snapshot_days,
        )  # fmt: skip
        assert self.sim is not None
        seed_campaign(
            deps.session_factory, deps.gateway, self.sim.company, deps.settings, ctx, now,
            creator=DEMO_ADMIN, seed=self.options.seed,
        )  # fmt: skip
        seed_digests(deps, ctx, now)

    def _serve(self, deps: Deps) -> None:
        from bot.app import create_app

        assert self.sim is not None and self.console is not None
        self.app = create_app(deps.settings, deps, console=self.console)
        self._server = make_server(
            self.options.host, self.options.port, self.app, threaded=True,
            request_handler=_SilentHandler,
        )  # fmt: skip
        # The simulator plays WeCom: its callbacks go to our real endpoint.
        self.sim.config.callback_url = f"{self.url}wecom/callback"
        self._spawn("web", self._server.serve_forever)
        self._serving = True

    def _start_worker(self, deps: Deps) -> None:
        from bot.inbox.worker import run_worker

        poll = self.options.worker_poll_seconds
        self._spawn("inbox-worker", lambda: run_worker(deps, self._stop, poll_seconds=poll))

    def _start_scheduler(self, deps: Deps, ctx: EngineContext) -> None:
        from bot.demo.jobs import start_scheduler

        self._scheduler = start_scheduler(deps, ctx)

    def _spawn(self, name: str, target: Any) -> None:
        thread = threading.Thread(target=target, name=f"demo-{name}", daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        """Stop accepting requests, let the worker and jobs finish, close everything."""
        self._stop.set()
        if self.deps is not None:
            self.deps.inbox_wake.set()  # the worker is waiting on it: let it see the stop
        if self._server is not None and self._serving:
            self._server.shutdown()  # waits for serve_forever to return
            self._serving = False
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=True)
            self._scheduler = None
        for thread in self._threads:
            thread.join(timeout=30)
        self._threads.clear()
        if self._server is not None:
            self._server.server_close()
            self._server = None
        if self.sim is not None:
            self.sim.stop()
            self.sim = None
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None
        log.info("demo stopped")
