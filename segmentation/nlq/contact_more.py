"""More ways to say what became of a campaign's coupon or message (contact_words.py reads the
rest): the campaign said between the verb and the coupon ("没用双11预热的券", "用过上次活动的券"),
the English verb inside a Chinese sentence ("redeemed 过券", "没redeem过券"), 有 before the use
("上一檔活動有核銷優惠券"), the campaign as the sender ("“老客关怀”发过的客户"), and English with
the campaign before its coupon's fate ("who hasn't used their campaign #2 coupon yet", "who from
campaign #1 never used theirs", "got a campaign #1 coupon but never used it").

Campaign names are already written as 活动#N / campaign #N (contact_words.name_campaigns).
"""

from __future__ import annotations

from segmentation.nlq.contact_words import (
    _COUPON_ZH,
    _EN,
    _EN_PATTERNS,
    _IN,
    _NOT_EN,
    _NOT_ZH,
    _REF_ZH,
    _ZH,
    ContactMatch,
    _ref_zh,
    longest_contact,
)
from segmentation.nlq.lazy_re import latin_pattern, lazy_pattern

# Used, in Chinese or as the English verb typed in a Chinese sentence (redeemed过券)
_USE_VERB_ZH = r"(?:核销|用掉?|使用|兑换|\s*(?:redeemed|redeem|used|use)(?![a-z])\s*)"
_USED_ZH = rf"{_USE_VERB_ZH}(?:过|了|掉)?"
# The coupon's own verbs say "coupon" without the word (有核销的); 用 needs the coupon named
_OWN_VERB_ZH = r"(?:核销|兑换|\s*(?:redeemed|redeem)(?![a-z])\s*)(?:过|了|掉)?"

_MORE_ZH = (
    # 没用双11预热的券 / 没有使用上次活动的优惠券 / 没核销过活动#2的券: its coupon, unused
    ("unredeemed", lazy_pattern(rf"{_NOT_ZH}(?:有)?{_USED_ZH}{_ref_zh(30)}(?:的)?{_COUPON_ZH}")),
    # 用过双11预热的券 / 核销了上次活动的券
    ("redeemed", lazy_pattern(rf"(?:已经?)?{_USED_ZH}{_ref_zh(31)}(?:的)?{_COUPON_ZH}")),
    # redeemed过券 / used了优惠券 / 没redeem过券: the English verb, the Chinese coupon
    ("redeemed", lazy_pattern(
        r"\s*(?:redeemed|redeem|used|use)(?![a-z])\s*(?:过|了)\s*" + _COUPON_ZH
    )),
    ("unredeemed", lazy_pattern(
        rf"{_NOT_ZH}\s*(?:redeemed|redeem|used|use)(?![a-z])\s*(?:过|了)?\s*{_COUPON_ZH}"
    )),
    # 上一档活动有核销优惠券 / 上次活动有用券的 / 活动#2有兑换过: some use of it
    ("redeemed", lazy_pattern(
        rf"{_REF_ZH}{_IN}(?:有|都)(?:{_OWN_VERB_ZH}{_COUPON_ZH}?|{_USED_ZH}{_COUPON_ZH})"
    )),
    # 活动#3发过的 / 上次活动推送过的 (the campaign as the sender): its message reached them;
    # 发过券 is its coupon (contact_words reads that)
    ("message", lazy_pattern(
        rf"{_ref_zh(32, 'message')}(?:的)?(?:群发)?(?:发过|发了|发送过|推送过|推过|触达过?)"
        r"(?!\s*(?:券|优惠券|代金券|红包|coupon))"
    )),
)  # fmt: skip

_CAMPAIGN_EN = r"campaign #(?P<id>\d{1,9})"
# A campaign by number, or the last one to issue coupons
_WHICH_EN = (
    rf"(?:{_CAMPAIGN_EN}|(?P<last>last|latest|previous|most recent) (?:coupon |voucher )?campaign)"
)
_USE_EN = r"(?:redeemed|redeem|used|use|cashed in|cash in|applied)"
_THEIRS_EN = (
    r"(?: (?:theirs|it|them|their coupons?|the coupons?|a coupon|their vouchers?|the vouchers?|"
    r"their one|his|hers|the code))?(?: yet)?"
)
_MORE_EN = (
    # "hasn't used their campaign #2 coupon yet", "never redeemed the campaign #1 voucher"
    ("unredeemed", latin_pattern(
        rf"{_NOT_EN}(?: yet)? {_USE_EN} (?:their |the |a |any |his |her |our )?{_CAMPAIGN_EN}"
        r"(?:'s)? (?:coupons?|vouchers?)(?: yet)?"
    )),
    # "from campaign #1 never used theirs", "(customers of) campaign #2 who haven't redeemed
    # yet", "from the last campaign didn't redeem" ("customers of" is read before it)
    ("unredeemed", latin_pattern(
        rf"(?:(?:from|of|in) )?(?:the |our )?{_WHICH_EN}(?: (?:coupons?|vouchers?))?,? "
        rf"(?:who |that |which )?(?:have |has )?(?:still )?{_NOT_EN}(?: yet)? {_USE_EN}{_THEIRS_EN}"
    )),
    # "from campaign #1 who used theirs", "of the last campaign that redeemed"
    ("redeemed", latin_pattern(
        rf"(?:(?:from|of|in) )?(?:the |our )?{_WHICH_EN}(?: (?:coupons?|vouchers?))?,? "
        rf"(?:who |that |which )?(?:have |has |had )?(?:already )?{_USE_EN}{_THEIRS_EN}"
    )),
    # "got a campaign #1 coupon but never used it"
    ("unredeemed", latin_pattern(
        r"(?:got|get|gotten|received|receive|were given|was given|have|has|had|holding) "
        rf"(?:a |the |any |their )?{_CAMPAIGN_EN}(?:'s)? (?:coupons?|vouchers?),? "
        rf"(?:but |and |yet |that |which )?(?:they |he |she )?{_NOT_EN}(?: yet)? {_USE_EN}"
        + _THEIRS_EN
    )),
)  # fmt: skip

_ALL = (*_ZH, *_MORE_ZH, *_EN, *_MORE_EN)
_ENGLISH = {*_EN_PATTERNS, *(pattern for _what, pattern in _MORE_EN)}


def scan_contact(text: str, pos: int) -> ContactMatch | None:
    """The longest campaign-contact phrase starting at `pos`, of every way to say one."""
    return longest_contact(_ALL, _ENGLISH, text, pos)
