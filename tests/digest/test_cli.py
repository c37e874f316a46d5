"""`segbot digest --as USERID`: the preview, JSON, the chart file, refusals, sending."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from bot.cli.main import cli
from bot.database import make_engine, make_session_factory, unit_of_work
from bot.models import metadata
from bot.models.digests import DigestLog
from tests.digest.company import build_company

NOW = "2026-03-10T08:30:00"


@pytest.fixture
def db(fresh_database_url, tmp_cwd: Path, monkeypatch: pytest.MonkeyPatch) -> str:  # type: ignore[no-untyped-def]
    for name in ("SEGBOT_WECOM_CORP_ID", "SEGBOT_WECOM_SECRET", "SEGBOT_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SEGBOT_ADMINS", "boss")
    url = fresh_database_url("digest")
    engine = make_engine(url)
    metadata.create_all(engine)
    with unit_of_work(make_session_factory(engine)) as s:
        build_company(s)
    engine.dispose()
    return url


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_preview_prints_the_managers_markdown(db: str) -> None:
    code, out = _invoke("digest", "--as", "m1", "--now", NOW, "--db", db)
    assert code == 0, out
    assert "王经理（经理）· 范围内客户 **8**" in out and "「一部回访」" in out
    assert "二部回访" not in out
    code, out = _invoke("digest", "--as", "m2", "--now", NOW, "--db", db, "--lang", "en")
    assert code == 0 and "customers in scope **5**" in out


def test_json_and_chart_file(db: str, tmp_cwd: Path) -> None:
    code, out = _invoke("digest", "--as", "boss", "--now", NOW, "--db", db, "--json",
                        "--png", "chart.png")  # fmt: skip
    assert code == 0, out
    data = json.loads(out)
    assert data["customers_in_scope"] == 14 and data["digest_date"] == "2026-03-10"
    assert (tmp_cwd / "chart.png").read_bytes().startswith(b"\x89PNG")


def test_sales_staff_and_strangers_are_refused(db: str) -> None:
    code, out = _invoke("digest", "--as", "a1", "--now", NOW, "--db", db)
    assert code == 1 and "neither a manager nor an admin" in out
    code, _ = _invoke("digest", "--as", "ghost", "--now", NOW, "--db", db)
    assert code == 1


def test_send_without_wecom_settings_fails_and_writes_nothing(db: str) -> None:
    code, out = _invoke("digest", "--as", "m1", "--now", NOW, "--db", db, "--send")
    assert code == 1 and "WeCom API settings missing" in out
    engine = make_engine(db)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(DigestLog)).scalar_one() == 0
    engine.dispose()
