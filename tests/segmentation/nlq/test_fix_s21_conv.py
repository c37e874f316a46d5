"""Follow-ups of the s21 conversation set, by category and language form: a loosening said
before what is loosened, a row picked in mixed English and Chinese, each one's value asked of
the answer (a spread by that dimension), a name then "verb的 + what", "add" that may mean AND
or OR, a whole period with no period named, and 渠道活码 before a quoted code."""

from __future__ import annotations

import pytest

from bot.commands.picks import row_number
from segmentation.nlq import Clarification, Command
from segmentation.nlq.add_words import adds_either_way
from segmentation.nlq.followup import window_swap_words
from segmentation.nlq.loosen_words import loosening_alone, without_loosening
from segmentation.nlq.widen import WINDOW, read_widening
from segmentation.nodes import ChannelCode
from tests.segmentation.nlq.fixture import parse_as_lisi

_parse = parse_as_lisi


# ---------------------------------------------------------------- loosening, then how


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("放宽一点，不限男女", "Gender"),  # zh-Hans
        ("放宽些，不限城市", "City"),
        ("那就放宽一点吧，时间不限", WINDOW),
        ("放寬一點，不限男女", "Gender"),  # zh-Hant Taiwan
        ("放寬條件，不限城市", "City"),
        ("放闊啲，唔使理性別", "Gender"),  # Cantonese
        ("鬆啲啦，唔理城市", "City"),
        ("loosen it up a bit, drop the gender", "Gender"),  # English
        ("widen it a little: any city", "City"),
        ("relax the filters, forget the time limit", WINDOW),
        ("放宽一点, drop the city", "City"),  # mixed
        ("loosen it up，不限性别", "Gender"),
    ],
)
def test_a_loosening_then_a_widening_takes_that_condition_off(text: str, kind: str) -> None:
    widening = read_widening(text)
    assert widening is not None and widening.kind == kind, text


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("放宽一点，近90天", "近90天"),
        ("放寬一點，近半年", "近半年"),
        ("放闊啲，近半年", "近半年"),
        ("widen it a bit, last 90 days", "last 90 days"),
        ("loosen it up, 近30天", "近30天"),
    ],
)
def test_a_loosening_then_a_window_is_that_window(text: str, window: str) -> None:
    assert window_swap_words(text) == window


@pytest.mark.parametrize(
    "text", ["放宽一点", "放寬一點", "放闊啲啦", "鬆啲", "loosen it up a bit", "widen it"]
)
def test_a_loosening_alone_names_nothing(text: str) -> None:
    assert loosening_alone(text)
    assert read_widening(text) is None


@pytest.mark.parametrize("text", ["放宽到30天", "不限城市", "只要上海的", "放宽一点点到30天"])
def test_no_loosening_lead_is_taken_off_what_has_none(text: str) -> None:
    assert without_loosening(text) == text
    assert not loosening_alone(text)


# ---------------------------------------------------------------- a row by its position


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("第二个", 2),  # zh-Hans
        ("第2位", 2),
        ("第二个的情况", 2),
        ("第二個嘅資料", 2),  # Cantonese
        ("第二位客人的資料", 2),  # Taiwan
        ("the second one", 2),  # English
        ("2nd", 2),
        ("No.2", 2),
        ("No. 2 please", 2),
        ("number two", 2),
        ("the second one 的情况", 2),  # mixed
        ("2nd 的资料", 2),
        ("second one 嘅資料", 2),
        ("number 3 的详情", 3),
        ("第2位 pls", 2),
    ],
)
def test_a_row_is_picked_by_its_position_in_every_form(text: str, row: int) -> None:
    assert row_number(text) == row


@pytest.mark.parametrize("text", ["the second one上海", "第二个上海的", "second hand"])
def test_more_words_after_the_position_pick_no_row(text: str) -> None:
    assert row_number(text) is None


# ---------------------------------------------------------------- each one's value


