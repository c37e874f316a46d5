"""How a campaign did, asked every way: "上次活动效果怎么样", "上個活動成效", "上次活動效果點樣",
"最近一次活动的数据", "how did the last campaign do", "last campaign results", "上次campaign效果".

Read on normalised text (Simplified, lower-case; Cantonese 点样 as written). "The last / latest
campaign" is the one the asker may see that ran last (one just confirmed, not yet run, has no
results to tell); "this / that campaign" the one discussed.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.models.campaigns import Campaign, CampaignRun, Coupon
from segmentation.nlq.campaign_described import LAST_EN, LAST_ZH, described_campaigns
from segmentation.text import normalize

# 上次 / 上一个 / 最近一次 / 最新 / 上一档 (Taiwan) / last / latest / previous / most recent
_LATEST_ZH = (
    r"上次|上一次|上一个|上个|上一场|上场|最近一次|最近一个|最近一场|最近的|最新的?|前一次|"
    r"上一档|上档|上一期|上期|上一轮|上轮|最后一次|最后一个"
)
_LATEST_EN = r"last|latest|previous|most recent|recent|newest"
LATEST = re.compile(rf"^(?:{_LATEST_ZH})(?:的)?(?:营销)?$|^(?:the |our |my )?(?:{_LATEST_EN})$")
# 这次 / 那个 / 刚才那个 / this / that: the campaign discussed
_THIS_ZH = r"(?:刚才|刚刚|上面|前面)?(?:的)?(?:这次|那次|本次|这个|那个|该|此|这一个|那一个)"
_RESULT_ZH = (
    r"(?:效果|结果|成效|成绩|表现|数据|战绩|情况|成果|反馈|核销情况|转化情况|转化|回报|收效|"
    # a figure the results carry: 上次活动核销率多少, 双11预热的转化率是多少
    r"核销率|转化率|送达率|提升|uplift|roi)"
)
_HOW_ZH = (
    r"(?:怎么样了?|怎样了?|如何|好吗|好不好|好唔好|点样|点|咋样|咋样了|怎么说|几好|"
    r"理想吗|行不行|行吗|ok吗|看看|看一下|呢|嘛|啊|吖|"
    r"(?:是)?多少|(?:系)?几多|(?:有)?几高|怎么算)?"
)
_ASK_ZH = r"(?:请|帮我|麻烦)?(?:看看|看一下|查一下|查查|说说|讲讲|汇报一下|报一下|给我看看)?"
_END = r"\s*[?？。.!！~]*\s*$"
STATUS = (
    # 上次活动效果怎么样 / 上个活动成效 / 最近一次活动的数据 / 这次活动表现如何
    re.compile(
        rf"^\s*{_ASK_ZH}(?P<name>{_LATEST_ZH}|{_THIS_ZH})(?:的|嘅)?(?:营销)?(?:活动|campaign)\s*"
        rf"(?:的|嘅)?{_RESULT_ZH}\s*{_HOW_ZH}{_END}"
    ),
    # 上次活动怎么样 / 上次活动做得点样 / 这个活动搞得如何: how it went, no result word
    re.compile(
        rf"^\s*(?P<name>{_LATEST_ZH}|{_THIS_ZH})(?:的|嘅)?(?:营销)?(?:活动|campaign)\s*"
        r"(?:的|嘅)?(?:做得|搞得|办得|跑得|做成|搞成|弄得)?\s*"
        r"(?:怎么样了?|怎样了?|如何|点样|咋样了?|好不好|好唔好)" + _END
    ),
    # 上次活动 results / 上次 campaign 效果 / 上一档活动 performance
    re.compile(
        rf"^\s*(?P<name>{_LATEST_ZH}|{_THIS_ZH})(?:的)?\s*(?:活动|campaign)\s*(?:的|'s)?\s*"
        r"(?:results?|performance|stats|numbers|效果|成效|数据)\s*(?:how|怎么样|如何)?" + _END
    ),
    # how did the last campaign do / how's our latest campaign performing / how did it go
    re.compile(
        r"^\s*how(?:'s| is| was| did| has| have| were| are)\s+(?:the |our |my )?"
        rf"(?P<name>{_LATEST_EN}|that|this)\s+campaign\s*"
        r"(?:do|doing|go|going|goes|perform|performing|performed|done|gone|turn out|work out|"
        r"land|landed)?(?:\s+so far)?" + _END
    ),
    # last campaign results / the latest campaign's performance / results of the last campaign
    re.compile(
        rf"^\s*(?:show\s+(?:me\s+)?)?(?:the |our |my )?(?P<name>{_LATEST_EN})\s+campaign(?:'s)?\s+"
        r"(?:results?|performance|stats|numbers|report)" + _END
    ),
    re.compile(
        r"^\s*(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:results?|performance|stats|numbers|report)\s+"
        rf"(?:of|for|from)\s+(?:the |our |my )?(?P<name>{_LATEST_EN})\s+campaign" + _END
    ),
)
# A campaign by its own name, no campaign word: "双11预热效果怎么样", "國慶回饋成效點樣",
# "how did 双11预热 do", "国庆回馈 results" — answered only when the name is a campaign's.
NAMED = (
    re.compile(
        rf"^\s*{_ASK_ZH}[“\"]?(?P<name>[^“”\"]{{2,40}}?)[”\"]?\s*(?:这个|那个|这次|那次)?(?:活动)?"
        rf"\s*(?:的|嘅)?{_RESULT_ZH}\s*{_HOW_ZH}{_END}"
    ),
    re.compile(
        # normalising drops the spaces around Chinese: "how did双11预热do"
        r"^\s*how(?:'s| is| was| did| has| are)\s*(?:the\s*)?[“\"]?(?P<name>.{2,40}?)[”\"]?"
        r"(?:\s*campaign)?\s*(?:do|doing|go|going|perform|performing|performed|done)" + _END
    ),
    re.compile(
        r"^\s*[“\"]?(?P<name>[^“”\"]{2,40}?)[”\"]?(?:\s*campaign)?(?:'s)?\s*"
        r"(?:results?|performance|stats|numbers)" + _END
    ),
)
_THIS = re.compile(rf"^{_THIS_ZH}$|^(?:that|this)$")


# The name read_status gives the newest campaign that issued coupons ("上次发券那个活动效果怎么样",
# "how did the last campaign with coupons do"): never a campaign's name (it holds no letter
# or character a name could start with "#" and be a number).
LAST_COUPON = "#coupon"


def read_status(text: str) -> str | None:
    """The campaign `text` asks the results of ("" or a reference word, or LAST_COUPON), or
    None."""
    norm = described_campaigns(normalize(text))
    # said by its coupons: asked as "the last campaign", answered with the last coupon one
    coupons = LAST_ZH in norm or LAST_EN in norm
    norm = norm.replace(LAST_ZH, "上次活动").replace(LAST_EN, "the last campaign")
    for pattern in STATUS:
        match = pattern.match(norm)
        if match:
            name = match["name"]
            if coupons and is_latest(name):
                return LAST_COUPON
            return "" if _THIS.match(name) else name
    return None


def read_named_status(text: str) -> str | None:
    """The name a "<name>效果怎么样 / how did <name> do" question asks about (to be checked
    against the campaigns' names), or None."""
    norm = normalize(text)
    for pattern in NAMED:
        match = pattern.match(norm)
        if match:
            return match["name"].strip()
    return None


def is_latest(name: str) -> bool:
    """ "上次", "the last": the newest campaign the asker may see."""
    return bool(LATEST.match(normalize(name).strip()))


def last_coupon_campaign(
    session: Session, campaigns: list[Campaign], now: datetime
) -> Campaign | None:
    """Of `campaigns`, the one whose coupon was issued last by `now`; None when none issued
    any (the campaigns are then offered)."""
    ids = [c.id for c in campaigns]
    newest = session.execute(
        select(Coupon.campaign_id)
        .where(Coupon.campaign_id.in_(ids), Coupon.issued_at <= now)
        .order_by(Coupon.id.desc())
        .limit(1)
    ).scalar()
    return next((c for c in campaigns if c.id == newest), None)


def last_run_campaign(session: Session, campaigns: list[Campaign], now: datetime) -> Campaign:
    """Of `campaigns` (newest first, not empty), the one whose latest run was released last
    by `now`; the newest when none has run yet."""
    ids = [c.id for c in campaigns]
    stmt = (
        select(CampaignRun.campaign_id, func.max(CampaignRun.release_at))
        .where(CampaignRun.campaign_id.in_(ids), CampaignRun.release_at <= now)
        .group_by(CampaignRun.campaign_id)
    )
    released = {cid: at for cid, at in session.execute(stmt)}
    ran = [c for c in campaigns if c.id in released]
    if not ran:
        return campaigns[0]
    return max(ran, key=lambda c: (released[c.id], c.id))
