"""Edits of the last list, the parser's part: two periods together (nlq/together_words.py),
a list widened by another kind of condition (nlq/also_other.py), and the node a list edited
by name is (kinds/customer_ids.py). The conversation's part is in
tests/commands/conversations/fix-list-edits.txt."""

from __future__ import annotations

from datetime import date

import pytest

from segmentation.kinds.customer_ids import NamedCustomers
from segmentation.nlq.also_other import WhichWindow, widened_by_other
from segmentation.nlq.followup import ALSO, read_follow_up
from segmentation.nlq.restate import describe
from segmentation.nlq.swap import Ambiguous
from segmentation.nlq.together_words import read_together
from segmentation.nodes import (
    And,
    CalendarWindow,
    City,
    DateRangeWindow,
    HasTag,
    Not,
    Or,
    Owner,
    Performed,
    RollingWindow,
    SegmentFormatError,
    canonical,
    from_json,
    to_json,
)
from segmentation.windows import covering_window
from tests.segmentation.nlq.fixture import NOW, TZ, small_vocabulary

# ---------------------------------------------------------------- two periods together


@pytest.mark.parametrize(
    ("text", "count", "said"),
    [
        ("两个月一起看", False, True),
        ("两个月的一起看", False, True),
        ("兩個月的一起看", False, True),
        ("这两周一起看呢", False, True),
        ("两个月加起来", False, True),
        ("两个月加起来有几个", True, True),
        ("两个月的合起来看看", False, True),
        ("合起来看", False, False),
        ("把两个月合并一下", False, True),
        ("兩個月合埋一齊睇", False, True),
        ("兩個加埋一齊睇", False, False),
        ("一齊睇", False, False),
        ("both months", False, True),
        ("both months together", False, True),
        ("show both months together", False, True),
        ("combine the two periods", False, True),
        ("put them together", False, False),
        ("how many across both months", True, True),
        ("together please", False, False),
        ("两个月 together", False, True),
        ("both months 一起看", False, True),
    ],
)
def test_two_periods_together_in_every_form(text: str, count: bool, said: bool) -> None:
    found = read_together(text)
    assert found is not None, text
    assert (found.count, found.periods_said) == (count, said)


@pytest.mark.parametrize(
    "text",
    [
        "上海的一起看",
        "两个都要",
        "both",
        "一起发",
        "给她们一起发消息",
        "tag them together with VIP",
        "近30天下过单的客户",
        "how many months",
    ],
)
def test_no_periods_together(text: str) -> None:
    assert read_together(text) is None


# ---------------------------------------------------------------- widened by another kind

ORDERED_LAST_MONTH = Performed("order", CalendarWindow("month", -1))
MINE = Owner(("zhangsan",))


@pytest.mark.parametrize(
    "text",
    ["加上 inquired 的", "再加上咨询过的", "同埋有問價嘅", "also include those who inquired"],
)
def test_the_widening_words_are_read_as_also(text: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.mode == ALSO


def test_another_kind_is_or_with_whose_kept_and_the_window_taken() -> None:
    widened = widened_by_other(And((MINE, ORDERED_LAST_MONTH)), Performed("inquiry"))
    inquired = Performed("inquiry", CalendarWindow("month", -1))
    assert widened.node == And((MINE, Or((ORDERED_LAST_MONTH, inquired))))
    assert widened.window_taken == CalendarWindow("month", -1)


def test_a_condition_with_its_own_window_keeps_it() -> None:
    own = Performed("inquiry", RollingWindow(7, "days"))
    widened = widened_by_other(ORDERED_LAST_MONTH, own)
    assert widened.node == Or((ORDERED_LAST_MONTH, own))
    assert widened.window_taken is None


def test_a_condition_that_takes_no_window_widens_as_it_is() -> None:
    widened = widened_by_other(ORDERED_LAST_MONTH, HasTag("VIP"))
    assert widened.node == Or((ORDERED_LAST_MONTH, HasTag("VIP")))
    assert widened.window_taken is None


def test_new_ones_with_whose_of_their_own_are_a_group_of_their_own() -> None:
    theirs = And((Owner(("lisi",)), HasTag("金卡")))
    previous = And((MINE, HasTag("VIP")))
    assert widened_by_other(previous, theirs).node == Or((previous, theirs))


def test_whose_alone_is_nothing_to_add_to() -> None:
    with pytest.raises(Ambiguous):
        widened_by_other(MINE, Performed("inquiry"))


def test_a_negated_list_is_asked() -> None:
    with pytest.raises(Ambiguous):
        widened_by_other(Not(City(("上海",))), HasTag("VIP"))


def test_several_windows_ask_which() -> None:
    previous = And(
        (
            Performed("inquiry", RollingWindow(30, "days")),
            Not(Performed("order", RollingWindow(7, "days"))),
        )
    )
    with pytest.raises(WhichWindow) as asked:
        widened_by_other(previous, Performed("visit"))
    assert asked.value.windows == (RollingWindow(30, "days"), RollingWindow(7, "days"))


# ---------------------------------------------------------------- customers named one by one


def test_named_customers_round_trip_and_canonical_order() -> None:
    node = Not(NamedCustomers(("c09", "c02"), ("Ivan", "Bob")))
    assert from_json(to_json(node)) == node
    assert canonical(node) == Not(NamedCustomers(("c02", "c09"), ("Bob", "Ivan")))


@pytest.mark.parametrize(
    ("ids", "names"), [((), ()), (("c01",), ()), (("c01", "c02"), ("Alice",)), (("",), ("x",))]
)
def test_named_customers_need_one_name_per_id(ids: tuple[str, ...], names: tuple[str, ...]) -> None:
    with pytest.raises(SegmentFormatError):
        NamedCustomers(ids, names)


def test_a_list_without_named_customers_is_said_with_their_names() -> None:
    node = And(
        (Performed("inquiry", RollingWindow(30, "days")), Not(NamedCustomers(("c02",), ("Bob",))))
    )
    vocab = small_vocabulary()
    assert "不是Bob" in describe(node, "zh", NOW, TZ, vocab)
    assert "are not Bob" in describe(node, "en", NOW, TZ, vocab)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # two whole months side by side: one range of whole days
        (
            DateRangeWindow(date(2026, 9, 1), date(2026, 9, 30)),
            CalendarWindow("month", -1),
            DateRangeWindow(date(2026, 9, 1), date(2026, 10, 31)),
        ),
        # a month and this month (to now): from the first day on
        (
            CalendarWindow("month", -1),
            CalendarWindow("month", 0),
            DateRangeWindow(date(2026, 10, 1), None),
        ),
        # one holds the other: the wider
        (RollingWindow(7, "days"), RollingWindow(30, "days"), RollingWindow(30, "days")),
        # a gap (September and November): no one window
        (DateRangeWindow(date(2026, 9, 1), date(2026, 9, 30)), CalendarWindow("month", 0), None),
        # last month and the last 20 days overlap: from the month's first day to now
        (
            RollingWindow(20, "days"),
            CalendarWindow("month", -1),
            DateRangeWindow(date(2026, 10, 1), None),
        ),
    ],
)
def test_two_windows_covered_by_one(first, second, joined) -> None:
    assert covering_window(first, second, NOW, TZ) == joined
    assert covering_window(second, first, NOW, TZ) == joined
