"""Colloquial words (segmentation/nlq/colloquial_words.py) and verbs said in pieces
(segmentation/nlq/split_verbs.py), issue 19 blind s10: every word of each closed list read
in its place, and the rules still ask where the words say something else."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.colloquial_words import WORDS
from segmentation.nlq.lexicon import LEXICON, K
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import (
    And,
    CalendarWindow,
    City,
    EventCount,
    HasTag,
    Node,
    Not,
    Owner,
    Performed,
    RemarkContains,
)
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("wangwu", "王五", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)
SHANGHAI = City(("上海",))
LAST_WEEK = CalendarWindow("week", -1)


_READER = Reader(VOCAB)
parse, segment, asked = _READER.parse, _READER.segment, _READER.asked


def _words(kind: K, value: object | None = None) -> list[str]:
    return [
        w.strip()
        for k, v, surfaces in WORDS
        if k == kind and (value is None or v == value)
        for w in surfaces.split("|")
        if w.strip()
    ]


def test_every_word_is_in_the_lexicon_with_its_meaning() -> None:
    for kind, value, surfaces in WORDS:
        for word in surfaces.split("|"):
            assert LEXICON[word.strip()] == (kind, value), word


@pytest.mark.parametrize("word", _words(K.FILLER, "wrapper"))
def test_a_fetching_word_adds_no_condition(word: str) -> None:
    if word.isascii():
        assert segment(f"{word} customers in Shanghai") == SHANGHAI
    else:
        assert segment(f"{word}上海的客户") == SHANGHAI


@pytest.mark.parametrize(
    ("kind", "word"),
    [(str(v), w) for k, v, s in WORDS if k == K.EVENT for w in s.split("|") if w.strip()],
)
def test_an_event_word_names_its_event(kind: str, word: str) -> None:
    text = f"customers who {word} last week" if word.isascii() else f"上周{word}的客户"
    assert segment(text) == Performed(kind, LAST_WEEK)


@pytest.mark.parametrize("word", _words(K.UNSUPPORTED))
def test_an_undefined_customer_class_is_asked_by_name(word: str) -> None:
    text = f"{word} in Shanghai" if word.isascii() else f"上海的{word}"
    assert word in asked(text)


@pytest.mark.parametrize(
    "text",
    ["我挂名的客户", "记在我名下的客户", "分给我的客户", "customers registered under me",
     "customers in my name", "记我名下嘅客"],
)  # fmt: skip
def test_on_my_name_is_mine(text: str) -> None:
    assert segment(text) == Owner(("zhangsan",))


def test_a_colleagues_name_then_the_same_words_is_theirs() -> None:
    assert segment("王五挂名的客户") == Owner(("wangwu",))
    asked("火星挂名的客户")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("询价询了两次以上的", EventCount("inquiry", ">=", 2, None)),  # said again
        ("加购加了至少三次的", EventCount("cart", ">=", 3, None)),
        ("加了两次以上购物车的", EventCount("cart", ">=", 2, None)),  # split by its count
        ("入过三次以上购物车的", EventCount("cart", ">=", 3, None)),
        ("一次价都没询过的", Not(Performed("inquiry", None))),  # total negation
        ("一个购物车都没加过的", Not(Performed("cart", None))),
        ("下单一次都没有的", Not(Performed("order", None))),  # the verb first
        ("visit 过一次都没有的", Not(Performed("visit", None))),
        ("customers with not one order", Not(Performed("order", None))),
        ("上个月有 place 过 order 的", Performed("order", CalendarWindow("month", -1))),
    ],
)
def test_a_verb_said_in_pieces_is_one_event(text: str, expected: Node) -> None:
    assert segment(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "询了两次价的",  # a bare count: exactly or at least?
        "加了三次购物车的",
        "下单一次没有的",  # "once" without 都/也 is no "none at all"
        "询了火星的",  # a split verb needs its event noun
        "make 过 火星 的",
    ],
)
def test_a_verb_in_pieces_still_asks_what_it_cannot_answer(text: str) -> None:
    asked(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("同时有VIP和金卡两个标签的", And((HasTag("VIP"), HasTag("金卡")))),
        ("同时有VIP和金卡这两个标签的", And((HasTag("VIP"), HasTag("金卡")))),
        ("VIP标签 上海的", And((HasTag("VIP"), SHANGHAI))),
        ("住上海以外的客户", Not(SHANGHAI)),
        ("唔係住上海嘅客", Not(SHANGHAI)),
        ("备注里有“老板”两个字的", RemarkContains("老板")),
        ("备注里有“老板”字样的", RemarkContains("老板")),
    ],
)
def test_places_tags_and_remarks_said_around(text: str, expected: Node) -> None:
    assert segment(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "VIP和金卡三个标签的",  # the count does not match the list
        "有两个标签的客户",  # a number of tags is no condition the spec has
        "标签 上海",  # a tag word before a city with no tag before it
        "住火星的客户",  # an unknown place after 住 is asked as a place
    ],
)
def test_counts_and_places_that_do_not_fit_are_asked(text: str) -> None:
    asked(text)


def test_an_unknown_place_after_lives_is_asked_as_a_place() -> None:
    assert "地点" in asked("住火星的客户")
