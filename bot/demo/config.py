"""The demo's options and its settings: fresh WeCom secrets per run, kept in-process only."""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from bot.settings import Settings, WeComSettings
from integrations.wecom.simulator.state import SimConfig

DEMO_DB_FILE = "segbot-demo.db"
DEMO_ADMIN = "admin"  # the simulator's admin member
DEMO_AGENT_ID = 1000002


def demo_database_url(directory: Path | None = None) -> str:
    path = (directory or Path.cwd()) / DEMO_DB_FILE
    return f"sqlite:///{path}"


def remove_demo_database(directory: Path | None = None) -> bool:
    """`--reset`: delete segbot-demo.db (and SQLite's side files); True if there was one."""
    path = (directory or Path.cwd()) / DEMO_DB_FILE
    existed = path.exists()
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return existed


@dataclass(frozen=True)
class DemoOptions:
    database_url: str
    customers: int = 3000
    host: str = "127.0.0.1"
    port: int = 8000  # 0: any free port (tests)
    seed: int = 1
    staff: int | None = None  # None: the simulator's default for the company's size
    snapshot_days: int = 14
    scheduler: bool = True
    worker_poll_seconds: float = 0.3
    show_progress: bool = True


@dataclass(frozen=True)
class DemoSecrets:
    """Generated for each run and handed to both sides in-process; never printed or stored."""

    secret: str
    contact_secret: str
    token: str
    aes_key: str

    @classmethod
    def generate(cls) -> DemoSecrets:
        return cls(
            secret=secrets.token_urlsafe(24),
            contact_secret=secrets.token_urlsafe(24),
            token=secrets.token_hex(16),  # WeCom: at most 32 letters and digits
            aes_key=base64.b64encode(os.urandom(32)).decode().rstrip("="),  # 43 characters
        )

    def __repr__(self) -> str:
        return "DemoSecrets(***)"


def sim_config(corp_id: str, keys: DemoSecrets) -> SimConfig:
    return SimConfig(
        corp_id=corp_id,
        agent_id=DEMO_AGENT_ID,
        secret=keys.secret,
        contact_secret=keys.contact_secret,
        token=keys.token,
        aes_key=keys.aes_key,
        callback_retries=3,  # as WeCom: a message typed while the database is busy still lands
    )


def demo_settings(options: DemoOptions, corp_id: str, api_base: str, keys: DemoSecrets) -> Settings:
    return Settings(
        database_url=options.database_url,
        wecom=WeComSettings(
            corp_id=corp_id,
            agent_id=DEMO_AGENT_ID,
            secret=keys.secret,
            contact_secret=keys.contact_secret,
            token=keys.token,
            aes_key=keys.aes_key,
            api_base=api_base,
            # The back office's WeCom login goes to the simulator's login pages too.
            oauth_base=api_base.removesuffix("/cgi-bin/"),
            login_base=api_base.removesuffix("/cgi-bin/"),
        ),
        admins=frozenset({DEMO_ADMIN}),
    )
