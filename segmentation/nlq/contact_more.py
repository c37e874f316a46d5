"""More ways to say what became of a campaign's coupon or message (contact_words.py reads the
rest): the campaign said between the verb and the coupon ("没用双11预热的券", "用过上次活动的券"),
the English verb inside a Chinese sentence ("redeemed 过券", "没redeem过券"), 有 before the use
("上一檔活動有核銷優惠券"), the campaign as the sender ("“老客关怀”发过的客户"), and English with
the campaign before its coupon's fate ("who hasn't used their campaign #2 coupon yet", "who from
campaign #1 never used theirs", "got a campaign #1 coupon but never used it").

Campaign names are already written as 活动#N / campaign #N (contact_words.name_campaigns).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.contact_words import (
    _COUPON_ZH,
    _EN,
    _EN_PATTERNS,
    _IN,
    _MSG_ZH,
    _NOT_EN,
    _NOT_ZH,
    _REF_ZH,
    _ZH,
    ContactMatch,
    _coupon_ref_zh,
    _ref_zh,
    longest_contact,
)
from segmentation.nlq.holdout_words import HOLDOUT_PATTERNS
from segmentation.nlq.lazy_re import latin_pattern, lazy_pattern
from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# Used, in Chinese or as the English verb typed in a Chinese sentence (redeemed过券)
_USE_VERB_ZH = r"(?:核销|用掉?|使用|兑换|\s*(?:redeemed|redeem|used|use)(?![a-z])\s*)"
_USED_ZH = rf"{_USE_VERB_ZH}(?:过|了|掉)?"
# The coupon's own verbs say "coupon" without the word (有核销的); 用 needs the coupon named
_OWN_VERB_ZH = r"(?:核销|兑换|\s*(?:redeemed|redeem)(?![a-z])\s*)(?:过|了|掉)?"

# Reached, said of the campaign (the subject): its delivered message
_REACHED_ZH = (
    r"(?:覆盖|触及|送达|送到|发到|推到|reached|reach|hit|went to|got to|was sent to|sent to|"
    r"delivered to)"
    r"(?![a-z])(?:了|过|到|咗)?"
)
# Sent to, said of the campaign: 发给了 / 发了给 / send 咗俾 (normalised 了给)
# 发到了谁 / 送到边个 / 推到哪些人: where it went, said as its destination
_SENT_TO_ZH = (
    r"(?:发给|发送给|推送给|推给|寄给|send给|send了给|发了给|推了给|送了给|发到|送到|推到|发去|送去|"
    r"send到)(?:了|过)?"
)
# 国庆回馈那次消息发到了谁 / 上次活动的群发送达了哪些人: its message said before where it went
_ITS_MSG_ZH = rf"(?:的|嘅)?\s*(?:{_MSG_ZH})?\s*(?:有|都)?\s*"
# … then whom it asks: 谁, 哪些人, 边个, 边啲, which, the customers it went to (的)
_WHOM_ZH = r"\s*(?:谁|哪|边个|边啲|边几|边位|什么人|啥人|咩人|乜人|的|嘅|who|which)"
_MORE_ZH = (
    # 没用双11预热的券 / 没有使用上次活动的优惠券 / 没核销过活动#2的券: its coupon, unused
    # 用咗國慶回饋張券 (Cantonese: the coupon's measure word 张 / 个 / 啲 for 的)
    ("unredeemed", lazy_pattern(
        rf"{_NOT_ZH}(?:有)?{_USED_ZH}{_ref_zh(30)}(?:的|嘅|张|个|啲)?{_COUPON_ZH}"
    )),
    # 用过双11预热的券 / 核销了上次活动的券 / 用咗國慶回饋張券
    ("redeemed", lazy_pattern(
        rf"(?:已经?)?{_USED_ZH}{_ref_zh(31)}(?:的|嘅|张|个|啲)?{_COUPON_ZH}"
    )),
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
    # 老客关怀 reached 哪些人 / 上次活动覆盖了谁 / 活动#3触及到的: whom its message reached
    ("message", lazy_pattern(
        rf"{_ref_zh(33, 'message')}{_IN}{_ITS_MSG_ZH}\s*(?:{_REACHED_ZH})"
    )),
    # 老客关怀 didn't reach 哪些人 / 上次活动没覆盖到的 / 老客关怀冇触达到边个: NOT reached
    ("message_not", lazy_pattern(
        rf"{_ref_zh(35, 'message')}{_IN}{_ITS_MSG_ZH}(?:都|也)?\s*"
        rf"(?:{_NOT_ZH}(?:有)?\s*(?:{_REACHED_ZH}|触达)"
        r"(?:到|了|过)?|(?:didn't|did not|never|hasn't|has not|haven't|have not|not) "
        r"(?:reach|reached|get to|go to|hit)(?![a-z]))"
    )),
    # 国庆回馈的券发给了谁 / 上次派嘅券发到了边个: whom its coupon went to, issued
    ("issued", lazy_pattern(
        rf"{_coupon_ref_zh(36)}(?:有|都)?\s*(?:{_SENT_TO_ZH})(?={_WHOM_ZH})"
    )),
    # 老客关怀发给了谁 / 上次活動發咗俾邊個 (normalised 发了给边个): sent to whom, a question
    ("message", lazy_pattern(
        rf"{_ref_zh(34, 'message')}{_IN}{_ITS_MSG_ZH}(?:有|都)?\s*(?:{_SENT_TO_ZH})(?={_WHOM_ZH})"
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
# "the last coupon", "the most recent coupon we sent", "our latest voucher": the coupon of the
# campaign that issued one last — a coupon, never a time ("last" is no period here)
_LAST_COUPON_EN = (
    r"(?:the |our |their |his |her )?(?:(?P<last>last|latest|most recent|newest|previous) "
    r"(?:coupons?|vouchers?)(?: (?:that |which )?(?:we|i) (?:sent|sent out|sent them|gave out|"
    r"gave them|issued|handed out))?"
    # "the coupon we sent last time", "the voucher we gave out last" ("we sent last month" is
    # a time: the month's coupons)
    r"|(?:coupons?|vouchers?) (?:that |which )?(?:we|i) (?:sent|sent out|gave out|issued|"
    r"handed out)(?: them)? (?P<last_en>last time|last(?! *[a-z0-9])))"
)
# "the coupon we sent", "the voucher we gave out": a coupon issued (which campaign unsaid)
_WE_SENT_EN = (
    r"(?: (?:that |which )?(?:we|i) (?:sent|sent out|sent them|gave out|gave them|issued))?"
)
# "from campaign #2", "from the last campaign", said after the coupon
_FROM_EN = (
    r"(?: (?:from|of|in) (?:the |our )?(?:campaign #(?P<id>\d{1,9})|"
    r"(?P<last2>last|latest|previous|most recent) (?:coupon |voucher )?campaign))?"
)
_UNUSED_EN = (
    r"(?:(?:is|are|was|were|remains?|stays?)(?: still)? (?:unused|unredeemed|"
    r"not (?:yet )?(?:been )?(?:used|redeemed|cashed in)(?: yet)?)|"
    r"(?:still )?(?:hasn't|haven't|has not|have not|wasn't|weren't|was not|were not) "
    r"(?:yet )?(?:been )?(?:used|redeemed|cashed in)(?: yet)?)"
)
# Any coupon of ours: the last one, or one we sent (from a campaign or none said)
_ANY_COUPON_EN = (
    rf"(?:{_LAST_COUPON_EN}|(?:a |the |their |any |an |our )?(?:coupons?|vouchers?)"
    rf"{_WE_SENT_EN}{_FROM_EN})"
)
_USED_EN = r"(?:is|are|was|were|has been|have been|got)(?: already)? (?:used|redeemed|cashed in)"
_MORE_EN = (
    # "haven't used the most recent coupon we sent yet", "never redeemed the last coupon"
    # (read from "who" too: "who haven't used the coupon" alone stops before "we sent last")
    ("unredeemed", latin_pattern(
        rf"(?:(?:who|that) )?{_NOT_EN}(?: yet)? (?:redeemed|redeem|used|use|cashed in|cash in|"
        rf"applied) {_LAST_COUPON_EN}(?: (?:yet|so far))?"
    )),
    # "got the last coupon but haven't used it", "got a coupon from campaign #2 and used it"
    ("unredeemed", latin_pattern(
        rf"(?:got|get|gotten|received|receive|were given|was given|have|has|had|holding) "
        rf"{_ANY_COUPON_EN},? (?:but |and |yet |that |which )?(?:they |he |she )?{_NOT_EN}"
        rf"(?: yet)? (?:redeemed|redeem|used|use|cashed in|cash in|applied)"
        r"(?: (?:it|them|theirs|the coupons?|their coupons?|the voucher))?(?: yet)?"
    )),
    ("redeemed", latin_pattern(
        rf"(?:got|get|gotten|received|receive|were given|was given|have|has|had) "
        rf"{_ANY_COUPON_EN},? (?:and |that |which )(?:they |he |she )?(?:have |has )?"
        r"(?:already )?(?:redeemed|used|cashed in|cashed (?:it|them) in|applied)"
        r"(?: (?:it|them|theirs|the coupons?|their coupons?|the voucher))?"
    )),
    # "redeemed the last coupon", "used the latest voucher we sent"
    ("redeemed", latin_pattern(
        rf"(?:(?:who|that) )?(?:already )?(?:redeemed|used|cashed in|applied) {_LAST_COUPON_EN}"
    )),
    # "got the last coupon", "received the most recent voucher we sent"
    ("issued", latin_pattern(
        rf"(?:got|get|gotten|received|receive|were given|was given|have|has|had|holding) "
        rf"{_LAST_COUPON_EN}"
    )),
    # "haven't used the coupon we sent", "never redeemed the voucher from campaign #2"
    ("unredeemed", latin_pattern(
        rf"{_NOT_EN}(?: yet)? (?:redeemed|redeem|used|use|cashed in|cash in|applied) "
        rf"(?:the|their|our) (?:coupons?|vouchers?){_WE_SENT_EN}{_FROM_EN}(?: (?:yet|so far))?"
    )),
    # "whose coupon from campaign #2 hasn't been redeemed yet", "whose last coupon is still
    # unused", "whose coupon we sent is unused": got it, did not use it
    ("unredeemed", latin_pattern(
        rf"whose (?:(?P<last>last|latest|most recent|newest) )?(?:coupons?|vouchers?)"
        rf"{_WE_SENT_EN}{_FROM_EN} {_UNUSED_EN}"
    )),
    ("redeemed", latin_pattern(
        rf"whose (?:(?P<last>last|latest|most recent|newest) )?(?:coupons?|vouchers?)"
        rf"{_WE_SENT_EN}{_FROM_EN} {_USED_EN}"
    )),
    # "hasn't used their campaign #2 coupon yet", "never redeemed the campaign #1 voucher"
    ("unredeemed", latin_pattern(
        rf"{_NOT_EN}(?: yet)? {_USE_EN} (?:their |the |a |any |his |her |our )?{_WHICH_EN}"
        r"(?:'s)? (?:coupons?|vouchers?)(?: yet)?"
    )),
    # "from campaign #1 never used theirs", "(customers of) campaign #2 who haven't redeemed
    # yet", "from the last campaign didn't redeem" ("customers of" is read before it)
    ("unredeemed", latin_pattern(
        rf"(?:(?:from|of|in) )?(?:the |our )?{_WHICH_EN}(?:'s)?(?: (?:coupons?|vouchers?))?,? "
        rf"(?:who |that |which )?(?:have |has )?(?:still )?{_NOT_EN}(?: yet)? {_USE_EN}{_THEIRS_EN}"
    )),
    # "from campaign #1 who used theirs", "of the last campaign that redeemed"
    ("redeemed", latin_pattern(
        rf"(?:(?:from|of|in) )?(?:the |our )?{_WHICH_EN}(?:'s)?(?: (?:coupons?|vouchers?))?,? "
        rf"(?:who |that |which )?(?:have |has |had )?(?:already )?{_USE_EN}{_THEIRS_EN}"
    )),
    # "got the last campaign's coupon", "received a last campaign voucher"
    ("issued", latin_pattern(
        r"(?:got|get|gotten|received|receive|have|has|had|with|holding) "
        r"(?:a |the |any |their )?(?:the )?(?P<last>last|latest|previous|most recent) "
        r"(?:coupon |voucher )?campaign(?:'s)? (?:coupons?|vouchers?)"
    )),
    # "redeemed the last campaign's coupon", "used their campaign #2 voucher"
    ("redeemed", latin_pattern(
        rf"(?:already )?{_USE_EN} (?:their |the |a |any |his |her |our )?{_WHICH_EN}"
        r"(?:'s)? (?:coupons?|vouchers?)"
    )),
    # "whose campaign #2 coupon is still unused", "whose last campaign voucher remains
    # unredeemed": the coupon as the subject, what became of it after
    ("unredeemed", latin_pattern(
        rf"(?:the |their |his |her )?{_WHICH_EN}(?:'s)? (?:coupons?|vouchers?) "
        r"(?:is|are|was|were|remains?|stays?|sits?)(?: still)? (?:unused|unredeemed|"
        r"not (?:yet )?(?:used|redeemed)(?: yet)?)"
    )),
    ("redeemed", latin_pattern(
        rf"(?:the |their |his |her )?{_WHICH_EN}(?:'s)? (?:coupons?|vouchers?) "
        r"(?:is|are|was|were|has been|have been)(?: already)? (?:used|redeemed)"
    )),
    # "got a campaign #1 coupon but never used it"
    ("unredeemed", latin_pattern(
        r"(?:got|get|gotten|received|receive|were given|was given|have|has|had|holding) "
        rf"(?:a |the |any |their )?{_CAMPAIGN_EN}(?:'s)? (?:coupons?|vouchers?),? "
        rf"(?:but |and |yet |that |which )?(?:they |he |she )?{_NOT_EN}(?: yet)? {_USE_EN}"
        + _THEIRS_EN
    )),
)  # fmt: skip

# A campaign by number, or the last one to send mass messages (its message is what reached)
_WHICH_MSG_EN = (
    rf"(?:{_CAMPAIGN_EN}|(?P<last>last|latest|previous|most recent) "
    r"(?:mass message |broadcast |messaging )?campaign)"
)
_REACH_EN = (
    r"(?:reach|reached|hit|go to|went to|get to|got to|get sent to|got sent to|sent to|"
    # "went out to" / "was sent out to": the same delivery, said with its particle
    r"go out to|went out to|goes out to|gone out to|got sent out to|sent out to|"
    r"was sent out to|were sent out to|"
    r"delivered to|land with|landed with|was sent to|were sent to|was delivered to|"
    r"were delivered to|has been sent to|has been delivered to|got delivered to)"
)
# … and its message named: "the campaign #1 message", "the last campaign's broadcast"
_WHICH_MSG_EN = (
    rf"{_WHICH_MSG_EN}(?:'s)?(?: (?:mass |group |broadcast )?(?:messages?|broadcasts?|blasts?|"
    r"push(?:es)?|push notifications?))?"
)
_REACH_MORE_EN = (
    # "who did campaign #3 reach", "who did the last campaign go to", "who was campaign #3
    # sent to": whom its message reached
    ("message", latin_pattern(
        rf"(?:did|has|have|had|was|were) (?:the |our )?{_WHICH_MSG_EN} (?:actually |really )?"
        rf"(?:reach|reached|hit|go to|get to|get sent to|land with|been sent to|sent to|"
        r"delivered to|been delivered to)(?![a-z])"
    )),
    # "who did campaign #3 not reach", "who has the last campaign never reached"
    ("message_not", latin_pattern(
        rf"(?:did|has|have|had) (?:the |our )?{_WHICH_MSG_EN} (?:not|never) "
        r"(?:reach|reached|hit|go to|gone to|get to|got to|been sent to)(?![a-z])"
    )),
    # "campaign #3 reached", "the last campaign went to", "customers the last campaign reached"
    ("message", latin_pattern(rf"(?:the |our )?{_WHICH_MSG_EN} {_REACH_EN}(?![a-z])")),
    # "reached by campaign #3", "contacted by the last campaign"
    ("message", latin_pattern(
        rf"(?:reached|contacted|messaged|hit|covered) by (?:the |our )?{_WHICH_MSG_EN}"
    )),
)  # fmt: skip

# 上次活动的券 who hasn't redeemed: the campaign's coupon in Chinese, its fate in English
_MIXED_ZH = (
    ("unredeemed", lazy_pattern(
        rf"(?:{_coupon_ref_zh(50)}|{_REF_ZH}{_IN})\s*(?:who |that |which )?(?:have |has )?"
        rf"(?:still )?{_NOT_EN}(?: yet)? {_USE_EN}{_THEIRS_EN}(?![a-z])"
    )),
    ("redeemed", lazy_pattern(
        rf"(?:{_coupon_ref_zh(50)}|{_REF_ZH}{_IN})\s*(?:who |that |which )?(?:have |has |had )?"
        rf"(?:already )?{_USE_EN}{_THEIRS_EN}(?![a-z])"
    )),
)  # fmt: skip

# and one campaign's control group (holdout_words: 活动#3的对照组, campaign #3's holdout)
_ALL = (*_ZH, *_MORE_ZH, *_MIXED_ZH, *_EN, *_MORE_EN, *_REACH_MORE_EN, *HOLDOUT_PATTERNS)
_ENGLISH = {
    *_EN_PATTERNS,
    *(pattern for _what, pattern in (*_MORE_EN, *_REACH_MORE_EN)),
    *(pattern for _what, pattern in HOLDOUT_PATTERNS if pattern.pattern.isascii()),
}


def scan_contact(text: str, pos: int) -> ContactMatch | None:
    """The longest campaign-contact phrase starting at `pos`, of every way to say one."""
    return longest_contact(_ALL, _ENGLISH, text, pos)


def not_redeemed_is_unused(tokens: list[Token]) -> list[Token]:
    """ "customers who haven't used the 双11预热 coupon", "who never redeemed campaign #2's
    voucher": a negation said right before "redeemed a campaign's coupon" is its coupon
    issued and not redeemed (spec §2b: 上次活动没核销的), as the Chinese 没用X的券 reads —
    never "everyone but those who redeemed it", which counts customers never given one."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == K.NEG
            and tok.kind == K.CONTACT
            and tok.value.what == "redeemed"
            and not tok.value.negated
        ):
            out[-1] = replace(tok, start=prev.start, value=replace(tok.value, what="unredeemed"))
            continue
        out.append(tok)
    return out
