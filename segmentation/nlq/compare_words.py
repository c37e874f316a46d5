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


# Both periods said: "this week vs last week", "本周跟上周比", "今個月同上個月比吓", "this month
# compared with last month". The chat takes it only when the first is the last answer's period.
_BOTH_ZH = lazy_pattern(
    r"^(?:那|那么|咁|噉|再|好)?[,，\s]*(?P<a>[^,，和跟与同比]{1,12}?)\s*(?:跟|和|与|同)\s*"
    r"(?P<b>[^,，]{1,12}?)\s*(?:比|比较|对比|相比|比一比|比较下|比一下|比较一下|对比一下|比下|比吓|对比下)"
    r"(?:一下|下|吓)?(?:呢|吧|啊|呀|看看|睇下|睇吓|看下)?[?？。.!！]*$"
)
_BOTH_EN = lazy_pattern(
    r"^(?:and |so |ok,? |now |then )?(?:compare )?(?P<a>[a-z0-9' -]{2,30}?)\s+"
    r"(?:vs\.?|versus|against|compared (?:to|with)|and)\s+(?P<b>[a-z0-9' -]{2,30}?)\s*[?.!]*$"
)


def compared_periods(text: str) -> tuple[str, str] | None:
    """Both periods of "this week vs last week" / "本周跟上周比": (the first, the other), or
    None. Words only: that each is one window, and the first the last answer's, is the
    chat's to check."""
    norm = normalize(text).strip()
    found = _BOTH_ZH.match(norm) or _BOTH_EN.match(norm)
    if found is None:
        return None
    first, other = found["a"].strip(), found["b"].strip()
    return (first, other) if first and other else None
