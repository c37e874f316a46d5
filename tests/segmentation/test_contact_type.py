"""WeCom's contact type (customers.type: 1 WeChat user, 2 WeCom user), the simple attribute
kind added as one module (segmentation/kinds/contact_type.py, #21): the SQL agrees with the
module's reference on random data (SQLite and PostgreSQL), the words are read in zh-Hans,
zh-Hant and English, and explain, restate and the breakdown by it work end to end."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from bot.commands.explain import _facts
from bot.services.answer import answer_json
from bot.services.query import answer_command
from segmentation.breakdown import breakdown
from segmentation.engine import default_context, segment_members
from segmentation.explain import explain_customer
from segmentation.kinds.contact_type import ContactType
from segmentation.nlq import Command, Vocabulary, load_vocabulary, parse_command
from segmentation.nlq.restate import describe_part
from segmentation.nodes import (
    And,
    Gender,
    Node,
    Not,
    Or,
    SegmentFormatError,
    canonical,
    from_json,
    to_json,
)
from segmentation.scope import Requester
from tests.segmentation.factory import NOW, TZ, Dataset, load, random_dataset
from tests.segmentation.reference import Reference
from tests.segmentation.trees import KIND_LEAVES, REQUESTERS

CTX = default_context(TZ)
ADMIN = Requester.all_access()
CHECK = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
leaves = KIND_LEAVES[ContactType]()
trees = st.one_of(
    leaves,
    leaves.map(Not),
    st.tuples(leaves, KIND_LEAVES[Gender]()).map(And),
    st.tuples(leaves, leaves).map(Or),
)


@pytest.mark.parametrize("seed", [31, 32])
def test_contact_type_agrees_with_the_reference(session: Session, seed: int):
    data = random_dataset(seed)
    stored = {data.attributes[c[0]]["type"] for c in data.customers}
    assert stored == {1, 2, None}  # every value, and customers without one, are drawn
    load(session, data)
    reference = Reference(data, NOW, CTX.named)

    @CHECK
    @given(tree=trees, who=st.sampled_from(REQUESTERS))
    def check(tree: Node, who: Requester) -> None:
        got = segment_members(session, tree, requester=who, now=NOW, ctx=CTX)
        assert got == reference.members(tree, who), tree

    check()


def _customers(session: Session) -> None:
    data = Dataset()
    data.staff = [("s1", "张三", "sales", True), ("s2", "李四", "sales", True)]
    data.customers = [(e, e, 0, None, False) for e in ("a", "b", "c", "d")]
    added = NOW - timedelta(days=10)
    data.follows = [(e, "s1" if e != "c" else "s2", added, False) for e in "abcd"]
    # d was imported, not synced: it has no type
    data.attributes = {"a": {"type": 1}, "b": {"type": 2}, "c": {"type": 2}}
    load(session, data)


def _ids(session: Session, node: Node, who: Requester = ADMIN) -> list[str]:
    return segment_members(session, node, requester=who, now=NOW, ctx=CTX)


def test_members_and_the_negation_with_customers_without_a_type(session: Session):
    _customers(session)
    assert _ids(session, ContactType(1)) == ["a"]
    assert _ids(session, ContactType(2)) == ["b", "c"]
    assert _ids(session, Not(ContactType(2))) == ["a", "d"]  # d has none: not a WeCom user
    assert _ids(session, ContactType(2), Requester("s2", "sales")) == ["c"]


def _ask(session: Session, text: str, who: Requester = ADMIN) -> dict:
    vocab = load_vocabulary(session, CTX.named)
    command = parse_command(text, vocabulary=vocab, asker=who.userid, now=NOW, tz=TZ)
    assert isinstance(command, Command), command
    return answer_json(answer_command(session, command, who, NOW, CTX))  # as the CLI prints it


def test_asked_end_to_end_in_three_scripts(session: Session):
    _customers(session)
    assert _ask(session, "企业微信用户有哪些")["customers"] == ["b", "c"]
    assert _ask(session, "企業微信客戶有幾個")["count"] == 2
    assert _ask(session, "list the WeChat users")["customers"] == ["a"]
    assert _ask(session, "不是企业微信用户的客户")["customers"] == ["a", "d"]


def test_breakdown_by_contact_type(session: Session):
    _customers(session)
    found = breakdown(session, ContactType(2), "contact_type", requester=ADMIN, now=NOW, ctx=CTX)
    assert [(g.key, g.count) for g in found.groups] == [("2", 2)]
    everyone = _ask(session, "按客户类型分")
    assert everyone["intent"] == "breakdown" and everyone["by"] == "contact_type"
    assert everyone["by_label"] == "客户类型"
    groups = {g["label"]: g["count"] for g in everyone["groups"]}
    assert groups == {"企业微信用户": 2, "微信用户": 1, "类型未知": 1}
    english = _ask(session, "customers by contact type")
    assert {g["label"] for g in english["groups"]} == {"WeCom users", "WeChat users",
                                                       "unknown type"}  # fmt: skip
    assert english["by_label"] == "contact type"


def test_explain_says_the_type(session: Session):
    _customers(session)
    found = explain_customer(session, ContactType(1), "b", requester=ADMIN, now=NOW, ctx=CTX)
    assert not found.member and found.condition is not None
    facts = found.condition.facts
    assert facts["type"] == 2 and facts["said"]["zh"] == "客户类型：企业微信用户"
    assert facts["said"]["en"] == "contact type: WeCom user"
    found = explain_customer(session, ContactType(1), "d", requester=ADMIN, now=NOW, ctx=CTX)
    assert found.condition is not None and found.condition.facts["type"] is None
    assert found.condition.facts["said"]["zh"] == "客户类型：类型未知"
    assert "客户类型：类型未知" in _facts(found.condition.facts, None, "zh")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("node", "zh", "en"),
    [
        (ContactType(1), "是微信用户", "are WeChat users"),
        (Not(ContactType(2)), "不是企业微信用户（含类型未知的客户）",
         "are not WeCom users (unknown type included)"),
    ],
)  # fmt: skip
def test_restated_in_both_languages(node: Node, zh: str, en: str):
    assert describe_part(node, "zh", NOW, TZ, Vocabulary()) == zh
    assert describe_part(node, "en", NOW, TZ, Vocabulary()) == en


def test_json_form_round_trips_and_is_checked():
    for value in (1, 2):
        node = ContactType(value)
        assert to_json(node)["tree"] == {"type": "contact_type", "value": value}
        assert from_json(to_json(node)) == node == canonical(node)
    for bad in (0, 3, "1", True, None, 1.5):
        with pytest.raises(SegmentFormatError):
            from_json({"type": "contact_type", "value": bad})
    with pytest.raises(SegmentFormatError):
        from_json({"type": "contact_type", "value": 1, "other": 2})
