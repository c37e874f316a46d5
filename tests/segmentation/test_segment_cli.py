"""`segbot segment eval|list|snapshot` on a real database file."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from bot.cli.main import cli
from bot.database import make_session_factory
from segmentation.nodes import Performed, RollingWindow, to_json
from segmentation.saved import save_segment
from tests.segmentation.factory import NOW, Dataset, load

RECENT = to_json(Performed("order", RollingWindow(30, "days")))


@pytest.fixture
def db(clean_engine: Engine, db_url: str, tmp_cwd) -> str:
    data = Dataset(staff=[("s1", "张三", None, True)])
    data.customers = [("a", "甲", 2, "上海", False), ("b", "乙", 1, None, False)]
    data.follows = [("a", "s1", NOW, False)]
    data.events = [
        ("e1", "a", "order", NOW - timedelta(days=3), Decimal(1)),
        ("e2", "b", "order", NOW - timedelta(days=5), Decimal(1)),
    ]
    with make_session_factory(clean_engine)() as session:
        load(session, data)
        save_segment(
            session,
            "recent",
            Performed("order", RollingWindow(30, "days")),
            owner_userid="s1",
            now=NOW,
        )
        session.commit()
    return db_url


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_eval_prints_the_query_json_shape(db: str) -> None:
    result = run(
        "segment", "eval", json.dumps(RECENT), "--now", NOW.isoformat(), "--json", "--db", db
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["intent"] == "list" and out["segment"] == RECENT
    assert out["count"] == 2 and out["customers"] == ["a", "b"] and out["description"]


def test_eval_as_a_sales_member_is_scoped(db: str) -> None:
    result = run(
        "segment",
        "eval",
        "--name",
        "recent",
        "--as",
        "s1",
        "--now",
        NOW.isoformat(),
        "--json",
        "--db",
        db,
    )
    assert json.loads(result.output)["customers"] == ["a"]


def test_eval_uses_the_given_now(db: str) -> None:
    later = (NOW + timedelta(days=26)).isoformat()
    result = run("segment", "eval", json.dumps(RECENT), "--now", later, "--json", "--db", db)
    assert json.loads(result.output)["customers"] == ["a"]


def test_bad_json_is_a_usage_error(db: str) -> None:
    result = run("segment", "eval", "{not json", "--db", db)
    assert result.exit_code == 2 and "not valid JSON" in result.output
    result = run("segment", "eval", '{"type": "bogus"}', "--db", db)
    assert result.exit_code == 2 and "bogus" in result.output


def test_unknown_as_userid_is_refused(db: str) -> None:
    result = run("segment", "eval", json.dumps(RECENT), "--as", "stranger", "--db", db)
    assert result.exit_code == 1 and "stranger" in result.output


def test_unknown_saved_name_is_an_error(db: str) -> None:
    result = run("segment", "eval", "--name", "nope", "--db", db)
    assert result.exit_code == 1 and "nope" in result.output


def test_list_and_snapshot(db: str) -> None:
    listed = json.loads(run("segment", "list", "--json", "--db", db).output)
    assert [s["name"] for s in listed["segments"]] == ["recent"]
    result = run("segment", "snapshot", "--now", NOW.isoformat(), "--db", db)
    assert result.exit_code == 0 and "recent: 2 (+2 −0)" in result.output
