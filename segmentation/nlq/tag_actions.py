"""Tagging and untagging said in any order, read by their parts rather than sentence by sentence.

A tag command is: whom (with 给/为/把/将/帮/同/替 before them, or said first and closed by 的,
a people word, a comma or an adverb such as 都/统一), a tag verb (打上, 贴个, 加个, 标记做,
tag上, mark as …), the tag's name, and a tag noun (标签/标/tag/label) where the verb alone
could mean something else (打个电话, 加个微信). An untag command takes a tag off: 去掉/取消/
撕掉/移除/撤/untag … before the tag, or 去掉/撤了/删掉 after it, whom said with 身上/的 before
the tag or first of all ("…的客户 把VIP标签撤了").

`read_zh` / `read_en` find the parts and return them; the caller makes the action. A tag verb
with no tag after it ("给买过X的客户打个标签", "tag the customers who refunded") is asked back
(which tag?), and `leftover` asks back about any tag or untag word that no reading placed:
such a word is never dropped, so a tag command is never answered as a list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize


@dataclass(frozen=True)
class Found:
    intent: str  # "tag" | "untag"
    seg: str  # whom, as written (the caller turns it into a segment text)
    name: str  # the tag as matched (quoted or bare, normalised text)


# Who is asked, before the rest: 请/麻烦/劳驾 (你) 帮我/帮忙/同我 (Cantonese: for me).
_OPENER = r"(?:请|麻烦|劳驾|烦请|拜托)?(?:你)?(?:帮我|帮忙|同我|帮手)?"
# Before whom the tag is for. 帮/同 only before others (帮我 and 同时/同样 are something else).
_PREP = r"(?:给|为|把|将|替|帮(?!我|忙|手)|同(?!时|样|一|我|埋|期))"
# Said between whom and the verb: all of them, at once, and who is asked again.
_ADV = (
    r"(?:都|全都|全部|统一|一律|统统|通通|一起|一并|批量|一次性|帮我|帮忙|麻烦你|麻烦|请你|请|给|"
    r"也|再|"
    # asking nicely said between whom and the verb ("…的客户可以帮我标上…吗", "…方便帮我标…")
    r"可以|可不可以|可唔可以|能不能|能唔能|能否|能|方便|方不方便|方唔方便|劳驾|有劳|烦请|唔该|同我)"
)
# A tag verb whose meaning is tagging whatever follows it (no tag noun needed after the name).
_STRONG = (
    r"加贴上?|加打上?|加挂上?|"  # 加贴 (stick on as well): "幫她們加貼待跟進"
    r"打上|贴上|标上|加上|挂上|标记为|标记成|标记做|标记作|标记上|标为|标成|标做|标作|标注为|标注成|"
    r"标注做|标注上|打标为|打标成|归为|标个|标一个|"  # 标个VIP: 标 (mark) is only ever a tag here
    r"(?<![a-z])(?:tag|mark|label|flag)\s*(?:上|成|为|做|作|(?:as|with)(?![a-z]))"
)
# A verb that tags only with a tag noun after the name: 打个电话, 加个微信, 挂号 are no tags.
_WEAK = (
    r"打一个|打个|打|贴一个|贴个|贴|加一个|加个|加|添加|添上|挂个|挂|标记|标注|打标|"
    # 标 alone (Cantonese/Taiwan: 俾VIP標「待跟進」tag, 标一下“…”): with the tag noun or a
    # quoted name after it, as the other weak verbs (never 标签 / 标准 / 目标 / 达标)
    r"(?<![目达指商锦投招夺中路])标(?![签准题志价记注])|"
    r"(?<![a-z])(?:tag|mark|label|flag)(?![a-z])\s*(?:一下|下)?"
)
_EN_VERB = lazy_pattern(r"\s*(?:tag|label)\s*")
_TAG_VERB = lazy_pattern(rf"(?:(?P<strong>{_STRONG})|(?P<weak>{_WEAK}))(?![了过着])")
_NOUN = r"(?:标签|标记|标|tags?|labels?)"
_END = r"(?:吧|哈|啊|呀|啦|哦|喔|嘞|喇|咯|啰|先|一下|下)*$"
# What follows a tag verb: a count (个/一个), a naming word (叫/为/:), the name, the noun.
_TAIL = lazy_pattern(
    # 晒/哂 (Cantonese: all of them) after the verb: 打晒「待跟進」tag
    # and 返/翻 (back), 埋 (as well): 打返個金卡標籤, 貼埋VIP標籤
    # — only right after a one-character verb: 加个返校标签 names 返校.
    # and Cantonese 落 (onto): "全部 tag 落 VIP", "打落待跟進"
    # and 到/进/入 (into): 把这些加到待跟进, 加进VIP标签 — after 加 only
    r"\s*(?:一下|下)?(?:(?:(?<=[打加贴挂标])|(?<=tag))\s*(?:晒|哂|返|翻|番|埋|落)|(?<=加)(?:到|进|入))*"
    r"\s*(?:一个|一|个)?\s*"
    r"(?:叫做|叫|名为|为|成|做|作|[:：])?\s*"
    r"(?P<name>“[^”]+”|[^“”，,。；;:：的嘅]{0,24}?)\s*(?:的|嘅)?\s*(?P<noun>" + _NOUN + r")?\s*"
    r"(?:吧|哈|啊|呀|啦|哦|喔|嘞|喇|咯|啰|先)*$"
)
_HEAD = lazy_pattern(
    rf"^{_OPENER}(?P<prep>{_PREP})?(?P<seg>.*?)(?P<adv>[，,;；\s]*(?:{_ADV}[，,;；\s]*)*)$"
)
# All of them with no whom before: the answer just given ("都打上待跟进", "全部贴上VIP标签").
_ALL = lazy_pattern(rf"^{_OPENER}(?:都|全都|全部|统统|通通|一律|统一|全部都)(?:给|帮我)?\s*$")
_ALL_ADV = lazy_pattern(r"都|全都|全部|统统|通通|一律|统一")
# The answer just given, said as a pronoun ("佢哋全部打返個待跟進").
_THEM = lazy_pattern(r"他们|她们|佢哋|佢们|佢地|这些人|这些|呢啲人|呢啲|them|these|those")
# Whom said first closes with one of these when nothing else (a comma, 都) ends it.
_CLOSED = lazy_pattern(
    r"(?:的|嘅|客户|客人|客|人|们|用户|顾客|会员|粉丝|买家|这些|那些|这批|呢啲|佢哋|customers?|"
    r"clients?|people|folks|users|buyers|ones|them|these|those)$"
)
# Said just before the verb, these make it a condition (没打上, 被打上, 有打, 已经打了).
_NOT_AN_ORDER = lazy_pattern(r"(?:被|有|没|没有|未|不|冇|唔|已|已经|曾|曾经|从未|从没)$")
# A question about who carries a tag, not an order to tag them.
# (这几个 / 那几个 / 呢几个 point at customers: "把苏州那几个客户的…标签撤了" asks nothing.)
_QUESTION = lazy_pattern(
    r"哪|多少|(?<![这那呢])几个|(?<![这那呢])几位|几多|谁|是否|有没有|有冇|吗|边个|边啲|how many"
)
# Only a count or the noun where the name should be: no tag was named.
# A demonstrative or a measure word in the name's place points at a tag without naming it
# ("把北京客户的那个标签去掉", "remove that tag"): asked which, never read as a tag called 那个.
_POINTING = (
    r"(?:这|那|呢|嗰|该|此|哪|某|这一|那一|呢一|嗰一)(?:个|些|几个|两个|种|类|款|条|只|啲)?|"
    r"这个|那个|呢个|嗰个|上面那个|刚才那个|之前那个|原来那个|对应的?|相应的?|有关的?|相关的?|"
    r"(?:that|this|those|these|which|its|their|said|same|relevant|corresponding|other)"
    r"(?:\s+(?:one|ones|same))?"
)
_NO_NAME = lazy_pattern(
    # "a label", "a new tag", "some tags": articles before the noun say no name either
    r"^(?:(?:a|an|the|some|one|new|another)\s+)*(?:一个|一|个|几个|些|一些|某个|哪个|什么|啥|新的?|所有的?|全部的?|"
    + _POINTING
    + r"|"
    + _NOUN
    + r"|a|an|the|some|"
    r"new|all)?$"
)
# Words a tag name never holds: whom ("客户"), another verb's object marker, a clause mark.
_NOT_A_NAME = lazy_pattern(
    r"客户|客人|顾客|身上|把|将|给|标签|吗|呢|么|[，,;；。?？]|customers?|clients?|"
    r"\s(?:who|that|which|with|from|for|in)\s|"
    # a question word: "Ivan的tag有哪些", "她的 tag 系咩" ask her tags, never name one
    r"哪些|哪个|什么|甚么|啥|咩|乜|几多|多少|边啲|边个|有冇|有没有"
)

# Cantonese verbs of taking off said before the tag (剷咗流失風險客嘅VIP標籤, 铲走…嘅金卡标签,
# 撕咗佢哋嘅tag): 铲 alone or with its result or 咗 (arriving as 了); the others only with one.
# 除咗 is "except" unless asked for, and 拿了 a tag got: neither is here.
CANTONESE_OFF_FIRST = r"铲(?:了|走|掉|除|开)?|剥(?:了|走|掉)|(?:撕|清|踢|删|剔)(?:走|了)"
# The verbs that take a tag off, said before it (去掉上海客户的VIP标签, 取消…身上的待跟进).
_OFF_FIRST = (
    r"(?:去掉|去除|移除|删除|删掉|删去|取消|撤销|撤掉|撤下|撤去|撤除|拿掉|拿走|摘掉|摘除|摘下|"
    r"撕掉|撕下|撕去|除掉|除去|剔除|剔走|攞走|拎走|清除|清掉|解除|"
    # Cantonese 剷咗 / 铲走 / 剥咗 (咗 arrives as 了): shovel off, peel off, tear away
    + CANTONESE_OFF_FIRST
    + r"|(?<![a-z])(?:untag|remove|delete|strip|take\s*off|clear)(?![a-z]))"
)
# The verbs that take a tag off, said after it (…的VIP标签去掉 / 撤了 / 删掉吧).
_OFF_AFTER = (
    r"(?:去掉|去除|移除|删除|删掉|删去|取消|撤销|撤除|摘除|清除|解除|"
    r"(?:拿|撤|摘|撕|除|清|剔|攞|拎|踢|铲|扯|揭|取|删|移|抹|剥)(?:掉|走|下来|下|开|去)|"
    r"(?:撤|删|去|摘|撕|拿|除|剥|铲|剔|清)"
    r"(?=(?:了|吧|啦|咯)+$|(?:了|晒|哂)?(?:佢|它)?(?:了|吧|啦|咯)*$)|"
    r"(?<![a-z])(?:remove|delete|untag|clear)(?![a-z])\s*(?:掉)?)"
)
# What may close a verb that takes a tag off: a particle, and Cantonese 佢 (it) or 晒 (all):
# "…嘅金卡tag剝咗佢", "「待跟進」標籤剷走佢", "標籤攞走晒".
# and the particles a request ends with (…标签拿掉喔, 去掉啊, 撤咗佢先).
OFF_END = r"(?:了|吧|啦|咯|一下|佢|它|晒|哂|喔|哦|啊|呀|哈|嘞|喇|啰|先)*$"
_NAME = r"(?P<name>“[^”]+”|[^“”，,。的嘅]{1,24}?)"
_ON = r"(?P<on>身上|那里|那边|上面)?"
_UNTAG_ZH: list[tuple[str, Any]] = [
    # 去掉 / 取消 / untag first: "取消…客户身上的待跟进", "去掉X的Y标签"
    (
        "people",
        lazy_pattern(
            rf"^{_OPENER}(?:给|为|帮(?!我))?{_OFF_FIRST}\s*(?:了)?(?:给|为|把|将)?(?P<seg>.+?){_ON}"
            rf"(?:的|嘅|啲)\s*{_NAME}\s*(?:的|嘅)?\s*(?P<noun>{_NOUN})?{_END}"
        ),
    ),
    # whom, then the verb and the tag: "给沉睡客户去掉VIP标签", "给…的客户 untag VIP"
    (
        "verb",
        lazy_pattern(
            rf"^{_OPENER}(?:给|为|把|将|帮(?!我)|同(?!时|样))(?P<seg>.+?){_ON}(?:的|嘅)?(?:{_ADV})*"
            rf"{_OFF_FIRST}\s*(?:了|一下|掉)?\s*(?:the\s+)?{_NAME}\s*(?:的)?\s*(?P<noun>{_NOUN})?{_END}"
        ),
    ),
    # one customer by a pronoun, then HK 除咗 (take off; 除咗 is "except" anywhere else): "幫佢除咗
    # 高意向", "同佢除咗VIP標籤", "給她除掉待跟進"
    (
        "verb",
        lazy_pattern(
            rf"^{_OPENER}(?:给|为|帮(?!我)|同(?!时|样))(?P<seg>(?:他|她|佢|ta)(?!们)|这位(?:客户)?|"
            rf"呢位(?:客户|客)?)\s*除(?:了|掉|走|去)\s*{_NAME}\s*(?:的)?\s*(?P<noun>{_NOUN})?{_END}"
        ),
    ),
    # HK 除咗 first, then one customer's own tag: "除咗佢嘅高意向", "除咗佢個VIP標籤" (with one
    # customer's pronoun and 嘅 it can only take her tag off; 佢哋 / 之外 stay "except")
    (
        "verb",
        lazy_pattern(
            rf"^{_OPENER}除(?:了|掉|走|去)\s*(?P<seg>(?:他|她|佢|ta)(?!们|哋))(?:的|嘅|个)\s*"
            rf"(?![^“”]*(?:之外|以外)){_NAME}\s*(?:的)?\s*(?P<noun>{_NOUN})?{_END}"
        ),
    ),
    # one customer's pronoun, then her tag with no 的, then the verb: "把她 VIP untag 掉",
    # "將佢VIP除咗", "把他金卡标签去掉"
    (
        "said",
        lazy_pattern(
            rf"^{_OPENER}(?:给|为|把|将|帮(?!我))(?P<seg>(?:他|她|佢|ta)(?!们|哋)){_ON}\s*(?![的嘅个])"
            rf"(?P<name>“[^”]+”|[^“”，,。的嘅\s]{{1,24}}?)\s*(?P<noun>{_NOUN})?\s*(?:{_ADV})*"
            rf"{_OFF_AFTER}" + OFF_END
        ),
    ),
    # whom ending in a people word, then the tag with its noun and no 的 between ("把买过唇釉
    # 的客户 高意向标签去掉", "沉睡客户VIP标签拿掉"): the noun says where the name ends
    (
        "said",
        lazy_pattern(
            rf"^{_OPENER}(?:给|为|把|将|帮(?!我))?(?P<seg>.+?(?:客户|客人|顾客|会员|用户|客)){_ON}"
            rf"\s*(?![的嘅])(?P<name>“[^”]+”|[^“”，,。的嘅\s]{{1,24}}?)\s*"
            rf"(?P<noun>{_NOUN})\s*(?:{_ADV})*{_OFF_AFTER}" + OFF_END
        ),
    ),
    # whom, the tag, then the verb: "把X身上的Y标签去掉", "X的Y标签撤了", "X身上的VIP删掉吧",
    # "…的客户，金卡标签拿掉"
    (
        "said",
        lazy_pattern(
            # Cantonese 個 after a people word is its possessive: 將…嘅客個「待跟進」tag剷咗佢
            rf"^{_OPENER}(?:给|为|把|将|帮(?!我))?(?P<seg>.+?){_ON}(?:的|嘅|(?<=[客人户们])个|[，,;；])\s*"
            rf"(?![客人户]个|客户个){_NAME}\s*(?:的|嘅)?\s*"
            rf"(?P<noun>{_NOUN})?\s*(?:{_ADV})*{_OFF_AFTER}" + OFF_END
        ),
    ),
    # the tag, then whom it comes off: "把VIP从上海客户身上去掉", "將金卡由佢哋身上攞走"
    (
        "verb",
        lazy_pattern(
            rf"^{_OPENER}(?:把|将)\s*{_NAME}\s*(?:的)?\s*(?P<noun>{_NOUN})?\s*(?:从|由)"
            rf"(?P<seg>.+?){_ON}(?:{_ADV})*{_OFF_AFTER}" + OFF_END
        ),
    ),
    # whom, a pause, then untag and the tag last: "近兩個月冇再幫襯過嘅金卡客，untag金卡",
    # "…的客户, untag VIP" (the English verb is only ever a tag's; a Chinese verb there, 去掉X,
    # may exclude X from the list: it is read only with the tag noun, by policy "said")
    (
        "verb",
        lazy_pattern(
            rf"^{_OPENER}(?P<seg>.+?)[，,;；]\s*(?:{_ADV})*\s*(?<![a-z])untag(?![a-z])\s*(?:一下|下|晒|哂)?"
            rf"\s*(?:the\s+)?{_NAME}\s*(?:的)?\s*(?P<noun>{_NOUN})?{_END}"
        ),
    ),
    (
        "said",
        lazy_pattern(
            rf"^{_OPENER}(?P<seg>.+?)[，,;；]\s*(?:{_ADV})*{_OFF_FIRST}\s*(?:了|一下|掉)?\s*{_NAME}"
            rf"\s*(?:的)?\s*(?P<noun>{_NOUN}){_END}"
        ),
    ),
    # whom first, then 把 the tag and the verb: "近一年没买过的客户 把VIP标签撤了"
    (
        "verb",
        lazy_pattern(
            rf"^{_OPENER}(?P<seg>.+?)[，,;；\s]*(?:都|也)?(?:帮我|麻烦)?(?:把|将)\s*{_NAME}\s*(?:的)?\s*"
            rf"(?P<noun>{_NOUN})?\s*(?:从(?:他们|她们|佢哋|这些人)?(?:身上)?)?(?:{_ADV})*{_OFF_AFTER}"
            + OFF_END
        ),
    ),
]
# The tag noun right after whom, with no name: "把X的标签去掉", "去掉X身上的标签" (which one?).
_WHOSE = (
    r"(?:(?:客户|客人|客|人|们|顾客|会员|用户|佢哋|他们|她们|customers|clients)(?:身上)?|身上)"
    r"(?:的|嘅)?(?:所有|全部)?(?:的)?"
)
_NO_TAG_NAMED = lazy_pattern(
    rf"{_WHOSE}{_NOUN}(?:都|全|全部)?{_OFF_AFTER}{OFF_END}|"
    rf"^{_OPENER}{_OFF_FIRST}.+{_WHOSE}{_NOUN}{_END}"
)
# The tag first, then whom it goes on: "打上VIP标签给上海的客户", "把VIP标签贴到这些人身上".
_TAG_FIRST_ZH = [
    lazy_pattern(
        rf"^{_OPENER}(?:{_STRONG}|{_WEAK}){_NAME}\s*(?:的)?\s*(?P<noun>{_NOUN})\s*(?:给|到)"
        rf"(?P<seg>.+?)(?:身上)?{_END}"
    ),
    lazy_pattern(
        rf"^{_OPENER}(?:把|将){_NAME}\s*(?:的)?\s*(?P<noun>{_NOUN})\s*(?:都|全部|统一)?"
        rf"(?:打|贴|加|挂|标|放)(?:给|到|在|上)(?P<seg>.+?)(?:身上)?{_END}"
    ),
]


def which_tag(untag: bool) -> Ask:
    if untag:
        return Ask(
            "要去掉哪个标签？请说出标签名，例如：去掉上海客户的“VIP”标签。",
            "Which tag should come off? Name it, e.g. 'remove the VIP tag from customers in "
            "Shanghai'.",
        )
    return Ask(
        "要打上哪个标签？请说出标签名，例如：给近30天有咨询的客户打上“待跟进”标签。",
        "Which tag? Name it, e.g. 'tag customers who inquired in the last 30 days as 待跟进'.",
    )


_ARTICLE_EN = lazy_pattern(r"^(?:(?:the|a|an)(?:\s+|(?=[^\x00-\x7f]))|一个|个(?=.))")
_NOUN_AFTER_EN = lazy_pattern(r"(?<=[^\s])\s*(?<![a-z])(?:tag|label)s?$")
_ADV_TAIL = lazy_pattern(rf"(?:[，,;；\s]*{_ADV})+[，,;；\s]*$")


# A demonstrative before the name points at the named tag: "那个VIP标签", "that VIP tag".
_POINTER_BEFORE = lazy_pattern(
    r"^(?:这个|那个|呢个|嗰个|这|那|该|此|(?:that|this|the\s+same)(?:\s+|(?=[^\x00-\x7f])))\s*(?=\S)"
)


def clean_name(name: str) -> str:
    """A tag name without an article, a count or a demonstrative before it or the word
    tag/label after it ("add the待跟进 label to…", "贴个VIP的标签", "那个VIP标签": the tags are
    待跟进, VIP and VIP)."""
    bare = name.strip()
    pointed = _POINTER_BEFORE.sub("", bare)
    if pointed and name_state(pointed) == "ok":
        bare = pointed
    if bare.startswith("“"):
        return bare
    return _NOUN_AFTER_EN.sub("", _ARTICLE_EN.sub("", bare)).strip() or bare


def trim_adverbs(seg: str) -> str:
    """Whom, without the adverbs said between them and the verb (…的客户一律/都/统一)."""
    return _ADV_TAIL.sub("", seg) or seg


def name_state(name: str) -> str:
    """ "ok", "missing" (only a count or the noun: which tag was not said) or "bad" (the
    match took whom or another clause for the name: not this reading)."""
    bare = name.strip()
    if bare.startswith("“"):
        return "ok" if bare.strip("“” ") else "missing"
    if _NO_NAME.match(bare):
        return "missing"
    if _NOT_A_NAME.search(f" {bare} ") or len(bare) > 24:
        return "bad"
    return "ok"


def read_zh(text: str, tags: Mapping[str, str]) -> Found | None:
    """A Chinese (or mixed) tag or untag command in `text` (normalised), else None.

    Raises Ask when a tag verb is plainly ordered with no tag named."""
    return _untag_zh(text, tags) or _tag_first_zh(text) or _tag_zh(text, tags)


def _tag_zh(text: str, tags: Mapping[str, str]) -> Found | None:
    missing = False
    for verb in _TAG_VERB.finditer(text):
        tail = _TAIL.match(text, verb.end())
        if tail is None:
            continue
        head = _HEAD.match(text[: verb.start()])
        seg = head.group("seg").strip(" ，,;；") if head else ""
        if head is not None and not seg and not head.group("prep") and _ALL.match(head.group(0)):
            seg = "都"  # "都打上待跟进", "全部贴上VIP": all of them, the answer just given
        if head is None or not seg or _NOT_AN_ORDER.search(seg) or _QUESTION.search(seg):
            continue
        closed = head.group("prep") or head.group("adv").strip() or _CLOSED.search(seg)
        if not closed:
            continue
        # "VIP客户加上金卡客户": 加上 with no 给/把 before whom is "plus" — unless 都 says it is
        # done to them all ("上海客户都加上VIP") or 标签 names what is added ("上海的客户加上
        # VIP标签"); a company tag's name alone after it may be either, and is asked
        if (
            not head.group("prep")
            and verb.group(0) == "加上"
            and not _ALL_ADV.search(head.group("adv"))
            and tail.group("noun") is None
        ):
            name = normalize(tail.group("name").strip())
            if name in tags:
                raise _plus_or_tag(tags[name])
            continue
        # The English verb before a name in a Chinese frame orders it ("…的客户tag高意向"):
        # as a noun, tag comes after the name ("高意向tag").
        strong = verb.group("strong") is not None or _EN_VERB.fullmatch(verb.group(0)) is not None
        # a name quoted as a tag's is one too: 给…都打个“新客礼遇”
        answer_just_given = seg == "都" or _THEM.fullmatch(seg) is not None
        named = _company_tag(head, tail, tags, answer_just_given) or tail.group(
            "name"
        ).strip().startswith("“")
        if not strong and tail.group("noun") is None and not named:
            continue  # 打个电话, 加个微信: no tag without a tag noun
        state = name_state(tail.group("name"))
        if state == "missing":
            missing = True
            continue
        if state == "ok":
            return Found("tag", trim_adverbs(seg), clean_name(tail.group("name")))
    if missing:
        raise which_tag(untag=False)
    return None


def _plus_or_tag(name: str) -> Ask:
    return Ask(
        f"“加上{name}”是要给这些客户打上“{name}”标签，还是把有“{name}”标签的客户也算进来？"
        f"请说“给……打上{name}标签”或“……和{name}客户”。",
        f"“加上{name}”: tag these customers “{name}”, or count the customers tagged “{name}” "
        f"as well? Say 'tag … as {name}' or '… and {name} customers'.",
    )


def _company_tag(
    head: re.Match[str], tail: re.Match[str], tags: Mapping[str, str], all_of_them: bool
) -> bool:
    """A weak verb ordering a tag the company has, named bare after 给/帮 + whom ("给她打个VIP",
    "帮佢哋贴个金卡") or after 都/全部 (for whom before it, or the answer just given: "都打个
    待跟进"); 打个电话
    stays a call: 电话 is no tag."""
    # 全部/都/一律 after whom orders it too: "…深圳嘅，全部貼返待跟進", "VIP客户都打个金卡"
    ordered = bool(head.group("prep")) or all_of_them or bool(_ALL_ADV.search(head.group("adv")))
    return ordered and normalize(tail.group("name").strip()) in tags


def _tag_first_zh(text: str) -> Found | None:
    for pattern in _TAG_FIRST_ZH:
        m = pattern.match(text)
        if m and name_state(m.group("name")) == "ok":
            return Found("tag", m.group("seg").strip(" ，,"), m.group("name").strip())
    return None


def _untag_zh(text: str, tags: Mapping[str, str]) -> Found | None:
    if _NO_TAG_NAMED.search(text):
        raise which_tag(untag=True)
    for policy, pattern in _UNTAG_ZH:
        m = pattern.match(text)
        if m is None:
            continue
        name, seg = m.group("name").strip(), m.group("seg").strip(" ，,;；")
        state = name_state(name)
        if state == "missing":
            raise which_tag(untag=True)
        if state == "bad" or not seg or _QUESTION.search(seg):
            continue
        if not _named_as_tag(policy, m, name, seg, tags):
            continue
        return Found("untag", seg, clean_name(name))
    return None


def _named_as_tag(policy: str, m: Any, name: str, seg: str, tags: Mapping[str, str]) -> bool:
    """Whether the words read as the tag are one. With 标签/tag, 身上 or quotes, always;
    bare, only a tag the company has, and only where the order is plain: right after the verb
    or 把 ("给X去掉VIP", "X把VIP撤了"), or after a people word's 的 ("去掉上海客户的VIP").
    "去掉北京的VIP" / "…，金卡的除开" narrow or exclude; they untag nothing."""
    if m.group("noun") or m.groupdict().get("on") or name.startswith("“"):
        return True
    if normalize(name) not in tags:
        return False
    if policy == "said":  # "把她的待跟进去掉": said of a pointer, it narrows nothing
        # nor after 把 of people ("把…的客户的高意向删了"): the tag of the customers is what
        # is disposed of (a narrowing says 中/里: "把上海客户里VIP的去掉")
        disposed = _DISPOSAL.match(m.group(0)) is not None and _PEOPLE_END.search(seg)
        return POINTER.fullmatch(seg.strip()) is not None or bool(disposed)
    # "去掉她的高意向", "remove 她的 VIP": a pointer's tag is taken off (never a narrowing)
    return policy == "verb" or bool(_PEOPLE_END.search(seg)) or POINTER.fullmatch(seg) is not None


# Whom said as a pointer: a pronoun (the card's customer) or the answer just given.
POINTER = lazy_pattern(
    r"(?:他|她|佢|ta)(?:们|哋|俩|们俩|哋两个|们两个)?|这位(?:客户)?|这些人?|这批人?|这俩|那俩|呢啲人?|"
    r"him|her|them|these|those|this customer|these customers|those customers"
)
_PEOPLE_END = lazy_pattern(r"(?:客户|客人|客|人|们|顾客|会员|用户|customers|clients|people)$")
_DISPOSAL = lazy_pattern(rf"^{_OPENER}(?:把|将)")


# ---- English ------------------------------------------------------------------------------
_SP = r"(?:\s+|(?=[^\x00-\x7f])|(?<=[^\x00-\x7f]))"
_PLEASE_EN = (
    r"(?:(?:please|pls|plz|kindly|can you|could you|would you|can u|could u|go ahead and|"
    r"i want to|i'd like to|i need to|help me|let's|lets|any chance (?:you|u) (?:could|can)|"
    r"would (?:you|u) mind|quick one[:,]?|real quick[:,]?)\s+)*"
)
_TAG_WORD_EN = r"(?:tag|label)"
# What a send names (a coupon, a message): never the name of a tag taken off.
_SENT_THING_EN = r"\b(?:coupons?|vouchers?|discounts?|messages?|msgs?|promo\s+codes?)\b"
_EN = [
    # "untag VIP for everyone whose …", "strip the 金卡 label off customers in Beijing"
    (
        "untag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:untag|remove|delete|drop|strip|clear|take\s+off)(?:\s+the)?"
            # "drop a ¥50 coupon on the dormant ones" sends a coupon: no tag is named so
            rf"(?:\s+{_TAG_WORD_EN})?{_SP}(?!(?:(?!\bon\b|\bfrom\b).)*{_SENT_THING_EN})"
            rf"(?P<name>.+?){_SP}(?:{_TAG_WORD_EN}\s+)?"
            rf"(?:from|for|off(?:\s+of)?|on){_SP}(?P<seg>.+)$"
        ),
    ),
    # whose tag said first: "remove her VIP", "untag his 高意向 label", "strip Alice's 金卡 tag"
    (
        "untag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:untag|remove|delete|drop|strip|clear|take\s+off)\s+"
            r"(?P<seg>her|his|(?:this|that|the)\s+customer's|[a-z][a-z0-9.\-]{0,30}'s)"
            rf"{_SP}(?:the\s+)?(?!(?:.)*{_SENT_THING_EN})(?P<name>.+?)(?:\s*{_TAG_WORD_EN}s?)?$"
        ),
    ),
    # the tag, then whom it is taken off: "take 高意向 off her", "take the VIP tag off Alice"
    (
        "untag",
        lazy_pattern(
            rf"^{_PLEASE_EN}take{_SP}(?:the\s+)?(?!(?:.)*{_SENT_THING_EN})(?P<name>.+?)"
            rf"(?:\s*{_TAG_WORD_EN})?{_SP}off(?:\s+of)?{_SP}(?P<seg>.+)$"
        ),
    ),
    # "give customers in Shanghai the VIP tag"
    (
        "tag",
        lazy_pattern(
            rf"^{_PLEASE_EN}give{_SP}(?P<seg>.+?){_SP}(?:the|a|an){_SP}(?P<name>.+?)\s*{_TAG_WORD_EN}$"
        ),
    ),
    # "put the VIP tag on customers who …", "slap a 待跟进 label on …"
    (
        "tag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:put|stick|slap|add|apply|attach)\s+(?:the|a|an){_SP}(?P<name>.+?)"
            rf"\s*{_TAG_WORD_EN}\s+(?:on|to|onto){_SP}(?P<seg>.+)$"
        ),
    ),
    # "tag as 待跟进 everyone who …": the tag first, one word or quoted, then whom
    (
        "tag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:tag|label|mark|flag)\s+as{_SP}(?P<name>“[^”]+”|[^\s“”]+?){_SP}"
            r"(?P<seg>(?:the|all|every|each|everyone|everybody|anyone|customers|clients|people|"
            r"those|them|these|my|our)(?![a-z']).*)$"
        ),
    ),
    # Whom first, then the verb and one name: "customers who inquired twice tag as 高意向",
    # "VIPs in Shanghai - tag them with “金卡”" (a name of one word: "…the VIP tag as of
    # last month" names no tag).
    (
        "tag",
        lazy_pattern(
            r"^(?P<seg>[^\s].*?)(?:\s*[,:;-]\s*|\s+)(?:please\s+|pls\s+)?(?:tag|label|mark|flag)"
            r"(?:\s+(?:them|these|those|all(?:\s+of\s+them)?))?\s+(?:as|with)(?![a-z])"
            rf"{_SP}(?:the\s+)?(?P<name>“[^”]+”|[^\s“”]+)(?:\s+{_TAG_WORD_EN})?$"
        ),
    ),
    # "tag / mark / label / flag everyone who … as X", "flag X with Y"
    (
        "tag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:tag|label|mark|flag)(?:\s*一下\s*|\s+)(?P<seg>.+?){_SP}(?:with|as)"
            rf"{_SP}(?:the\s+|a\s+|an\s+)?(?:{_TAG_WORD_EN}\s+)?(?P<name>.+?)(?:\s+{_TAG_WORD_EN})?$"
        ),
    ),
]
# "all of the" before whom adds nothing (and must not run into a Chinese name after it).
_ALL_EN = lazy_pattern(
    r"^(?:all|every|each)(?![a-z'])(?:\s+of(?![a-z]))?(?:\s+the(?![a-z]))?\s*(?=\S)"
)


def read_en(text: str) -> Found | None:
    for intent, pattern in _EN:
        m = pattern.match(text)
        if m is None:
            continue
        name = m.group("name").strip()
        state = name_state(name)
        if state == "missing":
            raise which_tag(untag=intent == "untag")
        if state == "bad":
            continue
        return Found(intent, _whose_as_whom(without_all(m.group("seg"))), clean_name(name))
    return None


# Whose tag, said as whom it comes off: his → him, Alice's → Alice, this customer's → this customer.
_WHOSE_EN = lazy_pattern(r"^(?:(?P<his>his)|(?P<x>.+?)'s)$")


def _whose_as_whom(seg: str) -> str:
    found = _WHOSE_EN.match(seg.strip())
    if found is None:
        return seg
    return "him" if found["his"] else found["x"]


def without_all(seg: str) -> str:
    """`seg` without a leading all/every/all of the ("mark all 官网活码 customers …")."""
    seg = seg.strip()
    rest = _ALL_EN.sub("", seg)
    return rest if rest and rest != seg and not rest.startswith(("of ", "them", "those")) else seg


# ---- words no reading placed ---------------------------------------------------------------
# An order to tag, wherever it stands: a strong verb not read as a condition (not 被/没/有
# before it, no 了/过 after it, no 的 closing it as a modifier).
_LEFT_TAG_ZH = lazy_pattern(
    r"(?<![被有没未不冇唔已])(?P<word>打上|贴上|标上|标记为|标记成|标记做|标为|标成|标注为|打标|"
    r"(?<![a-z])(?:tag|mark|label|flag)\s*(?:上|成|为|做|一下|晒|下|吓|埋|一吓))(?![了过着])"
    r"(?P<rest>[^的嘅了过]*)$"
)
# 打个/贴个/加个 order a tag only with a tag noun after them (打个电话 is a call).
_LEFT_WEAK_ZH = lazy_pattern(
    r"(?<![被有没未不冇唔已])(?P<word>打个|贴个|加个|打一个|贴一个|加一个)(?![了过着])"
    r"[^的嘅了过]{0,24}?(?:标签|标|tag|label)"
)
_LEFT_UNTAG_ZH = lazy_pattern(r"(?P<word>" + _OFF_FIRST + r"|" + _OFF_AFTER + r")(?![了过]?的)")
_TAG_NOUN_ZH = lazy_pattern(r"标签|(?<![a-z])(?:tag|label)s?(?![a-z])")
_LEFT_EN = lazy_pattern(
    rf"^{_PLEASE_EN}(?P<word>tag|untag|retag|label|flag|mark)(?![a-z])|(?<![a-z])(?P<un>untag)(?![a-z])"
)


def leftover(text: str) -> None:
    """Raise Ask when `text` (normalised, read as no action) still orders a tag put on or
    taken off: a tag command that no reading placed is asked back, never answered as a list."""
    if _QUESTION.search(text):
        return
    word = _left_word(text)
    if word is None:
        return
    raise Ask(
        f"看到了“{word}”，但没能确定要给哪些客户打上（或去掉）哪个标签。请这样说："
        "给近30天有咨询的客户打上“待跟进”标签，或：去掉上海客户的“VIP”标签。",
        f"I saw “{word}” but could not tell which tag to add or remove, for which customers. "
        "Say e.g. 'tag customers who inquired in the last 30 days as 待跟进' or 'remove the "
        "VIP tag from customers in Shanghai'.",
    )


# "give the Shanghai customers a tag", "put a label on them": a verb of giving with a tag noun
# as its object orders a tag, whatever stands between (never "customers with a tag").
_GIVE_TAG_EN = lazy_pattern(
    r"(?<![a-z])(?P<word>give|add|put|apply|attach|stick|slap)(?![a-z])[^.?!]*?"
    r"(?<![a-z])(?:a|an|one|some|the|new)\s+(?:tags?|labels?)(?![a-z])"
)


def _left_word(text: str) -> str | None:
    en = _LEFT_EN.search(text) or _GIVE_TAG_EN.search(text)
    if en:
        return en.groupdict().get("word") or en.group("un")
    tag = _LEFT_TAG_ZH.search(text) or _LEFT_WEAK_ZH.search(text)
    if tag:
        return tag.group("word")
    if _TAG_NOUN_ZH.search(text):
        off = _LEFT_UNTAG_ZH.search(text)
        if off:
            return off.group("word")
    return None


# A tag the company has, then another refused: "金卡不要打VIP", "金卡唔好打VIP", "金卡而不是VIP",
# "金卡 not VIP" (normalised).
_REFUSING = lazy_pattern(
    r"^(?P<kept>.+?)\s*[,，]?\s*(?:而不是|而唔系|不是|唔系|不要|不用|唔好|唔要|别|(?:and\s+|but\s+)?not|"
    r"instead\s+of|rather\s+than)\s*(?:再)?(?:打上|打|贴|用|tag)?\s*(?P<refused>.+?)\s*(?:标签|tag)?"
    r"\s*(?:了|啦|喇|吧)?$",
    re.I,
)


def tag_refusing_another(name: str, tags: Mapping[str, str]) -> str | None:
    """The company's tag `name` keeps when it is no tag itself but one the company has with
    another it has refused after it ("金卡不要打VIP" → 金卡); None otherwise (a new tag's name
    such as 不要打电话 is kept as said)."""
    if normalize(name) in tags:
        return None
    found = _REFUSING.match(normalize(name))
    if found is None:
        return None
    kept, refused = found["kept"].strip(), found["refused"].strip()
    if kept in tags and refused in tags and kept != refused:
        return tags[kept]
    return None
