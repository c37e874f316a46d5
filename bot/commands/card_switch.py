"""A card switched to another action before it is confirmed, for the same customers: "改成发券吧，
满300减50" after a tag card, "不发券了，改成打VIP标签", "switch that to a coupon instead, 50 off
with no threshold", "make it a tag instead: 待跟进", "還是幫佢哋打金卡標籤吧".

The switch keeps the card's customers (a narrowed card stays narrowed) and takes all of its
content from the words: nothing of the old action's content is carried over, since a coupon
means nothing to a tagging. Only words that say a switch (改成/换成/还是/不…了/switch/make it/
instead …) and an action of another kind with its own content make one; anything else is
left to the other readings of a card change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from segmentation.nlq import Clarification, Command
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

# Words before the new action that say it replaces the card's (normalised text).
_SWITCH_ZH = lazy_pattern(
    r"^(?:(?:算了|算啦|那就|那|还是|都系|其实|不对|不如|哦|嗯|咁)[\s,，、]*)*"
    # "不发券了，" / "唔打標籤喇，": the old action dropped first
    r"(?:(?:不|唔|别|不要|唔好)(?:再)?[^\s,，。]{1,6}(?:了|喇|啦)[\s,，、]*)?"
    r"(?P<lead>改成|改为|换成|换做|变成|改做|改用|改|换|还是|都系)?"
)
_SWITCH_EN = lazy_pattern(
    r"^(?:(?:actually|wait|no|ok(?:ay)?|hmm|oh|well|then|on\s+second\s+thought)[\s,]*)*"
    r"(?P<lead>(?:switch|change|turn|make)\s+(?:it|that|this|the\s+card)\s*(?:to|into)?|"
    r"let'?s\s+do|how\s+about|rather)?\s*",
    re.I,
)
# No \b: "tag them待跟进instead" (normalised: no space next to Chinese).
_INSTEAD = lazy_pattern(
    r"\s*(?<![a-z])(?:instead|rather)(?![a-z])(?:\s+of\s+(?:that|this|the\s+tag|tagging))?", re.I
)
# An action word said at the start (then the new action has its own verb).
_VERB_ZH = lazy_pattern(
    r"^(?:给|帮|幫|畀|同|为)?(?:他们|她们|佢哋|佢地|佢們|这些人)?(?:发|推|送|打|贴|加|去掉|撕|标)"
)
_VERB_EN = lazy_pattern(r"^(?:send|tag|untag|push|give|message|text|label)\b", re.I)
_PRONOUN = lazy_pattern(
    r"他们|她们|佢们|佢哋|佢地|这些人|(?<![a-z])(?:them|everyone|all\s+of\s+them)(?![a-z])", re.I
)
# "just" / "only" / 就 before the new verb: this action alone, said of the card's customers.
_ONLY = lazy_pattern(
    r"^(?:(?:just|only|simply)\s+(?=(?:send|tag|untag|push|give|message|text|label)\b)|"
    r"(?:就|只|净系|淨係)(?=[给給帮幫畀同为為]|发|發|打|贴|貼|推|送))",
    re.I,
)
_GIVE = ("给", "帮", "幫", "畀", "同", "为")
_CJK = lazy_pattern(r"[\u4e00-\u9fff]")
_SEND_NOUN = lazy_pattern(
    r"券|消息|信息|短信|群发|(?<![a-z])(?:coupons?|vouchers?|messages?|texts?)(?![a-z])", re.I
)
_TAG_NOUN = lazy_pattern(r"标签|(?<![a-z])(?:tag|label)(?![a-z])", re.I)
_TAG_NOUN_EN = lazy_pattern(r"^(?:a|the)?\s*(?:tag|label)\b", re.I)


@dataclass(frozen=True)
class Switch:
    """The new action for the card's customers."""

    intent: str
    details: dict[str, Any]


def switch_said(text: str) -> list[str]:
    """The readings to try of `text` as a new action on "them", most literal first; empty
    when no switch is said."""
    plain = normalize(text).strip()
    zh = _SWITCH_ZH.match(plain)
    en = _SWITCH_EN.match(plain)
    instead = _INSTEAD.search(plain)
    lead = (zh and zh.group("lead")) or (en and en.group("lead"))
    if not lead and not instead and not (zh and zh.end() > 0):
        return []
    start = max(zh.end() if zh else 0, en.end() if en else 0)
    # The rest as typed: a new tag or message keeps its case ("改成打 NewArrival 标签").
    rest = _INSTEAD.sub("", _typed_after(text, plain[:start])).strip(" ,，:：、。.!！")
    rest = re.sub(r"^(?:to|into)\s+", "", rest)
    rest = _ONLY.sub("", rest)  # "just tag them 待跟进 instead", "就帮他们打待跟进": no narrowing
    if not rest:
        return []
    said_rest = normalize(rest)
    if _PRONOUN.search(said_rest):
        return [rest]
    if _VERB_ZH.match(said_rest):
        return [rest if said_rest.startswith(_GIVE) else f"给他们{rest}"]
    if _CJK.match(said_rest):  # "改成9折券", "换成满300减50的券": the verb unsaid
        return [f"给他们发{rest}", f"给他们{rest}"]
    if _VERB_EN.match(said_rest):
        verb, _, tail = rest.partition(" ")
        return [f"{verb} them {tail}".strip()]
    if _TAG_NOUN_EN.match(said_rest):
        return [f"tag them {_TAG_NOUN_EN.sub('', rest).strip(' :,')}"]
    return [f"send them {rest}"]


