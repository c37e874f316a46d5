"""A window said again by pointing back (segmentation/nlq/same_window.py), issue 19: 同月 /
那段时间 / in the same month repeat the window written before them where the unit fits, and
are asked back where it does not or where nothing came before."""

from __future__ import annotations

from datetime import date

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nodes import (
    And,
    CalendarWindow,
    DateRangeWindow,
    EventCount,
    Not,
    Performed,
    RollingWindow,
    Spend,
)
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP"], staff=[], departments=[], saved=[], catalog=NamedSegmentCatalog.load()
)
_READER = Reader(VOCAB)
segment, asked = _READER.segment, _READER.asked

LAST_MONTH = CalendarWindow("month", -1)
LAST_WEEK = CalendarWindow("week", -1)
SEPTEMBER = DateRangeWindow(date(2026, 9, 1), date(2026, 9, 30))
Q3 = DateRangeWindow(date(2026, 7, 1), date(2026, 9, 30))


@pytest.mark.parametrize(
    "text",
    [
        "上个月消费超过1000并且同月到店至少两次的客户",
        "上个月消费超过1000，同一个月到店不少于2次",
        "上個月消費超過1000、同一個月內來店至少兩次的客戶",
        "spent more than 1000 last month and visited at least twice in the same month",
        "spent over 1000 last month and came in at least twice that month",
    ],
)
def test_same_month_repeats_the_month(text: str) -> None:
    from decimal import Decimal

    assert segment(text) == And(
        (Spend(">", Decimal(1000), LAST_MONTH), EventCount("visit", ">=", 2, LAST_MONTH))
    )


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("9月份下过单、同一个月又退过款的客户", SEPTEMBER),
        ("上周下过单而且同一周退过款的", LAST_WEEK),
        ("上禮拜有落單，同一個禮拜又退過款嘅客", LAST_WEEK),
        ("customers who ordered in Q3 and got a refund during that same period", Q3),
        ("ordered last week and refunded that same week", LAST_WEEK),
    ],
)
def test_any_unit_that_fits(text: str, window: object) -> None:
    assert segment(text) == And((Performed("order", window), Performed("refund", window)))


def test_a_period_of_any_length_points_back() -> None:
    thirty = RollingWindow(30, "days")
    assert segment("近30天有咨询但那段时间没下单的") == And(
        (Performed("inquiry", thirty), Not(Performed("order", thirty)))
    )


@pytest.mark.parametrize(
    "text",
    [
        "近30天下单同月退款的客户",  # 近30天 is no calendar month
        "ordered in the last 30 days and refunded in the same month",
        "同月下单又退款的客户",  # nothing said before to point at
        "customers who refunded in the same month",
    ],
)
def test_no_window_of_that_unit_is_asked(text: str) -> None:
    asked(text)
