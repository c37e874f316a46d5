"""Ranked answers come in rank order with the value ranked by: `ranking` in the JSON, and
row 1 = the biggest spender (with the amount) in chat; `customers` stays the sorted id list."""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal

from click.testing import CliRunner
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.cli.main import cli
from bot.commands import CommandContext
from bot.commands.router import handle_text
from bot.commands.rows import money
from bot.database import make_session_factory
from bot.settings import Settings
from tests.segmentation.nlq.fixture import CUSTOMERS, EVENTS, NOW, load_fixture


def _spend(since=None) -> dict[str, Decimal]:  # type: ignore[no-untyped-def]
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for eid, kind, at, amount in EVENTS:
        if kind == "order" and amount is not None and at <= NOW and (since is None or at >= since):
            totals[eid] += amount
    return dict(totals)


def _query(db_url: str, text: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(cli, ["query", text, "--json", "--now", NOW.isoformat(),
                                      "--db", db_url])  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_top_and_bottom_spenders_come_in_rank_order_with_their_totals(
    clean_engine: Engine, db_url: str
) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    spend = _spend()
    expected = sorted(sorted(spend), key=lambda e: spend[e], reverse=True)[:3]
    answer = _query(db_url, "消费最多的3个客户")
    assert [r["external_userid"] for r in answer["ranking"]] == expected
    assert [r["value"] for r in answer["ranking"]] == [float(spend[e]) for e in expected]
    assert answer["customers"] == sorted(expected)
    bottom = _query(db_url, "bottom 2 customers by spend")
    lowest = sorted(sorted(spend), key=lambda e: spend[e])[:2]
    assert [r["external_userid"] for r in bottom["ranking"]] == lowest
    assert "ranking" not in _query(db_url, "上海的客户")  # unranked answers have none


def test_chat_lists_row_one_as_the_biggest_spender_with_the_amount(session: Session) -> None:
    load_fixture(session)
    session.flush()
    ctx = CommandContext(settings=Settings(admins=frozenset({"zhangsan"})), now=NOW)
    spend = _spend()
    first, second = sorted(sorted(spend), key=lambda e: spend[e], reverse=True)[:2]
    [reply] = handle_text(session, ctx, "zhangsan", "消费最多的5个客户") or [None]
    rows = [line for line in reply.text.splitlines() if line[:2] in ("1.", "2.")]
    assert rows[0].startswith(f"1. {CUSTOMERS[first][0]}"), reply.text
    assert f"累计消费 {money(spend[first])}" in rows[0]  # ranked over all time: lifetime spend
    assert rows[1].startswith(f"2. {CUSTOMERS[second][0]}")
