"""A question corrected inside the same message: "下訂過的客人裡面客單價最高... 不對 是消費最高的
前5位", "上海的客户，不对，是北京的客户", "VIPs in Shanghai, sorry, I mean Beijing". The words
after the correction mark are the question asked; a base the first part named before a
clause word (下訂過的客人裡面, VIP里, among my customers) still holds, since the correction
says again only what came after it. The restatement of the answer shows which was read.
A value alone after the mark ("…, sorry, I mean Beijing") is left to be asked: which part of
the first it replaces is for the conversation's corrections, not for a guess here.

Only a mark that says "that was wrong" starts a correction: 不对/不對/唔啱/sorry/oops/"I mean".
不是 and 唔係 are no mark: they negate ("上海的客户，不是VIP的" excludes VIPs). Text in quotes
is a message's or a name's, so a message holding quotes is left as it is.
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern

_CORRECTED = lazy_pattern(
    r"^(?P<first>.+?)(?:\.{2,}|…+|[,，。;；!！\s])+"
    # an apology is a mark only when it stands alone ("sorry," / "sorry I mean"): "sorry to
    # bug you", 不好意思麻烦你 apologise for asking, and correct nothing
    r"(?:不对|不對|唔啱|唔對|(?:sorry|oops)(?=\s*[,，.。!！-]|\s+i mean)|no wait|wait no|"
    r"scratch that|i mean|i meant|我是说|我是說|我意思是|我嘅意思係|我的意思是|"
    # spoken marks: 哦不 / 唔係 / 不是 said as "no" before a pause and a 是 (不是，是北京的),
    # said twice (不是不是), or a slip owned (说错了, 打错了, my bad, no sorry)
    r"(?:哦|噢|喔|啊|欸|诶)不(?=[,，。\s])|(?:不是|唔係|唔系)(?:不是|唔係|唔系)|"
    r"(?:不是|唔係|唔系)(?=[,，。\s]+(?:是|係|系))|"
    r"(?:说|說|讲|講|打|搞|写|寫)?(?:错|錯)(?:了|咗)|my bad|no sorry|sorry no|actually no)"
    r"[,，。\s]*(?:,?\s*(?:i mean|i meant)\b)?[,，\s]*"
    r"(?:我是说|我是說|我要|我想要|应该是|應該是|是|係|系)?\s*(?P<then>\S.*)$",
    re.I,
)
# Where the first part's base ends: its clause word (里面 / 中 / among those …), kept.
_BASE_END = lazy_pattern(
    r"^.*(?:里面|裡面|里头|入面|当中|當中|之中|其中|里|裡|中|among (?:those|them|these)|"
    r"of (?:those|them|these)|among my customers|among)",
    re.I,
)
# A first part that is itself only a mark or an acknowledgement: nothing asked before it.
_MARK_ONLY = lazy_pattern(
    r"(?:不对|不對|不是|唔係|唔系|唔啱|唔對|no|nope|nah|sorry|oops|抱歉|不好意思|唔好意思|对不起|"
    r"對不起|哎呀|哦|噢|喔|oh|wait|等等|好|ok|okay|嗯|算了)[\s,，.。!！~]*",
    re.I,
)
# A correction that says a whole question (its people word or its ranking), not a value alone.
_WHOLE = lazy_pattern(
    r"(?:的|嘅|客户|客戶|客人|顾客|顧客|客|位|个|個|名)$|[\u4e00-\u9fff\w][的嘅]\S|"
    r"\b(?:customers|clients|ones|people|buyers|spenders|vips|custs|ppl)\b",
    re.I,
)
_QUOTES = frozenset("“”「」『』\"'")


def corrected_in_sentence(text: str) -> str:
    """`text` as corrected by its own words: the base of the first part and the words after
    the mark; `text` itself when it holds no correction."""
    if any(ch in _QUOTES for ch in text):
        return text
    match = _CORRECTED.match(text.strip())
    if match is None:
        return text
    first, then = match.group("first"), match.group("then").strip()
    if _MARK_ONLY.fullmatch(first.strip()):
        return text  # "不对，我是说上个月的": a correction of the last message, the chat's
    if not _WHOLE.search(then):
        return text  # "…, sorry, I mean Beijing": a value alone — which part it replaces is asked
    base = _BASE_END.match(first)
    kept = base.group() if base is not None and not _names_base_again(then) else ""
    if not _ASKS.search(then) and not kept:
        # "上海的VIP有多少 不对 北京的VIP", "how many VIPs in Shanghai, sorry I mean VIPs in
        # Beijing": the question asked before the mark still stands
        if (last := _ASKED_LAST.search(first)) is not None:
            then = f"{then.rstrip(' ,，.。')}{' ' if then.isascii() else ''}{last.group().strip()}"
        elif (head := _ASKED_FIRST.match(first)) is not None:
            then = f"{head.group().strip()} {then}"
    return f"{kept}{' ' if kept.isascii() and kept else ''}{then}"


_ASKED_FIRST = lazy_pattern(
    r"\s*(?:how many|count|list|show me|show|export|pull up|帮我数一下|数一下|统计一下|"
    r"帮我统计一下|列一下|帮我列一下|列出|导出|導出|幫我數一下|數一下|統計一下)(?![a-z])",
    re.I,
)

# The question said at the end of the first part (有多少, 有几个); in English it comes first.
_ASKED_LAST = lazy_pattern(
    r"(?:有多少个?|有几个|有幾個|有几位|有幾位|有幾多個?|有几多个?|几个|幾個|有哪些|有谁|有誰|"
    r"有边啲|有邊啲|系边个|係邊個)[\s?？]*$"
)
_ASKS = lazy_pattern(
    r"多少|几|幾|哪|谁|誰|边|邊|列|导出|導出|export|how many|\bwho\b|\blist\b|\bshow\b|\bcount\b",
    re.I,
)


def _names_base_again(then: str) -> bool:
    """The correction says its own base ("不对，是VIP里消费最高的"): the first part's is gone."""
    return _BASE_END.match(then) is not None
