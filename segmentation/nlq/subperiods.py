"""Parts of a month (issue 19): 10月上旬 / 中旬 / 下旬, 10月第一周, 9月最后一周, "the first
week of October", "the last week of September" → those whole days; 9月初 / 月底 / "early
October" / "the end of September" have no edges anyone agreed on, so they are asked back with
the exact days to say instead (spec §3: a vague period is asked, never guessed).

上旬 is days 1–10, 中旬 11–20, 下旬 21 to the month's end (the calendar's own definition);
week N of a month is days 7N-6 to 7N, and its last week its last 7 days. The restatement
shows the dates, so the reading is visible.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from segmentation.nlq.dates import Span, TimeMatch, month_span, number
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import CalendarWindow, DateRangeWindow
from segmentation.windows import resolve_window

# The month before the part: 10月 / 2025年10月 / 上个月 / 这个月 / 本月 / 上上个月.
_ZH_MONTH = lazy_pattern(
    r"(?:(\d{4})年)?(\d{1,2}|十[一二]?|[一二三四五六七八九])月份?(?![\d日号])"
    r"|(上上个?月|上一?个?月|本月|这一?个月|这月|当月|今个月|呢个月)"
)
_ZH_OFFSETS = {"上上": -2, "上": -1}
_ZH_PART = lazy_pattern(
    r"的?\s*(?:(上旬|中旬|下旬)"
    r"|(?:第\s*([一二三四1-4])|(头|首|前)一?)\s*(?:个)?(?:周|星期|礼拜)"
    r"|(最后|最尾|尾)一?\s*(?:个)?(?:周|星期|礼拜)"
    r"|(初|月初|头|月中|底|月底|末|月末|尾|月尾))"
    # halves and first / last days of the month: 上半月 / 下半个月 / 前10天 / 最后5天
    r"|(?P<half>上半个?月|前半个?月|下半个?月|后半个?月)"
    r"|(?:(?P<head>前|头|首)|(?P<tail>最后|最尾|后))\s*(?P<days>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:天|日)"
)
_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_EN_MONTH = (
    r"(?:(" + "|".join(sorted(_EN_MONTHS, key=len, reverse=True)) + r")\.?(?:\s+(\d{4}))?"
    r"|(this|last|the\s+previous)\s+month)(?![a-z0-9])"
)
_EN_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
_EN_ORDINAL["4th"] = 4
_EN_WEEK = lazy_pattern(
    r"(?:(?:in|during|over)\s+)?(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last|"
    r"final)\s+week\s+(?:of|in)\s+(?:the\s+)?" + _EN_MONTH
)
_EN_TEN_DAYS = lazy_pattern(
    r"(?:(?:in|during|over)\s+)?(?:the\s+)?(first|last|final)\s+(?:10|ten)\s+days\s+(?:of|in)\s+"
    r"(?:the\s+)?" + _EN_MONTH
)
_EN_HALF = lazy_pattern(
    r"(?:(?:in|during|over)\s+)?(?:the\s+)?(first|second|latter|last|back)\s+half\s+(?:of|in)\s+"
    r"(?:the\s+)?" + _EN_MONTH
)
_EN_VAGUE = lazy_pattern(
    r"(?:(?:in|during|at|by|over)\s+)?(?:the\s+)?(?:(early|mid|late)[\s-]+|(?:(start|beginning|"
    r"end|middle)\s+of\s+(?:the\s+)?))" + _EN_MONTH
)


def scan_month_part(text: str, pos: int, now: datetime, tz: ZoneInfo) -> TimeMatch | None:
    """A part of a month starting at `pos` (Chinese or English), or None."""
    if text[pos].isascii() and text[pos].isalpha():
        return _english(text, pos, now, tz)
    base = _ZH_MONTH.match(text, pos)
    if base is None:
        return None
    part = _ZH_PART.match(text, base.end())
    if part is None:
        return None
    month = _zh_month(base, now, tz)
    today = now.astimezone(tz).date()
    if isinstance(month, str):
        return TimeMatch(None, part.end(), problem=month)
    first = _zh_part(part, month, text[pos : part.end()], today)
    more = _ZH_PART_JOIN.match(text, part.end())
    if more is None or first.window is None:
        return first
    second = _zh_part(more, month, text[pos : more.end()], today)
    return _joined(first, second, text[pos : more.end()])


# 10月上旬或中旬 / 10月第一周和第二周: a second part of the same month, its month unsaid.
_ZH_PART_JOIN = lazy_pattern(
    r"\s*(?:或者|或是|或|还是|、|和|与|及|跟|or)\s*(?:(上旬|中旬|下旬)"
    r"|(?:第\s*([一二三四1-4])|(头|首|前)一?)\s*(?:个)?(?:周|星期|礼拜)"
    r"|(最后|最尾|尾)一?\s*(?:个)?(?:周|星期|礼拜))"  # a vague second part is not joined
)


def _joined(first: TimeMatch, second: TimeMatch, written: str) -> TimeMatch:
    """Two parts of one month: one window when they touch, asked when a gap is between."""
    a, b = first.window, second.window
    if not isinstance(a, DateRangeWindow) or not isinstance(b, DateRangeWindow):
        return second if second.problem else first
    assert a.start and a.end and b.start and b.end
    (s1, e1), (s2, e2) = sorted([(a.start, a.end), (b.start, b.end)])
    if s2 > e1 + timedelta(days=1):
        return TimeMatch(None, second.end, problem=f"gap|{written}")
    return TimeMatch(DateRangeWindow(s1, max(e1, e2)), second.end)


def _zh_part(part: re.Match[str], month: Span, written: str, today: date) -> TimeMatch:
    """The days one Chinese part of `month` names (groups as in _ZH_PART)."""
    said = part.groupdict()  # the joined second part (_ZH_PART_JOIN) has no halves or days
    if said.get("half"):  # 上半月 days 1–15, 下半月 16 to the end (the 15th halves any month)
        first = part.group("half")[0] in "上前"
        return _window(_half(month, first), today, part.end())
    if said.get("days"):
        days = number(part.group("days"))
        if not days or days > (month.end - month.start).days + 1:
            return TimeMatch(None, part.end(), problem="这个月没有这么多天 / the month is shorter")
        span = Span(month.start, month.start + timedelta(days=days - 1))
        return _window(span if part.group("head") else _last_days(month, days), today, part.end())
    if part.group(1):
        return _window(_xun(month, "上中下".index(part.group(1)[0])), today, part.end())
    if part.group(2) or part.group(3):
        week = number(part.group(2)) if part.group(2) else 1
        return _window(_week(month, week or 1), today, part.end())
    if part.group(4):
        return _window(_last_week(month), today, part.end())
    vague = part.group(5) if len(part.groups()) > 4 else None
    return _vague(written, month, vague or "", part.end(), english=False)


def _zh_month(base: re.Match[str], now: datetime, tz: ZoneInfo) -> Span | str:
    today = now.astimezone(tz).date()
    if base.group(3) is None:
        return month_span(base.group(1), number(base.group(2)), today)
    word = base.group(3)
    offset = next((o for p, o in _ZH_OFFSETS.items() if word.startswith(p)), 0)
    return _calendar_month(offset, now, tz)


def _calendar_month(offset: int, now: datetime, tz: ZoneInfo) -> Span:
    interval = resolve_window(CalendarWindow("month", offset), now, tz)
    assert interval is not None
    first = interval[0].astimezone(tz).date()
    last = calendar.monthrange(first.year, first.month)[1]
    return Span(first, first.replace(day=last))


def _english(text: str, pos: int, now: datetime, tz: ZoneInfo) -> TimeMatch | None:
    if pos > 0 and text[pos - 1].isascii() and text[pos - 1].isalnum():
        return None
    today = now.astimezone(tz).date()
    m = _EN_WEEK.match(text, pos)
    if m:
        month = _en_month(m.group(2), m.group(3), m.group(4), now, tz)
        if isinstance(month, str):
            return TimeMatch(None, m.end(), english=True, problem=month)
        which = m.group(1)
        span = _last_week(month) if which in ("last", "final") else _week(month, _EN_ORDINAL[which])
        return _window(span, today, m.end(), english=True)
    m = _EN_TEN_DAYS.match(text, pos)
    if m:
        month = _en_month(m.group(2), m.group(3), m.group(4), now, tz)
        if isinstance(month, str):
            return TimeMatch(None, m.end(), english=True, problem=month)
        span = _xun(month, 0) if m.group(1) == "first" else _last_days(month, 10)
        return _window(span, today, m.end(), english=True)
    m = _EN_HALF.match(text, pos)
    if m:
        month = _en_month(m.group(2), m.group(3), m.group(4), now, tz)
        if isinstance(month, str):
            return TimeMatch(None, m.end(), english=True, problem=month)
        return _window(_half(month, m.group(1) == "first"), today, m.end(), english=True)
    m = _EN_VAGUE.match(text, pos)
    if m:
        month = _en_month(m.group(3), m.group(4), m.group(5), now, tz)
        if isinstance(month, str):
            return TimeMatch(None, m.end(), english=True, problem=month)
        word = m.group(1) or m.group(2)
        part = {"early": "初", "start": "初", "beginning": "初", "late": "底", "end": "底"}
        return _vague(text[pos : m.end()], month, part.get(word, "中"), m.end(), english=True)
    return None


def _en_month(
    name: str | None, year: str | None, relative: str | None, now: datetime, tz: ZoneInfo
) -> Span | str:
    if relative is not None:
        return _calendar_month(0 if relative == "this" else -1, now, tz)
    return month_span(year, _EN_MONTHS[name or ""], now.astimezone(tz).date())


def _xun(month: Span, index: int) -> Span:
    """上旬 / 中旬 / 下旬 (index 0, 1, 2): days 1–10, 11–20, 21 to the end."""
    start = month.start.replace(day=1 + 10 * index)
    return Span(start, month.end if index == 2 else start + timedelta(days=9))


def _half(month: Span, first: bool) -> Span:
    """The first half of a month (days 1–15) or the second (16 to its end)."""
    middle = month.start.replace(day=15)
    return Span(month.start, middle) if first else Span(middle + timedelta(days=1), month.end)


def _week(month: Span, week: int) -> Span:
    start = month.start + timedelta(days=7 * (week - 1))
    return Span(start, start + timedelta(days=6))


def _last_week(month: Span) -> Span:
    return _last_days(month, 7)


def _last_days(month: Span, days: int) -> Span:
    return Span(month.end - timedelta(days=days - 1), month.end)


def _window(span: Span, today: date, end: int, english: bool = False) -> TimeMatch:
    """The days of `span` up to today: a part not begun yet is asked back."""
    if span.start > today:
        return TimeMatch(None, end, english=english, problem="这段时间还没到 / not yet begun")
    return TimeMatch(DateRangeWindow(span.start, min(span.end, today)), end, english=english)


def _vague(written: str, month: Span, part: str, end: int, english: bool) -> TimeMatch:
    """初 / 中 / 底 of a month: asked back with the exact days of its first, middle or last
    ten days to say instead."""
    index = 0 if part in ("初", "月初", "头") else 1 if part in ("中", "月中") else 2
    span = _xun(month, index)
    zh = f"{_zh_day(span.start)}到{_zh_day(span.end)}"
    en = f"{_en_day(span.start)} to {_en_day(span.end)}"
    return TimeMatch(None, end, english=english, problem=f"vague|{written}|{zh}|{en}")


def _zh_day(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _en_day(day: date) -> str:
    return f"{calendar.month_abbr[day.month]} {day.day}"
