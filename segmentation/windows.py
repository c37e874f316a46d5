"""Time windows → concrete intervals (spec/commands.md §3), in the deployment's time zone.

An interval is `(start, end)` with BOTH ends inclusive: `start <= t <= end`. A whole calendar
period ends at the last microsecond before the next one starts (the database keeps
microseconds, so `t <= next_start - 1µs` is exactly `t < next_start`).
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from segmentation.nodes import CalendarWindow, DateRangeWindow, RollingWindow, Window

Interval = tuple[datetime, datetime]

ONE_MICROSECOND = timedelta(microseconds=1)
# The open start of "from the beginning" ranges; earlier than any business record.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)


def resolve_window(window: Window | None, now: datetime, tz: ZoneInfo) -> Interval | None:
    """The inclusive interval a window covers at `now`; None when there is no window
    (all time)."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    if window is None:
        return None
    if isinstance(window, RollingWindow):
        return _rolling(window, now, tz)
    if isinstance(window, CalendarWindow):
        return _calendar(window, now, tz)
    if isinstance(window, DateRangeWindow):
        return _date_range(window, now, tz)
    raise TypeError(f"not a window: {window!r}")


def covering_window(first: Window, second: Window, now: datetime, tz: ZoneInfo) -> Window | None:
    """One window covering both when they overlap or one ends where the other starts (9月 and
    10月 → 9月1日–10月31日): the wider one when it holds the other, else whole days from the
    first start to the last end (to now when one runs to now). None when there is a gap
    between them, or the earlier starts inside a day (近7天 with 上个月): no one window says it."""
    a, b = resolve_window(first, now, tz), resolve_window(second, now, tz)
    assert a is not None and b is not None
    if a[0] <= b[0] and b[1] <= a[1]:
        return first
    if b[0] <= a[0] and a[1] <= b[1]:
        return second
    (start, end), (later_start, later_end) = sorted((a, b))
    if later_start > end + ONE_MICROSECOND:
        return None
    start = start.astimezone(tz)
    if start != local_midnight(start.date(), tz):
        return None
    last = max(end, later_end)
    if last >= now.astimezone(tz) - timedelta(seconds=1):
        return DateRangeWindow(start.date(), None)  # up to now
    return DateRangeWindow(
        start.date(), (last + ONE_MICROSECOND).astimezone(tz).date() - timedelta(days=1)
    )


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    """00:00 of `day` in `tz`, as an aware datetime (normalised through UTC for DST)."""
    return _normalise(datetime.combine(day, time(0), tzinfo=tz), tz)


def _normalise(value: datetime, tz: ZoneInfo) -> datetime:
    # A wall time in a DST gap does not exist; a round trip through UTC picks a real instant.
    return value.astimezone(UTC).astimezone(tz)


def _rolling(window: RollingWindow, now: datetime, tz: ZoneInfo) -> Interval:
    local_now = now.astimezone(tz)
    if window.unit == "months":
        start = _normalise(shift_months(local_now, -window.amount), tz)
        return start, local_now
    hours = {"hours": 1, "days": 24, "weeks": 24 * 7}[window.unit] * window.amount
    # Absolute time: N days are N×24 hours even across a DST change.
    start = (now.astimezone(UTC) - timedelta(hours=hours)).astimezone(tz)
    return start, local_now


def shift_months(value: datetime, months: int) -> datetime:
    """The same wall-clock time `months` calendar months away, the day clamped to the
    month's end (31 March - 1 month = 28/29 February)."""
    index = value.year * 12 + (value.month - 1) + months
    year, month = divmod(index, 12)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return value.replace(year=year, month=month + 1, day=day)


def _calendar(window: CalendarWindow, now: datetime, tz: ZoneInfo) -> Interval:
    local_now = now.astimezone(tz)
    first = _period_start(local_now.date(), window.unit)
    start_day = _shift_period(first, window.unit, window.offset)
    start = local_midnight(start_day, tz)
    if window.offset == 0:
        return start, local_now
    next_start = local_midnight(_shift_period(start_day, window.unit, 1), tz)
    return start, _just_before(next_start, tz)


def _period_start(today: date, unit: str) -> date:
    if unit == "day":
        return today
    if unit == "week":
        return today - timedelta(days=today.weekday())  # Monday
    if unit == "month":
        return today.replace(day=1)
    if unit == "quarter":
        return today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
    return today.replace(month=1, day=1)


def _shift_period(first: date, unit: str, count: int) -> date:
    if unit == "day":
        return first + timedelta(days=count)
    if unit == "week":
        return first + timedelta(weeks=count)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * count
    index = first.year * 12 + (first.month - 1) + months
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


def _date_range(window: DateRangeWindow, now: datetime, tz: ZoneInfo) -> Interval:
    local_now = now.astimezone(tz)
    start = local_midnight(window.start, tz) if window.start else EARLIEST.astimezone(tz)
    if window.end is None:
        return start, local_now
    return start, _just_before(local_midnight(window.end + timedelta(days=1), tz), tz)


def _just_before(instant: datetime, tz: ZoneInfo) -> datetime:
    # Subtract in UTC: aware arithmetic in a zone is wall-clock arithmetic.
    return (instant.astimezone(UTC) - ONE_MICROSECOND).astimezone(tz)


def as_of(interval: Interval | None, now: datetime, tz: ZoneInfo) -> Interval:
    """The interval actually used against data: every question is answered as of `now`, so
    records after `now` never count (reproducible answers for an explicit `now`); no window
    means from the beginning to now."""
    local_now = now.astimezone(tz)
    if interval is None:
        return EARLIEST.astimezone(tz), local_now
    start, end = interval
    return start, min(end, local_now)
