"""Calendar arithmetic shared by the Chinese and English time grammars: dates, months,
years and quarters resolved against today (the most recent one not in the future)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from segmentation.nlq.numbers import parse_chinese_numeral
from segmentation.nodes import Window
from segmentation.windows import resolve_window

# "Up to now" after a date, month or year (10/8迄今, 9月到而家, 10月1日至今为止): the since-range
# from that date, never the day alone. One list for every scanner that reads a since-word, so a
# new spelling is a since-word everywhere (issue 19: 迄今 after a slash date was read as that day).
# Longer spellings first: 至今为止 before 至今.
UP_TO_NOW_ZH = (
    "至今为止|迄今为止|至今|迄今|到现在为止|直到现在|一直到现在|到现在|到目前为止|到目前|"
    "到而家|到依家|直到而家|到今天|到今日|直到今天"
)

# The problem of a period that has not begun (2027年 said in 2026): asked, never an empty answer.
FUTURE = "future"


@dataclass(frozen=True)
class TimeMatch:
    """A time phrase: its window (None = explicitly all time), where it ends, whether it was
    written in English (an English window also modifies the verb before it), or why it is
    not usable (`problem`, e.g. 2月30日)."""

    window: Window | None
    end: int
    english: bool = False
    problem: str | None = None


@dataclass(frozen=True)
class Span:
    """Whole days from `start` to `end`, both included."""

    start: date
    end: date


def number(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else parse_chinese_numeral(raw)


def day_span(year: str | None, month: int | None, day: int | None, today: date) -> Span | str:
    if not month or not day:
        return "invalid date"
    y = int(year) if year else today.year
    try:
        value = date(y, month, day)
    except ValueError:
        if year is None:
            try:
                value = date(y - 1, month, day)  # 2月29日 in a year without one
            except ValueError:
                return f"{month}月{day}日 is not a date"
        else:
            return f"{year}-{month}-{day} is not a date"
    if year is None and value > today:
        try:
            value = value.replace(year=value.year - 1)
        except ValueError:
            return f"{month}月{day}日 is not a date"
    return Span(value, value)


def month_span(year: str | None, month: int | None, today: date) -> Span | str:
    if not month or not 1 <= month <= 12:
        return "invalid month"
    y = int(year) if year else today.year
    if year is None and date(y, month, 1) > today:
        y -= 1
    return Span(date(y, month, 1), date(y, month, calendar.monthrange(y, month)[1]))


def year_span(year: int) -> Span | str:
    if not 1900 <= year <= 2200:
        return "invalid year"
    return Span(date(year, 1, 1), date(year, 12, 31))


def quarter_span(year: str | None, q: int | None, today: date) -> Span | str:
    if not q or not 1 <= q <= 4:
        return "invalid quarter"
    y = int(year) if year else today.year
    first = date(y, 3 * q - 2, 1)
    if year is None and first > today:
        first = first.replace(year=y - 1)
    last_month = first.month + 2
    return Span(first, date(first.year, last_month, calendar.monthrange(first.year, last_month)[1]))


def half_span(year: str | None, half: int, today: date) -> Span:
    """上半年 (1) / 下半年 (2) of `year`; without one, of the most recent year in which that
    half has begun (下半年 before July is last year's)."""
    y = int(year) if year else today.year
    first = date(y, 1 if half == 1 else 7, 1)
    if year is None and first > today:
        first = first.replace(year=y - 1)
    last = date(first.year, 6, 30) if half == 1 else date(first.year, 12, 31)
    return Span(first, last)


def window_start(window: Window, now: datetime, tz: ZoneInfo) -> date:
    interval = resolve_window(window, now, tz)
    assert interval is not None
    return interval[0].astimezone(tz).date()
