"""The English half of the time grammar: last 30 days, this week, since March, Oct 1,
between Oct 1 and Oct 15, Q3, in 2025."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from segmentation.nlq.dates import (
    FUTURE,
    Span,
    TimeMatch,
    day_span,
    half_span,
    month_span,
    quarter_span,
    window_start,
    year_span,
)
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import CalendarWindow, DateRangeWindow, RollingWindow, Window

_WORD_NUMBERS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
}  # fmt: skip
_EN_NUM = r"(\d{1,4}|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")"
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"
_LEAD = r"(?:(?:in|during|over|within|for|of)\s+)?(?:the\s+)?"
_B = r"(?![a-z0-9])"

# A length takes any number of digits: a huge one is asked back by the window's bound check.
_EN_LENGTH = _EN_NUM.replace(r"\d{1,4}", r"\d{1,24}")
_ROLLING = lazy_pattern(
    _LEAD + r"(?:(last|past|previous|recent|within)\s+)?" + _EN_LENGTH
    + r"\s+(days?|weeks?|fortnights?|months?|quarters?|hours?|hrs?|years?)" + _B + r"(?!\s+ago)"
    # "spent over 5000 year to date": the amount, then the year so far — no 5000 years
    + r"(?!\s+to\s+date)"
)  # fmt: skip
_WITHIN = lazy_pattern(r"within\s+" + _EN_LENGTH + r"\s+(days?|weeks?|months?|hours?|years?)" + _B)
# "the past week / month" counts back from now, like 过去一周 and "the past 7 days", and so
# does "in the last week / month" (the last one of them up to now, as "in the last 7 days");
# "last week" alone is the calendar week before this one (spec §3).
_PAST_ONE = lazy_pattern(
    r"(?:(?:in|during|over|within|for)\s+)?(?:the\s+)?(?:past\s+(week|month|fortnight|quarter)|"
    r"(?:last|previous)\s+(fortnight))"
    + _B
    + r"|(?:in|during|over|within|for)\s+the\s+(?:last|previous)\s+(week|month|quarter)"
    + _B
)
# A bare unit with a Chinese "within" after it (fortnight內, week内, a month以内): one such
# period back from now, as 两周内 / 一周内 / 一个月内.
_UNIT_WITHIN = lazy_pattern(
    r"(?:a\s+|one\s+)?(fortnight|week|month)(?=\s*(?:以内|之内|内|里面|里|当中))"
)
_LONG = lazy_pattern(
    r"(?:(?:in|during|over|within|for)\s+)?(?:(the\s+)?(?:last|past)\s+|within\s+)?"
    r"(half\s+a\s+year|half\s+year|six\s+months|a\s+year|one\s+year|year|twelve\s+months)" + _B
)
# "since the start of the month", "so far this year", "year to date", "earlier this week":
# from the start of this calendar unit to now.
_TO_DATE = (
    r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?{u}|so\s+far\s+this\s+{u}|"
    r"{u}\s+to\s+date|earlier\s+this\s+{u}|this\s+{u}\s+so\s+far|"
    # "from the start of the year until now", "from the beginning of this month to today"
    r"from\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?{u}\s+"
    r"(?:to|until|till|up\s+to|through)\s+(?:now|today|date|the\s+present)"
)
_CALENDAR: list[tuple[str, str, int]] = [
    *((_TO_DATE.format(u=unit), unit, 0) for unit in ("week", "month", "quarter", "year")),
    (r"today", "day", 0),
    (r"yesterday", "day", -1),
    (r"the\s+day\s+before\s+yesterday", "day", -2),
    # 2 / 3 days ago are the whole days 前天 / 大前天 (a count of days ago beyond that is a
    # point in time still asked back: lexicon "ago")
    (r"(?:two|2)\s+days\s+ago", "day", -2),
    (r"(?:three|3)\s+days\s+ago", "day", -3),
    (r"this\s+week", "week", 0),
    (r"last\s+week|the\s+previous\s+week", "week", -1),
    (r"the\s+week\s+before\s+last", "week", -2),
    (r"this\s+month", "month", 0),
    (r"last\s+month|the\s+previous\s+month", "month", -1),
    (r"the\s+month\s+before\s+last", "month", -2),
    (r"this\s+quarter", "quarter", 0),
    (r"last\s+quarter|the\s+previous\s+quarter", "quarter", -1),
    (r"this\s+year", "year", 0),
    (r"last\s+year|the\s+previous\s+year", "year", -1),
    (r"the\s+year\s+before\s+last", "year", -2),
]
_CAL = [
    (lazy_pattern(r"(?:(?:in|during|over|for|of)\s+)?(?:" + p + r")" + _B), u, o)
    for p, u, o in _CALENDAR
]
_MD = lazy_pattern(_MONTH + r"\s+(?:the\s+)?" + _ORD + r"(?:,?\s+(\d{4}))?" + _B)
_DM = lazy_pattern(_ORD + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4}))?" + _B)
_ISO = lazy_pattern(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
# 10/1 is month/day, never day/month (spec §3), here inside an English range ("between 9/1
# and 10/15", "from 9/1 to 10/15"); the Chinese scanner reads it standing alone.
_SLASH_MD = lazy_pattern(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_MONTH_ONLY = lazy_pattern(r"(?:(in|during|of)\s+)?" + _MONTH + r"(?:\s+(\d{4}))?" + _B)
_YEAR = lazy_pattern(r"(?:in|during|of|for)\s+(?:the\s+year\s+)?((?:19|20)\d{2})" + _B)
_QUARTER = lazy_pattern(
    r"(?:(?:in|during|of)\s+)?(?:(?:(\d{4})\s+)?q([1-4])(?:\s+(\d{4}))?|(?:the\s+)?"
    r"(first|second|third|fourth)\s+quarter(?:\s+of\s+(\d{4}))?)" + _B
)
# A quarter of a year said by its place (Q4 last year, Q4 of last year, last year's Q4, the
# fourth quarter of last year, this year's Q1, Q2 the year before last).
_QUARTER_OF = r"(?:q([1-4])|(?:the\s+)?(first|second|third|fourth)\s+quarter)"
_REL_YEAR = (
    r"(last|this|previous)\s+year|the\s+(?:previous|prior)\s+year|(the\s+year\s+before\s+last)"
)
_QUARTER_REL = lazy_pattern(
    r"(?:(?:in|during)\s+)?(?:" + _QUARTER_OF + r"\s+(?:of\s+)?(?:" + _REL_YEAR + r")"
    r"|(last|this|previous)\s+year'?s\s+" + _QUARTER_OF + r")" + _B
)
# Half a calendar year: "the first half of the year", "H1", "H2 2025", "the second half of
# last year", "first half of 2025" (of the most recent year in which it has begun).
_HALF = lazy_pattern(
    r"(?:(?:in|during|over)\s+)?(?:(?:the\s+)?(?P<o>first|second)\s+half|h(?P<n>[12]))"
    r"(?:\s+(?:of\s+)?(?:(?:the|this)\s+year|(?P<y>\d{4})|(?P<rel>last|previous)\s+year))?" + _B
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_SINCE = lazy_pattern(r"since\s+")
_DATE_LEAD = lazy_pattern(r"(?:(?:on|in|during|of)\s+)?(?:the\s+)?")
# "after Oct 1" starts the next day; "before March" ends the day before March began.
_AFTER_BEFORE = lazy_pattern(r"(after|before|prior\s+to)\s+")
_FROM = lazy_pattern(r"(from|between)\s+")
_TO = lazy_pattern(r"\s*(?:to|until|till|through|thru|and|-)\s+")
_NOW = lazy_pattern(r"(?:now|today|date|present)" + _B)


def scan_english(text: str, pos: int, today: date, now: datetime, tz: ZoneInfo) -> TimeMatch | None:
    if pos < len(text) and not (text[pos].isascii() and text[pos].isalnum()):
        return None
    if pos > 0 and text[pos - 1].isascii() and text[pos - 1].isalpha():
        return None
    options = [
        _since(text, pos, today, now, tz),
        _after_or_before(text, pos, today),
        _between(text, pos, today),
        _rolling(text, pos),
        _calendar(text, pos),
        _span_match(_dateish(text, pos, today), today),
    ]
    found = [o for o in options if o is not None]
    return max(found, key=lambda o: o.end) if found else None


def _span_match(found: tuple[Span | str, int] | None, today: date) -> TimeMatch | None:
    if found is None:
        return None
    span, end = found
    if isinstance(span, str):
        return TimeMatch(None, end, english=True, problem=span)
    if span.start > today:  # "in 2027" said in 2026: nothing has happened yet
        return TimeMatch(None, end, english=True, problem=FUTURE)
    return TimeMatch(DateRangeWindow(span.start, span.end), end, english=True)


def _num(raw: str) -> int:
    return int(raw) if raw.isdigit() else _WORD_NUMBERS[raw]


def _rolling(text: str, pos: int) -> TimeMatch | None:
    best: TimeMatch | None = None
    m = _ROLLING.match(text, pos) or _WITHIN.match(text, pos)
    if m:
        last = m.lastindex or 0
        amount, unit = _num(m.group(last - 1)), m.group(last)
        if amount > 0:
            best = TimeMatch(_rolling_window(amount, unit), m.end(), english=True)
    if best is None:
        best = _elided_unit(text, pos)
    m = _PAST_ONE.match(text, pos)
    if m and (best is None or m.end() > best.end):
        unit = m.group(1) or m.group(2) or m.group(3)
        best = TimeMatch(_rolling_window(1, unit), m.end(), english=True)
    m = _UNIT_WITHIN.match(text, pos)
    if m and (best is None or m.end() > best.end):
        best = TimeMatch(_rolling_window(1, m.group(1)), m.end(), english=True)
    m = _LONG.match(text, pos)
    if m and (m.group(2).strip() != "year" or m.group(1)) and (best is None or m.end() > best.end):
        months = 6 if m.group(2).startswith(("half", "six")) else 12
        best = TimeMatch(RollingWindow(months, "months"), m.end(), english=True)
    return best


# "in the last 30 days but not in the last 7": the unit said once, for both. Only a count that
# ends its clause, and only after a rolling period with a unit earlier in the sentence.
_ELIDED = lazy_pattern(
    _LEAD + r"(?:last|past|previous)\s+" + _EN_LENGTH
    + r"(?=\s*(?:$|[,.;!?)]|\s(?:and|but|or|though|either)\b))"
)  # fmt: skip
_UNIT_SAID = lazy_pattern(
    r"\b(?:last|past|previous)\s+" + _EN_LENGTH + r"\s+(days?|weeks?|months?|hours?|years?)" + _B
)


def _elided_unit(text: str, pos: int) -> TimeMatch | None:
    m = _ELIDED.match(text, pos)
    if m is None:
        return None
    earlier = list(_UNIT_SAID.finditer(text, 0, pos))
    amount = _num(m.group(1))
    if not earlier or amount <= 0:
        return None
    return TimeMatch(_rolling_window(amount, earlier[-1].group(2)), m.end(), english=True)


def _rolling_window(amount: int, unit: str) -> Window:
    if unit.startswith("year"):
        return RollingWindow(12 * amount, "months")
    if unit.startswith("h"):
        return RollingWindow(amount, "hours")
    if unit.startswith("f"):  # a fortnight is two weeks
        return RollingWindow(2 * amount, "weeks")
    if unit.startswith("q"):  # "the past quarter", "last 2 quarters": three months each
        return RollingWindow(3 * amount, "months")
    return RollingWindow(amount, {"d": "days", "w": "weeks", "m": "months"}[unit[0]])  # type: ignore[arg-type]


def _calendar(text: str, pos: int) -> TimeMatch | None:
    best: TimeMatch | None = None
    for pattern, unit, offset in _CAL:
        m = pattern.match(text, pos)
        if m and (best is None or m.end() > best.end):
            best = TimeMatch(CalendarWindow(unit, offset), m.end(), english=True)  # type: ignore[arg-type]
    return best


def _dateish(text: str, pos: int, today: date) -> tuple[Span | str, int] | None:
    options: list[tuple[Span | str, int]] = []
    lead = _DATE_LEAD.match(text, pos)  # "on the 1st of October", "since the 15th"
    at = lead.end() if lead else pos
    m = _MD.match(text, at)
    if m:
        options.append((day_span(m.group(3), _MONTHS[m.group(1)], int(m.group(2)), today), m.end()))
    m = _DM.match(text, at)
    if m:
        options.append((day_span(m.group(3), _MONTHS[m.group(2)], int(m.group(1)), today), m.end()))
    m = _ISO.match(text, at)
    if m:
        options.append((day_span(m.group(1), int(m.group(2)), int(m.group(3)), today), m.end()))
    m = _SLASH_MD.match(text, at)
    if m:
        options.append((day_span(None, int(m.group(1)), int(m.group(2)), today), m.end()))
    m = _MONTH_ONLY.match(text, pos)
    if m and (m.group(2) != "may" or m.group(1)):
        options.append((month_span(m.group(3), _MONTHS[m.group(2)], today), m.end()))
    m = _YEAR.match(text, pos)
    if m:
        options.append((year_span(int(m.group(1))), m.end()))
    m = _QUARTER.match(text, pos)
    if m:
        q = int(m.group(2)) if m.group(2) else _ORDINALS[m.group(4)]
        year = m.group(1) or m.group(3) or m.group(5)
        options.append((quarter_span(year, q, today), m.end()))
    m = _QUARTER_REL.match(text, pos)
    if m:
        options.append((_quarter_of_year(m, today), m.end()))
    m = _HALF.match(text, pos)
    if m:
        year = m["y"] or (str(today.year - 1) if m["rel"] else None)
        half = 1 if (m["o"] == "first" or m["n"] == "1") else 2
        options.append((half_span(year, half, today), m.end()))
    m = _WEEKDAY_EN.match(text, at)
    if m:
        options.append((_weekday(m, today), m.end()))
    m = _NTH.match(text, pos)
    if m and (m.group(1) or _DATE_PREPOSITION.search(text, 0, pos)):  # not "the 2nd visit"
        options.append((_nth_day(int(m.group(2)), today), m.end()))
    return max(options, key=lambda o: o[1]) if options else None


# "on the 1st", "since the 15th": a day of a month with no month said, as 1号 / 15号以来 are
# read — the most recent such day, today included (the 28th said on the 1st is last month's).
_NTH = lazy_pattern(r"(?:(on|of)\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)" + _B)
_DATE_PREPOSITION = lazy_pattern(r"(?:since|from|after|before|until|till|between|and|to)\s+$")


def _nth_day(day: int, today: date) -> Span | str:
    first = today.replace(day=1)
    if day > today.day:
        first = (first - timedelta(days=1)).replace(day=1)
    return day_span(str(first.year), first.month, day, today)


_WEEKDAY_NAMES = {
    "monday": 0, "tuesday": 1, "tues": 1, "wednesday": 2, "weds": 2, "thursday": 3,
    "thurs": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_WD = r"(" + "|".join(sorted(_WEEKDAY_NAMES, key=len, reverse=True)) + r")" + _B
# "Monday", "last Friday", "Friday last week", "last week's Friday", "the Friday of last week"
# (3-letter forms are left out: "sat" and "sun" are words of their own).
_WEEKDAY_EN = lazy_pattern(
    rf"(?:(last|previous)\s+)?{_WD}(?:\s+(?:of\s+)?(last|previous)\s+week{_B})?"
    rf"|(?:last|previous)\s+week'?s\s+{_WD}"
)


def _weekday(m: re.Match[str], today: date) -> Span | str:
    """A day of a week, as the Chinese 周五 / 上周五 are read: a bare one is the most recent
    such day (today included); "of last week" is that day of the week before this one. "last
    Friday" is either the most recent Friday or last week's: the same day, or asked which."""
    name = m.group(2) or m.group(4)
    weekday = _WEEKDAY_NAMES[name]
    recent = today - timedelta(days=(today.weekday() - weekday) % 7)
    last_week = today - timedelta(days=today.weekday() + 7 - weekday)
    if m.group(3) or m.group(4):
        return Span(last_week, last_week)
    before_today = recent if recent < today else recent - timedelta(days=7)
    if not m.group(1):  # "since Sunday" said on a Sunday: today, or a week ago?
        if recent < today:
            return Span(recent, recent)
        return f"weekday|{m.group(0)}|{today.isoformat()}|{before_today.isoformat()}"
    if before_today == last_week:
        return Span(last_week, last_week)
    return f"weekday|{m.group(0)}|{before_today.isoformat()}|{last_week.isoformat()}"


