"""Who the customers of one period were, after counts of two periods (issue 19): "9月那两个都是
谁啊", "上週那一位是誰啊", "上個月嗰三個係邊個", "10月嘅嗰啲係邊個", "who were October's three",
"and last week's one?", "list September's two".

This module only finds the words: the period as said and the number of customers said with it
(None when none is, as in "9月那些是谁"). The chat asks the previous question again over that
period, as a list, and asks back when the number said is not the number it finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

_NUMBERS = {"一": 1, "两": 2, "俩": 2, "二": 2, "仨": 3, "三": 3, "四": 4, "五": 5, "六": 6,
            "七": 7, "八": 8, "九": 9, "十": 10, "one": 1, "two": 2, "three": 3, "four": 4,
            "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_NUMBER_ZH = r"(?:\d{1,3}|[一两俩二仨三四五六七八九十])"
# Who they are: 是谁 / 都是谁 / 分别是谁 / 系边个 / 有哪些 / 是哪几位, or a list asked (列一下).
_WHO_ZH = (
    r"(?:都|分别|又|各)?(?:是|系|係)?(?:谁|哪些|哪几个|哪几位|哪些人|边个|边位|边啲|咩人|乜人)|"
    r"(?:都)?有(?:谁|哪些|边个|边啲)|(?:给我)?(?:列一下|列出来|列出|看看|睇下|睇睇)"
)
_ZH = lazy_pattern(
    r"^(?:那|那么|咁|噉|还有|另外)?\s*(?P<period>[^\s,，。?？]{1,12}?)\s*(?:的|嘅)?\s*"
    rf"(?:那|这)\s*(?:(?P<n>{_NUMBER_ZH})\s*(?:个|位|名)?|(?P<one>个|位)|些|几个|几位|啲|班|批)"
    r"(?:人|客户|客人|客)?\s*"
    rf"(?:{_WHO_ZH})\s*(?:啊|呀|呢|嘅|㗎|啦|吖)*[?？。!！\s]*$"
)
_NUMBER_EN = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
_EN = lazy_pattern(
    r"^(?:(?:and|so|ok|okay|then)[\s,]+)*"
    r"(?:(?:who|which\s+(?:ones|customers))\s+(?:were|are|was|is)\s+|"
    r"(?:list|show(?:\s+me)?|name)\s+)?"
    rf"(?P<period>[a-z0-9 ]{{2,24}}?)(?:'s|’s)\s+(?P<n>{_NUMBER_EN})"
    r"(?:\s+(?:customers|ones|people|buyers))?(?:\s+(?:then|please|pls))?[\s?.!]*$",
    re.I,
)


@dataclass(frozen=True)
class PeriodMembers:
    """The period said ("9月", "上周", "october") and how many were said of it."""

    period: str
    size: int | None


def period_members(text: str) -> PeriodMembers | None:
    """The period whose customers `text` asks for by who they were, or None."""
    plain = normalize(text).strip()
    found = _ZH.match(re.sub(r"\s+", "", plain)) or _EN.match(plain)
    if found is None:
        return None
    said = found["n"] or ("一" if found.groupdict().get("one") else None)
    size = None if not said else int(said) if said.isdigit() else _NUMBERS.get(said.lower())
    return PeriodMembers(found["period"].strip(), size)
