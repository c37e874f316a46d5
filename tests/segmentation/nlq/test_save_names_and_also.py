"""Two families found in the s13 held-out conversations. A naming word is never part of a
saved segment's name: "save them as a segment called 一部未成交" saved “called 一部未成交”
because the space between English and Chinese is collapsed before matching. And also-words
around a bare request on the answer just given ("export it too", "也导出一下", "and export
it", "匯出埋", "export that") are that bare request, never an export of everyone; an
also-word beside a condition keeps the condition."""

from __future__ import annotations

import itertools

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, Command, build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("lisi", "李四", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)


_READER = Reader(VOCAB)
_parse = _READER.parse


NAMES = ["一部未成交", "VIP候选", "Q4 leads", "金卡關懷"]
SAVE_FRAMES = [
    "save them as a segment called {n}",
    "save them as segment named {n}",
    "save these as a new segment called {n}",
    "save them as a list called {n}",
    "save as a segment called {n}",
    "存成分群叫 {n}",
    "把这些存成分群，名字叫 {n}",
    "save 成分群 called {n}",
]


@pytest.mark.parametrize(
    ("text", "name"),
    [(f.format(n=n), n) for f, n in itertools.product(SAVE_FRAMES, NAMES)],
)
def test_a_naming_word_is_never_in_the_saved_name(text: str, name: str) -> None:
    result = _parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.intent == "save", text
    assert result.details["name"] == name, text


ALSO_EXPORTS = [
    "export it too",
    "export them as well",
    "export that too please",
    "also export it",
    "and export it",
    "and also export them",
    "export that",
    "export that please",
    "也导出一下",
    "也导出吧",
    "一起导出",
    "顺便也导出",
    "都导出",
    "也把这些导出",
    "顺便把他们也导出来",
    "这些也导出来",
    "同時將這些匯出",
    "匯出埋",
    "匯出埋佢哋",
    "export埋佢哋",
    "describe them too",
    "再导出一次",
    "重新汇出一遍",
    "export it again",
]
ALSO_COUNTS_AND_LISTS = [
    ("也统计一下", "count"),
    ("also count them", "count"),
    ("and how many", "count"),
    ("and how many are there", "count"),
    ("那也列一下", "list"),
    ("and list them", "list"),
    ("show that again", "list"),
    ("show them again", "list"),
    ("那都列出来", "list"),
]


@pytest.mark.parametrize("text", ALSO_EXPORTS)
def test_an_also_word_around_a_bare_request_is_that_request(text: str) -> None:
    result = _parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.intent in ("export", "describe"), text
    assert result.segment is None and result.details.get("segment_from_context"), text


@pytest.mark.parametrize(("text", "intent"), ALSO_COUNTS_AND_LISTS)
def test_an_also_word_around_a_bare_count_or_list_is_about_the_answer(
    text: str, intent: str
) -> None:
    result = _parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert (result.intent, result.segment) == (intent, None), text
    assert result.details.get("segment_from_context"), text


@pytest.mark.parametrize("text", ["and", "也", "then", "and?"])
def test_an_also_word_alone_asks_for_nothing(text: str) -> None:
    result = _parse(text)
    assert isinstance(result, Command) and result.intent == "help", text


@pytest.mark.parametrize("text", ["北京的也导出", "VIP也导出一下", "also export the VIPs"])
def test_an_also_word_beside_a_condition_keeps_the_condition(text: str) -> None:
    result = _parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.intent == "export" and result.segment is not None, text
    assert "segment_from_context" not in result.details, text


@pytest.mark.parametrize("text", ["Beijing too", "export VIPs too"])
def test_an_also_word_after_a_condition_is_asked(text: str) -> None:
    """ "too" after a condition may add it to the last answer or replace it: asked."""
    assert isinstance(_parse(text), Clarification), text


@pytest.mark.parametrize(
    "text",
    [
        "save this as segment bigF",
        "save that as a segment called bigF",
        "把这个存成分群bigF",
        "把那个保存为分群bigF",
        "將呢個存成分群bigF",
    ],
)
def test_this_or_that_alone_is_the_answer_just_given(text: str) -> None:
    result = _parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert (result.intent, result.segment, result.details["name"]) == ("save", None, "bigF")


@pytest.mark.parametrize(
    "text",
    [
        "and how many of them spent over 1000",
        "so which of them are VIP",
        "and of those, who is in Shanghai",
        "ok and how many among them are in Beijing",
        "so among them who is VIP",
        "of them who is in shanghai",
    ],
)
def test_a_chaining_word_before_a_pointer_still_points_at_the_answer(text: str) -> None:
    """Alone, with no answer to point at, the pointer is asked about — never read as a
    fresh question about everyone."""
    assert isinstance(_parse(text), Clarification), text


def test_a_relative_clause_after_those_is_no_pointer() -> None:
    result = _parse("Among those who inquired, which are VIP")
    assert isinstance(result, Command) and result.segment is not None
