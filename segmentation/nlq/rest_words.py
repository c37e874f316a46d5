""" "The rest" after a narrowing ("剩下的那几个呢", "其他的是谁", "剩下的那些是誰", "其餘嗰啲呢",
"and the rest?", "what about the others", "剩下的有几个", "how many are left"): the customers of
the list narrowed that the narrowing left out. Read on normalised text (Simplified, lower case);
whether it is asked as a count is said too (`RestAsk.count`), else the list is asked as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

_LEAD_ZH = r"(?:那|那么|那麼|咁|咁样|还有|還有|仲有|另外|然后|然後|再看|看看|睇睇|睇下|睇吓)?"
_REST_ZH = (
    r"(?:剩下|剩余|剩低|剩返|其余|其他|其它|另外|别的|第二啲|其他人|余下)"
    r"(?:的|嘅)?(?:(?:那|这|嗰)?(?:(?P<pair>俩|仨)(?:个|位|名)?|(?P<n>[两二三四五六七八九十]|\d{1,3})(?:个|位|名))"
    r"(?:人|客户|客人|客)?|那些|那几个|那几位|那啲|这些|这几个|几个|几位|嗰啲|嗰几个|呢啲|啲|些|那批|的人|人|客户|客人|客|"
    r"的客户)?"
    r"(?:的|嘅)?(?:人|客户|客)?"
)
# What is asked of them: who (是谁, 有谁, 系边个), or how many (有几个, 几多个), or nothing (呢).
_WHO_ZH = (
    r"(?:都|又|分别)?(?:是|系|係)?(?:谁|边个|边啲|哪些|哪几个|哪些人|哪几位|咩人|乜人)|(?:都)?有(?:谁|哪些|边个|边啲)|"
    r"(?:给我)?(?:看看|看下|睇睇|睇下|列出来|列一下)"
)
_COUNT_ZH = r"(?:(?:还|仲)?有)?(?:几个|几位|多少|几多|几多个|几多位|几人|多少人|多少个)(?:人)?"
_TAIL_ZH = r"(?:呢|啊|呀|吖|嘞|喇|啦|咧|嘅|的)*[?？。!！\s]*$"
_ZH = lazy_pattern(
    rf"^{_LEAD_ZH}[,，\s]*{_REST_ZH}(?P<ask>{_WHO_ZH}|(?P<count>{_COUNT_ZH}))?{_TAIL_ZH}"
)
_EN = lazy_pattern(
    r"^(?:(?:and|so|ok|okay|then|now|what\s+about|how\s+about|show\s+me|list|who\s+are|who're)\s+)*"
    r"(?:(?P<count>how\s+many)\s+(?:are|of\s+them\s+are|were)\s+)?"
    # "the other two", "the remaining three": the rest by its size
    r"(?:the\s+(?:other|remaining)\s+(?P<en>two|three|four|five|six|\d{1,3})(?:\s+(?:ones|customers|people))?|"
    r"(?:the\s+)?(?:rest|others|other\s+ones|remaining\s+ones|remaining\s+customers|ones\s+left|"
    r"everyone\s+else|everybody\s+else|rest\s+of\s+them|others\s+then)"
    r"(?:\s+(?:then|please|pls))?(?:\s+(?:are|left))?"
    r"(?:\s+(?:who|which\s+ones))?)[\s?.!]*$",
    re.I,
)
_EN_LEFT = lazy_pattern(
    r"^(?:(?:and|so|ok|okay|then)\s+)*(?:(?P<count>how\s+many)|who)\s+(?:is|are)\s+(?:left|remaining)"
    r"(?:\s+then)?[\s?.!]*$",
    re.I,
)
# Mixed: "剩下的 ones 呢", "the rest 呢", "其他的 who".
_MIXED = lazy_pattern(
    r"^(?:the\s+)?(?:rest|others)\s*(?:呢|嘞|啦)?[?？\s]*$|^(?:剩下|其他|其余)(?:的|嘅)?\s*(?:ones|who)\s*"
    r"(?:呢)?[?？\s]*$",
    re.I,
)


@dataclass(frozen=True)
class RestAsk:
    """ "The rest" asked; `count`: as a count ("剩下的有几个", "how many are left")."""

    count: bool
    # Their number as said ("剩下那俩", "the other two"): None when no number is said.
    size: int | None = None


def read_rest(text: str) -> RestAsk | None:
    """ "The rest" of a narrowed list, when the whole message asks it; None otherwise."""
    plain = normalize(text).strip()
    squeezed = re.sub(r"\s+", "", plain)
    found = _ZH.match(squeezed) or _EN.match(plain) or _EN_LEFT.match(plain) or _MIXED.match(plain)
    if found is None:
        return None
    groups = found.groupdict()
    return RestAsk(count=bool(groups.get("count")), size=_size(groups))


_SIZES = {"俩": 2, "仨": 3, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9, "十": 10, "two": 2, "three": 3, "four": 4, "five": 5,
          "six": 6}  # fmt: skip


def _size(groups: dict[str, str | None]) -> int | None:
    said = groups.get("pair") or groups.get("n") or groups.get("en")
    if not said:
        return None
    return int(said) if said.isdigit() else _SIZES.get(said.lower())
