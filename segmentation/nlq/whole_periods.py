"""A whole period said with no period named: 整个月没下单, 一整个季度, 整個月冇落單,
"a whole month", "an entire quarter" (issue 19). Which month is not said — this one so far,
the last calendar one, or the last 30 days — so it is asked back, naming the phrase and
offering those three.
Said of a named period ("上个月整个月", "the whole month of October") the period is named and
nothing is asked here.
"""

from __future__ import annotations

import re

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern

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
