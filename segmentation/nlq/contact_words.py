"""Campaign-contact phrases → what reached the customer, read whole like a time phrase:
"收到过群发", "收到过活动#3消息", "上次活动没核销", "领了券没用", "messaged", "got a coupon but
didn't redeem it", "from campaign #3", "in the last campaign".

A phrase says what (a mass message; a coupon issued, redeemed or never redeemed) and which
campaign (one by its number, the last one, or any). A negation before it (没收到过群发,
not messaged) stays a separate word for the grammar; "没核销" inside a coupon phrase is the
coupon's state (got one, did not use it), not a negation of the whole condition.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import latin_pattern, lazy_pattern
from segmentation.text import normalize


@dataclass(frozen=True)
class ContactMatch:
    end: int
    what: str  # "message" | "issued" | "redeemed" | "unredeemed"
    campaign_id: int | None = None
    latest: bool = False
    # 上次群发没收到 / 最近一次发券没领到: the message or coupon named first, then not got
    negated: bool = False
    english: bool = False  # said in English: a question back suggests English words


# 上一档 / 上一期 / 上一轮 (Taiwan 檔: a run of a campaign): the last one too
_LATEST_ZH = (
    r"(?:上次|上一次|上一个|上个|最近一次|最近一个|最近的|最新的?|前一次|上一档|上档|上一期|"
    r"上期|上一轮|上轮)"
)


# 上次发券活动 is the last campaign that issued a coupon, 上次群发活动 the last that sent a mass
# message: each is said only of its own contact (the last coupon campaign's message is asked).
_LATEST_KIND_ZH = {
    # 上次派券那次活动 (Cantonese 嗰次, normalised 那次): the one that issued coupons
    "coupon": r"(?:活动|(?:发券|派券|送券)(?:的|那次|那一次|那回)?活动)",
    # 上一次群发 (no 活动 said): the last campaign that sent a mass message
    "message": r"(?:活动|(?:群发|推送)(?:的|那次|那一次|那回)?(?:活动)?)",
}


def _ref_zh(n: int, kind: str = "coupon") -> str:
    """Which campaign: the last one, or one by number (group names end in `n`)."""
    return (
        rf"(?:(?P<last{n}>{_LATEST_ZH})(?:的)?(?:营销)?(?:{_LATEST_KIND_ZH[kind]}|\s*campaign)"
        # "last campaign 谁没核销": the English words in a Chinese sentence
        rf"|(?:the |our )?(?P<last_en{n}>last|latest|previous|most recent) ?campaign(?:'s)?"
        # campaign #2 inside a Chinese sentence (双11预热 coupon 还有谁没用: named in English)
        rf"|(?:(?:营销)?活动|campaign ?)\s*[#＃]?\s*(?P<id{n}>\d{{1,9}})(?:号)?"
        rf"|[#＃]\s*(?P<num{n}>\d{{1,9}})\s*(?:号)?活动)"
    )


_REF_ZH = _ref_zh(0)
_REF_MSG_ZH = _ref_zh(0, "message")
_IN = r"(?:的|嘅|里|中|里面|当中)?"  # 嘅: Cantonese 的 (活动#3嘅群发)
# 手上有券 / 持有优惠券 / 攞了券 (Cantonese 攞咗, normalised 了): holding one is having got it
_GOT_ZH = (
    r"(?:(?:手上|手里|手头|手中|身上)?(?:有过?|持有)|"
    # 收过 (received) as 收到过: 收過國慶回饋張券但仲未用
    r"领了|领过|领到过?|领取过?|领|收到过?|收到了|收过|收了|拿到过?|拿了|拿过|攞到|攞了|攞过|获得过?|得到过?|"
    r"发过|发了)"
    r"(?:一张|张|一些|几张)?"
)
# Got, said after the coupon is named (上次发的券领到了, 最近一次发券没领到): no 有 (not holding)
_GOT_ONLY_ZH = (
    r"(?:领到过?|领到了|领取过?|领过|领了|领|收到过?|收到了|收过|拿到过?|拿到了|攞到|获得过?)"
)
_GOT_CANNOT_ZH = r"(?:领不到|领唔到|收不到|收唔到|拿不到|攞唔到)"
# "领了coupon没用": the English word in a Chinese sentence
_COUPON_ZH = r"(?:优惠券|代金券|现金券|券|红包|coupons?|vouchers?)"


# Sent by the company, said of the coupon or message: 发的 / 发出去的 / 派出去的 / 派嘅 (Cantonese)
# / 發出的 / 送出的 / 发放的 / 我们发的 — what was issued, never a new verb of the customer's
_WE_SENT_ZH = (
    r"(?:我们|我哋|我)?(?:发放|派发|发送|发|派|送)(?:出去|出来|出|了|过|给客户|给他们|俾客)?"
    r"(?:的|嘅)?"
)


def _coupon_ref_zh(n: int) -> str:
    """Which campaign's coupon, said before what became of it: 上次活动券, 最近一次发券, 上次发的
    券, 活动#2的券, 上次派嘅券, 活动#2发出去的券, 活动#1个券 (Cantonese 個: its measure word)
    (the last one is the campaign that issued a coupon last)."""
    return (
        # 上次那批券 / 上次嗰啲券 (那 normalised): the last campaign's coupons, pointed at
        rf"(?:(?:(?P<last{n}>{_LATEST_ZH})(?:的)?(?:营销)?(?:活动)?(?:那批|那些|那啲|那次|那张)?"
        rf"|{_ref_zh(n + 20)})"
        # 张 as the coupon's measure word, pointed at or not: 国庆回馈张券, 国庆回馈那张券
        rf"(?:的|嘅|个|(?:那|这|呢|嗰)?张|啲)?(?:{_WE_SENT_ZH})?\s*{_COUPON_ZH}"
        # "the last coupon 还没核销的": the English words in a Chinese sentence (the latest
        # coupon, never a time)
        rf"|(?:the |our )?(?P<last_en{n + 60}>last|latest|most recent|previous) ?"
        r"(?:coupons?|vouchers?)(?: (?:we|i) (?:sent|sent out|gave out|issued))?)"
        rf"\s*(?:活动)?{_IN}"
    )


# 一直 / 始终 / 至今 (领过券但一直没用): still not, as 还没 is
_BUT_ZH = r"(?:但是?|却|可是?|而|，|,)?(?:还|一直|始终|至今|到现在|到而家|仍然|仍)?(?:都)?"
# Cantonese 冇/仲未/未曾 as well (上次活動冇核銷嘅客)
_NOT_ZH = r"(?:没有|没|未|还没有?|尚未|从没|从未|从冇|冇|仲未|未曾)"
# 没 redeem / 未 use: the English verb in a Chinese sentence too
_USE_ZH = (
    # 核销张券 / 用咗啲券 (Cantonese: the coupon with its measure word)
    # 使咗张券 / 未使 (Cantonese 使: to use, normalised 使了)
    r"(?:(?:核销|用掉?|使用|兑换|消费|使(?!得|到))(?:过|掉|了)?(?:(?:张|啲)?(?:券|优惠券))?|"
    # 没 redeem 券的: the English verb takes its coupon after it as the Chinese one does
    r"\s*(?:redeemed|redeem|used|use)(?![a-z])(?:\s*(?:张|啲)?(?:券|优惠券|coupons?|vouchers?)(?![a-z]))?)"
)
# Taiwan/HK 訊息 (→ 讯息) and 信息 name the same message
_MSG_ZH = (
    # Taiwan 推播 (a push notification) is the same message
    r"(?:群发 ?(?:消息|讯息|信息|messages?|msgs?)|群发|推送(?:消息|讯息)|推送|推播(?:消息|讯息)?|"
    r"(?:营销|活动)(?:消息|讯息)|消息|讯息|"
    r"(?:mass |group |broadcast )?messages?|msgs?)"
)
# 给他们 / 俾佢哋 (Cantonese): to whom the company sent it, before or after the message
_TO_THEM_ZH = r"(?:给|俾|畀)(?:他们|她们|他|她|ta|佢哋|佢地|佢们|佢|客户|这些人|这些客户|啲客)?"
# 收咗 (Cantonese, normalised 收了): received
_RECEIVE_ZH = r"(?:收到过?|收到了|收过|收了|接收过?|接到过?|被发过|被推送过?)"
# Received, said after the message or campaign (上次群发收到了, 上次群发没 received)
_RECV_TAIL_ZH = (
    # 收到了 before 收到: "上次活动收到了消息" is received its message, not 收到 + "了消息"
    r"(?:收到了|收到过?|接收到|接收过?|接到过?|收过|收了|收|"
    r"\s*(?:received|receive|gotten|got|get)(?![a-z]))"
)
# Any one of them: 一条群发都没收到, 没收过任何群发 (said of messages, never a count asked for)
_ANY_ZH = r"(?:任何|一条|一则|一封|一次|半条)(?:的)?"

# Said with no campaign and no coupon before it, only a coupon's own verb (核销, 兑换) or a use
# verb with the coupon named is about a coupon: 没消费过 / 用过 alone are no order, no coupon.
_USE_COUPON_ZH = (
    rf"(?:核销|兑换)(?:过|掉|了)?(?:券|优惠券)?|(?:用掉?|使用|消费)(?:过|掉|了)?{_COUPON_ZH}"
)
_USED_ZH = r"核销过|核销了|已核销|用过|用了|使用过|使用了|兑换过|兑换了|使了|使过"
# 核销了张券 / 用咗啲券 (Cantonese: the coupon with its measure word)
_USED_COUPON_ZH = (
    rf"(?:已经?)?(?:核销过|核销了|已核销|兑换过|兑换了)(?:(?:张|啲)?{_COUPON_ZH})?"
    rf"|(?:用过|用了|使用过|使用了|使了|使过)(?:张|啲)?{_COUPON_ZH}"
)
# The coupon as the subject, held: 券还没用, 手上的券仲未用, 优惠券已核销
_HELD_COUPON_ZH = rf"(?:(?:手上|手里|手头|手中|身上)(?:的|嘅)?)?{_COUPON_ZH}"
# Received or got, before the campaign whose coupon it was (收過國慶回饋張券但仲未用, 领过活动#1
# 的券还没用, 收到双11预热但没核销): the coupon may be named after the campaign, with its
# measure word (张/那张) or 的.
_RECEIVED_REF_ZH = (
    rf"(?:{_RECEIVE_ZH}|领到过?|领过|领了|领取过?|拿到过?|拿过|拿了|攞过|攞到|攞了)(?:一张|张)?"
)
# Who, asked between the coupon and what became of it (活动#2发的券哪些还没核销)
_WHO_ZH = (
    r"(?:有没有人|有冇人|有人|有谁|是谁|谁|有哪些人?|哪些人?|哪几个|哪位|有边个|边个|有边啲人?|边啲人?|"
    r"有几个|几个|有多少人?|几多人?)"
)
# Got, said after the coupon is named, with an aspect (领了 / 攞咗 / 收到了)
_GOT_AFTER_ZH = rf"(?:{_GOT_ONLY_ZH}|拿了|拿过|攞了|攞过|收了)"
_ITS_COUPON_ZH = rf"(?:(?:(?:那|这|呢|嗰)?张|啲|个)?{_COUPON_ZH})?"
# 领了券 / 领的券 (上次活动领的券没用): the coupon got, before what became of it
_GOT_COUPON_ZH = rf"(?:{_GOT_ZH}{_COUPON_ZH}|{_GOT_ONLY_ZH}的{_COUPON_ZH})"
_ZH = (
    # 上次活动没核销 / 领了券没用 / 活动#3领了券但未核销 / 没核销
    ("unredeemed", lazy_pattern(
        rf"(?:{_REF_ZH}{_IN}(?:{_GOT_COUPON_ZH}{_BUT_ZH})?|{_GOT_COUPON_ZH}{_BUT_ZH})"
        rf"{_NOT_ZH}{_USE_ZH}|{_NOT_ZH}(?:{_USE_COUPON_ZH})"
        # 收到过活动#2但没核销 (双11预热活动 named by its name): that campaign's coupon, unused
        rf"|{_RECEIVED_REF_ZH}{_ref_zh(5)}{_IN}{_ITS_COUPON_ZH}{_BUT_ZH}{_NOT_ZH}{_USE_ZH}"
        # 上次活动券没核销 / 最近一次发的券还没用 / 活动#2的券未用 / 手上的券仲未用
        rf"|(?:{_coupon_ref_zh(7)}|{_HELD_COUPON_ZH})(?:{_WHO_ZH})?(?:都|也)?{_BUT_ZH}{_NOT_ZH}(?:有)?"
        rf"(?:被)?{_USE_ZH}"
        # 上次那批券领了没用 / 上次嗰批券攞咗未用: the coupon named first, got, then not used
        rf"|{_coupon_ref_zh(8)}(?:有|都)?{_GOT_AFTER_ZH}{_BUT_ZH}{_NOT_ZH}(?:有)?{_USE_ZH}"
        # 券领了没用 / coupon领了没用: the coupon (of no campaign said), got, then not used
        rf"|{_COUPON_ZH}\s*(?:有|都)?{_GOT_AFTER_ZH}{_BUT_ZH}{_NOT_ZH}(?:有)?{_USE_ZH}"
    )),
    # 上次活动核销了 / 核销过券 / 用过券
    ("redeemed", lazy_pattern(
        rf"(?:{_REF_ZH}{_IN}(?:{_GOT_COUPON_ZH}{_BUT_ZH}(?:也)?)?|{_GOT_COUPON_ZH}"
        rf"{_BUT_ZH}(?:也)?)(?:已经?)?(?:{_USED_ZH})(?:(?:张|啲)?{_COUPON_ZH})?|{_USED_COUPON_ZH}"
        rf"|{_RECEIVED_REF_ZH}{_ref_zh(6)}{_IN}{_ITS_COUPON_ZH}{_BUT_ZH}(?:也)?(?:已经?)?"
        rf"(?:{_USED_ZH}){_COUPON_ZH}?"
        # 上次活动券核销了 / 活动#2的券用过 / 优惠券已核销 / 券用掉了
        rf"|(?:{_coupon_ref_zh(7)}|{_HELD_COUPON_ZH})(?:{_WHO_ZH})?(?:有|都|也)?(?:已经?)?(?:被)?"
        r"(?:核销过|核销了|已核销|用过|用了|用掉了?|用完了?|使用过|使用了|已使用|兑换过|兑换了|已兑换"
        r"|使了|使过"
        # 活动#2的券有核销的 / 上次派的券已经使用嘅: the bare verb, said before who
        r"|(?:核销|兑换|使用|用)(?=的|嘅|客|人|$)"
        # 活动#2的coupon已经redeem的 / 上次的券 used 了: the English verb in a Chinese sentence
        r"|\s*(?:redeemed|redeem|used|use|cashed in)(?![a-z])\s*(?:过|了)?)"
        # 上次那批券领了也用了: the coupon named first, got, then used
        rf"|{_coupon_ref_zh(9)}(?:有|都)?{_GOT_AFTER_ZH}{_BUT_ZH}(?:也)?(?:已经?)?(?:{_USED_ZH})"
    )),
    # The coupon qualified by what became of it, said before it: 没用的券 / 未使用优惠券 /
    # 没核销的优惠券 / 仲未用嘅券 (unused), 用过的券 / 已核销的券 / 已使用优惠券 (used)
    ("unredeemed", lazy_pattern(
        # 还有没用的券: 有没 is read as "whether" unless the whole phrase is taken here
        rf"(?:还|仍|仲)?(?:有|持有)?(?:{_NOT_ZH}(?:有)?(?:被)?(?:用|使用|核销|兑换)(?:过|掉)?(?:的|嘅)"
        r"|(?:未|尚未)(?:使用|核销|兑换)(?:过)?)\s*" + _COUPON_ZH
    )),
    ("redeemed", lazy_pattern(
        r"(?:(?:已经?)?(?:用|使用|核销|兑换)(?:过|了|掉)(?:的|嘅)|已(?:使用|核销|兑换)(?:的|嘅)?)\s*"
        + _COUPON_ZH
    )),
    # 上次活动领了券 / 领过券 / 收到过优惠券
    ("issued", lazy_pattern(
        rf"(?:{_REF_ZH}{_IN}(?:有|都)?)?{_GOT_ZH}(?:{_ref_zh(1)}{_IN})?{_COUPON_ZH}"
        # 活动#2有派券 / 活动#2派了券: the campaign named, then it handed out coupons
        rf"|{_ref_zh(3)}{_IN}(?:有(?:派|发|送)(?:过|了)?|(?:派|送)(?:过|了)){_ITS_COUPON_ZH}"
        # …派了券给边啲客 / …有派券给佢们嘅: to whom it was handed out, said after it
        r"(?:(?:给|俾|畀)(?:他们|她们|佢们|佢哋|佢地|(?=谁|边|哪)))?"
        # 最近一次发券有领到 / 上次活动的券收到了: the campaign's coupon named first
        rf"|{_coupon_ref_zh(2)}(?:有|都)?{_GOT_ONLY_ZH}"
    )),
    # 最近一次发券没领到 / 活动#2没领到券 / 上次发的券都没收到: the coupon named first, NOT got
    ("issued_not", lazy_pattern(
        rf"{_coupon_ref_zh(2)}(?:都|也)?(?:{_NOT_ZH}(?:有)?{_GOT_ONLY_ZH}|{_GOT_CANNOT_ZH})"
        rf"|{_REF_ZH}{_IN}(?:都|也)?(?:{_NOT_ZH}(?:有)?{_GOT_ONLY_ZH}|{_GOT_CANNOT_ZH}){_COUPON_ZH}"
    )),
    # 收到过群发 / 收到过活动#3消息 / 收到过上次活动的群发 / (没)收过任何群发
    # (Cantonese 個 for 的: 收過國慶回饋個msg)
    ("message", lazy_pattern(
        rf"{_RECEIVE_ZH}(?:{_ANY_ZH})?(?:{_REF_MSG_ZH}(?:{_IN}|个|條|条))?\s*{_MSG_ZH}"
    )),
    # 收唔到群发 / 收不到任何推送: cannot receive, so did not
    ("message_not", lazy_pattern(
        rf"(?:收不到|收唔到)(?:{_ANY_ZH})?(?:{_REF_MSG_ZH}{_IN})?{_MSG_ZH}"
    )),
    # 活动#1收到群发 / 活动#1那次有收到讯息 (国庆回馈那次收到讯息, named by its name)
    ("message", lazy_pattern(
        rf"{_ref_zh(8, 'message')}{_IN}(?:有|都|也)?{_RECV_TAIL_ZH}(?:{_ANY_ZH})?(?:{_MSG_ZH})?"
    )),
    # 活动#1没收到 / 上次活动冇收到消息: that campaign's message did NOT reach them
    ("message_not", lazy_pattern(
        rf"{_ref_zh(8, 'message')}{_IN}(?:都|也)?(?:{_NOT_ZH}(?:有)?{_RECV_TAIL_ZH}|收不到|收唔到)"
        rf"(?:{_ANY_ZH})?(?:{_MSG_ZH})?"
    )),
    # 活动#3群发过的 / 被群发过
    ("message", lazy_pattern(rf"(?:{_REF_MSG_ZH}{_IN})?(?:被)?群发过")),
    # 联系过 / 没联系过 / 被联络过: the company reaching the customer, as "contacted" is in
    # English — by the messages segbot knows (the restatement says 群发). "联系过我们" is the
    # customer asking, and 联系人 / 联系方式 / 联系电话 are nouns.
    ("message", lazy_pattern(
        r"(?:被)?(?:联系|联络)(?:过|了)?(?!人|方式|电话|我们|我哋|过我们|过我哋|咗我哋|咗我们|我)"
    )),
    # 收到过活动#2 (a campaign named by its name, 收到过双11预热活动): its message reached them
    ("message", lazy_pattern(rf"{_RECEIVE_ZH}{_ref_zh(1, 'message')}")),
    # 收到过上次群发: the last message, with no 活动 between
    ("message", lazy_pattern(rf"{_RECEIVE_ZH}(?P<last4>{_LATEST_ZH})(?:的)?{_MSG_ZH}")),
    # 给他们发过消息 / 发过群发 / 推送过消息 / 被触达过: the company sent it, so it reached them
    ("message", lazy_pattern(
        rf"(?:{_TO_THEM_ZH})?(?:发过|发了|发送过|推过|推送过)"
        rf"(?:{_REF_MSG_ZH}{_IN})?{_MSG_ZH}(?:{_TO_THEM_ZH})?|(?:被)?触达(?:过|了)?"
    )),
    # 上次群发收到了 / 活动#3的群发有收到: the message named first, then received
    ("message", lazy_pattern(
        rf"(?:(?P<last2>{_LATEST_ZH})(?:的)?(?:营销)?(?:活动的?)?(?:{_WE_SENT_ZH})?"
        rf"|{_ref_zh(3, 'message')}{_IN})"
        # 上次群发收到消息 / 上次推送收到了讯息: the message said again after received
        # (上次群发的消息收到了: the mass message's message, one message)
        rf"{_MSG_ZH}(?:(?:的|嘅)?{_MSG_ZH})?(?:有|都|是)?{_RECV_TAIL_ZH}(?:{_ANY_ZH})?(?:{_MSG_ZH})?"
    )),
    # 上一次群发没收到 / 上次群發冇收到 / 活动#3的群发收不到 / 上次群发没 received: named first,
    # then NOT received; with no campaign, every message: 一条群发都没收到 / 群发都没收到过 /
    # 连一则推送也冇收过 (a whole negation, as 一单都没下 is)
    ("message_not", lazy_pattern(
        rf"(?:(?P<last2>{_LATEST_ZH})(?:的)?(?:营销)?(?:活动的?)?(?:{_WE_SENT_ZH})?"
        rf"|{_ref_zh(3, 'message')}{_IN}|(?:连)?{_ANY_ZH})?"
        rf"{_MSG_ZH}(?:(?:的|嘅)?{_MSG_ZH})?(?:一条|一则|一封|一次)?(?:都|也|是)?"
        rf"(?:{_NOT_ZH}(?:有)?{_RECV_TAIL_ZH}"
        r"|收不到|收唔到|冇收|没收|\s*(?:didn't|did not|never|haven't|have not|hasn't)\s*"
        r"(?:received|receive|gotten|got|get)(?![a-z]))"
        # 上次群发没收到消息: the message said again after (not) received
        rf"(?:{_ANY_ZH})?(?:{_MSG_ZH})?"
    )),
    # 没有券的 / 手上冇券嘅: holding none, so none got
    ("issued_not", lazy_pattern(
        rf"(?:手上|手里|手头|手中|身上)?(?:没有|没|冇)(?:任何)?(?:一张|张)?{_COUPON_ZH}"
    )),
    # 双11预热的客户 (活动#2 alone, no contact word): asked whether its message or its coupon
    ("which", lazy_pattern(r"活动#(?P<id>\d{1,9})(?:号)?")),
    # 上次活动的客户 (the last campaign alone): which contact, of which last campaign
    ("which", lazy_pattern(rf"(?P<last>{_LATEST_ZH})(?:的)?(?:营销)?活动")),
    # 上次发券活动的客户 / 上次发的券的客户: the last coupon campaign alone — its coupon
    ("which_coupon", lazy_pattern(
        rf"(?P<last>{_LATEST_ZH})(?:的)?(?:发券|派券|送券)(?:的|那次|那一次|那回)?活动(?:的券)?"
    )),
)  # fmt: skip


# "the last campaign", "the latest coupon campaign", "the last coupon drop": the one that
# issued a coupon last; "the last broadcast campaign": the one that sent mass messages last.
# Each said only of its own contact, so the last coupon campaign is never a message's.
_LAST_CAMPAIGN_EN = {
    # "the latest round", "the last batch": of coupons, when a coupon is what was said
    "coupon": (
        r"(?:(?:coupon |voucher )?(?:campaign|round|batch|wave)|"
        r"(?:coupon|voucher) (?:drop|giveaway))"
    ),
    "message": r"(?:(?:mass message |broadcast |messaging )?campaign)",
}


def _ref_en(n: int, kind: str = "coupon") -> str:
    return (
        # ", latest round" after the coupon: the campaign said as an afterthought
        r"(?:(?:,? (?:from|in|of|by|for|during) (?:the |our )?|, (?:the |our )?(?=la|pr|mo|re))"
        rf"(?:(?P<last{n}>last|latest|previous|most recent|recent) {_LAST_CAMPAIGN_EN[kind]}"
        rf"|campaign (?:no\.? ?|number )?#? ?(?P<id{n}>\d{{1,9}})))"
    )


_REF_EN = _ref_en(0)
_REF_MSG_EN = _ref_en(0, "message")
# "the coupon we sent", "the voucher we gave out": the company's coupon, issued
_COUPON_EN = (
    r"(?:a |the |their |any |an |our )?(?:coupons?|vouchers?)"
    r"(?: (?:that |which )?(?:we|i) (?:sent|sent out|sent them|gave out|gave them|issued))?"
)
# Holding a coupon is having got one: "with a coupon", "who still have one", "holding"
_HOLD_EN = (
    r"(?:(?:who |that )?(?:still )?(?:have|has|had|hold|holds|holding|carry|carries|carrying)|"
    r"with|holding|carrying)"
)
# "still hasn't" (a 'yet' word of its own elsewhere) is the same negation here
_NOT_EN = (
    r"(?:still )?(?:did not|didn't|didnt|have not|haven't|havent|has not|hasn't|hasnt|never|"
    r"not yet|not|don't|do not)"
)
_EN = (
    ("unredeemed", latin_pattern(
        rf"(?:(?:got|received|were given|was given|were issued|{_HOLD_EN}|took) {_COUPON_EN}"
        rf"{_REF_EN}? (?:but |and |yet |that |which )?(?:they |he |she )?)?{_NOT_EN}(?: yet)? "
        # longest first: "redeem" must not stop the match inside "redeemed"
        r"(?:redeemed|redeem|used|use|cashed in|cash in|cashed)\b"
        rf"(?: (?:it|them|theirs|the coupons?|their coupons?|a coupon|the voucher))?(?: yet)?"
        rf"{_ref_en(1)}?"
    )),
    # "who haven't used the coupon": read from "who" (else "who haven't" is a plain not, and
    # "used the coupon" alone is redeemed: NOT redeemed would take in those never given one)
    ("unredeemed", latin_pattern(
        # (after those/these the "who" is theirs: "those who did not use the coupon")
        rf"(?<!those )(?<!these )(?:who|that) {_NOT_EN}(?: yet)? "
        r"(?:redeemed|redeem|used|use|cashed in) (?:the|their|a|any|our) (?:coupons?|vouchers?)"
        # "the coupon we sent": the company's coupon, issued
        r"(?: (?:that |which )?(?:we|i) (?:sent|sent out|sent them|gave out|gave them|issued))?"
        r"(?: yet)?(?!'s)" + _ref_en(11) + "?"
    )),
    # "holding an unused coupon", "who still have an unredeemed voucher", "with unused coupons"
    ("unredeemed", latin_pattern(
        rf"(?:{_HOLD_EN} )?(?:an? |any |one |some )?(?:unredeemed|unused) {_COUPON_EN}"
        rf"{_REF_EN}?"
    )),
    ("redeemed", latin_pattern(
        rf"(?:redeemed|used|cashed in|spent|applied) {_COUPON_EN}{_REF_EN}?"
    )),
    # "who redeemed in the last campaign", "who used theirs from campaign #1": the campaign
    # named, so the coupon need not be
    ("redeemed", latin_pattern(
        r"(?:redeemed|used|cashed in|applied)(?: (?:it|them|theirs|one))?" + _ref_en(9)
    )),
    # "whose coupon is still unused", "whose coupons haven't been redeemed": got, not used
    ("unredeemed", latin_pattern(
        r"whose (?:coupons?|vouchers?) (?:is|are|was|were|has|have|remains?)(?: still)? "
        r"(?:unused|unredeemed|not (?:been )?(?:used|redeemed)(?: yet)?|"
        r"not yet (?:been )?(?:used|redeemed))"
    )),
    ("unredeemed", latin_pattern(
        r"whose (?:coupons?|vouchers?) (?:hasn't|haven't|has not|have not|wasn't|weren't) "
        r"(?:been )?(?:used|redeemed)(?: yet)?"
    )),
    # "(campaign #2's) coupons haven't been redeemed yet", "coupons from campaign #2 that are
    # still unused", "which of its vouchers weren't used": the coupon first, then its fate
    # (the campaign said before it is put on it: campaign_topic.py)
    ("unredeemed", latin_pattern(
        rf"(?:{_HOLD_EN} )?(?:the |their |its |our |any )?(?:coupons?|vouchers?)"
        + _ref_en(12)
        + "?"
        r"(?: (?:that|which))? (?:(?:still )?(?:have not|haven't|havent|has not|hasn't|hasnt|"
        r"were not|weren't|was not|wasn't|are not|aren't|is not|isn't|did not|didn't)"
        r"(?: yet)?(?: been| got| gotten)?(?: yet)? (?:redeemed|used|cashed in|cashed|applied)|"
        r"(?:(?:are|is|were|was|remain|remains|stay|stays)(?: still)? |still )?(?:unused|"
        r"unredeemed|outstanding|not (?:yet )?(?:been )?(?:used|redeemed)))(?: yet)?"
    )),
    ("redeemed", latin_pattern(
        rf"(?:{_HOLD_EN} )?(?:the |their |its |our |any )?(?:coupons?|vouchers?)"
        + _ref_en(13)
        + "?"
        r"(?: (?:that|which))? (?:have been|has been|have|has|were|was|are|is|got|get)"
        r"(?: already)? (?:redeemed|used|cashed in|applied)"
    )),
    # "whose coupon was redeemed", "whose coupons have been used"
    ("redeemed", latin_pattern(
        r"whose (?:coupons?|vouchers?) (?:is|are|was|were|has been|have been) "
        r"(?:already )?(?:used|redeemed)"
    )),
    # "got a coupon", "customers with a coupon", "who have a voucher", "holding a coupon"
    ("issued", latin_pattern(
        rf"(?:got|get|gotten|received|receive|were given|was given|were issued|was issued|"
        rf"{_HOLD_EN}) (?:a single |one |some )?{_COUPON_EN}{_REF_EN}?"
    )),
    # "without a coupon", "got no coupon", "who don't have a voucher": none got
    ("issued_not", latin_pattern(
        rf"(?:without|with no|(?:got|received|have|has|had|holding|hold|hold) no|"
        rf"(?:who |that )?(?:don't|do not|doesn't|does not) (?:have|hold)|"
        rf"(?:who |that )?(?:did not|didn't|have not|haven't|has not|hasn't|never) "
        rf"(?:got|get|gotten|received|receive|been given|been issued)) "
        rf"(?:a single |one |any |a |an )?(?:coupons?|vouchers?){_REF_EN}?"
    )),
    # "customers we sent a coupon to", "gave them a voucher": the company issued it
    ("issued", latin_pattern(
        rf"(?:sent|send|gave|give|issued|issue|handed out) (?:them |out )?{_COUPON_EN}"
        rf"(?: (?:out )?to)?{_ref_en(4)}?"
    )),
    ("message", latin_pattern(
        rf"(?:(?:been|were|was|got|get|gotten|received|receive|any|a|the) )*"
        rf"(?:mass[- ]messaged|messaged|(?:mass|group|broadcast|campaign|marketing) messages?)"
        rf"{_REF_MSG_EN}?"
    )),
    # "didn't receive any messages from us", "were sent a message": a message received
    ("message", latin_pattern(
        r"(?:received|receive|got|get|gotten|were sent|was sent|been sent|sent) "
        r"(?:any |a |the |our |a single )?messages?(?: from us)?" + _ref_en(2, "message") + "?"
    )),
    # "we haven't sent a mass message to", "sent them a broadcast", "received any blasts":
    # the company's message said from either side, broadcasts and blasts included
    ("message", latin_pattern(
        r"(?:(?:sent|send|sending|messaged|pushed|push) (?:them |it |out )?|"
        r"(?:received|receive|got|get|gotten|were sent|was sent|been sent) )"
        r"(?:any |a |an |the |our |a single )?"
        r"(?:mass |group |broadcast |campaign |marketing |promo )?"
        r"(?:messages?|broadcasts?|blasts?|push notifications?|push(?:es)?|promos?)"
        r"(?: (?:out )?to)?(?: from us)?" + _ref_en(3, "message") + "?"
    )),
    # "not contacted", "been contacted", "we haven't contacted": the company reaching the
    # customer. "contacted us" is the customer asking (an inquiry, a longer word), so a bare
    # "contacted" is read only where the company is its subject or it is passive.
    ("message", latin_pattern(
        r"(?:(?<=not )|(?<=been )|(?<=were )|(?<=was )|(?<=never )|(?<=we )|(?<=i )|"
        r"(?<=we've )|(?<=i've )|(?<=we haven't )|(?<=i haven't )|(?<=we didn't )|"
        r"(?<=i didn't )|(?<=we have not )|(?<=we did not )|(?<=did i )|(?<=did we ))"
        r"(?:(?:reached|reach) out to(?! us\b)|"
        r"(?:contacted|reached|messaged|contact|reach|message)(?! us\b| out\b| our\b)(?: by us)?)"
    )),
    # "missed the last coupon campaign", "missed the latest coupon drop": no coupon from it
    ("issued_not", latin_pattern(
        r"(?:missed|miss|missing) (?:the |our )?(?P<last>last|latest|previous|most recent) "
        r"(?:(?:coupon|voucher) (?:campaign|drop|round|giveaway|send-out)|coupons?|vouchers?)"
    )),
    # "got no broadcast", "received not a single mass message": none received
    ("message_not", latin_pattern(
        r"(?:received|receive|got|get|gotten|were sent|was sent|been sent) "
        r"(?:no|zero|not a single|not one|not any) "
        r"(?:mass |group |broadcast |campaign |marketing |promo )?"
        r"(?:messages?|broadcasts?|blasts?|push notifications?|pushes|promos?)"
        r"(?: (?:at all|from us))?" + _ref_en(3, "message") + "?"
    )),
    # "missed the last mass message", "the last broadcast didn't reach": the last not received
    # "got 双11预热 coupons" (named by its name: campaign #2), "redeemed the campaign #2 coupon"
    ("issued", latin_pattern(
        r"(?:got|get|gotten|received|receive|have|has|had|with|holding) (?:a |the |any |their )?"
        r"campaign #(?P<id>\d{1,9})(?:'s)? (?:coupons?|vouchers?)"
    )),
    ("redeemed", latin_pattern(
        r"(?:redeemed|used|cashed in|applied) (?:a |the |any |their )?"
        r"campaign #(?P<id>\d{1,9})(?:'s)? (?:coupons?|vouchers?)"
    )),
    # "the campaign #2 customers" (a campaign named by its name, alone): asked which contact
    ("which", latin_pattern(r"(?:the )?campaign #(?P<id>\d{1,9})(?:'s)?")),
    # "the last campaign's customers", "the last coupon campaign" alone: which contact
    ("which", latin_pattern(
        r"(?:the |our )?(?P<last>last|latest|previous|most recent) campaign(?:'s)?"
    )),
    ("which_coupon", latin_pattern(
        r"(?:the |our )?(?P<last>last|latest|previous|most recent) coupon campaign(?:'s)?"
    )),
    ("message_not", latin_pattern(
        r"(?:missed|miss|missing) (?:the |our )?(?P<last>last|latest|previous|most recent) "
        r"(?:mass |group |broadcast |campaign |marketing |promo )?"
        r"(?:messages?|broadcasts?|blasts?|push(?:es)?|push notifications?)"
    )),
    # "got the last campaign's message", "received our last mass message"
    ("message", latin_pattern(
        r"(?:received|receive|got|get|gotten|were sent|was sent|been sent) (?:the |our )?"
        r"(?P<last>last|latest|previous|"
        r"most recent) (?:campaign'?s (?:messages?|mass messages?)|"
        r"(?:mass |group |broadcast |campaign )?(?:messages?|broadcasts?|blasts?))"
    )),
    ("message", latin_pattern(
        r"(?:received|receive|got|get|gotten|were sent|was sent|been sent) (?:the |a )?"
        r"(?:messages? (?:of|from) )?(?:the )?campaign (?:no\.? ?|number )?#? ?(?P<id>\d{1,9})"
        r"(?:'s (?:messages?|mass message)| (?:messages?|mass messages?|blast|push))?"
    )),
)  # fmt: skip


_EN_PATTERNS = {pattern for _what, pattern in _EN}


def scan_contact(text: str, pos: int) -> ContactMatch | None:
    """The longest campaign-contact phrase starting at `pos`."""
    return longest_contact((*_ZH, *_EN), _EN_PATTERNS, text, pos)


def longest_contact(
    patterns: tuple[tuple[str, re.Pattern[str]], ...],
    english: set[re.Pattern[str]],
    text: str,
    pos: int,
) -> ContactMatch | None:
    """The longest of `patterns` (what, pattern) matching at `pos` (`english`: said in English)."""
    if pos > 0 and text[pos - 1].isascii() and text[pos - 1].isalnum() and text[pos].isascii():
        return None  # inside a Latin word
    best: ContactMatch | None = None
    for what, pattern in patterns:
        match = pattern.match(text, pos)
        if match is None or (best is not None and match.end() <= best.end):
            continue
        end = match.end()
        if end < len(text) and _word(text[end - 1]) and _word(text[end]):
            continue  # "messaged" must not match the start of "messagedx"
        # last3 / last_en3 (said in English inside Chinese) / id3: the kind of group, numbered
        groups = {
            k.rstrip("0123456789").removesuffix("_en"): v for k, v in match.groupdict().items() if v
        }
        number = groups.get("id") or groups.get("num")
        best = ContactMatch(
            end,
            what.removesuffix("_not"),
            int(number) if number else None,
            "last" in groups,
            negated=what.endswith("_not"),
            english=pattern in english,
        )
    return best


def _word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def which_contact(number: int, known: dict[int, str], english: bool) -> Ask:
    """A campaign named with no word of what reached the customer (双11预热的客户): its
    message, its coupon, or its coupon used — each offered as the phrase to say instead."""
    name = known.get(number, f"#{number}")
    if english:
        suggestions: tuple[str, ...] = (
            f"received the {name} campaign",
            f"got a coupon from the {name} campaign",
            f"redeemed a coupon from the {name} campaign",
        )
    else:
        suggestions = (f"收到过{name}活动", f"{name}活动领过券", f"{name}活动核销过券")
    return Ask(
        f"“{name}”是活动#{number}。是指收到过它的群发消息、领过它的券，还是核销过它的券？",
        f"“{name}” is campaign #{number}: do you mean received its message, got its coupon, "
        "or used its coupon?",
        suggestions,
    )


def which_last_contact(coupons_only: bool, english: bool) -> Ask:
    """The last campaign said with no word of what reached the customer (上次活动的客户, the
    last coupon campaign's customers): asked which — its message (the last campaign that sent
    one), its coupon got, or used (the last that issued one); each offered as the phrase to
    say instead. Said by its coupons (上次发券活动), only the coupon's."""
    said_zh = "上次发券活动" if coupons_only else "上次活动"
    said_en = "the last coupon campaign" if coupons_only else "the last campaign"
    message_zh = "" if coupons_only else "收到过它的群发消息、"
    message_en = "" if coupons_only else "received its message, "
    if english:
        suggestions: tuple[str, ...] = (
            *(() if coupons_only else ("received a mass message from the last campaign",)),
            "got a coupon from the last campaign",
            "redeemed a coupon from the last campaign",
        )
    else:
        suggestions = (
            *(() if coupons_only else ("收到过上次活动的群发",)),
            f"{said_zh}领过券",
            f"{said_zh}核销过券",
        )
    return Ask(
        f"“{said_zh}”是指{message_zh}领过它的券，还是核销过它的券？",
        f"“{said_en}”: do you mean {message_en}got its coupon, or used its coupon?",
        suggestions,
    )


