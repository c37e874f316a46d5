"""A reply that drops the part of a question that was asked back ("删掉的不用管，就看现在还在的",
"年龄那个先不管了", "號碼那段拿掉就好", "年齡唔使理喇", "ok forget the deleted ones", "不管 age 了",
"skip the phone part"): what it names (or nothing: "那个先不管"), and where the part asked
about sits in the question, so the question can be asked again without it.

Only the reply is read here (normalised: Simplified, lower case); the chat checks that the
part named is the one asked about (`same_part`) before taking the question without it.
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

_LEAD = (
    r"(?:ok|okay|fine|alright|then|so|好|好吧|好的|那|那就|那么|咁|咁就|算了|算啦|行|嗯|哦|噢|唔)"
)
_PAUSE = r"[\s,，。.!！~]*"
# What the part is called after its name: 那个 / 那段 / 那部分 / 嗰个 / the … part.
_THAT = (
    r"(?:那个条件|那个|那段|那部分|那一段|那一部分|那条|那一条|这个|这段|这部分|呢个|呢段|嗰个|嗰段|嗰部分|"
    r"的部分|部分|条件|的条件|的|嘅)?"
)
_ADVERB = r"(?:就|先|都|也|暂时|暂且|可以|直接)*"
# Leaving it out: not minded, not counted, taken off.
_VERB_ZH = (
    r"(?:不用管|不必管|不用理|不必理|不管|别管|别理|不理|唔使理|唔使管|唔使计|唔理|唔计|不计|不要计|别计|"
    r"不算|别算|不要算|不用算|唔好计|忽略|忽略掉|跳过|略过|拿掉|去掉|删掉|拿走|去除|不要|唔要|省略|"
    r"不考虑|唔考虑|不用考虑|不看|唔睇)"
)
_END_ZH = r"(?:了|啦|喇|吧|嘞|咯|先|就好|就行|就可以|好了|算了|得了|都得|亦得|呀|啊)*"
_NAME = r"(?P<part>[^，,。.!！?？]{1,14}?)"
_ZH = (
    # 删掉的不用管 / 年龄那个先不管了 / 號碼那段拿掉就好 / 年齡唔使理喇 / 那个先不管
    rf"^(?:{_LEAD}{_PAUSE})*{_NAME}?{_THAT}{_ADVERB}{_VERB_ZH}{_END_ZH}$",
    # 先不管年龄了 / 不用管删掉的 / 忽略手机号 / 唔使理年龄
    rf"^(?:{_LEAD}{_PAUSE})*{_ADVERB}{_VERB_ZH}(?:掉)?(?:那个|那段|那部分|这个)?"
    rf"(?![的嘅])(?!.*(?:也|都|亦|算|计|包括|含))(?:{_NAME}){_THAT}{_END_ZH}$",
)
_VERB_EN = (
    r"(?:forget(?:\s+about)?|ignore|drop|skip|leave\s+out|leave|remove|take\s+out|lose|never\s*mind|"
    r"don'?t\s+(?:count|include|worry\s+about|bother\s+with)|no\s+need\s+for)"
)
_EN = (
    rf"^(?:{_LEAD}{_PAUSE})*(?:just\s+|then\s+)?{_VERB_EN}\s+(?:the\s+|that\s+|those\s+)?"
    r"(?P<part>[a-z0-9 '-]{0,30}?)(?:\s+(?:part|bit|condition|filter|thing|one|ones))?"
    r"(?:\s+(?:out|then|please|pls|for\s+now|altogether))*[\s.!]*$",
    # the deleted ones aside / age aside then
    r"^(?:(?:ok|okay|fine|so)[\s,]*)?(?:the\s+)?(?P<part>[a-z0-9 '-]{1,30}?)\s+"
    r"(?:aside|doesn'?t\s+matter|"
    r"is\s+fine\s+to\s+drop)(?:\s+(?:then|please))?[\s.!]*$",
)
_DROPS = [lazy_pattern(p, re.I) for p in (*_ZH, *_EN)]
# What may follow as a clause of its own: "just the ones still here" (就看现在还在的, 只算现有
# 的, 淨係計而家仲喺度嘅, only the current ones) — what dropping the part leaves, said again.
_AS_NOW = lazy_pattern(
    r"^(?:就|只|淨係|净系|净係|仅|僅)?(?:看|算|计|計|要|睇|数|數)?(?:现在|目前|而家|依家|现有|现存|当前)"
    r"(?:还在|仲喺度|仍在|在|有|剩)?(?:的|嘅)?(?:客户|客)?(?:就好|就行|就得|吧|啦|喇)?$|"
    r"^(?:just\s+|only\s+)?(?:count\s+)?(?:the\s+)?(?:current|existing|remaining|active)(?:\s+ones|\s+customers)?"
    r"(?:\s+(?:then|please))?$|^(?:just\s+)?(?:the\s+)?ones?\s+(?:still\s+)?(?:here|left|we\s+have)"
    r"(?:\s+now)?$",
    re.I,
)
_CLAUSE = lazy_pattern(
    r"[，,。；;]\s*|(?<=[\u4e00-\u9fff])\s+(?=[a-z])|(?<=[a-z])\s+(?=[\u4e00-\u9fff])"
)


def dropped_part(text: str) -> str | None:
    """What a reply leaves out of the question asked back: the part named ("删掉的", "年龄",
    "the deleted"), "" when it names none ("那个先不管"), None when it is no such reply."""
    plain = normalize(text).strip().strip("。.!！~")
    clauses = [c.strip() for c in _CLAUSE.split(plain) if c.strip()]
    if not clauses:
        return None
    named: str | None = None
    for clause in clauses:
        if _LEAD_ONLY.match(clause):
            continue
        if named is None:
            found = next((m for m in (p.match(clause) for p in _DROPS) if m is not None), None)
            if found is None:
                return None
            named = (found.group("part") or "").strip()
            if named.lower() in _NOTHING_EN:  # "forget it": the whole question, not a part
                return None
            named = "" if named in _NOTHING_ZH else named
            continue
        if not _AS_NOW.match(clause):  # anything else asked too: a question of its own
            return None
    return named


# A part named by a pointer only: 那个先不管 (the part asked about).
_NOTHING_ZH = frozenset({"个", "那个", "这个", "呢个", "嗰个", "那段", "这段", "那部分", "它"})
_NOTHING_EN = frozenset({"it", "that", "this", "everything", "all"})
_LEAD_ONLY = lazy_pattern(rf"^(?:{_LEAD}{_PAUSE})+$", re.I)

# The kinds of part a question is asked back about, each by the words that say it: a part
# named in the reply is the part asked about when both say the same kind.
_TOPICS = (
    lazy_pattern(r"删|刪|delet|remov|已离开|不在了", re.I),
    lazy_pattern(r"岁|歲|年龄|年齡|年纪|年紀|\bage|aged|years?\s+old|[0-9]0后|00后", re.I),
    lazy_pattern(r"手机|手機|电话|電話|号码|號碼|号段|號段|phone|mobile|number", re.I),
)
_FILLER = set("的嘅那个這这段部分条件了吧先")


def same_part(named: str, asked: str) -> bool:
    """Whether the part a reply names is the part of the question asked about (`asked`: the
    words around the phrase quoted in the question back)."""
    if not named:
        return True
    named_n, asked_n = normalize(named), normalize(asked)
    if any(t.search(named_n) and t.search(asked_n) for t in _TOPICS):
        return True
    shared = {c for c in named_n if "\u4e00" <= c <= "\u9fff"} - _FILLER
    if shared & set(asked_n):
        return True
    words = {w for w in re.findall(r"[a-z]{3,}", named_n) if w not in ("the", "ones", "part")}
    return bool(words & set(re.findall(r"[a-z]{3,}", asked_n)))
