"""The segment said after the request (voice input, issue 19): "导出一下吧，就是上海那帮VIP客户",
"存成分群「北京男生」，北京的男客人", "幫我tag做待跟進，係近兩個禮拜加過cart但冇落單嘅", "save as
segment "bj gold", which is 金卡 holders in Beijing", "send a 20% off coupon to, um, my female
clients in Shanghai". The request comes first, then a pause, then a word that only hands over
to whom it is about (就是 / 即係 / 对象是 / 给谁呢，给 / which is / namely), then the customers.

Read as a second try only: when the message as said was asked back, `reread` gives it again
with the pause read as the colon of "存成分群X：…" (the request, then whom it is for) and the
handing-over words, the request's closing particle (睇睇先, export 一下 la) and a demonstrative
before the described customers (那群蘇州的金卡客人, 上海那帮VIP客户: those, described in full)
left out. A message understood as said is never read this way, and a reread that is still not
understood gives the first question back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from segmentation.nlq.lazy_re import lazy_pattern

# What the first clause must hold to be a request said first: a verb of one of the intents
# (never a noun alone: "标签 上海" is a tag word before a city, asked).
_REQUEST = lazy_pattern(
    r"导|導|汇出|匯出|分析|画像|畫像|存|保存|打上|打个|打個|贴上|貼上|发|發|数|數|多少|几多|幾多|几个|"
    r"幾個|几位|幾位|列|睇|看|查|搵|拉|(?<![a-z])(?:export|excel|describe|profile|save|tag|send|"
    r"push|count|how many|list|show|find)",
    re.I,
)
# A request that points at the answer just given ("list them for me, the ones in Beijing",
# "导出这些，就是上海的"): what follows may narrow that answer — never read as a new question.
_POINTS_BACK = lazy_pattern(
    r"这些|這些|那些|这批|這批|那批|他们|她们|他們|她們|佢哋|佢地|它们|它們|呢啲|嗰啲|呢班|嗰班|"
    r"刚才|剛才|刚刚|剛剛|头先|頭先|之前|上面|上述|"
    r"(?<![a-z])(?:them|these|those|this list|that list|the list|previous|earlier|it)(?![a-z])",
    re.I,
)
# What after the pause is a message or a name of its own (quoted, or after a message word):
# never customers ("…发一张9折券，消息“券码 {coupon}”" is asked as said).
_SAID_AFTER_IS_TEXT = lazy_pattern(
    r"[“”「」『』\"']|消息|訊息|讯息|信息|短信|文案|内容|內容|话术|話術|"
    r"(?<![a-z])(?:message|msg|text|saying|says|content|wording)(?![a-z])",
    re.I,
)
# The request, a pause, the rest. The request is short: a long first clause is a condition.
_SPLIT = lazy_pattern(r"^(?P<act>[^，,：:。]{1,40}?)\s*[，,：:。]\s*(?P<rest>\S.*)$")
# Said with no punctuation, the pause is a space after a whole Chinese request ("分析一下吧 那群…",
# "睇下先 上海嘅VIP") — never after half of one ("发个 coupon 给…": 个 waits for its object).
_SPACE_SPLIT = lazy_pattern(
    r"^(?P<act>[^\sA-Za-z，,：:。]{0,18}(?:一下|下|吓|吧|先|啦|哈|喇|呀|啊|吖|看看|睇睇|查查|数数|數數|"
    r"导出|導出|汇出|匯出|分析|出来|出來|出嚟|列出))\s+(?P<rest>\S.*)$"
)
# Words that only hand the request over to whom it is about.
_HANDOVER = lazy_pattern(
    # the question to whom, answered: its own 给/俾/to stays (发张券，给谁呢，给… sends to them)
    r"^(?:(?:给谁呢|給誰呢|给谁|給誰|俾边个|俾邊個|俾边个呢|俾邊個呢|对象呢|對象呢|who to|to whom)"
    r"\s*[？?]?\s*[，,]?\s*|"
    r"(?:对象是|對象是|对象为|對象為|对象系|對象係|对象|對象)\s*[:：]?\s*|"
    r"(?:也就是|就是|就係|就系|即是|即係|即系|係|系|是)\s*|"
    # 就 (just) before whom — never before a number (就3个: exactly) or a verb (就下过一次单)
    r"就(?![\s\d一二两兩三四五六七八九十几幾这這那么麼算行好对對可得要下买買问問咨諮来來到退加落有没沒冇未"
    r"从從做用核过過])\s*|"
    r"(?:which|that)\s+(?:is|are)\s+|i\.?e\.?,?\s+|namely\s+|meaning\s+|um+,?\s+|uh+,?\s+)",
    re.I,
)
# A closing particle of the request itself: 睇睇先 (let me see first), export 一下 la, 导个表哈.
_ACT_PARTICLE = lazy_pattern(r"\s*(?:先啦|先|la|lah|lor|哈|啦|喇|吧|啊|呀|吖)\s*$", re.I)
# A demonstrative before customers described in full (那群蘇州的金卡客人): those, as described.
_THOSE = (
    r"(?:那帮|那幫|那群|那批|那班|那些|嗰班|嗰啲|嗰批|嗰群|这帮|這幫|这群|這群|这批|這批|"
    r"呢班|呢批|呢群)"
)
# (never before 里/中/入面: 那些里上海的 is among those, a narrowing of the answer before)
_AMONG = r"(?:里|裡|裏|中|当中|當中|之中|入面|入便|内|內|其中)"
_THOSE_FIRST = lazy_pattern(rf"^{_THOSE}\s*(?!\s*{_AMONG})(?=\S)")
_THOSE_INSIDE = lazy_pattern(rf"(?<=[^\s，,的嘅]){_THOSE}(?=[^\s，,里裡中入])")
# …ending with a customer noun (那批上海的 alone may be those of the answer, the Shanghai ones).
_CUSTOMERS_LAST = lazy_pattern(
    r"(?:客户|客戶|客人|客|顾客|顧客|会员|會員)[\s？?。.!！吧呀啊]*$", re.I
)
# English: a hesitation right after a preposition ("to, um, my female clients").
_PREP_PAUSE = lazy_pattern(r"\b(to|for|of|with)\s*,\s*(?:(?:um+|uh+|erm|like)\s*,?\s*)*", re.I)


# The tag verb first, its name, then a pause ("打个标签“待跟进”，给谁呢，给…", "打上“待跟进”标签，
# 上海的VIP"): the action on whom follows the pause — never "customers tagged 待跟进" (the name
# read as a condition listed them). Said with 的 after it (打了标签“X”的) it stays a condition.
_TAG_VERB = r"(?:打|贴|加|上)(?:上|个|一个|一下|下)?\s*"
# (a measure word before 标签 is no name: 加个标签：… says nothing of which tag)
_TAG_NAME = (
    r"(?:“(?P<q{n}>[^”]+)”|(?P<w{n}>(?!(?:一个|个|一下|下|些|几个)\s*(?:标签|标记))"
    r"[^\s，,:：“”的]{{1,12}}))"
)
_TAG_LABEL_FIRST = lazy_pattern(
    r"^(?P<lead>(?:请|帮我|帮忙|麻烦你|麻烦|同我|唔该)?\s*)"
    + _TAG_VERB
    + r"(?:(?:标签|标记)\s*"
    + _TAG_NAME.format(n=1)
    + r"|"
    + _TAG_NAME.format(n=2)
    + r"\s*(?:标签|标记))"
    # the pause, and the words handing the action over to whom (给谁呢，给 / 对象是 / 给)
    + r"\s*[，,:：]\s*(?:(?:给谁呢|给谁|对象呢)\s*[?？]?\s*[，,]?\s*)?(?:给|对象是|对象:|就是)?\s*"
    # …never a closing word alone ("打上“待跟进”标签，谢谢" tags the answer just given)
    + r"(?!(?:谢谢|谢了|多谢|唔该|thanks|thank you|thx|ty|辛苦|麻烦了|拜托|好吗|可以吗|ok|okay)"
    + r"[\s!！。.~]*$)(?=\S)"
)


def tag_label_first(norm: str, tags: Mapping[str, str]) -> str:
    """`norm` (normalised) with "打个标签X，…" said as "打上“X”标签：…". `tags`: normalised name
    → the tag's own name (the normalised message has lost its case: vip is the tag VIP)."""
    found = _TAG_LABEL_FIRST.match(norm)
    if found is None:
        return norm
    name = found["q1"] or found["w1"] or found["q2"] or found["w2"]
    name = tags.get(name, name)
    return f"{found['lead']}打上“{name}”标签：{norm[found.end() :]}"


