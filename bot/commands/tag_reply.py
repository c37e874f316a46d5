"""The tag an action lacked, given in the next message (issue #19): "给她打个标签" → "要打上哪个
标签？" → "VIP" / "就打“待跟进”吧" / "VIP tag" / "tag them as VIP" completes the action, and
the card comes as if the tag had been said at once ("给她打个“VIP”标签"). A look-up, a
question, a yes or a cancel said instead is a new message, never a tag's name."""

from __future__ import annotations

import re
from collections.abc import Callable

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.tag_actions import which_tag

TAG = "tag"

_QUOTE = lazy_pattern(r"[“「『\"](?P<m>[^”」』\"]+)[”」』\"]")
# Words before the name that only say it is the answer: 就打 / 用 / 贴 / tag them as / make it.
_LEAD = lazy_pattern(
    r"^(?:(?:那就|那|咁就|咁|好吧|好啦|好|嗯|okay|ok|fine|so|then|just|就係|就是|就|是|係)[\s,，]*)*"
    r"(?:打上|打个|打個|打|贴上|贴|貼上|貼|标上|標上|标|標|加上|加|用|要|写|寫|"
    r"(?:tag|label|mark)(?:\s+(?:them|it|him|her|these|those))?(?:\s+(?:as|with))?|"
    r"(?:make|call)\s+it|as|with|use)?\s*",
    re.I,
)
_TAIL = lazy_pattern(
    r"(?:\s*(?:这个|這個|呢个|呢個)?(?:标签|標籤|標簽|tags?|labels?)|的|嘅|吧|啦|喇|呀|啊|嘛|"
    r"\s+(?:please|pls|then|thanks)|[\s.。!！~,，])+$"
)
# A request of its own instead of a name: a look-up, a count, a list, a question.
_REQUEST = lazy_pattern(
    r"[?？]|查|看|睇|搵|找|列|导出|導出|匯出|汇出|多少|幾|几|边个|邊個|哪|谁|誰|客户|客戶|嘅客|的客|"
    r"给|給|俾|畀|(?<![a-z])(?:look|show|find|list|export|count|how|who|which|what|customers?|"
    r"them|him|her)(?![a-z])"
)
_LONGEST = 20


def asks_for_tag(question: str) -> bool:
    """Whether the question back `question` asked which tag to put on or take off."""
    return any(question in (ask.zh, ask.en) for ask in (which_tag(False), which_tag(True)))


def decides(words: str) -> bool:
    """A yes, a no, a confirm or a cancel: an answer of another kind, never a tag's name."""
    from bot.commands.card_amend import says_cancel
    from bot.commands.confirm import typed_decision
    from segmentation.nlq.followup import NO, YES, read_pick

    if typed_decision(words) is not None or says_cancel(words):
        return True
    return read_pick(words, ("", "")) in (YES, NO)


def _quoted_name(said: str) -> str | None:
    """The name a reply quotes ("就打“待跟进”吧"): the quote's words, if a name's length."""
    quoted = _QUOTE.search(said)
    name = quoted["m"].strip() if quoted is not None else ""
    return name if 0 < len(name) <= _LONGEST else None


def tag_given(reply: str, is_request: Callable[[str], bool] = decides) -> str | None:
    """The tag's name `reply` gives ("VIP", "就打“待跟进”吧", "tag them as VIP"), or None when
    it says something else. `is_request(words)`: whether words are a decision of their own
    (a yes, a confirm, a cancel)."""
    said = reply.strip()
    if not said or is_request(said):
        return None
    if _QUOTE.search(said) is not None:
        return _quoted_name(said)
    name = _TAIL.sub("", _LEAD.sub("", said, count=1)).strip()
    if not name or len(name) > _LONGEST or _REQUEST.search(name.lower()):
        return None
    if len(name.split()) > 3 or is_request(name):
        return None
    return name


