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
    r"scratch that|i mean|i meant|我是说|我是說|我意思是|我嘅意思係|我的意思是)"
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
    r"(?:的|嘅|客户|客戶|客人|顾客|顧客|客|位|个|個|名)$|\b(?:customers|clients|ones|people|"
    r"buyers|spenders)\b",
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
    return f"{kept}{' ' if kept.isascii() and kept else ''}{then}"


def _names_base_again(then: str) -> bool:
    """The correction says its own base ("不对，是VIP里消费最高的"): the first part's is gone."""
    return _BASE_END.match(then) is not None