def unknown_campaign(number: int, known: dict[int, str]) -> Ask:
    """No campaign has that number: asked back with the newest ones."""
    newest = sorted(known, reverse=True)[:5]
    listed_zh = "、".join(f"#{i}“{known[i]}”" for i in newest)
    listed_en = ", ".join(f"#{i} “{known[i]}”" for i in newest)
    if not newest:
        return Ask(
            f"没有活动#{number}：还没有任何活动。",
            f"There is no campaign #{number}: there are no campaigns yet.",
        )
    return Ask(
        f"没有活动#{number}。现有的活动：{listed_zh}。您是指哪一个？",
        f"There is no campaign #{number}. The campaigns: {listed_en}. Which one do you mean?",
    )


# A campaign named by its own name ("双11预热活动", "the 国庆回馈 campaign", "国庆回馈那次",
# "雙11預熱有拿到券"): the whole name is the campaign's, never the holiday or period a word of it
# is (国庆, 双11). Framed by a campaign word (活动/群发/券/campaign … after it, a receiving verb
# before it) it may be quoted; unframed, it is read where it is no other name (a tag, a product)
# and is outside a message's quotes. "双11预热的客户" alone is asked back: which contact.
_NAME_AFTER = (
    r"(?:营销活动|活动|群发消息|群发|推送|消息|优惠券|券|campaign|push|promo|promotion|blast|"
    r"messages?|coupons?|发过|发了|发送过|推送过|触达过?)"  # “老客关怀”发过的: sent to them
)
_NAME_BEFORE = (
    r"(?:收到过?|收到了|收过|接到过?|领了|领过|领到过?|received|got|get|from|in|of|"
    r"(?<![a-z])campaign)\s*"  # campaign 双11预热: the campaign word before its name
)
# 国庆回馈那次(活动) / 嗰次 (normalised 那次) / 那一回 / 那场: the one time it ran
# Taiwan 那檔 (a run of a campaign) and Cantonese 個活動 (嗰個 without 嗰) as well
_THAT_TIME = r"(?:那一次|那次|这次|那回|那一回|那场|那期|那个|这个|那一档|那档|这档|个(?=活动))"


