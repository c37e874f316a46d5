"""A window in a few words for headers and rows: 近90天 / last 90 days / 上月 / last month /
2026-01-01~2026-03-31 (no pandas or openpyxl here: chat rows use it too)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from segmentation.nodes import CalendarWindow, DateRangeWindow, RollingWindow, Window
from segmentation.windows import as_of, resolve_window

_UNIT_ZH = {"hours": "小时", "days": "天", "weeks": "周", "months": "个月"}
_CALENDAR_ZH = {"day": ("今天", "昨天", "前天"), "week": ("本周", "上周", "上上周"),
                "month": ("本月", "上月", "上上月"), "quarter": ("本季度", "上季度", "上上季度"),
                "year": ("今年", "去年", "前年")}  # fmt: skip
_CALENDAR_EN = {"day": ("today", "yesterday", "the day before yesterday")}


def window_words(window: Window, now: datetime, tz: ZoneInfo, lang: str) -> str:
    """近90天 / last 90 days / 上月 / last month / 2026-01-01~2026-03-31 for a header."""
    zh = lang == "zh"
    if isinstance(window, RollingWindow):
        if zh:
            return f"近{window.amount}{_UNIT_ZH[window.unit]}"
        unit = window.unit.removesuffix("s") if window.amount == 1 else window.unit
        return f"last {window.amount} {unit}"
    if isinstance(window, CalendarWindow) and window.offset > -3:
        if zh:
            return _CALENDAR_ZH[window.unit][-window.offset]
        if window.unit in _CALENDAR_EN:
            return _CALENDAR_EN[window.unit][-window.offset]
        if window.offset > -2:
            return f"{('this', 'last')[-window.offset]} {window.unit}"
    start, end = as_of(resolve_window(window, now, tz), now, tz)
    first = (
        "…" if isinstance(window, DateRangeWindow) and window.start is None else f"{start:%Y-%m-%d}"
    )
    return f"{first}~{end:%Y-%m-%d}"