def _quarter_of_year(m: re.Match[str], today: date) -> Span | str:
    """Q4 last year: groups (q, ordinal, this/last, year before last) or (this/last, q, ordinal)."""
    said = m.group(1) or m.group(6)
    q = int(said) if said else _ORDINALS[m.group(2) or m.group(7)]
    which = m.group(3) or m.group(5)
    offset = -2 if m.group(4) else 0 if which == "this" else -1
    return quarter_span(str(today.year + offset), q, today)


# "since the start of Q4", "since the beginning of October": the period's first day.
_START_WORDS = lazy_pattern(r"the\s+(?:start|beginning)\s+of\s+")


def _start_of(
    text: str, pos: int, today: date, now: datetime, tz: ZoneInfo
) -> tuple[date | str, int] | None:
    opening = _START_WORDS.match(text, pos)
    if opening is not None:
        pos = opening.end()
    found = _dateish(text, pos, today)
    if found is not None:
        span, end = found
        return (span if isinstance(span, str) else span.start), end
    cal = _calendar(text, pos) or _rolling(text, pos)
    if cal is None or cal.window is None:
        return None
    return window_start(cal.window, now, tz), cal.end


def _since(text: str, pos: int, today: date, now: datetime, tz: ZoneInfo) -> TimeMatch | None:
    m = _SINCE.match(text, pos)
    if not m:
        return None
    found = _start_of(text, m.end(), today, now, tz)
    if found is None:
        return None
    start, end = found
    if isinstance(start, str):
        return TimeMatch(None, end, english=True, problem=start)
    return TimeMatch(DateRangeWindow(start, None), end, english=True)