# "上次活动有谁没核销", "上次派券嗰次活动有边个仲未核销": who is asked between the campaign and
# what became of its coupon or message; the question goes to the end, so the campaign and its
# contact are read together ("上次活动没核销 有谁").
_ASKED_INSIDE = lazy_pattern(
    # 双11预热的券有谁没用: the campaign's coupon, then who
    rf"(?P<ref>{_ref_zh(40)}|{_ref_zh(41, 'message')}|活动#\d{{1,9}}(?:号)?)"
    # 活动#2啲券 (Cantonese 啲: its coupons); 这次推送 / 推播 (Taiwan) is its message
    # 活动#1发的券 / 上次派出去嘅券: the coupon the company sent (_WE_SENT_ZH)
    rf"(?:(?:的|嘅)?(?:{_WE_SENT_ZH})?(?:啲|张)?\s*(?:{_COUPON_ZH}|"
    r"(?P<msg>群发消息|群发信息|群发讯息|群发|推送消息|推送|推播|消息|讯息|信息))\s*)?"
    r"(?:的|嘅|里|中)?"
    # 国庆回馈那个活动，有边个用了张券: a pause before the question
    r"(?P<pause>\s*[,，:：]?\s*)"
    # 上次活动的券我们部门谁还没核销: whose customers, said before who (put first)
    # (部门 / 团队 alone is the asker's own, as everywhere: own_team.py)
    # 我这边 / 我手上 / 我名下 (the asker's side, 我這邊 normalised) say "mine" too
    r"(?:(?P<whose>我们部门|我们组|我们团队|我部门|本部门|我们|我的客户|我的|我哋部门|我哋|部门|团队|"
    r"我这边|我这里|我这儿|我手上|我手头|我名下|我呢边|我呢度)"
    r"(?:的|嘅)?(?:客户)?(?:里|中|当中|里面|入面)?)?"
    # 还有谁 / 仲有边个: "who else", the same question
    r"(?:还|仲|都)?"
    # 有边啲客 / 哪些客户: who, said with the customer word
    r"(?P<q>有谁|有哪些(?:人|客户|客人|顾客|客)?|哪些(?:人|客户|客人|顾客|客)|哪几个|哪位|谁|有边个|"
    r"边个|有边啲(?:人|客户|客人|客)?|边啲(?:人|客户|客人|客)?|有冇人"
    # 还有几个人没核销 / 仲有几多个未用: how many, asked at the same place
    r"|(?P<n>有?(?:几个人|几个|几位|多少人|多少个|多少位|几多人|几多个|几多位)))"
    # 谁已经兑换了 / 有边个攞了券 (Cantonese 攞: got)
    r"(?=(?:还|都|也|仲)?(?:已经|已)?(?:没|未|仲未|冇|尚未|从未|核销|用|使|兑换|领|收|拿|攞|"
    # 活动#1嘅coupon边个已经redeem咗: the English verb in a Chinese sentence
    r"\s*(?:redeem|use|used|receive|received|got|get)(?![a-z])))"
)


