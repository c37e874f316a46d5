"""A coupon or message named by a campaign no campaign has ("春季大促的券没核销的", "春季大促那次
消息发到了哪些人", "who haven't used the Spring Gala coupon", "whose coupon from 春季大促 hasn't
been redeemed"): asked back naming that name, with the company's campaigns to pick from —
never read as a tag, a holiday or a word not understood.

Known names are already written as 活动#N / campaign #N (contact_words.name_campaigns), so a
name left before a coupon or message word with what became of it is none of the campaigns'.
Only a name that is no other word the company uses (a tag, a product, a city: `other_name`)
and says no customer, time or holding ("VIP的券", "上海客户的券", "近30天领的券", "手上的券"
are conditions of their own) is asked back.
"""

from __future__ import annotations

from collections.abc import Callable

from segmentation.nlq.ask import did_you_mean
from segmentation.nlq.campaign_names import _NOT_A_NAME, _as_written, _unknown_name
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

# A campaign's coupon or message said first, then what became of it (so the name is a
# campaign's): 春季大促的券没核销 / 春季大促个券用咗 / 春季大促发出去的券还没核销 /
# 春季大促那次消息发到了谁
_NAMED_CONTACT_ZH = lazy_pattern(
    r"(?:^|(?<=[\s,，。;；、]))[“\"「『]?"
    r"(?P<name>[^\s的嘅个,，。;；:：!！?？“”\"「」『』#＃、]{2,12}?)[”\"」』]?"
    r"(?:(?:那一次|那次|那期|那档|那回|个|的|嘅)?(?:我们|我哋)?"
    r"(?:发出去|派出去|发出|派出|发放|派发|发|派|送出|送)?(?:的|嘅)?\s*"
    r"(?:优惠券|代金券|现金券|券|coupons?|vouchers?)"
    # a message only with its campaign framed (春季大促那次消息): 一则推送 is a count of them
    r"|(?:那一次|那次|那期|那档|那回|个|的|嘅)\s*(?:群发消息|群发|消息|讯息|推送))"
    r"(?=\s*(?:有|都|也|还|仲|已经|已|被|没|未|冇|尚未|从未|核销|用|使|兑换|收到|收|发到|发给|"
    r"送到|送达|推到|redeem|used|use|cashed|received))"
)
# A name before whom a campaign's message reached or its control group (「国庆回贵」有哪些客户收到
# 讯息, “老客关爱”收到消息的客户, 老客关爱的对照组): quoted, any name that is no other word; said
# plainly, one close to a campaign's name (a typo of it), right before the contact
_RECEIVED_AFTER_ZH = (
    r"(?:收到|收了|收过|接收)(?:了|过)?\s*(?:群发|消息|讯息|推送|message)|对照组|控制组"
)
_NAMED_RECEIVED_ZH = lazy_pattern(
    r"(?:^|(?<=[\s,，。;；、]))(?:[“\"「『](?P<quoted>[^“”\"「」『』]{2,12})[”\"」』]"
    rf"(?=[^。;；，,]{{0,10}}?(?:{_RECEIVED_AFTER_ZH}))"
    r"|(?P<name>[^\s的嘅个,，。;；:：!！?？“”\"「」『』#＃、]{2,12}?)(?:的|嘅|个)?"
    rf"(?=\s*(?:{_RECEIVED_AFTER_ZH})))"
)
# Words a typo of a campaign's name never holds: which one (上次 / 这个 / 活动#), who, a verb
_NO_TYPO = lazy_pattern(r"上次|上一|上个|最近|最新|这|那|呢|嗰|活动|campaign|边|谁|哪|系|是|有|#")
# "used the Spring Gala coupon", "got the 春季大促 message", "whose coupon from 春季大促 hasn't"
# (a Chinese name comes without the spaces around it: normalising drops them, so the gap
# between two words is a space or a Chinese character on either side — never inside a word)
_NAME_EN = r"[a-z0-9\u4e00-\u9fff'&-]+(?: [a-z0-9\u4e00-\u9fff'&-]+){0,2}?"
_GAP = r"(?: |(?<=[\u4e00-\u9fff])|(?=[\u4e00-\u9fff]))"
_NAMED_CONTACT_EN = lazy_pattern(
    r"\b(?:used|use|redeemed|redeem|cashed in|got|get|received|receive|holding) "
    rf"(?:the|our|their){_GAP}(?P<name>{_NAME_EN}){_GAP}"
    r"(?:coupons?|vouchers?|messages?|mass messages?|broadcasts?)\b"
)
_FROM_NAMED_EN = lazy_pattern(
    rf"\bwhose (?:coupons?|vouchers?) from{_GAP}(?:the |our )?(?P<name>{_NAME_EN})"
    rf"(?: campaign| promo)?{_GAP}"
    r"(?:is|are|was|were|has|have|hasn't|haven't|wasn't|weren't|remains?)\b"
)

