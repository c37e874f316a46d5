"""Changes to a card said loosely, without the change words card_amend.py reads first:
"Mike不用了", "VIP嗰啲唔使", "leave Mike out" (customers dropped); "还是9折吧", "15% off
instead", "用金卡吧", "改打高意向", "不打待跟进了，打金卡", "3pm instead" (new content).

Only rewriting lives here: each loose form is handed back as the plain form the card code
already reads ("去掉Mike的", "without Mike", or the new content alone), so what a change means
is decided in one place. The content forms are only candidates: the card code keeps one only
when the words left parse as the card's own kind of content (a coupon, a time, a known tag).
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize_name

_PARTICLES = r"(?:了|吧|啦|喇|咯|嘞|la|喔|哦|啊|呀|吖|嘛|先)*"
# Whom a dropped part names, then what is said after it ("VIP那啲", "张三的客户", "Mike和Bob").
_WHO_TAIL = r"(?:的|嘅)?(?:客户|客|顾客|人|那些|那批|那几个|那啲|呢啲|啲|几个|两个)?"
# "Mike不用了", "Grace不要", "Ken唔使", "Bob就不要了", "VIP那啲唔使", "张三的不用发": a bare
# negative after whom (the action's verb after it is read by card_amend's own rewrites).
_DROP_AFTER_ZH = lazy_pattern(
    rf"^(?:把|将)?(?P<x>.+?){_WHO_TAIL}(?:就|也|都|先)?(?:不要|不用|不需要|不必|唔使|唔要|唔好|别|免了|省了|"
    rf"除外|剔走|剔除|踢走|踢掉|拿走|拿掉|去掉|排除|"
    # skipped, said the mixed way or the plain one: "Pia skip 掉", "Pia跳过", "Grace唔计"
    rf"skip\s*掉|skip\s*咗|skip(?=\s*[吧啦了喇咯嘞])|跳过|略过|删掉|删走|唔计|不算)"
    rf"(?:再)?(?:发|推|打|贴|送|send)?{_PARTICLES}$",
    re.I,
)
# The skip said first, in Chinese or mixed: "skip掉Pia", "跳过Pia", "除咗Grace", "唔计Grace".
_DROP_BEFORE_ZH = lazy_pattern(
    rf"^(?:skip\s*掉|skip|跳过|略过|除咗|除开|除了|唔计|不计|不算)\s*(?P<x>[^\s,，。]+?){_WHO_TAIL}"
    rf"(?:先|啦|吧|喇|了)*$",
    re.I,
)
# Words that are no customers: "都不要了" / "全部唔使" call the whole card off, never a drop.
_NOT_WHOM = lazy_pattern(
    r"^(?:都|全|全部|所有|所有人|大家|这些|那些|他们|她们|佢哋|佢们|this|that|it|them|all|券|消息|"
    r"标签|时间|这个|那个|这张|那张)$",
    re.I,
)
_EN_POLITE = lazy_pattern(r"(?:\s+(?:please|pls|plz|thanks|thx|thank\s+you))+$", re.I)
# What the ones dropped are dropped from, said after them: "drop Heidi from it", "remove Bob
# from the list", "exclude Pia from this send" (the card waiting, as "it" says).
FROM_IT = (
    r"(?:\s+(?:from|off|out\s+of)\s+(?:it|this|that|them|these|those|the\s+(?:list|card|send|"
    r"audience|recipients|coupon|message|campaign|push)|this\s+(?:list|card|send|coupon|message)))?"
)
_DROP_EN = tuple(
    (lazy_pattern(pattern, re.I), template)
    for pattern, template in (
        (r"^leave\s+(?P<x>.+?)\s+out(?:\s+of\s+(?:it|this|that|the\s+list))?$", "without {x}"),
        (
            r"^(?:take|cut|cross|strike|knock)\s+(?P<x>.+?)\s+(?:off|out)"
            r"(?:\s+(?:of\s+)?(?:it|this|that|the\s+list))?$",
            "without {x}",
        ),
        (r"^(?:take|cut|cross|strike|knock)\s+(?:off|out)\s+(?P<x>.+)$", "without {x}"),
        (
            r"^(?:no|not\s+for|nothing\s+for|none\s+for)\s+(?P<x>(?!only\b|just\b)[^,，]+)$",
            "without {x}",
        ),
        # "Frank skip", "Bob can be skipped", "Omar not needed", "Mike's out"
        (
            r"^(?P<x>.+?)(?:'s)?\s+(?:(?:can|could|should)\s+be\s+|is\s+)?(?:not|out|excluded|no|"
            r"skip|skipped|drop|dropped|removed|left\s+out|not\s+needed|not\s+included)$",
            "without {x}",
        ),
        (
            r"^(?:(?:but|and)\s+)?(?:without|except|excluding|exclude|skip|drop|minus|remove|"
            r"not|no\s+need\s+(?:for|to\s+send\s+to)|all\s+but|everyone\s+but|everyone\s+except)"
            rf"\s+(?P<x>.+?){FROM_IT}(?:\s+(?:too|as\s+well|also))?$",
            "without {x}",
        ),
    )
)


# Why a customer is left out, or that it is, said before the ones kept: "Omar已经有啦，只要Frank",
# "Omar有咗 淨係Frank得", "Omar唔使打喇，Frank得", "Omar already has it - just Frank". The card
# code keeps the words after it only when they name the ones kept (a reason alone, or before
# "北京的也加上", is no change it can read: asked back).
_REASON = lazy_pattern(
    r"^(?!只|仅|僅|就|净|淨)[^\s,，。.;；!！-]+?\s*(?:已经|已經|早就|本来就|本來就|本身|都)?\s*"
    r"(?:有(?:了|咗|过|過|晒)?|打(?:了|咗|过|過|晒))"
    r"(?:这个|這個|呢个|呢個|那个|那個|个|個|这|這|呢)?(?:标签|標籤|tag)?(?:了|啦|喇|咯|嘛|呀|啊|la)*"
    # normalised text has no space between Chinese and Latin: the change's own word ends it
    r"(?:[\s,，。.;；!！-]+(?=\S)|(?=只|仅|僅|就|净|淨|不用|唔使|唔要|不要|别|去掉))|"
    r"^[a-z][\w' ]*?\s+(?:already\s+(?:has|got|is\s+tagged|has\s+got|tagged)(?:\s+(?:it|that|this|"
    r"the\s+tag|one))?|has\s+(?:it|that|this|the\s+tag)\s+already|is\s+already\s+tagged)"
    r"[\s,，。.;；!！-]+(?=\S)|"
    # "Omar唔使打喇，Frank得", "Omar不用了，只要Frank": one left out, then the one kept
    r"^[^\s,，。.;；!！-]+?(?:就|也|都)?(?:不用|唔使|不要|唔要)(?:再)?(?:发|打|send|tag)?(?:了|啦|喇|咯)*"
    r"[\s,，。.;；!！-]+(?=\S)",
    re.I,
)


def without_reason(plain: str) -> str:
    """`plain` without a reason said before the change ("Omar已经有啦，"), in either script."""
    found = _REASON.match(plain)
    return plain[found.end() :] if found is not None else plain


def dropped(plain: str) -> str | None:
    """The drop of customers `plain` says loosely, as a follow-up ("去掉Mike的", "without
    Mike"); None when it says none. `plain` is normalised, fillers kept: "no Mike" is a drop,
    while "no, only Mike" is not."""
    found = _DROP_AFTER_ZH.match(plain) or _DROP_BEFORE_ZH.match(plain)
    if found is not None and not _NOT_WHOM.match(found["x"].strip()):
        return f"去掉{found['x'].strip()}的"
    said = _EN_POLITE.sub("", plain).strip()
    for pattern, template in _DROP_EN:
        found = pattern.match(said)
        if found is not None and not _NOT_WHOM.match(found["x"].strip()):
            return template.format(x=found["x"].strip())
    return None


# The new content said with no change word, zh (normalised, fillers gone): "还是9折吧",
# "打9折就好", "用金卡吧", "改打高意向", "改贴金卡", "换金卡", "9折吧".
_VERB_ZH = r"(?:打上|打个|打|贴上|贴|标上|标|用|换|发|送|推)"
_CONTENT_ZH = lazy_pattern(
    rf"^(?:还是|那就|就|干脆|或者|改为|改|再改|又改)?(?P<verb>{_VERB_ZH})?(?:个|张|一张|一个)?"
    rf"(?P<new>.+?)(?:标签)?(?:就好|就行|就可以|就够了|好了|算了|得了|得啦|得喇|即可)?{_PARTICLES}$"
)
# "不打待跟进了，打金卡", "唔好待跟进，用金卡", "待跟进不要了，改成金卡": the old content refused,
# the new one after the comma.
_INSTEAD_OF_ZH = lazy_pattern(
    r"^(?:(?:不要|不用|唔要|唔好|别|不打|不贴|不发|不用打)(?P<old>[^,，]+?)|(?P<old2>[^,，]+?)"
    r"(?:不要|不用|唔要|唔好))(?:了|啦|喇)?[,，]\s*(?:改成|改为|换成|改用|改打|改贴|转做)?"
    r"(?P<rest>.+)$"
)
# The same the other way round, the new content first: "打金卡唔好打VIP", "打金卡，不要打VIP",
# "金卡唔係VIP", "用金卡而不是VIP", "金卡 not VIP", "use 金卡 instead of VIP" — only when what is
# refused is the card's own content (new_content's `old`): "打金卡唔好打Dan" is about whom.
_REFUSED_AFTER = lazy_pattern(
    r"^(?P<rest>[^,，]+?)\s*[,，]?\s*(?:(?:而|but\s+)?(?:不是|唔系|唔好|不要|唔要|别|不|唔)(?:再)?"
    r"(?:打上|打|贴|用|要|发|send|tag)?|(?:and\s+|but\s+)?(?:not|instead\s+of|rather\s+than)\s+"
    r"(?:tag(?:ging)?\s+(?:them\s+)?(?:with\s+)?|use\s+|the\s+)?)"
    r"(?P<old>[^,，]+?)(?:\s*(?:标签|tag))?(?:了|啦|喇|吧|呀|吖)*$",
    re.I,
)
# English: "15% off instead", "use 金卡 instead", "how about 50 off orders over 300", "3pm
# then", "go with VIP", "tag them 金卡 instead", "at 10am instead" (normalised: no space next to
# Chinese characters).
_SPACE = r"(?:\s+|(?=[^\x00-\x7f]))"
_LEAD_EN = (
    r"(?:how\s+about|what\s+about|let'?s\s+(?:do|go\s+with|use|make\s+it)|go\s+with|use|try|"
    r"can\s+(?:we|you)\s+(?:do|make\s+it|use)|tag\s+(?:them|it)(?:\s+(?:as|with))?|"
    r"give\s+them|send\s+(?:them|it)|do|at|"
    # an untag card's tag: "take off 金卡 instead", "remove the 金卡 tag instead"
    r"(?:take\s+off|take\s+away|remove|untag|strip)(?:\s+(?:the|their|his|her))?)"
)
_CONTENT_EN = lazy_pattern(
    rf"^(?:(?P<lead>{_LEAD_EN}){_SPACE})?(?P<new>.+?)"
    rf"(?:(?<=[^\x00-\x7f])|\s+)?(?P<instead>instead(?:\s+of\s+(?:now|that|this|today|it))?|then)?"
    rf"(?:\s+(?:please|pls|thanks|thx))*[?.!]*$",
    re.I,
)
_CJK = lazy_pattern(r"[\u3400-\u9fff]")
# A tag is never said bare: "金卡吧" after a tag card may as well be "only the 金卡 ones".
_TAG_MARKED_ZH = lazy_pattern(rf"^(?:还是|那就|就|干脆|改为|改|再改|又改)?{_VERB_ZH}|^改")


# The tag an untag card takes off instead, said with the verb: "去掉金卡吧", "改成撕掉金卡标签"
# (never "去掉金卡的": those are customers).
_OFF_ZH = lazy_pattern(
    r"^(?:还是|那就|就|干脆|改为|改成|改|换成)?(?:去掉|去除|摘掉|撕掉|拿掉|删掉|移除|撤掉|剷走|铲走|攞走)"
    rf"(?:他的|她的|佢嘅|佢的|他们的|她们的)?(?P<new>[^的嘅]+?)(?:标签|tag)?{_PARTICLES}$"
)


def new_content(plain: str, intent: str, old: str = "") -> str | None:
    """The new content `plain` says without a change word ("9折", "金卡", "3pm"), or None.
    For a tag card a verb, "instead" or "use" must say it (a bare name may be customers), or
    the card's own content `old` said refused beside it ("打金卡唔好打VIP")."""
    refused = _INSTEAD_OF_ZH.match(plain)
    if refused is None and old:
        after = _REFUSED_AFTER.match(plain)
        if after is not None and normalize_name(after["old"].strip()) == normalize_name(old):
            refused = after
    if refused is not None:
        plain = refused["rest"].strip()
    english = _CONTENT_EN.match(plain)
    if english is not None and (english["lead"] or english["instead"] or not _CJK.search(plain)):
        return _new_content_en(plain, intent, refused is not None)
    found = _CONTENT_ZH.match(plain)
    if found is None or not found["new"].strip():
        return None
    if intent == "untag" and refused is None:
        off = _OFF_ZH.match(plain)  # an untag card: "不对，去掉金卡", "改成撕掉金卡标签吧"
        return off["new"].strip() if off is not None else None
    if intent in ("tag", "untag") and refused is None and not _TAG_MARKED_ZH.match(plain):
        return None
    return found["new"].strip()


def _new_content_en(plain: str, intent: str, refused: bool) -> str | None:
    found = _CONTENT_EN.match(plain)
    if found is None or not found["new"].strip():
        return None
    marked = bool(found["instead"]) or (
        found["lead"] is not None and not found["lead"].lower().startswith(("how", "what"))
    )
    if intent in ("tag", "untag") and not (marked or refused):
        return None
    return found["new"].strip()
