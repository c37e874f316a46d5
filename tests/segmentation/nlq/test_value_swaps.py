"""Swaps that name what they replace, drops said by both values, a named period said again
as whole and the answer pointed at by how it was found (issue 19): the words, and the tree
operations, each without the chat."""

from __future__ import annotations

from decimal import Decimal

import pytest

from segmentation.nlq.followup import read_follow_up, window_swap_words
from segmentation.nlq.value_swap import (
    with_event_kind,
    with_number,
    with_other_gender,
    with_part_replaced,
)
from segmentation.nlq.value_swap_words import ValueSwap, read_value_swap
from segmentation.nlq.whole_periods import without_restated_whole
from segmentation.nlq.widen import WINDOW, read_widening
from segmentation.nodes import (
    And,
    City,
    EventCount,
    Gender,
    HasTag,
    Not,
    Or,
    Performed,
    RollingWindow,
    Spend,
)

DAYS_30 = RollingWindow(30, "days")


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("把北京改为上海", "北京", "上海"),
        ("北京换成上海", "北京", "上海"),
        ("将北京改做上海吧", "北京", "上海"),
        ("北京轉做上海", "北京", "上海"),
        ("唔要北京，要上海", "北京", "上海"),
        ("不要北京了，看上海", "北京", "上海"),
        ("用待跟進代替VIP", "VIP", "待跟進"),
        ("city 换成 上海", "city", "上海"),
        ("性别换一下，看女的", "性别", "女的"),
        ("性別換一下，睇女仔", "性別", "女仔"),
        ("把詢價換成下單", "詢價", "下單"),
        ("Shanghai instead of Beijing", "Beijing", "Shanghai"),
        ("instead of Beijing, Shanghai", "Beijing", "Shanghai"),
        ("swap 金卡 for VIP", "金卡", "VIP"),
        ("replace Beijing with Shanghai", "Beijing", "Shanghai"),
        ("change the city to Shanghai", "city", "Shanghai"),
        ("make the city Shanghai", "city", "Shanghai"),
        ("switch inquiries to orders", "inquiries", "orders"),
        ("raise it to 5000", "", "5000"),
        ("提高到2000", "", "2000"),
    ],
)
def test_a_swap_names_what_it_replaces(text: str, old: str, new: str) -> None:
    assert read_value_swap(text) == ValueSwap(old, new)


@pytest.mark.parametrize("text", ["换个性别", "性別調返轉", "the other gender", "flip the gender"])
def test_the_other_gender_is_a_swap_of_its_own(text: str) -> None:
    swap = read_value_swap(text)
    assert swap is not None and swap.to_other


@pytest.mark.parametrize(
    "text",
    ["换成上海", "换成“双11预热”", "change it to Beijing", "make it men", "上海的VIP客户",
     "Shanghai", "把他们换成VIP", "时间放宽到三个月"],
)  # fmt: skip
def test_what_names_no_old_part_is_no_such_swap(text: str) -> None:
    assert read_value_swap(text) is None


def test_a_named_condition_is_replaced_and_the_rest_kept() -> None:
    node = And((City(("北京",)), Gender(1), Performed("inquiry", DAYS_30)))
    swapped = with_part_replaced(node, City(("北京",)), City(("上海",)))
    assert swapped == And((City(("上海",)), Gender(1), Performed("inquiry", DAYS_30)))


def test_an_old_value_not_in_the_answer_or_of_another_kind_replaces_nothing() -> None:
    node = And((City(("北京",)), HasTag("VIP")))
    assert with_part_replaced(node, City(("广州",)), City(("上海",))) is None
    assert with_part_replaced(node, HasTag("VIP"), City(("上海",))) is None


def test_an_event_swapped_keeps_its_window_count_and_negation() -> None:
    node = And((Performed("inquiry", DAYS_30), Not(EventCount("inquiry", ">=", 2))))
    swapped = with_event_kind(node, "inquiry", "order")
    assert swapped == And((Performed("order", DAYS_30), Not(EventCount("order", ">=", 2))))


def test_an_event_swapped_for_one_the_answer_already_has_is_no_swap() -> None:
    node = And((Performed("inquiry", DAYS_30), Not(Performed("order", DAYS_30))))
    assert with_event_kind(node, "inquiry", "order") is None
    assert with_event_kind(node, "visit", "cart") is None


def test_the_other_gender_needs_exactly_one() -> None:
    assert with_other_gender(And((City(("上海",)), Gender(1)))) == And((City(("上海",)), Gender(2)))
    assert with_other_gender(City(("上海",))) is None
    assert with_other_gender(Or((Gender(1), Gender(2)))) is None


def test_a_number_alone_replaces_the_one_amount_keeping_its_comparison() -> None:
    node = And((Spend(">", Decimal(1000)), HasTag("VIP")))
    assert with_number(node, None, Decimal(5000)) == And((Spend(">", Decimal(5000)), HasTag("VIP")))
    assert with_number(node, Decimal(3000), Decimal(5000)) is None  # no 3000 to change


@pytest.mark.parametrize(
    ("text", "kind", "rest"),
    [
        ("男女都要", "Gender", ""),
        ("男的女的都要，有几个", "Gender", "有几个"),
        ("男仔女仔都得", "Gender", ""),
        ("不论男女都要", "Gender", ""),
        ("both men and women", "Gender", ""),
        ("men and women alike", "Gender", ""),
        ("all genders", "Gender", ""),
        ("either gender", "Gender", ""),
        ("唔使理時間，總共有幾多個", WINDOW, "總共有幾多個"),
        ("forget the time limit, how many altogether?", WINDOW, "how many altogether"),
    ],
)
def test_both_values_or_no_limit_drop_the_condition(text: str, kind: str, rest: str) -> None:
    widening = read_widening(text)
    assert widening is not None and (widening.kind, widening.rest) == (kind, rest)


@pytest.mark.parametrize("text", ["男女", "男女都要吗", "上海北京都要"])
def test_both_genders_said_without_wanting_both_drops_nothing(text: str) -> None:
    assert read_widening(text) is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("上個月成個月", "上個月"),
        ("上个月整个月下单的客户", "上个月下单的客户"),
        ("October 整个月", "October"),
        ("the whole of October", "October"),
        ("all of last month", "last month"),
        ("last month, the whole month", "last month"),
        ("整个月没下单", "整个月没下单"),  # no period named: asked back by the parser
    ],
)
def test_a_named_period_said_again_as_whole_is_that_period(text: str, said: str) -> None:
    assert without_restated_whole(text) == said


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("上個月成個月呢", "上個月"),
        ("那 October 整个月", "October"),
        ("range 放大到 60 天", "60 天"),
        ("window 拉长到三个月", "三个月"),
    ],
)
def test_a_window_restated_or_resized_leaves_the_window(text: str, left: str) -> None:
    assert window_swap_words(text) == left


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("刚查出来这几位里男的", "男的"),
        ("上面列出来的人里上海的", "上海的"),
        ("剛才搜到嘅嗰班人入面有VIP嘅", "有VIP嘅"),
    ],
)
def test_the_answer_said_by_how_it_was_found_is_a_pointer(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.pointed and follow.rest == rest
