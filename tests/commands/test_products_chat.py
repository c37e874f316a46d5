"""Product and category conditions through chat and `segbot query` (issue 21, spec §2b), in
Simplified and Traditional Chinese and English: the answers, the restatement, the question
back for an unknown product, explain and a breakdown by category."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.cli.main import cli
from bot.commands import CommandContext
from bot.commands.router import handle_text
from bot.database import make_session_factory
from bot.settings import Settings
from tests.segmentation.nlq.fixture import NOW, load_fixture


def _query(db_url: str, text: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(
        cli, ["query", text, "--json", "--now", NOW.isoformat(), "--db", db_url]
    )
    return result.exit_code, json.loads(result.output)


@pytest.fixture
def loaded(clean_engine: Engine, db_url: str) -> str:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    return db_url


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("近30天买过玻尿酸面霜的客户", ["c04"]),
        ("近30天買過玻尿酸麵霜的客戶", ["c04"]),
        ("customers who bought 玻尿酸面霜 in the last 30 days", ["c04"]),
        ("买过护肤类的", ["c04", "c08", "c12", "c13"]),
        ("買過護膚類的", ["c04", "c08", "c12", "c13"]),
        # 没买 alone is no order at all (c12 bought something else); 没买过它 is that product
        ("咨询过“玻尿酸面霜”但没买的", ["c01", "c09"]),
        ("諮詢過「玻尿酸麵霜」但沒買的", ["c01", "c09"]),
        ("咨询过“玻尿酸面霜”但没买过它的", ["c01", "c09", "c12"]),
        ("諮詢過「玻尿酸麵霜」但沒買過這款的", ["c01", "c09", "c12"]),
        ("customers who asked about Serum X but didn't buy", ["c09"]),
        ("bought anything from skincare this year", ["c16"]),
    ],
)
def test_segbot_query_answers_product_conditions(loaded: str, text: str, members: list) -> None:
    code, answer = _query(loaded, text)
    assert code == 0, answer
    assert answer["customers"] == members
    assert answer["segment"]["tree"]["type"] in ("item_event", "and")


def test_an_unknown_product_is_asked_back_with_the_closest_known_ones(loaded: str) -> None:
    code, answer = _query(loaded, "买过面霜的客户")
    assert code == 3 and answer["intent"] == "clarify"
    assert "面霜" in answer["message"] and answer["suggestions"] == ["玻尿酸面霜"]
    code, answer = _query(loaded, "customers who bought moisturiser")
    assert code == 3 and "moisturiser" in answer["message"]
    code, answer = _query(loaded, "買過美妝類的")
    assert code == 3 and answer["suggestions"] == ["彩妆"]


def test_chat_restates_the_product_and_explains_a_member(session: Session) -> None:
    load_fixture(session)
    session.flush()
    ctx = CommandContext(settings=Settings(admins=frozenset({"zhangsan"})), now=NOW)
    [reply] = handle_text(session, ctx, "zhangsan", "近30天买过玻尿酸面霜的客户有多少")
    assert "买过“玻尿酸面霜”" in reply.text and "1" in reply.text
    [reply] = handle_text(
        session, ctx, "zhangsan", "how many customers bought anything from skincare this year"
    )
    assert "bought anything in “Skincare”" in reply.text
    [reply] = handle_text(session, ctx, "zhangsan", "为什么Dan在买过玻尿酸面霜的客户里")
    assert "✓" in reply.text and "玻尿酸面霜" in reply.text


def test_breakdown_by_category_counts_the_segments_own_events(session: Session) -> None:
    load_fixture(session)
    session.flush()
    ctx = CommandContext(settings=Settings(admins=frozenset({"zhangsan"})), now=NOW)
    [reply, *_] = handle_text(session, ctx, "zhangsan", "按品类看近30天下单客户")
    text = reply.text
    assert "护肤" in text and "彩妆" in text and "Skincare" in text, text
    [reply, *_] = handle_text(
        session, ctx, "zhangsan", "customers who ordered this year by category"
    )
    assert "护肤" in reply.text


def test_a_product_list_comes_latest_order_first(loaded: str) -> None:
    code, answer = _query(loaded, "买过护肤类的")
    assert code == 0 and answer["listed"] == ["c13", "c04", "c12", "c08"]
