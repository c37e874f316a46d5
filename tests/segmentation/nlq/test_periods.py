"""Periods joined by 或/or and parts of a month (issue 19), at the time grammar's edges: the
union is one window only when the periods touch; a gap, a rolling start in mid-day, a part not
begun yet or a vague part (月初, early October) is asked, never answered with one of them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from segmentation.nlq.subperiods import scan_month_part
from segmentation.nlq.timephrases import scan_time
from segmentation.nodes import DateRangeWindow, RollingWindow

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 1, 10, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("9月或10月", date(2026, 9, 1), date(2026, 10, 31)),
        ("8月、9月或者10月", date(2026, 8, 1), date(2026, 10, 31)),
        ("上个月或这个月", date(2026, 10, 1), None),
        ("sept or oct", date(2026, 9, 1), date(2026, 10, 31)),
        ("10月1日或10月2日", date(2026, 10, 1), date(2026, 10, 2)),
    ],
)
def test_touching_periods_are_one_window(text: str, start: date, end: date | None) -> None:
    found = scan_time(text, 0, NOW, TZ)
    assert found is not None and found.end == len(text)
    assert found.window == DateRangeWindow(start, end)


def test_a_period_inside_the_other_is_the_larger() -> None:
    found = scan_time("近7天或近30天", 0, NOW, TZ)
    assert found is not None and found.window == RollingWindow(30, "days")


@pytest.mark.parametrize("text", ["9月或11月", "in august or october", "10月1日或10月3日"])
def test_periods_with_a_gap_are_asked(text: str) -> None:
    found = scan_time(text, 0, NOW, TZ)
    assert found is not None and found.window is None
    assert found.problem is not None and found.problem.startswith("gap|")


def test_a_rolling_start_in_mid_day_is_not_made_a_date_range() -> None:
    # 近3天 starts at 10:00 three days ago; with the day before it there is no whole-day range
    found = scan_time("近3天或10月28日", 0, NOW, TZ)
    assert found is not None and found.window is None and found.problem


def test_both_periods_meant_are_not_joined() -> None:
    found = scan_time("9月和10月都", 0, NOW, TZ)
    assert found is not None and found.window == DateRangeWindow(
        date(2026, 9, 1), date(2026, 9, 30)
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("10月上旬", date(2026, 10, 1), date(2026, 10, 10)),
        ("10月中旬", date(2026, 10, 11), date(2026, 10, 20)),
        ("9月下旬", date(2026, 9, 21), date(2026, 9, 30)),
        ("2月下旬", date(2026, 2, 21), date(2026, 2, 28)),
        ("10月第二周", date(2026, 10, 8), date(2026, 10, 14)),
        ("上个月最后一周", date(2026, 10, 25), date(2026, 10, 31)),
        ("the last week of february", date(2026, 2, 22), date(2026, 2, 28)),
        ("the first 10 days of october", date(2026, 10, 1), date(2026, 10, 10)),
    ],
)
def test_parts_of_a_month(text: str, start: date, end: date) -> None:
    found = scan_month_part(text, 0, NOW, TZ)
    assert found is not None and found.end == len(text)
    assert found.window == DateRangeWindow(start, end)


@pytest.mark.parametrize(
    "text", ["9月初", "10月底", "上个月末", "early october", "end of september"]
)
def test_vague_parts_are_asked_with_the_days_to_say(text: str) -> None:
    found = scan_month_part(text, 0, NOW, TZ)
    assert found is not None and found.window is None
    assert found.problem is not None and found.problem.startswith("vague|")


def test_a_part_not_begun_is_asked() -> None:
    found = scan_month_part("本月下旬", 0, NOW, TZ)
    assert found is not None and found.window is None and found.problem
