"""Corrections of the last question: "不对 我是说金卡", "不是，是上海", "抱歉打錯 是上海",
"唔係，係上個月", "我講錯咗，係北京", "sorry I meant Beijing", "no, I meant last month",
"oops, VIP not 金卡", "typo, Shanghai" (spec/commands.md §2c).

This module only reads the words: what marks the message as a correction (an apology, a
"wrong"/"not that", or "I meant"), the corrected value in the asker's own spelling, and the
old value when it is named ("VIP not 金卡", "不是北京，是上海"). Which condition of the last
question the value replaces — one of the same kind, else it is asked back — is the chat's.

A value alone ("上海", "是上海") is no correction: it may answer a question back or be a
question of its own. Something must say the last question was wrong, or "I meant".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from segmentation.nlq.lazy_re import lazy_pattern

_SEP = r"[\s,，、:：;；.。!！~～…-]*"
# Apologies and interjections that open a correction: 抱歉/不好意思/唔好意思/sorry/oops.
_SORRY = (
    r"(?:抱歉|不好意思|唔好意思|对不起|對不起|sorry|sry|soz|oops|whoops|oopsie|my\s+bad|"
    r"my\s+mistake|apologies|哎呀|哎呦|哎|唉|啊呀|啊|呀|噢|哦|喔|oh|ah|wait|hmm|er+m?|uh|等等|等一下|等陣|"
    # "hold on": 咪住 / 咪住先 / 且慢 / hang on / hold on
    r"咪住先?|咪住|且慢|等阵|hold\s+on|hang\s+on|"
    r"actually|其实|其實)"
)
# What was said wrong, named before it: "标签写错了", "名字打错了", "城市講錯咗".
_FIELD = (
    r"标签|標籤|标签名|標籤名|名字|名|客户名|客戶名|城市|地方|时间|時間|日期|产品|產品|商品|"
    r"金额|金額|数字|數字|券|消息|訊息|tag|name"
)
# "I said it wrong": 打错/打錯/写错/講錯咗/说错了/搞错了/拼错了/口误/笔误/typo/correction.
_WRONG = (
    r"(?:(?:我)?(?:{_FIELD})?(?:打|写|寫|讲|講|说|說|输|輸|问|問|搞|弄|记|記|睇|看|揀|拣|选|選|拼|填|"
    r"敲|按)?(?:错|錯)"
    r"(?:字)?(?:了|咗|左|啦|喇|咗啦)?|口误|口誤|笔误|筆誤|手滑|更正(?:一下)?|纠正(?:一下)?|"
    r"糾正(?:一下)?|修正(?:一下)?|"
    # "tag name typo", "the city was wrong": what was said wrong, named first
    r"(?:(?:the\s+)?(?:tag\s+name|tag|name|city|date|time|product|coupon|message)\s+"
    r"(?:typo|(?:is|was)\s+wrong))|"
    r"typo|wrong(?:\s+one)?|correction|scratch\s+that|"
    r"not\s+that(?:\s+one)?|that'?s\s+(?:wrong|not\s+(?:it|right|what\s+i\s+meant))|"
    r"(?:let\s+me\s+)?rephrase|let\s+me\s+correct\s+(?:that|myself)|change\s+of\s+plans?)"
).replace("{_FIELD}", _FIELD)
# "Not that": 不对/不是/唔係/唔啱/no/nope.
_NOT = r"(?:不对|不對|不是|唔係|唔系|唔啱|唔對|唔对|(?:哦|噢|喔|啊|呃|oh)\s*不|no|nope|nah)"
# What points at the corrected value. The strong ones say "I meant" by themselves.
_MEANT = (
    r"(?:我(?:是|係|系)?(?:想要|想|要)?(?:说|說|话|話|讲|講|问|問|指|要)(?:紧|緊|gan)?(?:嘅|的)?(?:是|係|系)?|"
    r"(?:我的|我嘅)?意思(?:是|係|系)|应该(?:是|系)|應該(?:是|係)|"
    r"i\s+(?:meant|mean|wanted|want|was\s+asking\s+about|was\s+talking\s+about)(?:\s+to\s+say)?|"
    r"meant|(?:it\s+)?should\s+(?:be|have\s+been)|make\s+(?:that|it))"
)
# The weak ones only after a lead: 是/係/而是/改成/换成/要, "it's".
# ("是Ivan": a Latin word may follow the Chinese ones; "it's" is a whole word of its own).
_IS = (
    r"(?:(?:{_FIELD})?(?:应该|應該)?(?:而是|而係|是|係|系)|改成|换成|換成|改为|改為|要(?![A-Za-z])|"
    r"(?:it'?s|it\s+is)(?![A-Za-z]))"
).replace("{_FIELD}", _FIELD)
# A sentence particle after the lead: "唔係呀，", "不是啦", "no lah,".
_PARTICLE = r"(?:啦|呀|啊|吖|喇|嘞|咯|嘛|哦|喔|了|la|lah|lor|ar)*"
_LEAD_WORD = rf"(?:{_SORRY}|{_WRONG}|{_NOT})(?![A-Za-z]){_PARTICLE}"
# A lead is followed by punctuation, another lead or what points at the value — never by a
# word of its own: "no orders in 30 days", "错过活动的" and "不是VIP的客户" are questions.
_AFTER_LEAD = r"[,，、:：;；.。!！~～…—-]"
_POINTED = rf"(?={_LEAD_WORD}|{_MEANT}|{_IS})"
# "I typed it wrong" says nothing of its own, so a space after it ends it too ("抱歉手滑 查一下…",
# "sorry typo how many VIPs").
_LEAD = (
    rf"(?:{_LEAD_WORD}(?:\s*{_AFTER_LEAD}{_SEP}|\s*{_POINTED}|\s*$)|"
    rf"{_WRONG}(?![A-Za-z])\s+)"
)
# "…才对", "…先啱", "… instead", "…吧": what may close the value.
_TAIL = lazy_pattern(
    r"(?:才对|才對|才是|才係|先啱|先至啱|先係|先|吧|啦|喇|呀|啊|嘛|instead|please|pls|"
    r"sorry|thanks|thx|[\s,，.。!！~～])+$",
    re.I,
)
# "VIP not 金卡", "上海，不是北京", "係上海唔係北京", "Beijing rather than Shanghai".
_NOT_OLD = lazy_pattern(
    r"^(?P<value>.+?)[\s,，]*(?:而不是|而唔係|不是|唔係|唔系|not|rather\s+than)\s*(?P<old>.+)$",
    re.I | re.S,
)
# "不是北京，是上海", "唔係上個月，係今個月", "not Shanghai, Beijing".
_OLD_FIRST = lazy_pattern(
    rf"^(?:{_NOT}|not){_SEP}(?P<old>[^,，;；]+?){_SEP}(?:{_IS}|{_MEANT}){_SEP}(?P<value>.+)$|"
    r"^not\s+(?P<old2>[^,，;；]+?)[,，;；]\s*(?P<value2>.+)$",
    re.I | re.S,
)
_LEADS = lazy_pattern(rf"^{_SEP}(?P<leads>{_LEAD}+)", re.I)
# "是高意向，打错了", "係金卡呀，打錯字", "高意向, typo sorry": the remark that it was typed wrong,
# said after the value past a pause, says what a lead says. Only a "wrong" word: an apology
# alone after a question is politeness ("上海的有几个，不好意思"), and "是高意向啊" a value alone.
_TRAILING_WRONG = lazy_pattern(
    r"^(?P<body>.+?)[\s,，、:：;；.。!！~～…—-]+"
    r"(?:(?:抱歉|不好意思|唔好意思|对不起|對不起|sorry|sry|soz|oops|whoops|my\s+bad|my\s+mistake)"
    rf"(?![A-Za-z]){_PARTICLE}{_SEP})*{_WRONG}(?![A-Za-z]){_PARTICLE}"
    rf"(?:[\s,，、:：;；.。!！~～…—-]*(?:抱歉|不好意思|唔好意思|sorry|sry|my\s+bad)(?![A-Za-z]){_PARTICLE})?"
    rf"{_SEP}$",
    re.I | re.S,
)
# "Change it once more" before a change of a confirmation card: "再改一下，只给Grace打", "再改一次，
# 淨係俾Pia", "改多次", "change it again: only Pia", "one more change —". Only before the change
# it asks for: a mark, or the change's own first word, follows ("再改成…" is the change itself).
_AGAIN = (
    r"(?:标签|標籤|tag|券|优惠券|優惠券|消息|訊息|时间|時間)?\s*(?:(?:再|又|重新)(?:改|修改|更改|换|換|调整|調整|改动|改動)(?:一下|一次|下|多次|多一次|多下|过|過)?|"
    r"(?:改|修改|更改|调整|調整)(?:一下|一次|下|多次|多一次|多下)|"
    r"(?:change|edit|amend|update)\s+(?:it|that|this|the\s+card)\s+again|one\s+more\s+change|"
    r"(?:another|one\s+more)\s+(?:change|edit)|again)"
)
_CHANGE_FIRST = (
    r"(?:只|仅|僅|淨|净|就|把|將|将|不要|唔好|唔要|别|別|去掉|加|也|标签|標籤|改|换|換|"
    r"(?i:only|just|not|skip|add|also|change|make|use|tag)(?![A-Za-z]))"
)
_AGAIN_LEAD = lazy_pattern(
    rf"^{_SEP}(?:(?:{_LEAD}|{_AGAIN}{_PARTICLE}(?:\s*{_AFTER_LEAD}{_SEP}|\s*(?={_CHANGE_FIRST})))"
    rf"{_SEP})+(?:(?!make\s){_MEANT}{_SEP})?",
    re.I,
)
_MEANT_START = lazy_pattern(rf"^(?:{_MEANT}){_SEP}", re.I)
_IS_START = lazy_pattern(rf"^(?:{_IS}){_SEP}", re.I)


@dataclass(frozen=True)
class Correction:
    """The corrected value of the last question, and the old one when it was named.
    `said`: all the words after the correction's lead, for when "not" was no old value's
    ("I meant the ones who are not VIP")."""

    value: str
    old: str = ""
    said: str = ""


# An apology that opens a request, not a correction: "唔好意思，幫我將佢哋打個tag", "不好意思，
# 请帮我导出…", "sorry, could you count the VIPs" (session 27: the apology is politeness).
_SORRY_THEN_REQUEST = lazy_pattern(
    rf"^{_SEP}(?:{_SORRY}{_PARTICLE}{_SEP})+(?:请你?|請你?|麻烦你?|麻煩你?|劳烦|勞煩|唔该|唔該|"
    r"(?:可以|可唔可以|可不可以|能不能|能唔能|能否)?\s*(?:帮我|幫我|帮忙|幫忙|帮手|幫手|同我|替我)|"
    r"(?:could|can|would|will)\s+(?:you|u)(?![a-z])|pls(?![a-z])|please(?![a-z])|plz(?![a-z]))",
    re.I,
)


def read_correction(text: str) -> Correction | None:
    """The correction `text` is, or None when it says nothing is wrong with the last question."""
    plain = unicodedata.normalize("NFKC", text or "").strip()
    if _SORRY_THEN_REQUEST.match(plain):
        return None  # "唔好意思，幫我…": a polite request
    rest, led = _without_leads(plain)
    old_first = _OLD_FIRST.match(plain) if not led else _OLD_FIRST.match(rest)
    if old_first is not None:
        value = old_first["value"] or old_first["value2"] or ""
        return _correction(value, old_first["old"] or old_first["old2"] or "")
    meant = _MEANT_START.match(rest)
    if meant is not None:
        rest = rest[meant.end() :]
    elif led:
        weak = _IS_START.match(rest)
        rest = rest[weak.end() :] if weak is not None else rest
    else:
        return None  # "上海" / "是上海": a value alone is no correction
    named_old = _NOT_OLD.match(rest)
    if named_old is not None:
        return _correction(named_old["value"], named_old["old"], rest)
    return _correction(rest)


def _without_leads(text: str) -> tuple[str, bool]:
    """`text` without its opening apologies and "wrong"/"not that" words (or the same said
    after it: "是高意向，打错了"); whether any."""
    found = _LEADS.match(text)
    if found is not None:
        return text[found.end() :], True
    trailing = _TRAILING_WRONG.match(text)
    if trailing is not None:
        return trailing["body"].strip(), True
    return text, False


def _correction(value: str, old: str = "", said: str = "") -> Correction | None:
    value, old = _bare(value), _bare(old)
    if not re.search(r"[A-Za-z0-9\u3400-\u9fff]", value):
        return None  # "sorry", "不对" alone: nothing to put in its place
    return Correction(value, old, _bare(said) or value)


def _bare(words: str) -> str:
    return _TAIL.sub("", words.strip()).strip()


def without_correction_lead(text: str) -> str | None:
    """What `text` asks for after the words that say it corrects or changes again what was
    asked last ("再改一下，只给Grace打", "唔係呀，淨係Ken", "sorry, I mean only Pia", "no wait, only
    Grace"): the change itself, as typed. None when no such words open it, or nothing follows
    them."""
    plain = unicodedata.normalize("NFKC", text or "").strip()
    if _SORRY_THEN_REQUEST.match(plain):
        return None  # "不好意思，帮我…": a polite request, not a change
    found = _AGAIN_LEAD.match(plain)
    if found is None:
        meant = _MEANT_START.match(plain)  # "I mean only Pia", "我是说只要Carol"
        if meant is None or meant.group(0).strip().lower() in ("make that", "make it"):
            return None
        found = meant
    rest = plain[found.end() :].strip()
    return rest if re.search(r"[A-Za-z0-9\u3400-\u9fff]", rest) else None