# 国庆回馈那个活动，冇用张券嘅有边个 / 上次活动，用了券的有几个: a pause after the campaign
# before what became of its coupon (or who) is no new clause: the campaign is its subject.
_PAUSE_AFTER_CAMPAIGN = lazy_pattern(
    rf"(?P<ref>活动#\d{{1,9}}(?:号)?|(?:{_LATEST_ZH})(?:的)?(?:营销)?{_LATEST_KIND_ZH['coupon']})"
    r"\s*[,，]\s*"
    r"(?=(?:还|都|也|仲)?(?:没|未|冇|尚未|从未|核销|用|使|兑换|领|收|拿|有|谁|边|哪|几|多少)"
    rf"|(?:的|嘅)?{_COUPON_ZH})"
)


# "the campaign #1 campaign, who redeemed?", "last campaign: who hasn't used the coupon": the
# campaign said first as the topic, the question after it — read as the question "from" it.
_CAMPAIGN_FIRST_EN = lazy_pattern(
    r"^\s*(?:for |about |re:? |as for )?(?P<ref>(?:the |our )?(?:campaign #\d{1,9}|"
    # "the last coupon campaign — who redeemed?" (campaign_described writes every description
    # of the newest campaign that issued coupons so)
    r"(?:last|latest|previous|most recent) (?:coupon )?campaign)|"
    r"活动#(?P<id>\d{1,9})|上次活动)"
    r"(?:\s?'s)?(?: campaign)?"
    # "that campaign's coupon — who used it?": what of it is asked about, said with the topic
    r"(?:\s?'s)?(?: (?P<noun>coupons?|vouchers?|(?:mass )?messages?|broadcast|"
    r"control group|holdout(?: group)?))?\s*[,:：\-—]*\s*"
    r"(?P<rest>(?:and |so |then |ok,? )?(?:who|which|how many)\b.*?)\s*[?？.!]*\s*$"
)
# What the question after the topic calls it: "who used it", "who's in it", "who got them"
_IT_EN = lazy_pattern(r"\b(?:it|them|one|theirs)\b")
_NOUN_EN = {
    "coupon": "the coupon",
    "voucher": "the coupon",
    "message": "the message",
    "broadcast": "the message",
    "control": "the control group",
    "holdout": "the control group",
}
_SAYS_CAMPAIGN_EN = lazy_pattern(r"\bcampaign\b|活动#")


