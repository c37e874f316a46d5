"""The fault-injection rig: a WeCom simulator in this process, segbot processes started as real
subprocesses against a temp SQLite file or a PostgreSQL schema, kill -9, restart, and readers of
what the database and the simulator recorded. Shared by tests/reliability and bench/."""

from __future__ import annotations

import base64
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import Engine, func, select

from bot.database import make_engine, make_session_factory
from bot.models import metadata
from bot.models.inbox import InboxMessage
from integrations.wecom.client import WechatpyGateway
from integrations.wecom.simulator.company import Company
from integrations.wecom.simulator.seed import seed_company
from integrations.wecom.simulator.server import Simulator
from integrations.wecom.simulator.state import SimConfig
from integrations.wecom.transport import RetryingCaller

SEGBOT = str(Path(sys.executable).with_name("segbot"))

# Distinctive secret values: any of them (or a fragment of the AES key) found in a log line,
# a reply, an error body or CLI output is a leak.
APP_SECRET = "AppSecretQx7Lw2Vz9Np4Rt6Yk3Hm8Jd5"
CONTACT_SECRET = "ContactSecretBv4Zc8Xn2Mq6Wp9Ls3Tf7"
CALLBACK_TOKEN = "CbTokenRq5Ws8Xv2Zy4"
API_TOKEN = "ApiTokenGh3Jk6Lm9Np2Qr5St8Uv1Wx4"
AES_KEY = base64.b64encode(bytes(range(101, 133))).decode()[:43]
SECRETS = {
    "app secret": APP_SECRET,
    "contact secret": CONTACT_SECRET,
    "callback token": CALLBACK_TOKEN,
    "API token": API_TOKEN,
    "AES key": AES_KEY,
}


def secret_fragments() -> dict[str, str]:
    """The secrets plus pieces of the AES key (16-character windows and the raw key's base64
    with padding), so a truncated or re-encoded key is caught too."""
    found = dict(SECRETS)
    for start in range(0, len(AES_KEY) - 16, 9):
        found[f"AES key[{start}:{start + 16}]"] = AES_KEY[start : start + 16]
    found["AES key (padded base64)"] = AES_KEY + "="
    return found


def find_secrets(text: str) -> list[str]:
    """Names of the secrets (or AES key fragments) that occur in `text`."""
    return [name for name, value in secret_fragments().items() if value in text]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def sim_config(corp_id: str, callback_url: str | None = None) -> SimConfig:
    return SimConfig(
        corp_id=corp_id,
        secret=APP_SECRET,
        contact_secret=CONTACT_SECRET,
        token=CALLBACK_TOKEN,
        aes_key=AES_KEY,
        callback_url=callback_url,
    )


class SlowWeCom:
    """WSGI middleware in front of the simulator: latency on every call, and for chosen APIs a
    lost answer (the call ran, the answer comes after the client gave up) or a dropped request
    (nothing ran, 504). Counts what it injected."""

    def __init__(self, app: Any, delay: float = 0.0) -> None:
        self.app = app
        self.delay = delay
        self.lock = threading.Lock()
        self.late_answers: dict[str, int] = {}
        self.drops: dict[str, int] = {}
        self.late_seconds = 2.0
        self.injected = {"late": 0, "dropped": 0}
        self.in_flight: dict[str, int] = {}

    def _take(self, table: dict[str, int], api: str) -> bool:
        with self.lock:
            if table.get(api, 0) > 0:
                table[api] -= 1
                return True
        return False

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = environ.get("PATH_INFO", "")
        api = path.removeprefix("/cgi-bin/")
        # In flight from arrival (the latency included) until WeCom has run the call.
        with self.lock:
            self.in_flight[api] = self.in_flight.get(api, 0) + 1
        try:
            if path.startswith("/cgi-bin/") and self.delay:
                time.sleep(self.delay)
            if self._take(self.drops, api):
                with self.lock:
                    self.injected["dropped"] += 1
                start_response("504 Gateway Timeout", [("Content-Type", "text/plain")])
                return [b"dropped"]
            late = self._take(self.late_answers, api)
            body = b"".join(self.app(environ, start_response))
        finally:
            with self.lock:
                self.in_flight[api] -= 1
        if late:
            with self.lock:
                self.injected["late"] += 1
            time.sleep(self.late_seconds)
        return [body]


