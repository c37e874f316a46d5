"""Window boundaries exactly per spec/commands.md §3, in Asia/Shanghai and across DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from segmentation.nodes import CalendarWindow, DateRangeWindow, RollingWindow
from segmentation.windows import ONE_MICROSECOND, as_of, resolve_window

SH = ZoneInfo("Asia/Shanghai")
NY = ZoneInfo("America/New_York")


def at(*parts: int, tz: ZoneInfo = SH) -> datetime:
    return datetime(*parts, tzinfo=tz)


def inside(window, now, instant, tz=SH) -> bool:
    start, end = resolve_window(window, now, tz)
    return start <= instant <= end


def test_no_window_is_all_time() -> None:
    assert resolve_window(None, at(2026, 11, 1, 10), SH) is None


def test_rolling_days_are_24_hour_multiples_up_to_now() -> None:
    now = at(2026, 11, 1, 10, 30)
    assert resolve_window(RollingWindow(30, "days"), now, SH) == (now - timedelta(days=30), now)
    assert inside(RollingWindow(30, "days"), now, now - timedelta(days=30))
    assert not inside(RollingWindow(30, "days"), now, now - timedelta(days=30, seconds=1))
    assert not inside(RollingWindow(30, "days"), now, now + timedelta(seconds=1))


def test_rolling_hours_and_weeks() -> None:
    now = at(2026, 11, 1, 10)
    assert resolve_window(RollingWindow(5, "hours"), now, SH)[0] == at(2026, 11, 1, 5)
    assert resolve_window(RollingWindow(2, "weeks"), now, SH)[0] == at(2026, 10, 18, 10)


def test_rolling_days_count_real_hours_across_dst() -> None:
    now = at(2026, 3, 8, 12, tz=NY)  # spring-forward day: 02:00 → 03:00
    start, _ = resolve_window(RollingWindow(1, "days"), now, NY)
    assert now.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=24)
    assert start.hour == 11  # 24 real hours back crosses the lost hour


@pytest.mark.parametrize(
    ("now", "months", "start"),
    [
        (at(2026, 11, 1, 10), 1, at(2026, 10, 1, 10)),
        (at(2026, 3, 31, 9, 15), 1, at(2026, 2, 28, 9, 15)),
        (at(2024, 3, 31, 9, 15), 1, at(2024, 2, 29, 9, 15)),
        (at(2026, 1, 15, 8), 6, at(2025, 7, 15, 8)),
        (at(2026, 11, 1, 10), 12, at(2025, 11, 1, 10)),
    ],
)
def test_rolling_months_keep_clock_time_and_clamp_day(now, months, start) -> None:
    assert resolve_window(RollingWindow(months, "months"), now, SH) == (start, now)


@pytest.mark.parametrize(
    ("unit", "offset", "now", "start", "next_start"),
    [
        ("day", 0, at(2026, 11, 1, 10), at(2026, 11, 1), None),
        ("day", -1, at(2026, 11, 1, 0, 0, 0), at(2026, 10, 31), at(2026, 11, 1)),
        ("day", -2, at(2026, 11, 1, 23, 59, 59), at(2026, 10, 30), at(2026, 10, 31)),
        ("week", 0, at(2026, 11, 1, 10), at(2026, 10, 26), None),  # 1 Nov 2026 is a Sunday
        ("week", -1, at(2026, 11, 2, 0, 0, 1), at(2026, 10, 26), at(2026, 11, 2)),
        ("week", -2, at(2026, 11, 1, 10), at(2026, 10, 12), at(2026, 10, 19)),
        ("month", 0, at(2026, 11, 1, 0, 0, 0), at(2026, 11, 1), None),
        ("month", -1, at(2026, 11, 1, 10), at(2026, 10, 1), at(2026, 11, 1)),
        ("month", -1, at(2026, 1, 31, 10), at(2025, 12, 1), at(2026, 1, 1)),
        ("month", -2, at(2026, 3, 31, 10), at(2026, 1, 1), at(2026, 2, 1)),
        ("quarter", 0, at(2026, 11, 1, 10), at(2026, 10, 1), None),
        ("quarter", -1, at(2026, 11, 1, 10), at(2026, 7, 1), at(2026, 10, 1)),
        ("quarter", -1, at(2026, 2, 1, 10), at(2025, 10, 1), at(2026, 1, 1)),
        ("year", 0, at(2026, 11, 1, 10), at(2026, 1, 1), None),
        ("year", -1, at(2026, 1, 1, 0, 0, 1), at(2025, 1, 1), at(2026, 1, 1)),
        ("year", -2, at(2026, 11, 1, 10), at(2024, 1, 1), at(2025, 1, 1)),
    ],
)
def test_calendar_periods(unit, offset, now, start, next_start) -> None:
    window = CalendarWindow(unit, offset)
    got_start, got_end = resolve_window(window, now, SH)
    assert got_start == start
    if next_start is None:
        assert got_end == now
    else:
        assert got_end == next_start - ONE_MICROSECOND
        # ±1 second around both edges
        assert inside(window, now, start) and inside(window, now, next_start - timedelta(seconds=1))
        assert not inside(window, now, start - timedelta(seconds=1))
        assert not inside(window, now, next_start)


def test_calendar_edges_are_local_midnight_not_utc() -> None:
    now = at(2026, 11, 1, 7)  # still 31 Oct in UTC
    start, _ = resolve_window(CalendarWindow("day", 0), now, SH)
    assert start == at(2026, 11, 1) and start.astimezone(UTC) == datetime(
        2026, 10, 31, 16, tzinfo=UTC
    )


def test_yesterday_spans_23_hours_on_dst_day() -> None:
    now = at(2026, 3, 9, 12, tz=NY)
    start, end = resolve_window(CalendarWindow("day", -1), now, NY)
    assert start == at(2026, 3, 8, tz=NY)
    assert (end + ONE_MICROSECOND).astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)


def test_date_range_covers_whole_days() -> None:
    now = at(2026, 11, 1, 10)
    window = DateRangeWindow(date(2026, 10, 1), date(2026, 10, 15))
    assert inside(window, now, at(2026, 10, 1))
    assert inside(window, now, at(2026, 10, 15, 23, 59, 59, 999999))
    assert not inside(window, now, at(2026, 10, 16))
    assert not inside(window, now, at(2026, 9, 30, 23, 59, 59))


def test_date_range_since_runs_to_now_and_open_start_to_end() -> None:
    now = at(2026, 11, 1, 10)
    assert resolve_window(DateRangeWindow(date(2026, 10, 1), None), now, SH) == (
        at(2026, 10, 1),
        now,
    )
    start, end = resolve_window(DateRangeWindow(None, date(2026, 6, 30)), now, SH)
    assert start < at(1990, 1, 1) and end == at(2026, 7, 1) - ONE_MICROSECOND


def test_as_of_caps_every_interval_at_now() -> None:
    now = at(2026, 11, 1, 10)
    window = DateRangeWindow(date(2026, 10, 1), date(2026, 11, 30))
    assert as_of(resolve_window(window, now, SH), now, SH) == (at(2026, 10, 1), now)
    assert as_of(None, now, SH)[1] == now


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        resolve_window(RollingWindow(1, "days"), datetime(2026, 11, 1), SH)