def _campaign_said_first_en(text: str) -> str:
    found = _CAMPAIGN_FIRST_EN.match(text)
    if found is None or _SAYS_CAMPAIGN_EN.search(found["rest"]):
        return text
    ref = found["ref"]
    if found["id"]:  # 双11预热活动 who redeemed: named in Chinese, asked in English
        ref = f"campaign #{found['id']}"
    elif ref == "上次活动":
        ref = "the last campaign"
    rest = found["rest"]
    noun = found["noun"]
    if noun:  # "who used it" of the coupon: "who used the coupon from campaign #2"
        said = _NOUN_EN[noun.removeprefix("mass ").split()[0].rstrip("s")]
        rest, named = _IT_EN.subn(said, rest, count=1)
        if not named and said == "the control group":
            rest = f"{rest} in {said}"  # "…'s control group, who?": who is in it
    return f"{rest} from {ref}"


# What a campaign's message is asked with after who: received it, or did not.
_GOT_MESSAGE = lazy_pattern(r"(?:还|都|也|仲)?(?:没有|没|未|冇|仲未)?(?:收到|收过|收)(?:了|过|咗)?")


def asked_inside_contact(text: str) -> str:
    """`text` with a question word said inside a campaign phrase moved to its end."""
    text = _PAUSE_AFTER_CAMPAIGN.sub(r"\g<ref>", text)
    text = _campaign_said_first_en(text)
    found = _ASKED_INSIDE.search(text)
    if found is None:
        return text
    q = found.group("q")
    cut = found.start("pause")
    rest = text[:cut] + text[found.end("q") :]
    if found.group("msg"):  # 上次活动群发消息谁收到了: the message goes after 收到 (收到了消息)
        after = text[found.end("q") :]
        got = _GOT_MESSAGE.match(after)
        if got is None:
            return text
        cut = found.end("ref")  # 活动#1发的消息谁收到了: 活动#1收到了消息
        rest = text[:cut] + after[: got.end()] + "消息" + after[got.end() :]
    if cut == found.start("q") and rest[cut - 1 : cut] in ("还", "仲", "都"):
        # 还有谁没核销: 还 goes with the question ("who else"), 还没核销 reads the same
        rest = rest[: found.start("q") - 1] + rest[found.start("q") :]
    if found.group("n"):
        q = "的" + q  # 上次活动的券还没核销的有几个人: a count of them
    whose = found.group("whose")
    if whose:  # 我们部门的客户上次活动的券没核销谁: whose customers first
        rest = whose + ("" if whose.endswith("客户") else "的客户") + rest
    return f"{rest.rstrip('？?。.！! ')}{q}"


