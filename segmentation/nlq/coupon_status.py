"""How a campaign's coupons are doing, asked of the asker's own customers:
"雙11預熱那檔活動，我們部門的券核銷狀況如何", "上次活动的券核销情况怎么样", "國慶回饋個活動啲券
用成點", "how did the 双11预热 coupons do for my team", "coupon redemption status for the last
campaign".

Read on normalised text in which campaign names are already numbers (活动#2 / campaign #2,
contact_words.name_campaigns). The answer counts, among the customers the asker may see, who
got the campaign's coupon, who used it and who has not — never anyone out of scope — so it is
read here for any campaign, not only those whose report the asker may open.
"""

from __future__ import annotations

from dataclasses import dataclass

from segmentation.nlq.lazy_re import latin_pattern, lazy_pattern

_LATEST_ZH = (
    r"(?:上次|上一次|上一个|上个|最近一次|最近一个|最近的|最新的?|前一次|上一档|上档|上一期|上期|"
    r"上一轮|上轮)"
)
# 上次发券活动: every description of the last coupon campaign (campaign_described)
_CAMPAIGN_ZH = rf"(?:活动#(?P<id>\d{{1,9}})(?:号)?|(?P<last>{_LATEST_ZH})(?:的)?(?:营销|发券)?活动)"
# 我们部门 / 我的 / 我们组 / 团队: whose customers (the answer is in scope whatever is said)
_SCOPE_ZH = (
    r"(?P<scope>我们部门|我们组|我们团队|我们小组|我部门|本部门|我团队|我组|我的客户|我的|我们的|"
    r"我们|我哋部门|我哋|部门|团队|组里)"
)
_COUPON_ZH = r"(?:优惠券|代金券|券|coupons?)"
_USE_ZH = r"(?:核销|使用|兑换|用券|用)"
_STATE_ZH = r"(?:状况|情况|状态|进度|率|效果|数据|成效|结果|表现)"
_HOW_ZH = r"(?:如何|怎么样了?|怎样了?|点样|点|咋样|好吗|好唔好|系点|呢|啊)"
_ASK_ZH = r"(?:请|帮我|麻烦)?(?:看看|看一下|查一下|查查|睇下|睇睇|说说|讲讲)?"
_END = r"\s*[?？。.!！~]*\s*$"
_ZH = lazy_pattern(
    rf"^\s*{_ASK_ZH}{_CAMPAIGN_ZH}\s*(?:的|嘅)?\s*[,，]?\s*(?:{_SCOPE_ZH}(?:的|嘅)?)?"
    rf"(?:(?:{_COUPON_ZH})(?:的|嘅)?{_USE_ZH}?{_STATE_ZH}\s*{_HOW_ZH}?"
    rf"|{_USE_ZH}{_STATE_ZH}\s*{_HOW_ZH}?"
    # 啲券用成点 / 券用得点样: how the coupons were used
    rf"|(?:啲)?{_COUPON_ZH}(?:用成|用得|核销得)\s*{_HOW_ZH})"
    rf"{_END}"
)
_CAMPAIGN_EN = (
    r"(?:the |our |my )?(?:campaign #(?P<id>\d{1,9})|"
    r"(?P<last>last|latest|previous|most recent) (?:coupon )?campaign)"
)
_SCOPE_EN = (
    r"(?:\s+(?:for|in|among|with|across)\s+(?P<scope>my team|our team|my department|"
    r"our department|my customers|our customers|me|us))?"
)
_COUPONS_EN = r"(?:coupons?|vouchers?)"
_EN = (
    # how did the campaign #2 coupons do (for my team)
    latin_pattern(
        rf"^how(?:'s| is| are| did| were| was| have| has)\s+(?:the |our |my )?{_CAMPAIGN_EN}"
        rf"\s*(?:'s)?\s*(?:{_COUPONS_EN}|coupon redemptions?|redemptions?)\s*"
        rf"(?:do|doing|going|perform|performing|performed|done)?{_SCOPE_EN}{_END}"
    ),
    # coupon (redemption) status for the last campaign (for my team)
    latin_pattern(
        rf"^(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:coupon|voucher|redemption)\s*"
        rf"(?:redemption\s+)?(?:status|rate|numbers|progress|stats)\s+(?:of|for|in|from)\s+"
        rf"{_CAMPAIGN_EN}{_SCOPE_EN}{_END}"
    ),
    # campaign #2 coupon status / the last campaign's redemption rate
    latin_pattern(
        rf"^{_CAMPAIGN_EN}\s*(?:'s)?\s*(?:coupon\s*|voucher\s*)?(?:redemption\s*)?"
        rf"(?:status|rate|numbers|progress|stats){_SCOPE_EN}{_END}"
    ),
)
# Anything that says a coupon or its use: a campaign's report is asked otherwise
_ABOUT_COUPONS = lazy_pattern(r"券|核销|兑换|coupon|voucher|redemption")


@dataclass(frozen=True)
class CouponStatus:
    """The campaign asked about (its number, or the last one to issue coupons) and the words
    of whose customers, if any ("我们部门", "my team")."""

    campaign_id: int | None
    latest: bool
    scope: str | None
    english: bool


def read_coupon_status(norm: str) -> CouponStatus | None:
    """The coupon status question `norm` (normalised, campaigns numbered) asks, or None."""
    norm = norm.strip()
    if not _ABOUT_COUPONS.search(norm):
        return None
    found = _ZH.match(norm)
    english = False
    if found is None:
        english = True
        found = next((m for p in _EN if (m := p.match(norm)) is not None), None)
    if found is None:
        return None
    number = found.group("id")
    return CouponStatus(
        int(number) if number else None,
        bool(found.group("last")),
        found.group("scope"),
        english,
    )
