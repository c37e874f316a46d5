"""Company and remark contains-matches (#21 Part 2 item 4): the SQL agrees with the reference
on random companies (spellings in other cases and scripts), the phrases are read in zh-Hans,
zh-Hant and English, and a text nobody's company or remark contains is asked back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from bot.services.answer import answer_json
from bot.services.query import answer_command
from segmentation.engine import default_context, segment_members
from segmentation.explain import explain_customer
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nodes import (
    And,
    CompanyContains,
    HasTag,
    Node,
    Not,
    Or,
    RemarkContains,
    SegmentFormatError,
    from_json,
    to_json,
)
from segmentation.scope import Requester
from segmentation.text import fold_case
from tests.segmentation.factory import NOW, TZ, Dataset, load, random_dataset
from tests.segmentation.reference import Reference
from tests.segmentation.trees import KIND_LEAVES, REQUESTERS

CTX = default_context(TZ)
ADMIN = Requester.all_access()
CHECK = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
leaves = st.one_of(KIND_LEAVES[CompanyContains](), KIND_LEAVES[RemarkContains]())
trees = st.one_of(
    leaves, leaves.map(Not), st.tuples(leaves, KIND_LEAVES[HasTag]()).map(lambda p: Or(p))
)


@pytest.mark.parametrize("seed", [21, 22])
def test_contains_matches_agree_with_the_reference(session: Session, seed: int):
    data = random_dataset(seed)
    load(session, data)
    reference = Reference(data, NOW, CTX.named)

    @CHECK
    @given(tree=trees, who=st.sampled_from(REQUESTERS))
    def check(tree: Node, who: Requester) -> None:
        got = segment_members(session, tree, requester=who, now=NOW, ctx=CTX)
        assert got == reference.members(tree, who), tree

    check()


def _company(session: Session) -> None:
    data = Dataset()
    data.staff = [("s1", "张三", "sales", True), ("s2", "李四", "sales", True)]
    data.customers = [(e, e, 0, None, False) for e in ("a", "b", "c", "d")]
    added = NOW - timedelta(days=10)
    data.follows = [
        ("a", "s1", added, False),
        ("b", "s1", added, False),
        ("c", "s2", added, False),
        ("d", "s1", added, True),  # an ended follow: its remark no longer counts
    ]
    data.tags = [("t1", "VIP", False)]
    data.companies = {"a": "Acme科技有限公司", "b": "華為技術", "c": "小米"}
    data.remarks = {("a", "s1"): "大老板", ("c", "s2"): "老闆娘", ("d", "s1"): "老板"}
    load(session, data)


def _ids(session: Session, node: Node, who: Requester = ADMIN) -> list[str]:
    return segment_members(session, node, requester=who, now=NOW, ctx=CTX)


def test_every_spelling_is_found(session: Session):
    _company(session)
    assert _ids(session, CompanyContains("ACME")) == ["a"]
    assert _ids(session, CompanyContains("华为")) == ["b"]  # stored Traditional
    assert _ids(session, CompanyContains("科技")) == ["a"]
    assert _ids(session, RemarkContains("老板")) == ["a", "c"]  # 老闆 too; d's follow ended
    assert _ids(session, Not(CompanyContains("acme"))) == ["b", "c", "d"]


def test_company_is_the_whole_name_in_any_spelling(session: Session):
    """Spec §2b: 公司是XX / company is X is corp_name equal to X (case, width, script aside);
    a part of the name matches only with 包含/contains."""
    _company(session)
    assert _ids(session, CompanyContains("华为", exact=True)) == []
    assert _ids(session, CompanyContains("华为技术", exact=True)) == ["b"]  # stored 華為技術
    assert _ids(session, CompanyContains("小米", exact=True)) == ["c"]
    assert _ids(session, Not(CompanyContains("小米", exact=True))) == ["a", "b", "d"]


def _ask(session: Session, text: str, who: Requester = ADMIN) -> dict:
    vocab = load_vocabulary(session, CTX.named)
    command = parse_command(text, vocabulary=vocab, asker=who.userid, now=NOW, tz=TZ)
    assert isinstance(command, Command), command
    return answer_json(answer_command(session, command, who, NOW, CTX))  # as the CLI prints it


def test_a_text_nobody_has_is_asked_back_not_answered_zero(session: Session):
    _company(session)
    answer = _ask(session, "公司是腾讯的客户")
    assert answer["intent"] == "clarify" and "腾讯" in answer["message"]
    answer = _ask(session, "公司是华为的客户")  # only 華為技術: said how to look inside names
    assert answer["intent"] == "clarify" and "公司名包含华为" in answer["message"]
    assert _ask(session, "公司是华为技术的客户")["customers"] == ["b"]
    answer = _ask(session, "customers whose remark contains vip")
    assert answer["intent"] == "clarify" and "vip" in answer["message"]
    assert _ask(session, "公司名包含科技的")["customers"] == ["a"]
    # scoped: s2 sees only c, whose company is 小米
    s2 = Requester("s2", "sales")
    assert _ask(session, "公司是小米的客户", s2)["customers"] == ["c"]
    assert _ask(session, "公司名包含科技的", s2)["intent"] == "clarify"


PHRASES = [
    ("公司是XX的客户", CompanyContains("xx", exact=True)),
    ("公司名包含科技的", CompanyContains("科技")),
    ("公司名稱包含科技的客戶", CompanyContains("科技")),
    ("备注里有‘老板’的客户", RemarkContains("老板")),
    ("備註裡有「老闆」的客戶", RemarkContains("老板")),
    ("备注写着回头客的", RemarkContains("回头客")),
    ("customers whose company is Acme", CompanyContains("acme", exact=True)),
    ("customers whose company is called Acme", CompanyContains("acme", exact=True)),
    ("公司叫小米的客户", CompanyContains("小米", exact=True)),
    ("customers whose company name contains tech", CompanyContains("tech")),
    ("remark contains boss", RemarkContains("boss")),
    ("VIP客户中公司是华为的", And((HasTag("VIP"), CompanyContains("华为", exact=True)))),
    ("公司不是华为的客户", Not(CompanyContains("华为", exact=True))),
    ("customers whose remark doesn't contain boss", Not(RemarkContains("boss"))),
]


@pytest.mark.parametrize(("text", "expected"), PHRASES)
def test_phrases(session: Session, text: str, expected: Node):
    _company(session)
    vocab = load_vocabulary(session, CTX.named)
    got = parse_command(text, vocabulary=vocab, asker=None, now=NOW, tz=TZ)
    assert isinstance(got, Command), got
    assert got.segment == expected


def test_explain_shows_the_texts(session: Session):
    _company(session)
    found = explain_customer(
        session, RemarkContains("老板"), "c", requester=ADMIN, now=NOW, ctx=CTX
    )
    assert found.member and found.condition is not None
    assert found.condition.facts["remarks"] == [{"userid": "s2", "remark": "老闆娘"}]
    found = explain_customer(
        session, CompanyContains("华为"), "b", requester=ADMIN, now=NOW, ctx=CTX
    )
    assert found.condition is not None and found.condition.facts["company"] == "華為技術"


@pytest.mark.parametrize("cls", [CompanyContains, RemarkContains])
def test_json_form_round_trips_and_is_checked(cls):
    node = cls("老板")
    assert from_json(to_json(node)) == node
    assert "exact" not in to_json(node)["tree"]  # definitions saved before `exact` unchanged
    exact = CompanyContains("小米", exact=True)
    assert from_json(to_json(exact)) == exact
    for bad in ("", "   ", "x" * 65, 3):
        with pytest.raises(SegmentFormatError):
            from_json({"type": cls.type, "text": bad})


# Letters SQLite's own lower() leaves as they are, and Python's str.lower() reads in context.
_CASED = {
    "a": "ÄRZTE GMBH",  # Latin with diacritics
    "b": "ΣΑΣ ΑΕ",  # Greek: a final capital sigma is σ in SQL, ς in Python's lower()
    "c": "ＳＨＯＰ全家",  # full-width
    "d": "İSTANBUL TİCARET",  # Turkish dotted capital I
    "e": "ДОМ И САД",  # Cyrillic
    "f": "straße",
}


@pytest.mark.parametrize(
    "text",
    ["ärzte", "Ärzte gmbh", "σασ", "σας", "ΣΑΣ αε", "ｓｈｏｐ", "SHOP", "shop全家", "istanbul",
     "İstanbul", "дом", "Дом и сад", "STRASSE", "STRAẞE", "ticaret"],
)  # fmt: skip
def test_case_of_any_script_is_set_aside_as_on_postgresql(session: Session, text: str):
    data = Dataset()
    data.staff = [("s1", "张三", "sales", True)]
    data.customers = [(e, e, 0, None, False) for e in _CASED]
    data.follows = [(e, "s1", NOW - timedelta(days=3), False) for e in _CASED]
    data.companies = dict(_CASED)
    data.remarks = {(e, "s1"): name for e, name in _CASED.items()}
    data.tags = [(f"t{e}", name, False) for e, name in _CASED.items()]
    data.customer_tags = [(e, f"t{e}", "s1") for e in _CASED]
    load(session, data)
    reference = Reference(data, NOW, CTX.named)
    for node in (
        CompanyContains(text),
        CompanyContains(text, exact=True),
        RemarkContains(text),
        HasTag(text),
        Not(CompanyContains(text)),
    ):
        assert _ids(session, node) == reference.members(node, ADMIN), node


def test_sql_lower_case_is_the_same_on_every_database(session: Session):
    # The database's own lower() against Python's reading of it, character by character.
    words = [*_CASED.values(), "ǅ Ⅻ Ⓐ Ω 𐐀 Ꭰ Ա"]
    got = [session.execute(select(func.lower(literal(w)))).scalar_one() for w in words]
    assert got == [fold_case(w) for w in words]
    assert fold_case("ΣΑΣ İ") == "σασ i" and fold_case("ＳＨＯＰ") == "ｓｈｏｐ"
