"""Dates written with a dot (10.1, 10.15: month.day, never day.month, as 10/1 is) and a date
followed by 那天/当天/当日/that day (the same date) — issue 19.

A dot also writes decimals (1.5万, 客单价10.5), so a dotted pair is a date only where a date
is plainly meant: before 号/日, a range (到/至/-/~), a since/after/before word or 那天, and
not after a money word. Anything else is left to be read as a number."""

from __future__ import annotations

from datetime import date

from segmentation.nlq.dates import UP_TO_NOW_ZH, Span, day_span
from segmentation.nlq.lazy_re import lazy_pattern

_DOTTED = lazy_pattern(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?![\d.%])(号|日)?")
# What makes a dotted pair a date when it follows it (号/日 are taken by _DOTTED itself).
_DATE_CONTEXT = lazy_pattern(
    rf"\s*(?:到|至|-|~|—|–|以来|起(?!码)|开始|{UP_TO_NOW_ZH}|之后|以后|之前|以前|后|前(?![\d一二两三四五六七八九十])|"
    r"那天|当天|当日|那一天|这一天|这天|"
    r"那日|嗰日|嗰一日|to\b|until\b|till\b|through\b|onwards?\b|on that day\b|that day\b)"
)
# A money word just before: 消费10.5到20.5之间, 客单价1.5到2.5万 are amounts.
_MONEY_BEFORE = lazy_pattern(
    r"(?:消费|花|花了|花费|使|使了|使钱|spent|spend|spending|客单价|单价|金额|平均|均价|累计|"
    r"总共|总计|超过|多于|大于|高于|低于|少于|小于|不到|满|价|退款|¥|￥|\$|rmb|cny)\s*$"
)
# A unit after the second number: 1.5到2.5万, 10.5到12.5元 are amounts.
_AMOUNT_AFTER = lazy_pattern(r"\s*(?:万|千|百|k\b|w\b|元|块|蚊|rmb|cny|折|倍|%|次)")
_THAT_DAY = lazy_pattern(
    r"\s*(?:那天|当天|当日|那一天|这一天|这天|那日|嗰日|嗰一日|"
    r"on that day\b|that day\b|that same day\b)"
)


def dotted_date(
    text: str, pos: int, today: date, *, in_range: bool = False
) -> tuple[Span | str, int] | None:
    """The dotted date at `pos` and where it ends, or None. `in_range`: the second end of a
    range ("10.1到10.15"), which needs no context after it."""
    m = _DOTTED.match(text, pos)
    if m is None or _MONEY_BEFORE.search(text, 0, pos):
        return None
    if _AMOUNT_AFTER.match(text, m.end()):
        return None
    if not (m.group(3) or in_range or _DATE_CONTEXT.match(text, m.end())):
        return None
    month, day = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return None  # 20.5 is no month: a number
    return day_span(None, month, day, today), m.end()


def that_day_end(text: str, end: int) -> int:
    """Where 那天/当天/that day after a single date ends ("2026-10-27那天" = that date), or
    `end` when none follows."""
    m = _THAT_DAY.match(text, end)
    return m.end() if m else end
