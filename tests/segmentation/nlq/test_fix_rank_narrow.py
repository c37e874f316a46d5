"""Rankings narrowed, cut, turned round and replaced (issue 19, blind-s19-conv2): "只看上海的"
after a ranking ranks again among its customers that are in Shanghai (spec §2 "top / bottom
share"), "其中上海的" keeps to the rows shown, in rank order; "改成前2名" / "make it top 2"
keeps the measure; "反轉佢" / "flip it around" / "from the bottom" turn it round; "And the
bottom 2?" / "那最后两名呢" replace it, never nest in it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.commands.context import _ranked_again
from bot.commands.ranked_pick import picked_out
from segmentation.nlq.followup import AND, WITHOUT, FollowUp, read_follow_up
from segmentation.nlq.rank_pick import BOTTOM, OTHER, TOP, read_ranked_pick
from segmentation.nodes import (
    And,
    CalendarWindow,
    City,
    Gender,
    InDepartment,
    Ranked,
)
from segmentation.ranking import ranked_node

THIS_YEAR = CalendarWindow(unit="year", offset=0)
TOP_5 = Ranked(InDepartment((2,)), "top", 5, None, THIS_YEAR, "spend")
BOTTOM_5 = Ranked(InDepartment((1,)), "bottom", 5, None, None, "orders")
TOP_20_PERCENT = Ranked(InDepartment((1,)), "top", None, Decimal(20), None, "spend")
SHANGHAI = City(("上海",))

# ---------------------------------------------------------------- only X ranks again


@pytest.mark.parametrize(
    "text",
    ["只看上海的", "只要上海的", "淨係睇上海嘅", "就看上海的吧", "only the ones in Shanghai",
     "just Shanghai", "只要 shanghai 的"],
)  # fmt: skip
def test_only_x_after_a_ranking_ranks_again_among_x(text: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.mode == AND and not follow.pointed, follow
    again = _ranked_again(TOP_5, SHANGHAI, follow)
    assert again == Ranked(And((InDepartment((2,)), SHANGHAI)), "top", 5, None, THIS_YEAR)


def test_what_about_x_after_a_ranking_ranks_again() -> None:
    follow = read_follow_up("那上海的呢")
    assert follow is not None and follow.loose
    again = _ranked_again(TOP_20_PERCENT, SHANGHAI, follow)
    assert again is not None and again.percent == Decimal(20) and SHANGHAI in again.base.children


@pytest.mark.parametrize("text", ["其中上海的", "这些里面上海的", "of these, the ones in Shanghai"])
def test_among_these_stays_the_rows_shown(text: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.pointed and not follow.loose
    assert _ranked_again(TOP_5, SHANGHAI, follow) is None


def test_without_x_and_no_ranking_are_not_ranked_again() -> None:
    assert _ranked_again(TOP_5, SHANGHAI, FollowUp(WITHOUT, "上海的", False, pointed=False)) is None
    assert _ranked_again(SHANGHAI, Gender(2), FollowUp(AND, "女的", False, pointed=False)) is None
    # a ranking said in the narrowing is the pick's or the sort's, not a condition
    assert _ranked_again(TOP_5, BOTTOM_5, FollowUp(AND, "x", False, pointed=False)) is None


def test_the_rows_shown_keep_the_order_of_their_ranking() -> None:
    assert ranked_node(And((TOP_5, SHANGHAI))) == TOP_5
    assert ranked_node(And((TOP_5, BOTTOM_5))) is None  # two orders: none is the list's
    assert ranked_node(SHANGHAI) is None


# ---------------------------------------------------------------- the count changed


@pytest.mark.parametrize(
    ("text", "count"),
    [("改成前2名", 2), ("换成头3个", 3), ("變成前兩位", 2), ("改做頭2個", 2), ("改成前10名", 10),
     ("换成前二十个", 20), ("make it top 2", 2), ("make it the top 8", 8),
     ("change it to the top 3", 3), ("top 2 instead", 2), ("just the top 3", 3),
     ("let's do top 5", 5)],
)  # fmt: skip
def test_a_new_count_keeps_the_ranking(text: str, count: int) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and pick.end == TOP and pick.count == count, pick
    cut = picked_out(TOP_5, pick)
    assert cut == Ranked(TOP_5.base, "top", count, None, THIS_YEAR, "spend")


@pytest.mark.parametrize(
    ("text", "count"),
    [("改成3个", 3), ("换成5位就得", 5), ("改做兩個", 2), ("make it 3", 3),
     ("make it 3 instead", 3), ("change it to 10", 10)],
)  # fmt: skip
def test_a_count_alone_keeps_the_end(text: str, count: int) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and pick.end is None and pick.count == count, pick
    cut = picked_out(BOTTOM_5, pick)
    assert cut == Ranked(BOTTOM_5.base, "bottom", count, None, None, "orders")


@pytest.mark.parametrize("text", ["改成前0名", "make it 0", "改成前三五个", "倒过来3个"])
def test_no_count_is_no_change(text: str) -> None:
    pick = read_ranked_pick(text)
    assert pick is None or pick.count != 0


# ---------------------------------------------------------------- turned round alone


@pytest.mark.parametrize(
    "text",
    ["反轉佢", "倒轉佢", "調轉佢啦", "反过来看看", "那倒過來呢", "倒过来", "翻转一下", "把它倒过来",
     "flip it", "flip it around", "reverse it please", "the other way round", "turn it upside down",
     "flip 一下", "倒过来 please", "颠倒一下"],
)  # fmt: skip
def test_a_flip_is_the_other_end_as_many(text: str) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and pick.end == OTHER and pick.count is None, pick
    assert picked_out(TOP_5, pick) == Ranked(TOP_5.base, "bottom", 5, None, THIS_YEAR)
    assert picked_out(BOTTOM_5, pick).direction == "top"


@pytest.mark.parametrize(
    ("text", "end"),
    [("now from the bottom", BOTTOM), ("start from the bottom", BOTTOM), ("从后面数", BOTTOM),
     ("由尾開始數", BOTTOM), ("倒着数", BOTTOM), ("從後面數起", BOTTOM), ("from the top", TOP),
     ("由頭開始", TOP)],
)  # fmt: skip
def test_counted_from_an_end(text: str, end: str) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and pick.end == end and pick.count is None, pick
    assert picked_out(TOP_5, pick) == Ranked(TOP_5.base, end, 5, None, THIS_YEAR)


def test_a_sort_said_with_the_flip_is_no_pick() -> None:
    # "倒过来排" sorts the same rows the other way (sorted_list), it picks none
    assert read_ranked_pick("倒过来排") is None
    assert read_ranked_pick("以后呢") is None


# ---------------------------------------------------------------- the other end, replacing


@pytest.mark.parametrize(
    ("text", "end", "count"),
    [("And the bottom 2?", BOTTOM, 2), ("and the top 3?", TOP, 3), ("那最后两名呢", BOTTOM, 2),
     ("倒數兩個呢", BOTTOM, 2), ("包尾嗰兩個呢", BOTTOM, 2), ("and the lowest 3", BOTTOM, 3)],
)  # fmt: skip
def test_the_other_end_asked_replaces_the_ranking(text: str, end: str, count: int) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and pick.what_about, pick
    ranking = TOP_20_PERCENT if end == BOTTOM else BOTTOM_5
    turned = picked_out(ranking, pick)
    assert turned == Ranked(ranking.base, end, count, None, ranking.window, ranking.by)


def test_the_other_end_said_plainly_stays_a_pick_of_the_rows() -> None:
    pick = read_ranked_pick("the bottom two")
    assert pick is not None and not pick.what_about
    assert picked_out(TOP_5, pick).base == TOP_5
