"""A campaign named by what it did, not by its name: "上次发券那个活动", "上次派券嗰個活動",
"上一次發優惠券的活動", "最近有发券的那次", "last campaign with coupons", "the latest campaign that
gave out vouchers", "the last time we sent coupons", "上次 coupon campaign", "the last 派券
campaign" — each is the newest campaign that issued coupons, which may not be the newest
campaign (one of messages only can be newer). "上上次发券的活动", "the coupon campaign before
last" is the one that issued coupons before it.

Each description is written in the one form the campaign-contact phrases already read
(contact_words: "上次发券活动" / "the last coupon campaign" / "上上次活动" / "the campaign before
last"), so every question said of it — who used its coupon, who did not, how many got one,
whose team — is read as it is of "上次活动"; never taken for a campaign's name ("上次发券那个" is
no name) nor for a period ("last campaign" is no time).
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern

# The newest one: 上次 / 上個 (normalised 上个) / 最近一次 / 最新 / 上一档 (Taiwan 檔) / 最后一次
_LAST_ZH = (
    r"(?:上一?(?:次|回|个|档|期|轮|波|场)|前一?(?:次|回|个)|"
    r"(?:最近|最新|最后)(?:的)?(?:(?:一|那|这)?(?:次|回|个|档|期|轮|波|场))?)"
)
# The one before it: 上上次 / 再上一次 / 倒数第二次
_BEFORE_ZH = (
    r"(?:上上次|上上一次|上上个|上上一个|上上一档|上上档|上上期|上上一期|再上一次|再上一个|"
    r"再上次|倒数第二次|倒数第二个)"
)
_COUPON_ZH = r"(?:优惠券|代金券|现金券|折扣券|折价券|券|coupons?|vouchers?)"
_HEAD_ZH = r"(?:\s*(?:营销|推广|促销|优惠)?活动|\s*(?:campaign|promo|promotion)(?![a-z]))"
# What it did: issued coupons, said by the company (发券 / 派券 / 送券 / 發優惠券 / 发放了优惠券),
# by the customer (领券), or as what it had (有券的 / 带券的)
_ISSUED_ZH = (
    # 我们给客户发券 / 俾客派券: who sent it and to whom, said before the verb
    rf"(?:(?:我们|我哋|公司)?(?:(?:给|俾|向)(?:客户|客人|顾客|大家|他们|佢哋|客))?"
    rf"(?:有|曾|曾经)?(?:发放|派发|赠送|送出|发出|发|派|送|给)(?:了|过|出)?(?:的)?"
    rf"(?:张|些|了)?\s*{_COUPON_ZH}"
    rf"|(?:有|带|含|附带|附)(?:优惠券|代金券|现金券|券)|领券"
    # 上次 coupon campaign / 上次优惠券活动: the coupon as the campaign's kind
    rf"|(?:优惠券|代金券|coupons?|vouchers?)(?={_HEAD_ZH}))"
)
# 那个 / 嗰個 (normalised 那个) / 那次 / 那檔 / 個 / 的那场: the one time it ran
# 的 alone only before the campaign word: 上次发券的客户 keeps its 的
_THAT_ZH = (
    r"(?:(?:的|嘅)?\s*(?:那一次|那次|那一回|那回|那一个|那个|那一档|那档|那一期|那期|那场|那轮|"
    rf"那波|这个|这次|个|次|场)|(?:的|嘅)(?={_HEAD_ZH}))?"
)

_LAST_COUPON_ZH = lazy_pattern(
    # 上次发券那个活动 / 最近一次發優惠券的活動 / 上次派券嗰次 / 上次 coupon campaign
    rf"(?P<when>{_BEFORE_ZH}|{_LAST_ZH})(?:的|嘅)?(?:那个|那次|那一次)?\s*{_ISSUED_ZH}"
    rf"(?P<that>{_THAT_ZH})"
    rf"(?P<head>{_HEAD_ZH})?"
    # 发过券的上一个活动 / 有发券的最近一次活动: what it did first, then which, then 活动
    rf"|{_ISSUED_ZH}(?:的|嘅)(?P<when2>{_BEFORE_ZH}|{_LAST_ZH})(?:的)?{_THAT_ZH}{_HEAD_ZH}"
)

_LAST_EN = r"(?:last|latest|most recent|previous|newest|recent|prior)"
_COUPON_EN = r"(?:coupons?|vouchers?)"
_CAMPAIGN_EN = r"(?:campaign|promo|promotion|push|blast)"
# "with coupons", "that gave out vouchers", "where we sent coupons", "that had a coupon"
_WITH_COUPONS_EN = (
    r"(?:(?: (?:that|which|where|when|in which))?(?: (?:we|you|i))?"
    r" (?:with|had|has|having|came with|included|includes|offering|offered|issued|gave out|"
    r"gave away|gave|handed out|sent out|sent|send out|issuing|giving out)"
    rf"(?: out)?(?: any| a| some| the)? {_COUPON_EN}(?: out)?"
    # "where coupons were given out", "in which vouchers went out"
    rf"|(?: (?:where|when|in which|that))? {_COUPON_EN} (?:were|was) (?:given out|sent out|sent|"
    r"issued|handed out|included)|(?: (?:where|when|in which))? "
    rf"{_COUPON_EN} went out)"
)
_LAST_COUPON_EN = lazy_pattern(
    r"(?<![a-z])(?:(?:the|our) )?(?P<before>(?:(?:campaign|one) before (?:the )?last|"
    r"second[- ]to[- ]last|penultimate) )?"
    # "the last coupon campaign", "latest voucher drop", "the last coupon campaign before last"
    rf"(?:(?P<when>{_LAST_EN}) (?:{_COUPON_EN}|coupon-?based) "
    rf"(?:{_CAMPAIGN_EN}|drop|round|giveaway|send-?out)s?(?![a-z])"
    # "last campaign with coupons", "the latest campaign that gave out vouchers"
    rf"|(?P<when2>{_LAST_EN}) {_CAMPAIGN_EN}{_WITH_COUPONS_EN}(?![a-z])"
    # "the last time we sent coupons", "last time coupons went out"
    rf"|(?P<when3>last) time (?:(?:we|you|i) )?(?:sent|issued|gave out|gave|handed out|sent out)"
    rf"(?: out)?(?: any| a| some)? {_COUPON_EN}(?: out)?(?![a-z])"
    rf"|(?P<when4>last) time {_COUPON_EN} (?:went out|were sent|were issued)(?![a-z])"
    # "the last 派券 campaign", "latest 发券活动": the English words around a Chinese verb
    # (normalised: no space between a Latin word and a Chinese one)
    rf"|(?P<when5>{_LAST_EN})\s*(?:发券|派券|送券|领券|发优惠券)(?:的)?\s*"
    rf"(?:活动|{_CAMPAIGN_EN}(?![a-z])))"
)
# "the coupon campaign before last", "the second-to-last coupon campaign"
_BEFORE_EN = lazy_pattern(
    rf"(?<![a-z])(?:(?:the|our) )?(?:(?:{_COUPON_EN}|coupon) {_CAMPAIGN_EN} before (?:the )?last"
    rf"(?: one)?|(?:second[- ]to[- ]last|penultimate) (?:{_COUPON_EN}|coupon) {_CAMPAIGN_EN}|"
    rf"(?:last|previous) (?:{_COUPON_EN}|coupon) {_CAMPAIGN_EN} but one)(?![a-z])"
)
_CJK = lazy_pattern(r"[\u4e00-\u9fff]")

# The forms contact_words reads (the last coupon campaign; the one before it)
LAST_ZH, LAST_EN = "上次发券活动", "the last coupon campaign"
BEFORE_ZH, BEFORE_EN = "上上次活动", "the campaign before last"


def described_campaigns(norm: str) -> str:
    """`norm` (normalised) with every campaign described by the coupons it issued written in
    the form the contact phrases read: in Chinese in a Chinese sentence, else in English."""
    chinese = bool(_CJK.search(_LAST_COUPON_EN.sub(" ", norm)))
    norm = _BEFORE_EN.sub(lambda _m: _spaced(BEFORE_ZH if chinese else BEFORE_EN), norm)
    norm = _LAST_COUPON_EN.sub(lambda m: _english_ref(m.group("before"), chinese), norm)
    norm = _LAST_COUPON_ZH.sub(_chinese_ref, norm)
    return " ".join(norm.split()) if "  " in norm else norm.strip()


def _english_ref(before: str | None, chinese: bool) -> str:
    if before:
        return _spaced(BEFORE_ZH if chinese else BEFORE_EN)
    return _spaced(LAST_ZH if chinese else LAST_EN)


def _chinese_ref(match: re.Match[str]) -> str:
    rest = match.string[: match.start()] + match.string[match.end() :]
    chinese = bool(_CJK.search(rest)) or not rest.strip()  # else said in English
    when = match.group("when") or match.group("when2") or ""
    before = when.startswith(("上上", "再上", "倒数"))
    if when == "最近" and not (match.group("that") or match.group("head")):
        return match.group()  # 最近发过券的客户: a vague period (asked back), no campaign
    if not chinese:
        return _spaced(BEFORE_EN if before else LAST_EN)
    said = BEFORE_ZH if before else LAST_ZH
    # 上次发的券谁没用 / 最近一次发券谁没用: the coupon itself, no campaign word after it — the
    # campaign's coupon (上次发券活动的券), which the contact phrases read with who inside
    if not before and match.group("when") and not match.group("head") and not match.group("that"):
        return said + "的券"
    return said


def _spaced(ref: str) -> str:
    """A reference in English keeps a space either side (squeezed after)."""
    return f" {ref} " if ref.isascii() else ref