def _after_or_before(text: str, pos: int, today: date) -> TimeMatch | None:
    m = _AFTER_BEFORE.match(text, pos)
    if not m:
        return None
    found = _dateish(text, m.end(), today)
    if found is None:
        return None
    span, end = found
    if isinstance(span, str):
        return TimeMatch(None, end, english=True, problem=span)
    if m.group(1) == "after":
        return TimeMatch(DateRangeWindow(span.end + timedelta(days=1), None), end, english=True)
    return TimeMatch(DateRangeWindow(None, span.start - timedelta(days=1)), end, english=True)


def _between(text: str, pos: int, today: date) -> TimeMatch | None:
    m = _FROM.match(text, pos)
    if not m:
        return None
    first = _dateish(text, m.end(), today)
    if first is None:
        return None
    join = _TO.match(text, first[1])
    if not join:
        return None
    if m.group(1) == "from" and _NOW.match(text, join.end()):
        end = _NOW.match(text, join.end()).end()  # type: ignore[union-attr]
        if isinstance(first[0], str):
            return TimeMatch(None, end, english=True, problem=first[0])
        return TimeMatch(DateRangeWindow(first[0].start, None), end, english=True)
    second = _dateish(text, join.end(), today)
    if second is None:
        return None
    (a, _), (b, end) = first, second
    if isinstance(a, str) or isinstance(b, str):
        return TimeMatch(None, end, english=True, problem=str(a if isinstance(a, str) else b))
    if b.end < a.start:
        return TimeMatch(None, end, english=True, problem="the range ends before it starts")
    return TimeMatch(DateRangeWindow(a.start, b.end), end, english=True)