def reread(text: str) -> list[str]:
    """The readings of `text` to try, in order, when it was asked back as said: none when it
    is not a request said first with its customers after a pause."""
    unpaused = _PREP_PAUSE.sub(r"\1 ", text)
    readings = [unpaused] if unpaused != text else []
    split = _SPLIT.match(unpaused.strip()) or _SPACE_SPLIT.match(unpaused.strip())
    if split is None or not _REQUEST.search(split["act"]) or _POINTS_BACK.search(split["act"]):
        return readings
    if _SAID_AFTER_IS_TEXT.search(split["rest"]):
        return readings
    act = _ACT_PARTICLE.sub("", split["act"]).strip()
    rest = _handed_over(split["rest"])
    if act and rest:
        comma, colon = (", ", ": ") if act[-1].isascii() else ("，", "：")
        readings += [f"{act}{comma}{rest}", f"{act}{colon}{rest}"]
    return readings


def _handed_over(rest: str) -> str:
    """`rest` without the words handing it over and a demonstrative before its customers."""
    for _ in range(3):  # 给谁呢，给…; 就是那群…: a few of them in a row
        cut = _HANDOVER.sub("", rest, count=1)
        if cut == rest:
            break
        rest = cut
    if _CUSTOMERS_LAST.search(rest):
        rest = _THOSE_FIRST.sub("", rest)
        rest = _THOSE_INSIDE.sub("的", rest)
    return rest.strip()