def _typed_after(text: str, said: str) -> str:
    """`text` as typed after the part whose normal form is `said`."""
    said = said.strip()
    for cut in range(len(text) + 1):
        if normalize(text[:cut]) == said:
            return text[cut:].strip()
    return normalize(text)[len(said) :]


def switched(parse: Any, card_intent: str, text: str) -> Switch | Clarification | None:
    """The action `text` switches a card of `card_intent` to, read with `parse` (text →
    Command | Clarification); its question back when the switch is said but its content
    cannot be read ("switch it to a coupon": which coupon?); None when it says no switch to
    another action."""
    asked: Clarification | None = None
    for reading in switch_said(text):
        parsed = parse(reading)
        if not isinstance(parsed, Command):
            asked = asked or (parsed if isinstance(parsed, Clarification) else None)
            continue
        if parsed.segment is not None and not parsed.details.get("segment_from_context"):
            return None  # customers of its own: not the card's
        intent = parsed.intent
        own = {k: v for k, v in parsed.details.items() if k != "segment_from_context"}
        if intent == card_intent or {intent, card_intent} <= {"push", "schedule"}:
            return None  # the same action with new content: a change of the card
        if intent not in ("push", "schedule", "tag", "untag"):
            return None
        if not any(k in own for k in ("message", "coupon", "tag")):
            return None
        return Switch(intent, own)
    return asked if asked is not None and _names_other_action(text, card_intent) else None


def _names_other_action(text: str, card_intent: str) -> bool:
    """Whether `text` names an action of another kind than the card's by its content noun
    (a coupon or a message for a tag card, a tag for a send)."""
    plain = normalize(text)
    if card_intent in ("tag", "untag"):
        return bool(_SEND_NOUN.search(plain))
    return bool(_TAG_NOUN.search(plain))


# ---- a card switched to an export ----------------------------------------------------------

# Words that say the export replaces the card (normalised text): 改成/换成/转做/改做/改返做,
# 还是/不如/干脆/直接/就 (rather, just), "switch to", "make it", "just", "rather", "instead".
_EXPORT_LEAD_ZH = (
    r"(?:(?:算了|算啦|那就|那|其实|不对|哦|嗯|咁|噉|我想|我要|想|要)[\s,，、]*)*"
    r"(?P<lead>(?:改|换|转|变)(?:返)?(?:成|为|做|作)|改用|换个|还是|都系|不如|干脆|直接|就|只|净系|淨係)?"
    r"(?:直接|干脆|就|只)?"
)
_WHOM_ZH = r"(?:把|将)?(?:他们|她们|佢们|佢哋|佢地|这些人|这些|呢啲人|呢啲|名单|客户)?"
_EXPORT_ZH = (
    r"(?:导出|汇出|export|下载|导)(?:出来|出嚟|一下|下)?"
    r"(?:给我|畀我|俾我|他们|她们|佢们|佢哋|这些人|这些|呢啲人|呢啲|名单|成excel|为excel|excel|表格|文件|一份|一个文件)*"
)
_EXPORT_SWITCH_ZH = lazy_pattern(
    rf"^{_EXPORT_LEAD_ZH}{_WHOM_ZH}{_EXPORT_ZH}"
    r"(?P<end>就好|就行|就得|就可以了?|算了|好了|得喇|得啦)?(?:吧|啦|喇|啊|呀|吖|先|了|嘞)*$",
    re.I,
)
_EXPORT_SWITCH_EN = lazy_pattern(
    r"^(?:(?:actually|wait|no|nah|ok(?:ay)?|hmm+|oh|well|then|on\s+second\s+thought|"
    r"i'?d|i\s+would|let'?s|we'?ll|please|maybe)[\s,]*)*"
    r"(?P<lead>(?:switch|change|turn|make)(?:\s+(?:it|that|this|the\s+card))?(?:\s+(?:to|into))?|"
    r"(?:just|only|simply|rather)(?:\s+(?:just|only|simply))?|how\s+about|do)?\s*"
    r"(?:an?\s+)?(?:export|download)(?:ing)?(?:\s+(?:them|it|that|this|those|these|the\s+list|"
    r"the\s+customers|the\s+file))?(?:\s+(?:to|as|into)\s+(?:an?\s+)?(?:excel|xlsx|file|spreadsheet))?"
    r"(?P<instead>\s+(?:instead|rather))?(?:\s+(?:then|please|pls|thanks))*[\s.!]*$",
    re.I,
)


def export_instead(text: str) -> bool:
    """Whether `text` switches the waiting card to an export of its customers: "改成导出吧",
    "换成导出", "轉做匯出啦", "改做export", "还是导出吧", "switch to an export instead",
    "just export them", "export them instead". A bare "导出" / "export them" says no switch
    (the card is left waiting), so a word that replaces it must be said."""
    plain = normalize(text).strip(" ,，.。!！~～")
    zh = _EXPORT_SWITCH_ZH.match(plain.replace(" ", ""))
    if zh is not None and (zh.group("lead") or zh.group("end")):
        return True
    en = _EXPORT_SWITCH_EN.match(plain)
    return en is not None and bool(en.group("lead") or en.group("instead"))