@dataclass
class Rig:
    """One database, one simulator, and the segbot processes started against them."""

    db_url: str
    workdir: Path
    company: Company
    sim: Simulator = field(init=False)
    slow: SlowWeCom = field(init=False)
    engine: Engine = field(init=False)
    port: int = field(default_factory=free_port)
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    kills: dict[str, int] = field(default_factory=dict)
    starts: dict[str, int] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.sim = Simulator(self.company, sim_config(self.company.corp_id, self.callback_url))
        self.slow = SlowWeCom(self.sim.app.wsgi_app)
        self.sim.app.wsgi_app = self.slow  # type: ignore[method-assign]
        self.sim.start()
        self.engine = make_engine(self.db_url)
        metadata.create_all(self.engine)

    # -- wiring -------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def callback_url(self) -> str:
        return self.base_url + "/wecom/callback"

    @property
    def factory(self):  # type: ignore[no-untyped-def]
        return make_session_factory(self.engine)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SEGBOT_")}
        env.update(
            SEGBOT_DATABASE_URL=self.db_url,
            SEGBOT_WECOM_CORP_ID=self.company.corp_id,
            SEGBOT_WECOM_AGENT_ID=str(self.sim.config.agent_id),
            SEGBOT_WECOM_SECRET=APP_SECRET,
            SEGBOT_WECOM_CONTACT_SECRET=CONTACT_SECRET,
            SEGBOT_WECOM_TOKEN=CALLBACK_TOKEN,
            SEGBOT_WECOM_AES_KEY=AES_KEY,
            SEGBOT_WECOM_API_BASE=self.sim.api_base,
            SEGBOT_API_TOKEN=API_TOKEN,
            SEGBOT_ADMINS="admin",
            SEGBOT_QUIET_HOURS="off",
            PYTHONUNBUFFERED="1",
        )
        env.update(self.extra_env)
        return env

    def gateway(self, *, timeout: float = 10.0, backoff: float = 0.05) -> WechatpyGateway:
        cfg = self.sim.config
        return WechatpyGateway(
            cfg.corp_id,
            cfg.agent_id,
            APP_SECRET,
            contact_secret=CONTACT_SECRET,
            api_base=self.sim.api_base,
            caller=RetryingCaller(backoff_seconds=backoff),
            timeout=timeout,
        )

    # -- processes ----------------------------------------------------------------------------

    def log_path(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    def start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        """Start `segbot ARGS` as process `name` (its output appended to name.log)."""
        self.starts[name] = self.starts.get(name, 0) + 1
        log = self.log_path(name).open("ab")
        proc = subprocess.Popen(
            [SEGBOT, *args], cwd=self.workdir, env=self.env(), stdout=log, stderr=log
        )
        log.close()
        self.procs[name] = proc
        return proc

    def start_serve(self, *, worker: bool = True) -> subprocess.Popen[bytes]:
        args = ["serve", "--port", str(self.port)] + ([] if worker else ["--no-worker"])
        proc = self.start("serve", *args)
        self.wait_healthy(proc)
        return proc

    def wait_wecom_idle(self, settle: float = 0.2, timeout: float = 30.0) -> None:
        """Let WeCom finish the calls already sent to it (a killed client's last request is
        still run by WeCom): wait `settle` seconds for requests still on the wire to arrive,
        then until none is in flight. A test that moves WeCom's clock does so only after this,
        so no call is stamped with a time it was not made at."""
        time.sleep(settle)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.slow.lock:
                if not any(self.slow.in_flight.values()):
                    return
            time.sleep(0.01)
        raise RuntimeError(f"WeCom calls still in flight: {self.slow.in_flight}")

    def wait_healthy(self, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"segbot serve exited with {proc.returncode}")
            try:
                if requests.get(self.base_url + "/healthz", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError("segbot serve did not become healthy")

    def kill9(self, name: str) -> bool:
        """SIGKILL process `name` if it is running; True when a live process was killed."""
        proc = self.procs.get(name)
        if proc is None or proc.poll() is not None:
            return False
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        self.kills[name] = self.kills.get(name, 0) + 1
        return True

    def run(
        self, *args: str, timeout: float = 300.0, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [SEGBOT, *args],
            cwd=self.workdir,
            env={**self.env(), **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def stop(self, name: str) -> None:
        """A clean stop (SIGTERM, then SIGKILL after 10 s): not counted as an injected fault."""
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)

    def stop_all(self) -> None:
        for name in list(self.procs):
            self.stop(name)

    def close(self) -> None:
        self.stop_all()
        self.sim.stop()
        self.engine.dispose()

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.workdir.glob("*.log")))

    # -- readers ------------------------------------------------------------------------------

    def inbox(self) -> list[InboxMessage]:
        with self.factory() as s:
            return list(s.scalars(select(InboxMessage).order_by(InboxMessage.id)))

    def count(self, model: Any, *where: Any) -> int:
        with self.factory() as s:
            stmt = select(func.count()).select_from(model)
            for clause in where:
                stmt = stmt.where(clause)
            return int(s.execute(stmt).scalar_one())


def make_rig(db_url: str, workdir: Path, *, customers: int = 300, seed: int = 3) -> Rig:
    return Rig(db_url, workdir, seed_company(customers=customers, seed=seed))


def utcnow() -> datetime:
    return datetime.now(UTC)


def repeated(items: Iterable[Any]) -> dict[Any, int]:
    """Items seen more than once, with their counts."""
    seen: dict[Any, int] = {}
    for item in items:
        seen[item] = seen.get(item, 0) + 1
    return {k: n for k, n in seen.items() if n > 1}
