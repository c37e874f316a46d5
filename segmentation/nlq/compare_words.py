"""A comparison with another period asked after a windowed answer: "跟上个月比呢",
"和上个月比较一下", "同上個月比吓", "對比上個月", "上个月相比呢", "compare with last month",
"vs last month", "how does that compare to September?". The chat answers the same question in
the other period and says the first answer's count beside it, so both numbers are read side by
side (the spec has no other comparison); the words of the period are read as a window alone,
as "上个月呢" is."""

from __future__ import annotations

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

_ZH = lazy_pattern(
    r"^(?:那|那么|咁|噉|再|好)?[,，\s]*(?:跟|和|与|同|对比|对照|比较|比)\s*(?P<w>.+?)\s*"
    r"(?:比|比较|对比|相比|比一比|比较下|比一下|比较一下|对比一下|比下|比吓|对比下)?(?:一下|下|吓)?"
    r"(?:呢|吧|啊|呀|看看|睇下|睇吓|看下)?[?？。.!！]*$"
    r"|^(?P<w2>.+?)\s*(?:相比|对比|比较)(?:呢|一下|下)?[?？。.!！]*$"
)
_EN = lazy_pattern(
    r"^(?:and |so |ok,? |now |then )?"
    r"(?:how (?:does|do) (?:that|it|this) compare|compare(?: it| that| this)?|"
    r"(?:vs\.?|versus|against|compared))\s*(?:with |to |against )?(?P<w>.+?)\s*[?.!]*$"
)


def compared_period(text: str) -> str | None:
    """The words of the period `text` compares the last answer with, or None."""
    norm = normalize(text).strip()
    found = _ZH.match(norm) or _EN.match(norm)
    if found is None:
        return None
    words = (found.groupdict().get("w") or found.groupdict().get("w2") or "").strip()
    return words or None