def name_campaigns(
    text: str, campaigns: dict[int, str], other_name: Callable[[str], bool] = lambda _n: False
) -> str:
    """`text` with every campaign named in a campaign frame written as its number (活动#2 /
    campaign #2), the form the contact phrases read; the restatement names it again.
    `other_name` says a name is also another word (a tag, a product): then framed only."""
    for number, name in sorted(campaigns.items(), key=lambda item: -len(item[1])):
        plain = normalize(name)
        if len(plain) < 2 or plain not in text:
            continue  # compiled only for a name the message holds
        # a Latin name never inside a longer word ("sale" in "wholesale")
        edge_before = r"(?<![a-z0-9])" if _latin_edge(plain[0]) else ""
        edge_after = r"(?![a-z0-9])" if _latin_edge(plain[-1]) else ""
        quoted = rf"[“\"「『]?(?P<name>{edge_before}{re.escape(plain)}{edge_after})[”\"」』]?"
        pattern = re.compile(
            rf"(?P<before>{_NAME_BEFORE}(?:the |our |a )?)?{quoted}(?P<that>{_THAT_TIME})?"
            # "campaigns" is no campaign word, 活动who (then English) still is
            # 「老客关怀」個對照組 (Cantonese 個 for 的) before what the campaign had
            rf"(?:的|个(?=对照组|控制组|券|优惠券|群发|消息|讯息))?"
            rf"(?P<after>\s*{_NAME_AFTER}(?!(?<=[a-z])[a-z]))?"
        )
        # Unframed, only a name long enough to be no everyday word (国庆回馈, not 新客); quoted
        # alone, any name that is no other word (“新客” is the campaign when no tag is 新客)
        own = not other_name(plain)
        bare = len(plain) >= _BARE_NAME_MIN and own
        ref = functools.partial(_campaign_ref, number=number, bare=bare, quoted_name=own)
        text = pattern.sub(ref, text)
    text = _SPACED_POSSESSIVE.sub(r"\1's", text)  # the 老客关怀 campaign's: campaign #3's
    return re.sub(r" {2,}", " ", text).strip()


