# ruff: noqa: E501
"""The typed answers (bot.services.answer): `segbot query --json` prints a count and a question
back byte for byte as before they were typed (key order included), each reads back from its
JSON, and the chat formats the typed answer."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from bot.cli.main import cli
from bot.commands.answers import clarify_reply, count_reply
from bot.database import make_session_factory
from bot.services.answer import ClarifyAnswer, CountAnswer, RankedMember
from segmentation.nodes import City, HasTag, Ranked
from tests.segmentation.nlq.fixture import load_fixture

NOW = "2026-11-01T10:00:00+08:00"
# `segbot query --json` of counts as printed before counts were typed (captured from it).
PRINTED = [
    (
        ["上海的客户有多少"],
        '{"intent": "count", "segment": {"version": 1, "tree": {"type": "city", "names": ["上海", "shanghai", "上海市"]}}, "description": "在上海的客户", "count": 7, "customers": ["c01", "c02", "c06", "c07", "c09", "c13", "c15"]}',
    ),
    (
        ["消费最多的3个客户有几个"],
        '{"intent": "count", "segment": {"version": 1, "tree": {"type": "ranked", "base": {"type": "all"}, "direction": "top", "count": 3, "percent": null, "window": null}}, "description": "消费最多的3位", "count": 3, "customers": ["c08", "c15", "c16"], "listed": ["c16", "c15", "c08"], "ranking": [{"external_userid": "c16", "value": 20000.0}, {"external_userid": "c15", "value": 3300.0}, {"external_userid": "c08", "value": 2000.0}]}',
    ),
    (
        ["近30天有咨询的客户有多少", "--as", "zhangsan"],
        '{"intent": "count", "segment": {"version": 1, "tree": {"type": "performed", "event_kind": "inquiry", "window": {"kind": "rolling", "amount": 30, "unit": "days"}}}, "description": "近30天（10月2日–11月1日）有咨询的客户", "count": 3, "customers": ["c01", "c02", "c09"], "scope_note": "（结果只包含您自己跟进的客户。）"}',
    ),
]


# A question back: exit code 3 and the same JSON as before it was typed.
ASKED = [
    (
        ["打了“高意象”标签的客户"],
        '{"intent": "clarify", "message": "没有找到标签“高意象”。您是指“高意向”吗？现有标签组：客户等级。", "suggestions": ["高意向"]}',
    ),
    (
        ["上晦的客户"],
        '{"intent": "clarify", "message": "没有找到“上晦”。您是指“上海”、“上饶”吗？", "suggestions": ["上海", "上饶"]}',
    ),
]


@pytest.mark.parametrize(("args", "printed"), ASKED)
def test_a_question_back_prints_the_same_json_as_before(
    clean_engine: Engine, db_url: str, args: list[str], printed: str
) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    result = CliRunner().invoke(cli, ["query", *args, "--now", NOW, "--db", db_url, "--json"])
    assert result.exit_code == 3
    assert result.output.rstrip("\n") == printed


def test_a_question_back_reads_back_and_is_formatted() -> None:
    which = ClarifyAnswer("哪一个？", ("A", "B"), ({"version": 1}, {"version": 1}))
    assert list(which.to_json()) == ["intent", "message", "suggestions", "choices"]
    assert ClarifyAnswer.from_json(which.to_json()) == which
    plain = ClarifyAnswer("Which tag?", ("VIP",))
    assert "choices" not in plain.to_json()
    assert ClarifyAnswer.from_json(plain.to_json()) == plain
    assert clarify_reply(plain, "en") == "Which tag?\nYou could try:\n1. VIP"
    with pytest.raises(ValueError):
        ClarifyAnswer.from_json({"intent": "count"})


@pytest.mark.parametrize(("args", "printed"), PRINTED)
def test_a_count_prints_the_same_json_as_before(
    clean_engine: Engine, db_url: str, args: list[str], printed: str
) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    result = CliRunner().invoke(cli, ["query", *args, "--now", NOW, "--db", db_url, "--json"])
    assert result.exit_code == 0
    assert result.output.rstrip("\n") == printed


def test_a_count_reads_back_from_its_json() -> None:
    ranked = CountAnswer(
        Ranked(City(("上海",)), "top", count=2),
        "消费最多的2位",
        2,
        customers=("c01", "c02"),
        listed=("c02", "c01"),
        ranking=(RankedMember("c02", 300.0), RankedMember("c01", 20.5)),
        scope_note="（结果只包含您自己跟进的客户。）",
    )
    assert CountAnswer.from_json(ranked.to_json()) == ranked
    bare = CountAnswer(HasTag("VIP"), "有“VIP”标签的客户", 4)
    assert list(bare.to_json()) == ["intent", "segment", "description", "count"]
    assert CountAnswer.from_json(bare.to_json()) == bare
    with pytest.raises(ValueError):
        CountAnswer.from_json({**bare.to_json(), "intent": "list"})


def test_the_chat_formats_the_typed_count() -> None:
    one = CountAnswer(HasTag("VIP"), "customers who are tagged “VIP”", 1, scope_note="(Limited.)")
    assert count_reply(one, "en") == "customers who are tagged “VIP”: 1 customer\n(Limited.)"
    many = CountAnswer(HasTag("VIP"), "", 3)
    assert count_reply(many, "zh") == "符合条件的客户：共 3 人"