_NOUN_ZH = lazy_pattern(r"标签|標籤|標簽")
_NOUN_EN = lazy_pattern(r"(?<![a-z])(?:(?:a|an|the|some|any)\s+)?(?:tag|label)(?![a-z])")
_VERB_EN = lazy_pattern(r"(?<![a-z])(?:tag|label|mark)(?![a-z])")


def with_tag(original: str, name: str) -> str | None:
    """`original` with the tag `name` where it was left out: before the Chinese noun
    (打个标签 → 打个“VIP”标签), as "the “VIP” tag" for the English one, or "as “VIP”" after
    an English tagging verb's object; None when there is no such place."""
    nouns = list(_NOUN_ZH.finditer(original))
    if nouns:
        at = nouns[-1].start()
        return f"{original[:at]}“{name}”{original[at:]}"
    lowered = original.lower()
    noun = _NOUN_EN.search(lowered)
    if noun is not None and noun.group().strip() not in ("tag", "label"):
        return f"{original[: noun.start()]}the “{name}” tag{original[noun.end() :]}"
    if _VERB_EN.search(lowered):
        return f"{original.rstrip(' .!?')} as “{name}”"
    return None


# ---- a saved segment's name -----------------------------------------------------------------

SAVE_NAME = "save_name"
_SAVE_QUESTION = (
    "保存成什么名字？例如：把…保存为“待跟进”。",
    "Save it under which name? E.g. save … as “follow-up”.",
)
# Words before a name given back: 叫 / 就叫 / 名字叫 / 用 / call it / name it / as.
_NAME_LEAD = lazy_pattern(
    r"^(?:(?:那就|那|咁就|咁|好吧|好|ok|okay|fine|so|then|just)[\s,，]*)*"
    r"(?:名字就叫|名字叫|就叫做|就叫|叫做|叫|就用|用|命名为|命名為|"
    r"(?:call|name)\s+it|as)?\s*",
    re.I,
)
_NAME_TAIL = lazy_pattern(
    r"(?:吧|啦|喇|呀|啊|好了|就好|就得|\s+(?:please|then|thanks)|[\s.。!！~])+$"
)
# How a Chinese request ends where the name may follow at once (存成分群 “X”).
_NAME_PLACE_ZH = lazy_pattern(r"(?:分群|分组|分組|名单|名單|为|為|成|做|叫|叫做)\s*$")
_NAME_PLACE_EN = lazy_pattern(r"(?<![a-z])(?:as|called|named|segment|list|group)\s*$", re.I)


def asks_for_name(question: str) -> bool:
    """Whether the question back `question` asked under which name to save."""
    return question in _SAVE_QUESTION


def name_given(reply: str, is_request: Callable[[str], bool] = decides) -> str | None:
    """The name `reply` gives to "which name?" ("上海客", "就叫“上海客”吧", "call it VIPs"), or
    None when it asks something of its own (a look-up, a count, a yes, a cancel)."""
    said = reply.strip()
    if not said or is_request(said):
        return None
    if _QUOTE.search(said) is not None:
        return _quoted_name(said)
    name = _NAME_TAIL.sub("", _NAME_LEAD.sub("", said, count=1)).strip()
    if not name or len(name) > _LONGEST or len(name.split()) > 4:
        return None
    if _REQUEST.search(name.lower()) and not _QUOTE.search(said):
        return None  # "上海的客户有几个": a question of its own
    return name


def with_name(original: str, name: str) -> str:
    """`original` with the name said where it belongs: right after 存成分群 / "as a segment",
    else after 叫 / "as" added."""
    trimmed = original.rstrip(" 。.!！")
    if _NAME_PLACE_ZH.search(trimmed) or _NAME_PLACE_EN.search(trimmed):
        return f"{trimmed}“{name}”" if not trimmed.isascii() else f"{trimmed} “{name}”"
    if trimmed.isascii():
        return f"{trimmed} as “{name}”"
    return f"{trimmed}，叫“{name}”"
