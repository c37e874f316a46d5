"""Run the simulator as a real HTTP server (a thread for tests, the foreground for the CLI)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from integrations.wecom.simulator.app import create_app
from integrations.wecom.simulator.company import Company
from integrations.wecom.simulator.scenario import Scenario
from integrations.wecom.simulator.seed import seed_company
from integrations.wecom.simulator.state import SimConfig, SimState

log = logging.getLogger(__name__)


class _QuietHandler(WSGIRequestHandler):
    """No access log per request: a full sync makes thousands (and URLs carry tokens)."""

    def log_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Simulator:
    """A fake WeCom: `start()` it, point SEGBOT_WECOM_API_BASE at `.api_base`, read its records."""

    def __init__(
        self,
        company: Company | None = None,
        config: SimConfig | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        company = company or seed_company()
        config = config or SimConfig(corp_id=company.corp_id)
        self.state = SimState(company=company, config=config, clock=clock)
        self.scenario = Scenario(self.state)
        self.app = create_app(self.state, self.scenario)
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def company(self) -> Company:
        return self.state.company

    @property
    def config(self) -> SimConfig:
        return self.state.config

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the simulator is not running")
        return f"http://{self._server.host}:{self._server.port}"

    @property
    def api_base(self) -> str:
        return self.base_url + "/cgi-bin/"

    def start(self, host: str = "127.0.0.1", port: int = 0) -> Simulator:
        self._server = make_server(
            host, port, self.app, threaded=True, request_handler=_QuietHandler
        )
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        log.info("WeCom simulator listening on %s", self.base_url)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> Simulator:
        return self if self._server is not None else self.start()

    def __exit__(self, *_exc: Any) -> None:
        self.stop()

    def serve_forever(self, host: str, port: int) -> None:
        self._server = make_server(
            host, port, self.app, threaded=True, request_handler=_QuietHandler
        )
        self._server.serve_forever()

    # Shortcuts tests use.
    def expire_tokens(self) -> None:
        self.state.expire_tokens()

    def fail_next(self, api: str, errcode: int, times: int = 1) -> None:
        self.state.fail_next(api, errcode, times)

    def calls_to(self, api: str) -> int:
        return sum(1 for c in self.state.calls if c.api == api)
