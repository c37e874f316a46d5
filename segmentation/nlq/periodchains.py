"""Periods said as a chain in another order (issue 19): "10月 2025年" (month, then its year),
"上个月15号" / "the 15th of last month" (a day of a month named relatively), and the period
before one just said ("last month or the month before", "上个月或再上一个月")."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from segmentation.nlq.dates import Span, TimeMatch, day_span, month_span, number
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import CalendarWindow, DateRangeWindow, Window
from segmentation.windows import resolve_window

_NUM = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
# 10月 2025年 / 10月份，2025年 / 10月15日 2025年: the year said after the month or date
_ZH_MONTH_YEAR = lazy_pattern(
    r"(\d{1,2}|十[一二]?|[一二三四五六七八九])月份?(?:" + _NUM + r"(?:日|号))?"
    r"\s*[,，]?\s*(\d{4})年(?:度)?(?!\d|\s*\d{1,2}月)"
)
# 2025年的10月份: the year, 的, then its month
_ZH_YEAR_DE_MONTH = lazy_pattern(
    r"(\d{4})年(?:度)?的\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])月份?(?![\d日号])"
)
# 上个月15号 / 这个月的3号 / 上上个月1日: a day of a month named relatively
_ZH_REL_MONTH = r"(上上个?月|前个?月|上一?个?月|本月|这一?个?月|这月|当月|今个月|呢个月)"
# 上个月15号 / 上个月的15号到20号: a day, or days, of that month
_ZH_REL_DAY = lazy_pattern(
    _ZH_REL_MONTH
    + r"的?\s*"
    + _NUM
    + r"\s*(?:日|号)(?:\s*(?:到|至|-|~)\s*"
    + _NUM
    + r"\s*(?:日|号))?"
)
_ZH_OFFSETS = (("上上", -2), ("前", -2), ("上", -1))
# the 15th of last month / on the 3rd of this month
_EN_REL_DAY = lazy_pattern(
    r"(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+of\s+(?:the\s+)?"
    r"(this|last|previous)\s+month(?![a-z0-9])"
)
# last month on the 15th
_EN_MONTH_DAY = lazy_pattern(
    r"(this|last|previous)\s+month\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)(?![a-z0-9])"
)


def scan_chain(text: str, pos: int, now: datetime, tz: ZoneInfo) -> TimeMatch | None:
    """A month-then-year or a day of a relative month starting at `pos`, or None."""
    today = now.astimezone(tz).date()
    m = _ZH_MONTH_YEAR.match(text, pos)
    if m:
        month = number(m.group(1))
        if m.group(2):
            return _match(day_span(m.group(3), month, number(m.group(2)), today), m.end(), today)
        return _match(month_span(m.group(3), month, today), m.end(), today)
    m = _ZH_YEAR_DE_MONTH.match(text, pos)
    if m:
        return _match(month_span(m.group(1), number(m.group(2)), today), m.end(), today)
    m = _ZH_REL_DAY.match(text, pos)
    if m:
        offset = next((o for p, o in _ZH_OFFSETS if m.group(1).startswith(p)), 0)
        first = _day_of(offset, number(m.group(2)), now, tz)
        last = _day_of(offset, number(m.group(3)), now, tz) if m.group(3) else first
        if isinstance(first, Span) and isinstance(last, Span):
            first = Span(first.start, last.end) if first.start <= last.end else "empty range"
        return _match(first if isinstance(last, Span) else last, m.end(), today)
    if pos > 0 and text[pos - 1].isascii() and text[pos - 1].isalnum():
        return None  # inside a Latin word
    m = _EN_REL_DAY.match(text, pos)
    if m:
        offset = 0 if m.group(2) == "this" else -1
        day = _day_of(offset, int(m.group(1)), now, tz)
        return _match(day, m.end(), today, english=True)
    m = _EN_MONTH_DAY.match(text, pos)
    if m:
        day = _day_of(0 if m.group(1) == "this" else -1, int(m.group(2)), now, tz)
        return _match(day, m.end(), today, english=True)
    return None


def _day_of(offset: int, day: int | None, now: datetime, tz: ZoneInfo) -> Span | str:
    interval = resolve_window(CalendarWindow("month", offset), now, tz)
    assert interval is not None
    first = interval[0].astimezone(tz).date()
    if day is None:
        return "invalid date"
    try:
        value = first.replace(day=day)
    except ValueError:
        return f"{first.month}月{day}日 is not a date"
    return Span(value, value)


def _match(span: Span | str, end: int, today: date, english: bool = False) -> TimeMatch:
    if isinstance(span, str):
        return TimeMatch(None, end, english=english, problem=span)
    if span.start > today:
        return TimeMatch(None, end, english=english, problem="这段时间还没到 / not yet begun")
    return TimeMatch(DateRangeWindow(span.start, min(span.end, today)), end, english=english)


# "or the month before", "或再上一个月": the unit before the period just said.
_BEFORE_IT = lazy_pattern(
    r"(?:the\s+)?(?:(day|month|week|year|quarter|one)\s+before(?:\s+(?:that|it))?"
    r"|(?:previous|prior)\s+one)(?![a-z])"
    r"|再(?:往)?(?:前|上)一?个?(月|周|星期|礼拜|年|季度)"
)
_UNITS = {"月": "month", "周": "week", "星期": "week", "礼拜": "week", "年": "year"}
_UNITS["季度"] = "quarter"


def period_before(text: str, pos: int, first: Window | None) -> TimeMatch | None:
    """The calendar unit before `first` when the words at `pos` name it only by reference."""
    m = _BEFORE_IT.match(text, pos)
    if m is None or not isinstance(first, CalendarWindow):
        return None
    said = m.group(1) or m.group(2)
    unit = first.unit if said in (None, "one") else _UNITS.get(said, said)
    if unit != first.unit:
        return None  # "last month or the week before": no single unit is meant
    english = m.group(2) is None
    return TimeMatch(CalendarWindow(unit, first.offset - 1), m.end(), english=english)
