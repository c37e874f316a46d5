"""A ranking changed step by step (issue 19): asked again over another period (换成近30天的消费
排名, 用上個月嘅消費再排過, "rank by last month's spend instead") it keeps its end, count and
customers; a new count said with no unit after a word of place (改成前5) and 要前十个 lengthen
it; 掉轉嚟睇 turns it round; "of these, the biggest spender" (其中消费最多的) is the one at that
end. The conversations are in tests/commands/conversations/rank-steps.txt."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.commands.rank_steps import rewindowed
from segmentation.nlq.rank_pick import BOTTOM, OTHER, TOP, read_ranked_pick
from segmentation.nlq.rank_window import ORDERS, SPEND, RankWindow, read_rank_window
from segmentation.nodes import (
    All,
    And,
    CalendarWindow,
    City,
    InDepartment,
    Owner,
    Ranked,
    RollingWindow,
)
from segmentation.text import normalize

LAST_MONTH = CalendarWindow(unit="month", offset=-1)
DAYS_30 = RollingWindow(30, "days")
TOP_3 = Ranked(InDepartment((1,)), "top", 3, None, None, "spend")

# ---------------------------------------------------------------- the period said


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("换成近30天的消费排名", "近30天"),
        ("按近30天的消费再排一次", "近30天"),
        ("按近30天的消费重新排一下", "近30天"),
        ("换成按近半年的消费排", "近半年"),
        ("那按上个月的消费重新排", "上个月"),
        ("改成近7天的消費排", "近7天"),
        ("改用上個月的消費重新排", "上个月"),
        ("用上個月嘅消費再排過", "上个月"),
        ("改用近30日嘅消費排", "近30日"),
        ("改做上個月嘅消費排", "上个月"),
        ("用近30日嘅消費排過", "近30日"),
        ("改睇上个月嘅消费排名", "上个月"),
        ("Rank by last month's spend instead", "last month"),
        ("Re-rank by spend over the last 90 days", "the last 90 days"),
        ("rank them again by last month's spend", "last month"),
        ("Switch to last month’s spend", "last month"),
        ("Use last month's spend instead", "last month"),
        ("Now rank by 30-day spend", "30 day"),
        ("换成 last month 的 spend 排", "last month"),
        # asked as "what about …": the ranking shown, over that period
        ("那按上个月的消费排呢", "上个月"),
        ("上個月嘅消費排名呢", "上个月"),
        ("what about last month's spend?", "last month"),
        ("and by the last 90 days' spend?", "last 90 days"),
    ],
)
def test_a_ranking_asked_again_over_a_period_says_the_period(text: str, words: str) -> None:
    assert read_rank_window(normalize(text)) == RankWindow(words, SPEND)


@pytest.mark.parametrize(
    "text",
    [
        "换回累计消费排",
        "用返累計消費排過",
        "use all-time spend instead",
        "rank by lifetime spend instead",
    ],
)
def test_all_time_said_is_no_window(text: str) -> None:
    assert read_rank_window(normalize(text)) == RankWindow(None, SPEND)


def test_the_number_of_orders_said_ranks_by_orders() -> None:
    assert read_rank_window(normalize("换成按近30天的下单次数排")) == RankWindow("近30天", ORDERS)


@pytest.mark.parametrize(
    "text",
    [
        "按近30天的消费排一下",  # a sort said plainly: the rows shown sorted (sorted_list.py)
        "近30天的消费排名",  # a ranking of its own
        "rank by last month's spend",
        "近30天的累计消费再排一次",  # two periods
        "换成消费最多的",  # the end, not the period (rank_pick.py)
        "换成近30天",  # no measure: a window swapped (context.py)
        "last month's spend",
    ],
)
def test_no_change_of_the_ranking_said_is_read_as_usual(text: str) -> None:
    assert read_rank_window(normalize(text)) is None


# ---------------------------------------------------------------- the ranking kept


def test_a_new_period_keeps_the_end_the_count_and_the_customers() -> None:
    bottom_5 = Ranked(Owner(("zhaoliu",)), "bottom", 5, None, None, "spend")
    assert rewindowed(bottom_5, DAYS_30, SPEND) == Ranked(
        Owner(("zhaoliu",)), "bottom", 5, None, DAYS_30, "spend"
    )


def test_all_time_takes_the_window_off_and_a_share_stays_a_share() -> None:
    share = Ranked(All(), "top", None, Decimal(20), DAYS_30, "spend")
    assert rewindowed(share, None, SPEND) == Ranked(All(), "top", None, Decimal(20), None, "spend")


def test_a_ranking_of_the_rows_of_another_is_changed_all_the_way_down() -> None:
    lowest_first = Ranked(TOP_3, "bottom", None, Decimal(100), None, "spend")
    changed = rewindowed(lowest_first, LAST_MONTH, SPEND)
    assert changed == Ranked(
        Ranked(InDepartment((1,)), "top", 3, None, LAST_MONTH, "spend"),
        "bottom",
        None,
        Decimal(100),
        LAST_MONTH,
        "spend",
    )


def test_a_narrowed_ranking_ranks_the_customers_the_narrowing_keeps() -> None:
    narrowed = And((TOP_3, City(("上海",))))
    assert rewindowed(narrowed, DAYS_30, SPEND) == Ranked(
        And((InDepartment((1,)), City(("上海",)))), "top", 3, None, DAYS_30, "spend"
    )


def test_orders_said_rank_by_orders() -> None:
    assert rewindowed(TOP_3, DAYS_30, ORDERS) == Ranked(
        InDepartment((1,)), "top", 3, None, DAYS_30, "orders"
    )


def test_an_answer_that_is_no_ranking_is_left_alone() -> None:
    assert rewindowed(City(("上海",)), DAYS_30, SPEND) is None


# ---------------------------------------------------------------- the count, the end, the one


@pytest.mark.parametrize(
    ("text", "end", "count"),
    [("改成前5", TOP, 5), ("前5", TOP, 5), ("要前十个", TOP, 10), ("要后3个", BOTTOM, 3)],
)
def test_a_new_count_after_a_word_of_place_needs_no_unit(text: str, end: str, count: int) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and (pick.end, pick.count) == (end, count)


def test_a_bare_number_after_a_superlative_is_no_count() -> None:
    assert read_ranked_pick("最多3") is None


@pytest.mark.parametrize("text", ["掉轉嚟睇", "倒转来看", "调转嚟睇下", "倒过来"])
def test_turned_round_with_come_is_the_other_end(text: str) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and pick.end == OTHER


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("其中消费最多的", TOP),
        ("其中消費最少的", BOTTOM),
        ("呢啲入面使錢最多嘅", TOP),
        ("其中消费最多的是谁", TOP),
        ("of these, the biggest spender", TOP),
    ],
)
def test_among_the_rows_shown_an_end_with_no_count_is_one(text: str, end: str) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and (pick.end, pick.count, pick.among) == (end, 1, True)


def test_the_ones_at_an_end_stay_as_many() -> None:
    pick = read_ranked_pick("其中消费最多的那些")
    assert pick is not None and pick.count is None
    pick = read_ranked_pick("那最后的呢")  # the last rows, no 其中: as many as shown
    assert pick is not None and pick.count is None
