"""A whole period said with no period named: 整个月没下单, 一整个季度, 整個月冇落單,
"a whole month", "an entire quarter" (issue 19). Which month is not said — this one so far,
the last calendar one, or the last 30 days — so it is asked back, naming the phrase and
offering those three.
Said of a named period ("上个月整个月", "the whole month of October") the period is named and
nothing is asked here.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import CalendarWindow, RollingWindow, Window
from segmentation.windows import resolve_window

# Each unit: its Chinese words, and the readings offered (zh, en): this one, the last whole
# one, the same length counted back from now.
_READINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "month": (("本月", "this month"), ("上个月", "last month"), ("近30天", "last 30 days")),
    "quarter": (
        ("本季度", "this quarter"),
        ("上季度", "last quarter"),
        ("近3个月", "last 3 months"),
    ),
    "week": (("本周", "this week"), ("上周", "last week"), ("近7天", "last 7 days")),
    "year": (("今年", "this year"), ("去年", "last year"), ("近12个月", "last 12 months")),
}
_ZH_UNIT = {"月": "month", "季度": "quarter", "季": "quarter", "周": "week", "星期": "week"}
_ZH_UNIT |= {"礼拜": "week", "年": "year"}
_ZH = lazy_pattern(
    r"(?P<word>(?:整整)?(?:一)?整(?:个)?(?P<unit>季度|星期|礼拜|月|季|周|年)|"
    r"整整一个(?P<unit2>季度|星期|礼拜|月|季|周)|整整一(?P<unit3>年))"
    r"(?!份|底|初|中|末|度)"
)
_EN = lazy_pattern(
    r"(?<![a-z])(?P<word>(?:(?:a|an|one)\s+)?(?:whole|entire|full)\s+(?P<unit>month|quarter|week|year))"
    r"(?![a-z])(?!\s+of\b)"
)
# A period named right before it: 上个月整个月 / 这周整周 / "last month, the whole month".
_NAMED_BEFORE = lazy_pattern(
    r"(?:上|本|这|今|去|前|\d|[一二三四五六七八九十])\s*(?:个)?\s*(?:月|季度|季|周|星期|礼拜|年)\s*$|"
    r"(?<![a-z])(?:this|that|last|same|previous|next)\s*$"
)


# A named period said again as whole (上個月成個月, 那 October 整个月, 九月全月, "last month,
# the whole month", "the whole of October", "all of last month"): the period itself, which is
# whole already; the words after it (or before it) say nothing more.
_MONTHS_EN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NAMED_ZH = (
    r"(?:(?:上上|上|本|这|這|今|去|前|呢|嗰)\s*(?:个|個)?\s*(?:月|季度|季|周|週|星期|礼拜|禮拜|年)|"
    r"(?:\d{1,4}|[一二三四五六七八九十]{1,3})\s*(?:月份?|年|季度))"
)
_NAMED_EN = (
    rf"(?:(?:this|last|that|previous)\s+(?:month|week|year|quarter)|{_MONTHS_EN}(?:\s+\d{{4}})?)"
)
_WHOLE_AFTER = lazy_pattern(
    rf"(?P<named>{_NAMED_ZH}|(?<![a-z]){_NAMED_EN}(?![a-z]))\s*(?:的|嘅)?\s*(?:成|整|全|一整|完整)\s*(?:一)?\s*(?:个|個)?\s*"
    r"(?:月|季度|季|周|週|星期|礼拜|禮拜|年)(?!份|底|初|中|末|度)|"
    rf"(?<![a-z])(?P<named_en>{_NAMED_EN})(?![a-z])\s*,?\s*(?:(?:for|over)\s+)?(?:the|a|an)?\s*"
    r"(?:whole|entire|full)\s+(?:month|week|year|quarter)(?![a-z])|"
    rf"(?<![a-z])(?:the\s+)?(?:whole|entire|full)\s+(?:of\s+|month\s+of\s+)?(?P<of_en>{_NAMED_EN})"
    r"(?![a-z])|(?<![a-z])all\s+of\s+(?P<all_en>{_NAMED_EN})(?![a-z])".replace(
        "{_NAMED_EN}", _NAMED_EN
    ),
    re.I,
)


# "whole" said before the named period: 整个十月, 成個上個月, 一整个9月
_WHOLE_BEFORE = lazy_pattern(
    rf"(?:整个|整個|成个|成個|一整个|一整個|全个|全個)\s*(?P<named>{_NAMED_ZH})"
)


def without_restated_whole(text: str) -> str:
    """`text` with a named period's "whole" said once: 上个月成个月 → 上个月, 整个十月 → 十月,
    "the whole of October" → October. A whole period with no period named is left (asked back
    below)."""
    text = _WHOLE_BEFORE.sub(lambda m: m["named"], text)
    return _WHOLE_AFTER.sub(
        lambda m: m["named"] or m["named_en"] or m["of_en"] or m["all_en"], text
    )


def ask_whole_period(norm: str) -> None:
    """Raise Ask when `norm` (normalised) says a whole period without naming which one."""
    unquoted = re.sub(r"“[^”]*”", lambda m: "□" * len(m.group()), norm)
    for found in (*_ZH.finditer(unquoted), *_EN.finditer(unquoted)):
        if _NAMED_BEFORE.search(unquoted[: found.start()]):
            continue
        said = found["unit"] or found.groupdict().get("unit2") or found.groupdict().get("unit3")
        raise _ask(found["word"], _ZH_UNIT.get(said or "", said or "month"))


def _ask(word: str, unit: str) -> Ask:
    readings = _READINGS[unit]
    zh = "、".join(f"“{r[0]}”" for r in readings)
    en = ", ".join(f"'{r[1]}'" for r in readings)
    latin = word.isascii()
    return Ask(
        f"“{word}”是指哪一段时间？例如{zh}。",
        f"Which period is “{word}”? E.g. {en}.",
        [r[1] if latin else r[0] for r in readings],
    )


# ---------------------------------------------------------------- the whole unit around a period
# "and for the whole year?" / 那全年呢 / 成年呢 after an answer about this quarter: the year that
# quarter lies in. Said alone as a follow-up, "whole" names no period of its own; the one asked
# before does, when it lies inside one period of the larger unit.
_WHOLE_ALONE = lazy_pattern(
    r"^(?:(?:整|全|成|一整)\s*(?:个|個)?\s*(?P<zh>年|月|季度|季)(?:度)?|"
    r"(?:the\s+|a\s+|an\s+)?(?:whole|entire|full)\s+(?P<en>year|month|quarter))$",
    re.I,
)
_UNIT_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}


def whole_unit_alone(words: str) -> str | None:
    """The unit of `words` when they are a whole period alone ("the whole year", 全年)."""
    found = _WHOLE_ALONE.match(words.strip())
    if found is None:
        return None
    said = found["zh"] or (found["en"] or "").lower()
    return _ZH_UNIT.get(said, said)


def whole_period_around(window: Window, unit: str, now: datetime, tz: ZoneInfo) -> Window | None:
    """The calendar `unit` holding all of `window` (this quarter → this year), or None when the
    window is not inside one such period, is no shorter than it, or rolls (近30天)."""
    if isinstance(window, RollingWindow):
        return None
    if isinstance(window, CalendarWindow) and _UNIT_RANK[window.unit] >= _UNIT_RANK[unit]:
        return None
    interval = resolve_window(window, now, tz)
    if interval is None:
        return None
    first, last = (moment.astimezone(tz).date() for moment in interval)
    if _index(first, unit) != _index(last, unit):
        return None
    offset = _index(first, unit) - _index(now.astimezone(tz).date(), unit)
    return CalendarWindow(unit, offset) if offset <= 0 else None  # type: ignore[arg-type]


def _index(day: date, unit: str) -> int:
    """A running number of the calendar `unit` that holds `day`."""
    if unit == "year":
        return day.year
    if unit == "quarter":
        return day.year * 4 + (day.month - 1) // 3
    return day.year * 12 + day.month - 1
