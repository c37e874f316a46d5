"""A window made wider or narrower (放宽到30天, 時間延長到三個月, 放闊到90日睇下, widen it to 30
days, go back 90 days); a part swapped with Cantonese and Taiwan verbs (換去上海睇下, 換做北京呢,
轉做…得唔得) or said "instead" / "make that" / "rather"; and the list of a window that is over
showing and ordering by the activity in that window (issue 19, spec §2c and §5)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from segmentation.engine import default_context, segment_listed
from segmentation.fact_types import LastEvent
from segmentation.facts import activity_of, facts_of, read_facts
from segmentation.nlq.followup import read_follow_up, window_swap_words
from segmentation.nodes import (
    And,
    CalendarWindow,
    DateRangeWindow,
    Not,
    Performed,
    RollingWindow,
    Window,
)
from segmentation.scope import Requester
from tests.segmentation.nlq.fixture import NOW, TZ, load_fixture

CTX = default_context(TZ)
BOSS = Requester("boss", "admin")


# ---------------------------------------------------------------- a window widened or narrowed


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("放宽到30天", "30天"),
        ("再放宽到30天看看", "30天"),
        ("把时间拉长到一个月", "一个月"),
        ("范围扩大到90天吧", "90天"),
        ("缩短到7天", "7天"),
        ("拉到上上周", "上上周"),
        ("时间段调成上个月", "上个月"),
        ("時間延長到三個月", "三個月"),
        ("範圍縮短到7天", "7天"),
        ("放闊到90日睇下", "90日"),
        ("收窄到近7日得唔得", "近7日"),
        ("拉到三個月啦", "三個月"),
        ("Widen it to 30 days", "30 days"),
        ("extend the window to a quarter", "a quarter"),
        ("stretch it out to 3 months", "3 months"),
        ("narrow it down to 7 days", "7 days"),
        ("shorten the range to the last 14 days", "the last 14 days"),
        ("go back 90 days", "90 days"),
        ("look back over the last 60 days", "the last 60 days"),
        ("Make it 30 days instead", "30 days"),
        ("make that the last 30 days", "the last 30 days"),
        ("instead, the last 90 days", "the last 90 days"),
        ("widen 到 30天", "30天"),
        ("make it 一个月", "一个月"),
    ],
)
def test_a_widened_or_narrowed_window_leaves_the_window_alone(text: str, window: str) -> None:
    assert window_swap_words(text) == window


@pytest.mark.parametrize(
    ("text", "verb"), [("延长一个月", "延长"), ("拉长一周", "拉长"), ("extend it by a month", "by")]
)
def test_by_how_much_is_not_to_what(text: str, verb: str) -> None:
    # 延长一个月 says by how much: the verb stays, no window alone is left (asked back)
    words = window_swap_words(text)
    assert words is not None and verb in words


# ---------------------------------------------------------------- 換去 / 換做 / 轉做 / 改為 …


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("換去上海睇下", "上海"),
        ("換做北京呢", "北京呢"),
        ("换去北京看看", "北京"),
        ("轉做北京得唔得", "北京"),
        ("轉去金卡嘅啦", "金卡嘅"),
        ("改做張三嘅吧", "張三嘅"),
        ("改為李四的", "李四的"),
        ("改成一般保持的", "一般保持的"),
        ("换成金卡吧", "金卡"),
        ("變成有查詢嘅", "有查詢嘅"),
        ("那换成北京的呢", "北京的呢"),
        ("不如換做VIP睇吓", "VIP"),
        ("咁換咗去上海先", "上海"),
    ],
)
def test_a_swap_verb_is_taken_off_what_takes_the_place(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.loose and follow.swap
    assert follow.rest == rest


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Show me customers to keep instead", "Show me customers to keep"),
        ("How many customers to keep instead?", "How many customers to keep"),
        ("Beijing instead", "Beijing"),
        ("instead, customers to keep", "customers to keep"),
        ("Instead of that, the VIPs", "the VIPs"),
        ("make that 金卡", "金卡"),
        ("make it Beijing", "Beijing"),
        ("rather Li Si's", "Li Si's"),
        ("the VIPs, rather", "the VIPs"),
        ("how about customers to keep instead", "customers to keep"),
        ("and the VIPs instead", "the VIPs"),
        ("change it to Beijing", "Beijing"),
    ],
)
def test_instead_says_a_swap(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.loose and follow.swap
    assert follow.rest == rest


@pytest.mark.parametrize("text", ["Zhao Liu's then", "what about Beijing", "那北京的呢"])
def test_then_and_what_about_are_loose_but_no_swap_in_words(text: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.loose and not follow.swap


# ---------------------------------------------------------------- a window that is over, listed

TWO_WEEKS_AGO = CalendarWindow("week", -2)  # 上上周: Oct 12–18
FIRST_OF_OCTOBER = DateRangeWindow(date(2026, 10, 1), date(2026, 10, 20))


@pytest.fixture
def loaded(session: Session) -> Session:
    load_fixture(session)
    session.commit()
    return session


def test_the_last_event_shown_is_the_last_one_in_a_window_that_is_over(loaded: Session) -> None:
    node = Performed("order", TWO_WEEKS_AGO)
    facts = facts_of(node, CTX)
    assert facts == [LastEvent("order", False, TWO_WEEKS_AGO)]
    values = read_facts(loaded, ["c06", "c10"], facts, NOW, TZ)[facts[0]]
    # Frank ordered on Oct 12, and again on Oct 24 and 29: the one of that week is shown
    assert values["c06"].at.astimezone(TZ).date().isoformat() == "2026-10-12"
    assert values["c10"].at.astimezone(TZ).date().isoformat() == "2026-10-15"


@pytest.mark.parametrize(
    ("window", "order"),
    [
        (TWO_WEEKS_AGO, ["c10", "c06"]),  # Judy Oct 15, Frank Oct 12
        (CalendarWindow("week", -1), ["c06"]),
        (FIRST_OF_OCTOBER, ["c10", "c06", "c12"]),  # Judy Oct 15, Frank Oct 12, Lily Oct 1
    ],
)
def test_a_list_of_a_window_that_is_over_comes_in_the_order_of_that_window(
    loaded: Session, window: Window, order: list[str]
) -> None:
    node = Performed("order", window)
    assert segment_listed(loaded, node, requester=BOSS, now=NOW, ctx=CTX) == order


def test_a_window_up_to_now_reads_up_to_now() -> None:
    assert activity_of(Performed("order", RollingWindow(30, "days")), CTX, NOW).until is None
    # asked against (未下单), or in any window up to now as well: the latest up to now
    negated = Performed("order", TWO_WEEKS_AGO)
    assert activity_of(Not(negated), CTX, NOW).until is None
    both = And((negated, Performed("order", RollingWindow(7, "days"))))
    assert activity_of(both, CTX, NOW).until is None
    assert activity_of(negated, CTX, NOW).until is not None