_SPACED_POSSESSIVE = lazy_pattern(r"(campaign #\d{1,9}) 's(?![a-z])")

# The coupon's state said before the campaign (unredeemed 双11预热 coupon holders, customers with
# unused campaign #2 coupons, redeemed 国庆回馈 vouchers): the state of that campaign's coupon,
# said the way the contact phrases read it (unused coupons from campaign #2); "holders" of it
# are those who got it.
# (redeemed / used only as an adjective, with "holders" after or with/holding before: "never
# redeemed campaign #1 coupons" is the verb, which the contact phrases read as it is)
_STATE_BEFORE_CAMPAIGN = latin_pattern(
    r"(?:(?P<state>unused|unredeemed) |(?P<held>(?:with|holding) )(?P<done>redeemed|used) |"
    r"(?P<done2>redeemed|used) (?=campaign #\d{1,9}(?:'s)? (?:coupons?|vouchers?) "
    r"(?:holders?|owners?)))"
    r"(?P<which>campaign #\d{1,9})(?:'s)? (?:coupons?|vouchers?)(?: (?:holders?|owners?))?"
)
# "campaign #2 coupon holders": those who got its coupon, in whatever state
_HOLDERS = latin_pattern(
    r"(?:the )?(?P<which>campaign #\d{1,9})(?:'s)? (?:coupons?|vouchers?) (?:holders?|owners?)"
)


