"""A calendar window stepped back or on in a follow-up (spec §2c, a window in another's place):
"再往前一周呢" / "再早一个月" / "前一个月呢" / "the week before that" / "a month earlier" after
a question about 上上周 / 上个月 / 10月 — the same question about the period N units before
(or after) the one asked. Only a window that is a whole calendar period steps: a rolling one
(近7天) has no period before it that the language names, and is left to be asked."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.numbers import parse_chinese_numeral
from segmentation.nodes import CalendarWindow, DateRangeWindow, Window
from segmentation.windows import resolve_window

_UNITS_ZH = {
    "天": "day", "日": "day", "周": "week", "週": "week", "星期": "week", "礼拜": "week",
    "禮拜": "week", "个月": "month", "個月": "month", "月": "month", "季度": "quarter",
    "季": "quarter", "年": "year",
}  # fmt: skip
_UNIT_ZH = "|".join(sorted(_UNITS_ZH, key=len, reverse=True))
_COUNT_ZH = r"(?P<n>\d+|[一二两兩三四五六七八九十]+)?\s*(?:个|個|嗰个|嗰個)?"
_STEP_ZH = lazy_pattern(
    r"^(?:那|那么|那麼|咁|噉|好|ok)?\s*(?:再|仲要|又)?\s*"
    r"(?:(?P<back>往前推?|向前推?|往前|之前|早|前|上)|(?P<on>往后推?|往後推?|向后|后|後|晚|下))"
    + _COUNT_ZH
    + r"(?P<unit>"
    + _UNIT_ZH
    + r")?\s*(?:呢|的呢|嘅呢|啦|吖|嘅|的|看看|睇睇|睇下)?\s*[?？。]*$"
)
_UNITS_EN = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}
_COUNT_EN = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
_STEP_EN = lazy_pattern(
    r"^(?:and\s+|so\s+|ok\s+|what\s+about\s+|how\s+about\s+)?(?:the\s+)?"
    r"(?:(?P<u1>day|week|month|quarter|year)\s+(?P<d1>before|after|prior\s+to)\s+(?:that|it|this|then)|"
    r"(?:(?P<n2>\d+|a|an|one|two|three)\s+)?(?P<u2>day|week|month|quarter|year)s?\s+"
    r"(?P<d2>earlier|before|later|after|prior)|(?:go\s+)?(?P<d3>back|further\s+back|forward|on)\s+"
    r"(?P<n3>\d+|a|an|one|two|three)\s+(?P<u3>day|week|month|quarter|year)s?)\s*[?.!]*$",
    re.I,
)


@dataclass(frozen=True)
class Step:
    """How far to move: `amount` units, negative for earlier; `unit` None = the window's own."""

    amount: int
    unit: str | None


def step_said(text: str) -> Step | None:
    """The step `text` says, alone, or None."""
    said = text.strip()
    found = _STEP_EN.match(said)
    if found is not None:
        return _english_step(found)
    found = _STEP_ZH.match(said)
    if found is None:
        return None
    direction = -1 if found.group("back") else 1
    lead = found.group("back") or found.group("on") or ""
    unit = _UNITS_ZH.get(found.group("unit") or "")
    again = said.startswith(("再", "那再", "咁再", "又"))
    if lead in ("上", "下") and not again:
        return None  # 上一个月 is last month itself; 再上一个月 steps on from the one asked
    if lead in ("前", "后", "後", "早", "晚") and not again:
        return None  # 前一周 alone may be 近1周 (asked); 前3名, 后来 are no steps
    count = found.group("n")
    amount = 1 if not count else (int(count) if count.isdigit() else parse_chinese_numeral(count))
    if not amount:
        return None
    return Step(direction * amount, unit)


def _english_step(found: re.Match[str]) -> Step:
    unit = found.group("u1") or found.group("u2") or found.group("u3")
    said = (found.group("d1") or found.group("d2") or found.group("d3") or "").lower()
    said = "prior" if said.startswith("prior") else said
    direction = -1 if said in ("before", "earlier", "back", "further back", "prior") else 1
    count = (found.group("n2") or found.group("n3") or "1").lower()
    amount = int(count) if count.isdigit() else _COUNT_EN[count]
    return Step(direction * amount, _UNITS_EN[unit.lower()])


def stepped(window: Window, step: Step, now: datetime, tz: ZoneInfo) -> Window | None:
    """`window` moved by `step`, or None when it does not step that way (a rolling window,
    another unit, a period not begun yet)."""
    if isinstance(window, CalendarWindow):
        if step.unit not in (None, window.unit):
            return None
        offset = window.offset + step.amount
        if offset > 0:
            return None
        return _named(CalendarWindow(window.unit, offset), now, tz)
    if not isinstance(window, DateRangeWindow):
        return None
    today = now.astimezone(tz).date()
    whole = _whole_period(window)
    if whole is None or step.unit not in (None, whole):
        return None
    if whole == "month":
        moved = _month_stepped(window, step.amount, today)
    else:
        assert window.start is not None and window.end is not None
        days = step.amount * (7 if whole == "week" else 1)
        start, end = window.start + timedelta(days=days), window.end + timedelta(days=days)
        moved = DateRangeWindow(start, end) if start <= today else None
    return _named_again(moved, now, tz) if moved is not None else None


def _named(window: CalendarWindow, now: datetime, tz: ZoneInfo) -> Window:
    """上上周 / 前天 as such; a period further back than the language names, by its dates."""
    if window.offset >= _NAMED_BACK.get(window.unit, 0):
        return window
    interval = resolve_window(window, now, tz)
    assert interval is not None
    return DateRangeWindow(interval[0].astimezone(tz).date(), interval[1].astimezone(tz).date())


def _named_again(window: DateRangeWindow, now: datetime, tz: ZoneInfo) -> Window:
    """Dates that are a named calendar period (10月12日–18日 is 上上周 on Nov 1) by its name."""
    for unit, back in _NAMED_BACK.items():
        for offset in range(back, 0):
            interval = resolve_window(CalendarWindow(unit, offset), now, tz)  # type: ignore[arg-type]
            assert interval is not None
            dates = (interval[0].astimezone(tz).date(), interval[1].astimezone(tz).date())
            if dates == (window.start, window.end):
                return CalendarWindow(unit, offset)  # type: ignore[arg-type]
    return window


def _whole_period(window: DateRangeWindow) -> str | None:
    """The calendar unit `window` is one whole period of (a day, a Monday–Sunday week, a
    month), or None."""
    start, end = window.start, window.end
    if start is None or end is None:
        return None
    if start == end:
        return "day"
    if start.weekday() == 0 and end - start == timedelta(days=6):
        return "week"
    last = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and end.day == last:
        return "month"
    return None


# How far back each unit's periods have names of their own (大前天, 上上周, 上上个月…).
_NAMED_BACK = {"day": -3, "week": -2, "month": -2, "quarter": -2, "year": -2}


def _month_stepped(window: DateRangeWindow, months: int, today: date) -> DateRangeWindow | None:
    """A whole calendar month (10月) moved by `months` whole months."""
    start = window.start
    assert start is not None
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    first = date(year, month + 1, 1)
    if first > today:
        return None
    last = date(year, month + 1, calendar.monthrange(year, month + 1)[1])
    return DateRangeWindow(first, last)
