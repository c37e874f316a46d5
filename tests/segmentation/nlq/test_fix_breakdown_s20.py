"""Breakdowns and what follows them (issue 19, fix-breakdown-s20): a tag group named by its own
name as the dimension, the split verbs on each dimension, a group of tags that is no row of an
answer, and a short answer to a question back naming the value with its kind. The
conversations are in tests/commands/conversations/fix-breakdown-s20.txt."""

from __future__ import annotations

import pytest

from bot.commands import conversation as conv
from bot.commands.picks import substituted
from segmentation.nlq import Command
from segmentation.nlq.answer_value import answer_values
from segmentation.nlq.followup import read_follow_up
from tests.segmentation.nlq.fixture import NOW, parse_as_lisi

_parse = parse_as_lisi


def _breakdown(text: str) -> Command:
    found = _parse(text)
    assert isinstance(found, Command) and found.intent == "breakdown", f"{text!r}: {found}"
    return found


@pytest.mark.parametrize(
    "text",
    [
        "客户等级这组标签的分布",
        "按客户等级标签组分",
        "客戶等級組標籤分佈",
        "各客戶等級標籤各有幾多",
        "客戶等級嗰組標籤點分佈",
        "客户等级里每个标签各有多少客户",
        "客户等级标签各有多少人",
        "我们部门的客户按客户等级分一下",
        "我哋部門啲客按客戶等級標籤分下",
        "breakdown by the 客户等级 tag group",
        "by 客户等级 tags",
        "split my customers by the 客户等级 tags",
        "break down the VIP customers by tag group 客户等级",
        "客户等级 tag group breakdown",
        "the 客户等级 tag group breakdown of my team's customers",
        "VIP客户 by 客户等级 tags",
    ],
)
def test_a_tag_group_named_by_its_name_is_a_breakdown_by_tag_in_it(text: str) -> None:
    found = _breakdown(text)
    assert found.details["by"] == "tag" and found.details["group"] == "客户等级"


def test_the_rest_of_the_sentence_is_still_the_segment() -> None:
    assert "VIP" in _breakdown("VIP客户 by 客户等级 tags").description
    said = "the 客户等级 tag group breakdown of my team's customers"
    assert "销售一部" in _breakdown(said).description


def test_an_unknown_group_before_the_tag_word_is_kept_to_be_asked() -> None:
    assert _breakdown("按会员等级标签分").details["group"] == "会员等级"


@pytest.mark.parametrize("text", ["客户等级是金卡的客户", "客户等级标签为金卡的客户"])
def test_a_group_naming_a_tag_is_still_that_tag(text: str) -> None:
    found = _parse(text)
    assert isinstance(found, Command) and found.intent == "list", text
    assert "金卡" in found.description


_DIMENSIONS = [
    ("负责人", "owner"),
    ("跟进人", "owner"),
    ("部门", "department"),
    ("城市", "city"),
    ("性别", "gender"),
    ("RFM分类", "rfm"),
    ("渠道活码", "channel"),
    ("渠道活碼", "channel"),
    ("添加方式", "channel"),
    ("首次添加月份", "month"),
    ("客户等级标签", "tag"),
]
_VERBS = ["{}分一分", "{}分开看", "{}分開睇", "{}拆开", "{}拆開", "{}分组", "{}分下"]


@pytest.mark.parametrize(("word", "by"), _DIMENSIONS)
@pytest.mark.parametrize("verb", _VERBS)
def test_split_verbs_on_each_dimension(word: str, by: str, verb: str) -> None:
    found = _breakdown("我们部门的客户按" + verb.format(word))
    assert found.details["by"] == by
    assert "销售一部" in found.description


@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("我哋部門啲客按渠道活碼分一分", "channel"),
        ("全部客照部門分一分", "department"),
        ("我们部门的客户以负责人划分", "owner"),
        ("我们部门的客户用城市拆开", "city"),
        ("group my team's customers by add way", "channel"),
        ("split my team's customers by channel code", "channel"),
        ("my team's customers broken down by month first added", "month"),
        ("break my team's customers down by RFM class", "rfm"),
        ("break my team's customers down by gender", "gender"),
        ("我的客户 split by owner", "owner"),
    ],
)
def test_split_wordings_in_each_language(text: str, by: str) -> None:
    assert _breakdown(text).details["by"] == by


def test_a_split_verb_around_the_customers_leaves_them_the_segment() -> None:
    assert "销售一部" in _breakdown("break my team's customers down by city").description


@pytest.mark.parametrize("text", ["用渠道活码加的客户有几个", "扫码添加的客户", "以上海的客户"])
def test_a_preposition_before_a_dimension_word_needs_a_split_verb(text: str) -> None:
    found = _parse(text)
    assert not (isinstance(found, Command) and found.intent == "breakdown"), text


@pytest.mark.parametrize("text", ["客户等级这组标签的分布", "客戶等級嗰組標籤"])
def test_a_group_of_tags_is_no_row_of_the_answer(text: str) -> None:
    assert read_follow_up(text) is None


def test_a_row_said_with_a_group_word_still_is() -> None:
    follow = read_follow_up("张三那组里近30天有咨询的")
    assert follow is not None and follow.grouped


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("那就金卡", "金卡"),
        ("咁就金卡嗰個標籤啦", "金卡"),
        ("换成金卡这个标签", "金卡"),
        ("改為金卡", "金卡"),
        ("換做VIP啦", "vip"),
        ("use 金卡 instead", "金卡"),
        ("the 金卡 tag then", "金卡"),
        ("switch to 金卡", "金卡"),
        ("go with VIP", "vip"),
        ("咁就上海嗰個城市啦", "上海"),
    ],
)
def test_a_short_answer_gives_the_value_without_its_kind_or_verb(text: str, value: str) -> None:
    assert value in answer_values(text)


@pytest.mark.parametrize("text", ["好吧，那我們部門的", "那我们部门的", "好 销售部门的"])
def test_a_name_ending_in_a_kind_word_keeps_it(text: str) -> None:
    assert "我们" not in answer_values(text) and "销售" not in answer_values(text)


def _pending(original: str, word: str) -> conv.PendingQuestion:
    return conv.PendingQuestion(original, ("金卡",), word, "zh", NOW)


@pytest.mark.parametrize(
    ("original", "word", "expected"),
    [
        ("打了<script>alert(1)</script>标签的客户", "script", "打了金卡标签的客户"),
        ("customers tagged <i>gold</i>", "gold", "customers tagged 金卡"),
        ("標籤是<b>鑽石卡</b>的客戶", "b", "標籤是金卡的客戶"),
        ("入面有冇人打咗<img src=x onerror=alert(1)>標籤", "img", "入面有冇人打咗金卡標籤"),
    ],
)
def test_the_value_takes_the_whole_elements_place(original: str, word: str, expected: str) -> None:
    assert substituted(_pending(original, word), 0) == expected