@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("这些人各在哪个城市", "city"),  # zh-Hans (这两个人: the chat says whom)
        ("他们分别是哪个城市的", "city"),
        ("他们都是哪个城市的", "city"),
        ("城市分别是哪里", "city"),
        ("各自跟进人是谁", "owner"),
        ("這些人各在哪個城市", "city"),  # zh-Hant Taiwan
        ("她們都住哪裡", "city"),
        ("他們各自的負責人是誰", "owner"),
        ("佢哋各自喺邊度", "city"),  # Cantonese
        ("佢哋各自喺邊個城市", "city"),
        ("where is each of them from", "city"),  # English
        ("where are they all based", "city"),
        ("who follows each of them", "owner"),
        ("这些人 each 在哪个城市", "city"),  # mixed (the English word is dropped as a filler)
    ],
)
def test_each_ones_value_is_the_spread_of_the_answer(text: str, by: str) -> None:
    found = _parse(text)
    assert isinstance(found, Command) and found.intent == "breakdown", f"{text!r}: {found}"
    assert found.details["by"] == by


@pytest.mark.parametrize("text", ["她在哪个城市", "佢喺邊度", "where is she from"])
def test_one_customers_value_is_no_spread(text: str) -> None:
    found = _parse(text)
    assert not (isinstance(found, Command) and found.intent == "breakdown"), text


# ---------------------------------------------------------------- a name, then what they did


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("看看Mike买的啥", "Mike"),
        ("Mike买的什么", "Mike"),
        ("Alice问的啥", "Alice"),
        ("Mike买啥了", "Mike"),
        ("Bob咨询的是什么", "Bob"),
        ("睇下Frank買咗咩", "Frank"),
        ("Frank買的是什麼", "Frank"),
    ],
)
def test_a_name_then_what_they_bought_is_their_card(text: str, name: str) -> None:
    found = _parse(text)
    assert isinstance(found, Command) and found.intent == "customer", f"{text!r}: {found}"
    assert found.details["customer"] == name


# ---------------------------------------------------------------- "add": AND or OR


@pytest.mark.parametrize(
    "text",
    [
        "再加上近7天有下單的",
        "加上近7天有下单的",
        "加多個近7日落過單嘅",
        "add ordered in the last 7 days",
    ],
)
def test_an_add_verb_alone_may_add_a_condition_or_customers(text: str) -> None:
    assert adds_either_way(text)


@pytest.mark.parametrize(
    "text",
    ["北京的也算上", "连VIP的也要", "加上北京的也算上", "add Beijing too", "also include VIPs"],
)
def test_counted_in_words_say_customers_are_added(text: str) -> None:
    assert not adds_either_way(text)


# ---------------------------------------------------------------- a whole period


@pytest.mark.parametrize(
    ("text", "phrase", "first"),
    [
        ("整个月下过单的客户", "整个月", "本月"),
        ("一整个季度没下单的客户", "一整个季度", "本季度"),
        ("整個月有落單嘅客", "整个月", "本月"),
        ("整整一年没来过店的客户", "整整一年", "今年"),
        ("customers who ordered in a whole month", "a whole month", "this month"),
        ("customers with no order for an entire quarter", "an entire quarter", "this quarter"),
        ("一整个星期 inquired 的客户", "一整个星期", "本周"),
    ],
)
def test_a_whole_period_with_no_period_named_is_asked_naming_it(
    text: str, phrase: str, first: str
) -> None:
    found = _parse(text)
    assert isinstance(found, Clarification), f"{text!r}: {found}"
    assert f"“{phrase}”" in found.message and found.suggestions[0] == first


@pytest.mark.parametrize(
    "text", ["本月下过单的客户", "近一个季度下过单的客户", "last month's orders"]
)
def test_a_named_period_is_no_whole_period(text: str) -> None:
    assert isinstance(_parse(text), Command), text


# ---------------------------------------------------------------- 渠道活码 before a quoted code


@pytest.mark.parametrize(
    "text",
    [
        "通过渠道活码“展会2026”加的客户",
        "渠道活码“展会2026”的客户",
        "通过活码“展会2026”加的客户",
        "通過渠道活碼「展會2026」加嘅客",
    ],
)
def test_the_kind_word_before_a_quoted_code_is_no_code(text: str) -> None:
    found = _parse(text)
    assert isinstance(found, Command) and found.segment == ChannelCode(("展会2026",)), found


def test_an_unknown_quoted_code_is_asked_by_its_own_name() -> None:
    found = _parse("通过渠道活码“火星”加的客户")
    assert isinstance(found, Clarification) and "“火星”" in found.message
