"""Yes/no questions about the one customer in focus (the card just shown, spec §2c):
"他退过款没", "她是VIP吗", "他是不是男的", "佢有冇落過單", "佢係咪VIP", "這位客戶這個月有來過嗎",
"has she ordered this month", "is he a VIP", "did she buy serum last month".

This module only takes the pronoun and the yes/no words off and hands back the condition's
own words, in readings the ordinary parser may read as a segment ("退过款" / "退过款的客户",
"customers who ordered this month"); whether the customer is in it is the chat's.
"""

from __future__ import annotations

import re
import unicodedata

from segmentation.nlq.lazy_re import lazy_pattern

# Who: a pronoun for one person (never 他们/佢哋), or "this customer".
_HIM_ZH = (
    r"(?:他|她|佢|ta|TA|Ta)(?![们們哋地])|"
    r"(?:这|這|该|該|此|呢)(?:位|个|個)?(?:客户|客戶|客人|顾客|顧客|客)"
)
_LEAD_ZH = r"(?:那|那么|那麼|咁|噉|请问|請問|想问下|想問下|问下|問下)?\s*"
# "有没有X", "是不是X", "係咪X", "是否X": the yes/no said before the condition.
_ASK_BEFORE = (
    r"(?:有没有|有沒有|有冇|有无|有無|是不是|是否|係咪|系咪|係唔係|系唔系|有否|曾否|曾经|曾經|可有)"
)
# "X吗", "X没", "X冇", "X未", "X咩", "X了没有": the yes/no said after it.
_ASK_AFTER = (
    r"(?:了没有|了沒有|了没|了沒|没有|沒有|了吗|了嗎|"
    r"吗|嗎|么|麼|嘛|没|沒|冇|未|咩|呀嘛|未呀|冇呀|不)"
)
_YES_NO_ZH = lazy_pattern(
    rf"^{_LEAD_ZH}(?:{_HIM_ZH})\s*(?P<cond>.+?)\s*(?P<after>{_ASK_AFTER})?\s*"
    r"(?:呀|啊|呢|吖|啦|嘅)?\s*[?？。!！]*$",
    re.S,
)
_ASK_INSIDE = lazy_pattern(_ASK_BEFORE)
# English: "has she ordered…", "is he a VIP", "does she have the VIP tag", "did he buy…".
_YES_NO_EN = lazy_pattern(
    r"^(?:and\s+|so\s+)?(?P<aux>has|have|had|did|does|do|is|was)\s+"
    r"(?:he|she|this\s+customer|that\s+customer|the\s+customer|this\s+client|that\s+client)\s+"
    r"(?P<cond>.+?)\s*[?.!]*$",
    re.I | re.S,
)
# A question word makes it no yes/no question: "她买了什么" (…么), "他几时来过" (…过).
_WH = lazy_pattern(
    r"什|啥|哪|几|幾|多少|谁|誰|边个|邊個|边度|邊度|怎|点样|點樣|乜|咩|几时|幾時|"
    r"\b(?:what|which|when|where|who|how)\b",
    re.I,
)
# 咩 closes a yes/no in Cantonese ("佢係VIP咩") but asks "what" after a verb with no object:
# "佢買過咩", "佢問咗啲咩", "佢退咗乜", "佢最近睇過咩" (what he bought, asked, refunded, looked at).
_VERB_LAST = lazy_pattern(
    r"(?:买|買|购买|購買|购|購|订|訂|问|問|咨询|諮詢|谘询|詢|询|查询|查詢|退|睇|看|要|拎|攞|揀|拣|"
    r"用|试|試|加购|加購|帮衬|幫襯|叫|点|點|做|搞|讲|講|话|話|refund|buy|bought|order)"
    r"(?:过|過|咗|了|左|开|開)?(?:啲|D|d|些|一啲|一些)?$"
)
_BE_ZH = lazy_pattern(r"^(?:是|係|系|属于|屬於|算)(?=\S)")
_A_EN = lazy_pattern(r"^(?:an?|one\s+of\s+(?:the|our|my))\s+", re.I)
_EVER_EN = lazy_pattern(r"^(?:ever|already|yet)\s+", re.I)


