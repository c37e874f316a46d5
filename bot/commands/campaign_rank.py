"""Campaigns compared in chat: "哪个活动核销率最高", "邊個活動最多人用券", "which campaign had the
best redemption rate", "best campaign on coupons" → the asker's campaigns ranked by one measure.

A ranking names its measure (核销率, 核销人数, 送达, 转化率, 提升); "哪个活动效果最好 / which
campaign did best" names none, and is asked back with the measures to pick from — never
answered by a measure the asker did not choose. The top campaign becomes the one discussed,
so "最高那个有谁没核销 / who from it never redeemed" follows on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.preview import campaign_settings
from bot.models.campaigns import Campaign, Coupon
from bot.services.campaigns.results import CampaignReport, campaign_report
from bot.services.digest.campaigns import visible_campaigns
from segmentation.scope import CteNames, Requester, scope_condition
from segmentation.text import normalize

# "Which campaign": the sentence compares campaigns (read on normalised text: Simplified,
# Cantonese 边个/嗰 as written after normalising, lower-case English).
_WHICH = re.compile(
    r"(?:哪个|哪一个|哪次|哪一次|哪场|哪一场|哪档|哪期|边个|边一个|边次|边场|什么|啥)\s*(?:营销)?"
    r"(?:活动|campaign)|"
    r"活动(?:之间|当中|里面?|中)?(?:的)?(?:排名|排行|排序|对比|比较|谁最|边个最|哪个最)|"
    # 核销率最高的活动是哪个 / 效果最好嘅活动係边个: the measure first, which last
    r"(?:最|第一)[^，,。？?的]{0,4}?(?:的|嘅)?(?:营销)?活动(?:是|系|係)?(?:哪个|哪一个|哪次|边个|边次|什么|啥)|"
    # 活动里哪个核销率最高 / 几个活动边个最好
    r"活动(?:之间|当中|里面?|中|入面)?(?:的)?(?:哪个|哪一个|边个|哪次)|"
    r"(?:各个|每个|所有|全部|几个|各)活动(?:的)?|(?:比较|对比|排一下|排个名)(?:一下)?(?:各个|所有|几个)?活动|"
    r"\b(?:which|what)(?: of (?:the|our|my) )?(?: \w+){0,3}? campaigns?\b|"
    r"\b(?:best|top|worst|winning|strongest|weakest)(?: performing)? campaigns?\b|"
    r"\b(?:rank|ranking|ranked|compare|comparing|comparison of)(?: the| our| my| all)?"
    r" campaigns?\b|"
    r"\bcampaigns? (?:ranked|ranking|compared|comparison|leaderboard)\b"
)
# A comparison says so: a superlative, a ranking or a comparison word ("有什么活动" lists them).
_COMPARED = re.compile(
    r"最|第一|排名|排行|排序|排一下|对比|比较|冠军|更好|好一点|好一些|好些|较好|好啲|边个好|哪个好|"
    r"\b(?:best|top|worst|most|highest|lowest|least|"
    r"better|rank\w*|compar\w*|leaderboard|winn\w*|strongest|weakest)\b"
)
# Lowest first: 最低 / 最差 / 最少 / worst / lowest.
_LOW = re.compile(r"最低|最差|最少|最烂|最弱|垫底|倒数|\b(?:worst|lowest|least|weakest|poorest)\b")


@dataclass(frozen=True)
class Measure:
    key: str
    zh: str
    en: str
    question_zh: str  # the suggestion offered when no measure was said
    question_en: str


MEASURES = {
    m.key: m
    for m in (
        Measure("redemption_rate", "核销率（核销人数÷领券人数）",
                "redemption rate (redeemed ÷ got a coupon)",
                "哪个活动核销率最高", "which campaign had the best redemption rate"),
        Measure("redeemed", "核销人数", "customers who redeemed",
                "哪个活动核销人数最多", "which campaign had the most redemptions"),
        Measure("reached", "送达人数", "customers reached",
                "哪个活动送达人数最多", "which campaign reached the most customers"),
        Measure("conversion", "下单转化率（下单人数÷目标人数）",
                "order conversion (ordered ÷ targeted)",
                "哪个活动下单转化率最高", "which campaign had the best order conversion"),
    )
}  # fmt: skip
# The measure said, checked in this order (a rate word before the bare count word).
_MEASURE_WORDS = (
    ("redemption_rate", r"核销率|核销比例|核销比率|用券率|使用率|兑换率|领用率|回收率|"
                        r"redemption rates?|redeem rates?|redemption(?!s)|coupon usage|"
                        r"usage rates?|"
                        r"coupon rates?|(?:best|top|worst)(?: \w+)? (?:on|for|with|in) coupons?|"
                        r"券(?:的)?(?:方面|效果|表现)"),
    ("conversion", r"转化率|转化|下单率|成交率|购买率|conversion|order rates?|conversion rates?|"
                   r"most orders|(?:ordered|bought) (?:the )?most"),
    ("redeemed", r"核销(?:的)?(?:人数|数量|数|最多|得最多|最少)|"
                 r"最多人(?:用|核销|使用)(?:了|过)?券?|"
                 r"用券(?:的)?(?:人数?)?最多|最多(?:人)?(?:用|核销)券|"
                 r"most (?:redemptions|redeemed|coupons? (?:used|redeemed))|"
                 r"(?:redeemed|used) the most|(?:most|fewest) people (?:redeemed|used)"),
    ("reached", r"送达|触达|覆盖|收到(?:的)?人(?:数)?最多|最多人收到|reach(?:ed)?(?: the)? most|"
                r"most reach|reached|delivered|reach"),
)  # fmt: skip
_MEASURE_RES = tuple((key, re.compile(words)) for key, words in _MEASURE_WORDS)


@dataclass(frozen=True)
class RankRequest:
    measure: str | None  # None: not said, to be asked back
    lowest: bool


def read_rank(text: str) -> RankRequest | None:
    """The comparison `text` asks for, or None when it compares no campaigns."""
    norm = normalize(text)
    if not _WHICH.search(norm):
        return None
    measure = next((key for key, pattern in _MEASURE_RES if pattern.search(norm)), None)
    if measure is None and not _COMPARED.search(norm):
        return None  # "有什么活动", "张三参加过哪个活动": no comparison asked
    return RankRequest(measure, bool(_LOW.search(norm)))


@dataclass(frozen=True)
class _Row:
    campaign: Campaign
    value: float | None  # None: the measure does not apply (no coupon issued, nobody targeted)
    shown_zh: str
    shown_en: str


def _coupon_counts(
    session: Session, requester: Requester, ids: list[int]
) -> dict[int, tuple[int, int]]:
    """{campaign id: (customers who got a coupon, customers who redeemed one)} in scope."""
    coupons = Coupon.__table__
    scope = scope_condition(requester, coupons, CteNames())
    stmt = (
        select(
            Coupon.campaign_id,
            func.count(func.distinct(Coupon.external_userid)),
            func.count(func.distinct(Coupon.external_userid)).filter(
                Coupon.redeemed_at.is_not(None)
            ),
        )
        .where(Coupon.campaign_id.in_(ids), *([] if scope is None else [scope]))
        .group_by(Coupon.campaign_id)
    )
    return {cid: (int(got), int(used)) for cid, got, used in session.execute(stmt)}


def coupon_summary(session: Session, requester: Requester, campaign_id: int) -> tuple[str, str]:
    """A campaign report's coupon line (zh, en): got a coupon, redeemed, the redemption rate;
    empty when it issued none."""
    got, used = _coupon_counts(session, requester, [campaign_id]).get(campaign_id, (0, 0))
    if not got:
        return "", ""
    return (f"领券 {got} 人，核销 {used} 人，核销率 {_pct(used, got)}。",
            f" {got} got a coupon, {used} redeemed ({_pct(used, got)}).")  # fmt: skip


def _pct(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%"


def _rows(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    measure: str,
    campaigns: list[Campaign],
) -> list[_Row]:
    if measure in ("redemption_rate", "redeemed"):
        counts = _coupon_counts(session, requester, [c.id for c in campaigns])
        return [_coupon_row(c, *counts.get(c.id, (0, 0)), measure) for c in campaigns]
    settings = campaign_settings(ctx)
    reports = {c.id: campaign_report(session, c.id, settings, requester) for c in campaigns}
    return [_report_row(c, reports[c.id], measure) for c in campaigns]


def _coupon_row(campaign: Campaign, got: int, used: int, measure: str) -> _Row:
    if not got:
        return _Row(campaign, None, "未发券", "no coupons issued")
    if measure == "redeemed":
        return _Row(campaign, used, f"{used} 人核销（领券 {got} 人）",
                    f"{used} redeemed (of {got} with a coupon)")  # fmt: skip
    return _Row(campaign, used / got, f"{_pct(used, got)}（领券 {got} 人，核销 {used} 人）",
                f"{_pct(used, got)} ({used} of {got} redeemed)")  # fmt: skip


def _report_row(campaign: Campaign, report: CampaignReport, measure: str) -> _Row:
    t = report.treated
    if not t.size:
        return _Row(campaign, None, "还没有发送对象", "nobody targeted yet")
    if measure == "reached":
        return _Row(campaign, t.reached, f"送达 {t.reached} 人（目标 {t.size} 人）",
                    f"{t.reached} reached (of {t.size} targeted)")  # fmt: skip
    return _Row(campaign, t.ordered / t.size,
                f"{_pct(t.ordered, t.size)}（目标 {t.size} 人，下单 {t.ordered} 人）",
                f"{_pct(t.ordered, t.size)} ({t.ordered} of {t.size} ordered)")  # fmt: skip


def rank_reply(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    asked: RankRequest,
    lang: str,
) -> tuple[str, str]:
    """The ranking asked for, as (zh, en); a question back when the measure is not said."""
    campaigns = visible_campaigns(session, requester, ctx.settings.admins)
    if not campaigns:
        return "您还没有可查看的活动。", "You have no campaigns yet."
    if asked.measure is None:
        return _ask_measure(session, requester, text, lang, ctx)
    measure = MEASURES[asked.measure]
    rows = _rows(session, ctx, requester, asked.measure, campaigns)
    ranked = sorted((r for r in rows if r.value is not None),
                    key=lambda r: r.value if asked.lowest else -(r.value or 0))  # fmt: skip
    if not ranked:
        what_zh, what_en = measure.zh.split("（")[0], measure.en.split(" (")[0]
        return (f"您的活动都还没有{what_zh}可比。",
                f"None of your campaigns has a {what_en} to compare yet.")  # fmt: skip
    top = ranked[0]
    conv.remember_campaign(session, requester.userid, top.campaign.id, ctx.now)
    ties = [r for r in ranked if r.value == top.value]
    unranked = [r for r in rows if r.value is None]
    return _ranking_text(measure, ranked, ties, unranked, asked.lowest)


def _ranking_text(
    measure: Measure, ranked: list[_Row], ties: list[_Row], unranked: list[_Row], lowest: bool
) -> tuple[str, str]:
    def name(r: _Row, sep: str = "") -> str:
        return f"#{r.campaign.id}{sep}“{r.campaign.name}”"

    best_zh, best_en = ("最低", "lowest") if lowest else ("最高", "highest")
    if len(ties) > 1:
        head_zh = f"按{measure.zh}，并列{best_zh}的是 " + "、".join(name(r) for r in ties)
        head_en = f"By {measure.en}, tied {best_en}: " + ", ".join(name(r, " ") for r in ties)
    else:
        head_zh = f"按{measure.zh}，{best_zh}的是 {name(ties[0])}"
        head_en = f"By {measure.en}, the {best_en} is {name(ties[0], ' ')}"
    lines_zh = [f"{head_zh}：{ties[0].shown_zh}。"]
    lines_en = [f"{head_en}: {ties[0].shown_en}."]
    for i, row in enumerate(ranked, 1):
        lines_zh.append(f"{i}) {name(row)} {row.shown_zh}")
        lines_en.append(f"{i}) {name(row, ' ')} {row.shown_en}")
    if unranked:
        lines_zh.append("未参与排名：" + "、".join(f"{name(r)}（{r.shown_zh}）" for r in unranked))
        lines_en.append(
            "Not ranked: " + ", ".join(f"{name(r, ' ')} ({r.shown_en})" for r in unranked)
        )
    return "\n".join(lines_zh), "\n".join(lines_en)


def _ask_measure(
    session: Session, requester: Requester, text: str, lang: str, ctx: CommandContext
) -> tuple[str, str]:
    """ "Which campaign did best?": by which measure — each offered as a question to pick."""
    zh = tuple(m.question_zh for m in MEASURES.values())
    en = tuple(m.question_en for m in MEASURES.values())
    suggestions = zh if lang == "zh" else en
    question = conv.PendingQuestion(text, suggestions, None, lang, ctx.now)
    conv.ask_pending(session, requester.userid, question, ctx.now)
    return (
        f"按哪个指标比较活动？\n{_numbered(zh)}\n（回复编号即可）",
        f"Compare the campaigns by which measure?\n{_numbered(en)}\n(reply with a number)",
    )


def _numbered(items: tuple[str, ...]) -> str:
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))