# Words that make a name no campaign's: a customer (VIP客户的券), a time (本月的券), holding
# (手上的券), getting (近30天领的券), a campaign already named or the last one
_NOT_CAMPAIGN_ZH = lazy_pattern(
    # (一则 / 连一条 / 任何 / 每张 count them: no name)
    r"客|会员|人|年|月|周|天|日|号|星期|礼拜|今|昨|本|这|那|上次|上一|上个|上期|上档|上轮|最近|最新|"
    r"一|连|任何|半|每|所有|全部|哪|什么|啥|咩|乜|"
    # (优惠券 / 满100减20的券 / 20元券: the coupon's own words, its kind or its amount)
    r"优惠|代金|现金|折扣|满减|抵用|减|折|元|块|蚊|"
    r"前一|手上|手里|手头|手中|身上|领|拿|攞|收|获得|得到|持有|有|活动#|campaign #|我们|我哋|公司|"
    # (没核销的券 / 未使用的券: what became of the coupon, said before it)
    r"没|冇|未(?:使用|用|核销|兑换)|核销|兑换"
)
_WORDS_OF_NO_NAME_EN = (
    "last latest most recent previous newest first next new same unused unredeemed one two "
    "this that these those any every each all campaign coupon coupons voucher vouchers off "
    "discount percent yuan rmb free cash"
)
_NOT_CAMPAIGN_EN = frozenset(_WORDS_OF_NO_NAME_EN.split())


def check_contact_names(
    text: str, original: str, campaigns: dict[int, str], other_name: Callable[[str], bool]
) -> None:
    """Ask back the first campaign name in `text` (normalised) that a coupon or a message is
    named by and no campaign has."""
    for found in _NAMED_CONTACT_ZH.finditer(text):
        name = found.group("name").strip()
        if _campaign_like_zh(name, other_name):
            raise _unknown_name(_as_written(name, original), campaigns)
    for found in _NAMED_RECEIVED_ZH.finditer(text):
        name = (found.group("quoted") or found.group("name")).strip()
        if other_name(name) or name in _NOT_A_NAME:
            continue
        # a typo of a campaign's name (老客关爱), or a quoted name that could be one
        quoted = found.group("quoted") is not None and _campaign_like_zh(name, other_name)
        if quoted or (not _NO_TYPO.search(name) and _close_to_one(name, campaigns)):
            raise _unknown_name(_as_written(name, original), campaigns)
    for pattern in (_NAMED_CONTACT_EN, _FROM_NAMED_EN):
        for found in pattern.finditer(text):
            name = found.group("name").strip()
            if _campaign_like_en(name, other_name):
                raise _unknown_name(_as_written(name, original), campaigns)


def _close_to_one(name: str, campaigns: dict[int, str]) -> bool:
    names = {normalize(n): n for n in campaigns.values()}
    return bool(did_you_mean(normalize(name), names))


def _campaign_like_zh(name: str, other_name: Callable[[str], bool]) -> bool:
    return not (
        name in _NOT_A_NAME
        or other_name(name)
        or _NOT_CAMPAIGN_ZH.search(name)
        or name.isascii()  # "VIP的券", "A类的券": English words left to the English reading
    )


def _campaign_like_en(name: str, other_name: Callable[[str], bool]) -> bool:
    words = name.split()
    if any(w in _NOT_CAMPAIGN_EN or w in _NOT_A_NAME for w in words) or other_name(name):
        return False
    # "the ¥20 coupon", "the 100 coupon": an amount, never a name (双11 with its CJK is one)
    return not any(ch.isdigit() for ch in name) or not name.isascii()