def _state_after_coupon(m: re.Match[str]) -> str:
    state = m["state"] or m["done"] or m["done2"]
    return f"{m['held'] or ''}{state} coupons from {m['which']}"


def coupon_state_first(text: str) -> str:
    """`text` (campaigns already numbered) with a coupon's state said before its campaign
    written after it: "unredeemed campaign #2 coupon holders" = unredeemed coupons from
    campaign #2; "campaign #2 coupon holders" = got the coupon from campaign #2."""
    text = _STATE_BEFORE_CAMPAIGN.sub(_state_after_coupon, text)
    return _HOLDERS.sub(lambda m: f"got the coupon from {m['which']}", text)


_BARE_NAME_MIN = 4


def _latin_edge(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _campaign_ref(match: re.Match[str], *, number: int, bare: bool, quoted_name: bool) -> str:
    said = match.group(0)
    if _in_message(match.string, match.start("name"), match.end("name")):
        return said  # a message's own words (“双11预热活动开始啦”)
    if not (match.group("before") or match.group("after") or match.group("that")):
        core = said.removesuffix("的").removesuffix("个")  # “老客关怀”的对照组: quoted, then 的
        quoted = core[:1] in '“"「『' and core[-1:] in '”"」』'
        # quoted after a sending verb, the words of a message (发消息“双11预热开始”)
        quoted = quoted and not _SENDING.search(match.string, 0, match.start())
        if not ((quoted and quoted_name) or (bare and said[:1] not in '“"「『')):
            return said  # no campaign word around it: left as written
        rest = match.string[: match.start()] + match.string[match.end() :]
        latin = not _CJK.search(rest)  # "customers who got 双11预热's coupon"
        ref = f" campaign #{number} " if latin else f"活动#{number}"
        return ref + ("的" if said.endswith("的") else "")
    before = match.group("before") or ""
    english = before.strip() == "campaign"
    if english:
        before = ""  # campaign 双11预热: the campaign word itself is in the reference
    after = (match.group("after") or "").strip()
    english = english or (after[:1].isascii() and after[:1].isalpha())
    english = english or bool(before[:1].isascii() and before)
    # "收到过双11预热 message的": an English word in a Chinese sentence keeps the Chinese form
    rest = match.string[: match.start()] + match.string[match.end() :]
    english = english and not _CJK.search(rest)
    ref = f" campaign #{number} " if english else f"活动#{number}"  # spaces: squeezed after
    if after in ("活动", "营销活动", "campaign", "promo", "promotion"):
        after = ""  # the campaign word itself is in the reference
    return f"{before}{ref}{after}"


_CJK = lazy_pattern(r"[\u4e00-\u9fff]")
# Words that say what is sent: a quote after them holds a message's words
_SENDING = lazy_pattern(
    r"发|说|告诉|通知|提醒|推送|文案|内容|写|话术|message|msg|send|text|tell|say|remind|notify|push|[:：]"
)


def _in_message(text: str, start: int, end: int) -> bool:
    """A message's own words (“双11预热开始啦”) are never read as a condition; a name quoted
    alone (收到过“双11预热”活动) is the name."""
    if text[start - 1 : start] == "“" and text[end : end + 1] == "”":
        return False
    return text.count("“", 0, start) > text.count("”", 0, start)


# 上上次活动 / 上上个活动 / the campaign before last: the campaign that issued coupons before the
# last one, written as its number (none known: left as said, and asked back as a name).
_BEFORE_LAST = lazy_pattern(
    r"(?:上上次|上上个|上上一次|上上一个|上上一档|上上期)(?:的)?(?:营销)?活动"
    r"|(?:the |our )?(?:campaign before (?:the )?last(?: one)?|second[- ]to[- ]last campaign|"
    r"(?:last|previous) campaign but one)"
)


def name_before_last(text: str, latest: dict[str, int]) -> str:
    """`text` with "上上次活动" / "the campaign before last" written as that campaign's number."""
    number = latest.get("coupon_before")
    if number is None:
        return text
    said = _BEFORE_LAST.sub(
        lambda m: f" campaign #{number} " if m.group()[:1].isascii() else f"活动#{number}", text
    )
    return re.sub(r" {2,}", " ", said).strip() if said != text else text