def yes_no_words(text: str) -> tuple[str, ...]:
    """The readings of the condition a yes/no question about "him/her" asks, best first;
    () when `text` is no such question."""
    plain = unicodedata.normalize("NFKC", text or "").strip()
    zh = _YES_NO_ZH.match(plain)
    if zh is not None:
        cond = zh["cond"].strip()
        inside = _ASK_INSIDE.search(cond)  # "佢上個月有冇落單": the yes/no inside
        if inside is not None:
            cond = _BE_ZH.sub("", cond[: inside.start()] + cond[inside.end() :].strip())
        elif zh["after"] in ("咩", "乜") and _VERB_LAST.search(cond):
            return ()  # "佢買過咩", "佢問咗啲咩": what he bought or asked, never whether
        elif zh["after"]:
            cond = _BE_ZH.sub("", cond)
        else:
            return ()  # "他是VIP": said, not asked
        if not _has_words(cond) or _WH.search(cond):
            return ()
        return (cond, f"{cond}的客户")
    en = zh is None and _YES_NO_EN.match(plain)
    if not en:
        return ()
    cond = _EVER_EN.sub("", en["cond"].strip())
    if not _has_words(cond) or _WH.search(cond):
        return ()
    if en["aux"].lower() in ("is", "was"):
        bare = _A_EN.sub("", cond)
        return (f"{bare} customers", f"customers who are {cond}", f"customers {cond}")
    return (f"customers who {cond}", f"customers who have {cond}", cond)


def _has_words(words: str) -> bool:
    return bool(re.search(r"[A-Za-z0-9\u3400-\u9fff]", words))


# Asked right after the card with no pronoun ("any refunds?", "any orders this month?",
# "有退过款吗", "这个月有没有下单", "有冇落過單"): an activity only, so the card's customer is
# the one meant (a tag or a city said so could be about everyone: "有VIP吗" stays a question).
_ACTIVITY_ZH = lazy_pattern(
    r"下单|下過單|下过单|下單|买|買|购|購|订|訂|退|咨询|諮詢|谘询|询价|詢價|问价|問價|问过|問過|来过|來過|"
    r"到店|到过店|到過店|进店|進店|嚟过|嚟過|落单|落單|落过|落過|落咗|帮衬|幫襯|加购|加購|消费|消費"
)
_BARE_ZH = lazy_pattern(
    r"^(?:那|那么|那麼|咁|噉|请问|請問)?\s*(?P<ask>有没有|有沒有|有冇|有无|有無|有)?\s*(?P<cond>.+?)\s*"
    r"(?P<after>了没有|了沒有|了没|了沒|没有|沒有|吗|嗎|么|麼|没|沒|冇|未)?\s*"
    r"(?:呀|啊|呢|吖|啦)?\s*[?？。!！]*$",
    re.S,
)
_BARE_EN = lazy_pattern(
    r"^(?:and\s+|so\s+|ok\s+)?(?:any|got\s+any|has\s+any|have\s+any|ever\s+any)\s+"
    r"(?P<cond>(?:refunds?|orders?|purchases?|inquiries|enquiries|visits?|cart\s+adds?)\b.*?)"
    r"\s*[?.!]*$",
    re.I | re.S,
)


def bare_yes_no_words(text: str) -> tuple[str, ...]:
    """The readings of an activity asked yes/no with no pronoun, to be asked of the card just
    shown; () when `text` is no such question."""
    plain = unicodedata.normalize("NFKC", text or "").strip()
    en = _BARE_EN.match(plain)
    if en is not None:
        return (f"customers with any {en['cond'].strip()}",)
    zh = _BARE_ZH.match(plain)
    if zh is None:
        return ()
    cond = zh["cond"].strip()
    inside = _ASK_INSIDE.search(cond)  # "这个月有没有下单": the yes/no inside
    if inside is not None:
        cond = (cond[: inside.start()] + cond[inside.end() :]).strip()
    elif not (zh["ask"] or zh["after"]):
        return ()  # "退过款": said, not asked
    if not _ACTIVITY_ZH.search(cond) or _WH.search(cond) or not _has_words(cond):
        return ()
    return (f"{cond}的客户", f"有{cond}的客户")
