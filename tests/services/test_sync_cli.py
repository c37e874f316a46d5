"""`segbot sync` end to end against the simulator, and the database token store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, func, select

from bot.cli.main import cli
from bot.database import make_engine, make_session_factory
from bot.models import metadata
from bot.services.token_store import DatabaseTokenStore
from integrations.wecom.simulator.seed import seed_company
from integrations.wecom.simulator.server import Simulator
from integrations.wecom.tokens import CachedToken
from segmentation.models import Follow


def test_segbot_sync_loads_the_simulator(tmp_cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_cwd / 'cli.db'}"
    engine = make_engine(url)
    metadata.create_all(engine)
    with Simulator(seed_company(customers=120, seed=2)) as sim:
        cfg = sim.config
        for name, value in {
            "SEGBOT_WECOM_CORP_ID": cfg.corp_id, "SEGBOT_WECOM_AGENT_ID": str(cfg.agent_id),
            "SEGBOT_WECOM_SECRET": cfg.secret, "SEGBOT_WECOM_CONTACT_SECRET": cfg.contact_secret,
            "SEGBOT_WECOM_API_BASE": sim.api_base,
        }.items():  # fmt: skip
            monkeypatch.setenv(name, value)
        result = CliRunner().invoke(cli, ["sync", "--db", url])
        assert result.exit_code == 0, result.output
        assert f"{len(sim.company.follows)} customer relations" in result.output
        assert cfg.secret not in result.output
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Follow)) == len(sim.company.follows)
    engine.dispose()


def test_database_token_store_shares_and_invalidates(clean_engine: Engine) -> None:
    store = DatabaseTokenStore(make_session_factory(clean_engine))
    other = DatabaseTokenStore(make_session_factory(clean_engine))
    store.put("k", CachedToken("t1", 100.0))
    assert other.get("k") == CachedToken("t1", 100.0)
    other.invalidate("k", "stale")  # someone else's old token: keep ours
    assert store.get("k") is not None
    store.put("k", CachedToken("t2", 200.0))
    other.invalidate("k", "t2")
    assert store.get("k") is None
