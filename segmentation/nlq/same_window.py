"""A window said again by pointing back: 同月 / 当月 / 同一周 / 那段时间 / in the same month /
during that period (issue 19).

"上个月消费超过1000并且同月到店至少两次" repeats 上个月 for the visits. The phrase is the
window written before it in the same message, so it is read as that window again — but only
where the unit fits: "same month" after 上个月 or 9月份 is that month; after 近30天 (not a
calendar month) or with no window before it, nothing is read and the sentence is asked back
as before. "当天/同一天" after a window of many days is the same day as an event, a
condition of its own, and is never read as the window. 同期 (the same period last year) is
not pointed back with either.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from datetime import date, timedelta

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import CalendarWindow, DateRangeWindow, RollingWindow, Window

# Text is normalised: Simplified script, 嗰 → 那, lower case, no space between Chinese words.
_ZH = (
    r"(?:在|于)?(?:同一?个?|当|那一?个?)"
    r"(?P<zh>月|周|星期|礼拜|天|日|季度?|年|时期|段时间|时间段|期间|段时期)"
    r"(?:内|里|里面|中|之内)?"
)
_EN = (
    r"(?:(?:in|during|within|over|for)\s+)?(?:the\s+)?(?:same|that|that\s+same)\s+"
    r"(?P<en>month|week|day|quarter|year|period|time\s*frame|time\s+period|window|stretch)\b"
)
_SAME = lazy_pattern(rf"{_ZH}|{_EN}")

_UNIT = {
    "月": "month",
    "month": "month",
    "周": "week",
    "星期": "week",
    "礼拜": "week",
    "week": "week",
    "天": "day",
    "日": "day",
    "day": "day",
    "季": "quarter",
    "季度": "quarter",
    "quarter": "quarter",
    "年": "year",
    "year": "year",
}


def same_window_at(
    text: str, pos: int, last: Callable[[], Window | None]
) -> tuple[Window, int] | None:
    """The window pointed back at by the phrase at `pos` and where the phrase ends, or None
    when there is no such phrase or the window written last (`last()`, looked up only after
    the phrase is found) is not of its unit."""
    m = _SAME.match(text, pos)
    if m is None:
        return None
    window = last()
    if window is None:
        return None
    said = (m.group("zh") or m.group("en") or "").replace(" ", "")
    unit = _UNIT.get(said)  # None: a period of any length (那段时间, that period)
    if unit is not None and _unit_of(window) != unit:
        return None
    return window, m.end()


def _unit_of(window: Window) -> str | None:
    """The one calendar unit a window is exactly, or None (近30天 is no calendar month)."""
    if isinstance(window, CalendarWindow):
        return window.unit
    if isinstance(window, DateRangeWindow) and window.start and window.end:
        return _range_unit(window.start, window.end)
    return None


def _range_unit(start: date, end: date) -> str | None:
    if start == end:
        return "day"
    if start.weekday() == 0 and end - start == timedelta(days=6):
        return "week"
    if start.day != 1 or end.day != monthrange(end.year, end.month)[1]:
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 1:
        return "month"
    if months == 3 and start.month in (1, 4, 7, 10):
        return "quarter"
    if months == 12 and start.month == 1:
        return "year"
    return None


# ---------------------------------------------------------------- the last answer's window

_ROLLING_ZH = {"hours": "小时", "days": "天", "weeks": "周", "months": "个月"}
_CALENDAR_ZH = {
    ("day", 0): "今天", ("day", -1): "昨天", ("day", -2): "前天", ("day", -3): "大前天",
    ("week", 0): "本周", ("week", -1): "上周", ("week", -2): "上上周",
    ("month", 0): "本月", ("month", -1): "上个月", ("month", -2): "上上个月",
    ("quarter", 0): "本季度", ("quarter", -1): "上季度",
    ("year", 0): "今年", ("year", -1): "去年", ("year", -2): "前年",
}  # fmt: skip


def pointed_back(text: str, window: Window | None) -> str:
    """`text` with "in that period / 那段时间 / 同期内" (a follow-up pointing at the last
    answer's window: "which of them also ordered in that period") written as that window, so
    the clause reads it; unchanged when nothing points back or the unit does not fit."""
    if window is None or _SAME.search(text) is None:
        return text
    words = _window_words(window)
    if words is None:
        return text

    def written(match: re.Match[str]) -> str:
        said = (match.group("zh") or match.group("en") or "").replace(" ", "")
        unit = _UNIT.get(said)
        if unit is not None and _unit_of(window) != unit:
            return match.group()
        return f" {words} "

    return re.sub(r"\s+", " ", _SAME.sub(written, text)).strip()


def _window_words(window: Window) -> str | None:
    """Words the parser reads back as `window` exactly."""
    if isinstance(window, RollingWindow):
        return f"近{window.amount}{_ROLLING_ZH[window.unit]}"
    if isinstance(window, CalendarWindow):
        return _CALENDAR_ZH.get((window.unit, window.offset))
    if isinstance(window, DateRangeWindow) and window.start is not None:
        if window.end is None:
            return f"{window.start.isoformat()}以来"
        return f"{window.start.isoformat()}到{window.end.isoformat()}"
    return None
