"""Campaigns and coupons in chat: "活动X效果怎么样", "我的活动", "暂停活动X", "核销 CODE".

These are not segment commands (spec/commands.md), so they are recognised before the segment
parser, by whole-sentence patterns that no segment command matches. Every campaign named must
be one the asker answers for (their own, or for a manager their team's, as in the digest);
a coupon is redeemed only for a customer the asker may see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands import conversation as conv
from bot.commands.audit import audit
from bot.commands.campaign_followups import remember_campaign_holders
from bot.commands.campaign_names import MAX_NAME_CHARS, clean_new_name
from bot.commands.campaign_rank import coupon_summary, rank_reply, read_rank
from bot.commands.campaign_status import (
    LAST_COUPON,
    is_latest,
    last_coupon_campaign,
    last_run_campaign,
    read_named_status,
    read_status,
)
from bot.commands.preview import campaign_settings
from bot.commands.schedule_words import names_a_campaign, says_list_schedules, says_pause_schedule
from bot.commands.segment_pins import reconfirm_reply
from bot.models.campaigns import ACTIVE, ONCE, PAUSED, Campaign, Coupon
from bot.services.campaigns.definition import CampaignError, set_paused
from bot.services.campaigns.results import CampaignReport, campaign_report
from bot.services.coupons import (
    RedeemOutcome,
    format_code,
    normalize_code,
    redeem_coupon,
    resolve_shared_code,
)
from bot.services.digest.campaigns import visible_campaigns
from segmentation.models import Customer
from segmentation.nlq.campaign_pointer import latest_pointer_dropped
from segmentation.scope import CteNames, Requester, scope_condition
from segmentation.text import normalize

_Q = r"[“\"「『']?"
_QE = r"[”\"」』']?"
_END = r"\s*[？?。.!！]*\s*$"
REPORT = (
    re.compile(
        rf"^\s*(?:营销)?(?:活动|活動)\s*{_Q}(?P<name>.+?){_QE}\s*的?\s*"
        rf"(?:效果|结果|結果|成效|表现|表現|数据|數據)\s*(?:怎么样|怎麼樣|如何|怎样|怎樣|好吗|好嗎)?{_END}"
    ),
    re.compile(
        rf"^\s*{_Q}(?P<name>.+?){_QE}\s*(?:这个|這個)?(?:活动|活動)\s*的?\s*"
        rf"(?:效果|结果|結果|成效|表现|表現|数据|數據)\s*(?:怎么样|怎麼樣|如何|怎样|怎樣)?{_END}"
    ),
    re.compile(  # no name: the asker's only campaign, or the list to choose from
        rf"^\s*(?:营销)?(?:活动|活動)\s*的?\s*(?P<name>)"
        rf"(?:效果|结果|結果|成效|表现|表現|数据|數據)\s*(?:怎么样|怎麼樣|如何|怎样|怎樣)?{_END}"
    ),
    re.compile(
        rf"^\s*how\s+(?:is|was|did|are)\s+(?:the\s+)?campaign\s+{_Q}(?P<name>.+?){_QE}\s+"
        rf"(?:doing|going|do|performing|perform){_END}",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^\s*(?:show\s+)?(?:the\s+)?results?\s+(?:of|for)\s+(?:the\s+)?campaign\s+"
        rf"{_Q}(?P<name>.+?){_QE}{_END}",
        re.IGNORECASE,
    ),
    re.compile(  # "how is that campaign doing", "results of this campaign"
        r"^\s*(?:(?:how\s+(?:is|was|did|are)|"
        r"(?:show\s+(?:me\s+)?)?(?:the\s+)?results?\s+(?:of|for))\s+)?"
        r"(?P<name>that|this|the\s+same|the\s+last|the)\s+campaign(?:'s)?\s*"
        r"(?:doing|going|do|performing|perform|results?|performance|uplift)?"
        rf"{_END}",
        re.IGNORECASE,
    ),
)
# "刚才那个活动", "这个活动", "that campaign": the campaign last discussed in this conversation.
_REFERENCE = re.compile(
    r"^(?:刚才|剛才|刚刚|剛剛|上面|上一个|上一個|之前|前面)?的?(?:那个|那個|这个|這個|该|該|此|那)?$|"
    r"^(?:that|this|the\s+same|the\s+last|the|it)$",
    re.IGNORECASE,
)
LIST = re.compile(
    rf"^\s*(?:(?:我的|所有|全部|(?:都|现在|現在|目前)?(?:有哪些|有什么|有什麼|有啥|有边啲|有邊啲))?"
    rf"(?:营销)?(?:活动|活動)(?:列表|清单|清單|有哪些|有什么|有什麼)?|"
    rf"(?:list\s+|show\s+)?(?:my\s+|all\s+|the\s+)?campaigns){_END}",
    re.IGNORECASE,
)
PAUSE = (
    (re.compile(rf"^\s*(?:暂停|暫停)(?:活动|活動)\s*{_Q}(?P<name>.+?){_QE}{_END}"), True),
    (
        re.compile(rf"^\s*(?:恢复|恢復|继续|繼續)(?:活动|活動)\s*{_Q}(?P<name>.+?){_QE}{_END}"),
        False,
    ),
    (re.compile(rf"^\s*pause\s+(?:the\s+)?campaign\s+{_Q}(?P<name>.+?){_QE}{_END}", re.I), True),
    (re.compile(rf"^\s*resume\s+(?:the\s+)?campaign\s+{_Q}(?P<name>.+?){_QE}{_END}", re.I), False),
)
# "把活动#3改名为春季回购", "活动“回购券”重命名为…", "rename campaign #3 to Spring".
RENAME = (
    re.compile(
        rf"^\s*(?:请|請)?(?:把|将|將)?\s*(?:营销)?(?:活动|活動)\s*{_Q}(?P<name>.+?){_QE}\s*"
        rf"(?:改名为|改名為|改名成|改名叫|重命名为|重命名為|更名为|更名為)\s*"
        rf"(?P<new>.+?){_END}"
    ),
    re.compile(
        rf"^\s*(?:please\s+)?(?:rename|change\s+the\s+name\s+of)\s+(?:the\s+)?campaign\s+"
        rf"{_Q}(?P<name>.+?){_QE}\s+(?:to|as)\s+(?P<new>.+?){_END}",
        re.IGNORECASE,
    ),
)
REDEEM = re.compile(
    r"^\s*(?:核销|核銷|redeem)\s*(?:券码|券碼|优惠券|優惠券|券|coupon|code)?\s*[:：]?\s*"
    r"(?P<code>[A-Za-z0-9][A-Za-z0-9 \-]{4,30}?)"
    r"(?:\s*[,，]?\s*(?:订单|訂單|order)\s*(?:号|號|#|id)?\s*[:：]?\s*(?P<order>[A-Za-z0-9_.:\-]{1,128}))?"
    rf"{_END}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Ask:
    session: Session
    ctx: CommandContext
    requester: Requester
    text: str
    lang: str

    def reply(self, zh: str, en: str, intent: str) -> list[Reply]:
        audit(self.session, self.ctx, self.requester.userid, "command", self.text,
              role=self.requester.role, intent=intent)  # fmt: skip
        return [Reply(self.requester.userid, zh if self.lang == "zh" else en)]


def campaign_reply(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> list[Reply] | None:
    """The reply to a campaign or coupon sentence, or None when `text` is not one."""
    reconfirmed = reconfirm_reply(session, ctx, requester, text, lang)
    if reconfirmed is not None:
        return reconfirmed
    ask = _Ask(session, ctx, requester, text, lang)
    match = REDEEM.match(text)
    if match:
        return _redeem(ask, match["code"], match["order"])
    if LIST.match(text):
        return _list(ask)
    # 上次那个活动 / 上次嗰個活動 / 上次個活動: the last campaign, the pointer word no name
    status = read_status(latest_pointer_dropped(text))  # 上次活动效果怎么样
    if status is not None:
        return _report(ask, status)
    for pattern in REPORT:
        match = pattern.match(text)
        if match:
            return _report(ask, match["name"])
    named = read_named_status(text)  # 双11预热效果怎么样: only a campaign's own name
    if named is not None and _named_exactly(ask, named):
        return _report(ask, named)
    ranking = read_rank(text)  # 哪个活动核销率最高, which campaign did best
    if ranking is not None:
        zh, en = rank_reply(session, ctx, requester, text, ranking, lang)
        return ask.reply(zh, en, "campaign_rank")
    for pattern, paused in PAUSE:
        match = pattern.match(text)
        if match:
            return _pause(ask, match["name"], paused)
    if says_list_schedules(text):  # 我有哪些定时群发: the asker's repeating campaigns
        return _list(ask, scheduled=True)
    if says_pause_schedule(text):  # 取消这个定时群发: the one discussed, or the only one
        return _pause_schedule(ask)
    for pattern in RENAME:
        match = pattern.match(text)
        if match:
            return _rename(ask, match["name"], match["new"])
    return None


def campaign_choice_reply(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    action: str,
    campaign_id: int,
    lang: str,
) -> list[Reply]:
    """The pick from "您指的是哪个活动？": the request asked, for that campaign (checked
    again against what the asker may see)."""
    ask = _Ask(session, ctx, requester, text, lang)
    name = f"#{campaign_id}"
    if action == "campaign_report":
        return _report(ask, name)
    return _pause(ask, name, action == "campaign_pause")


def _visible(ask: _Ask) -> list[Campaign]:
    return visible_campaigns(ask.session, ask.requester, ask.ctx.settings.admins)


def _find(ask: _Ask, name: str) -> Campaign | list[Campaign]:
    """The campaign called `name` (or numbered, "3" / "#3"), or the candidates to list.

    No name, or "刚才那个/that": the one just discussed if the asker may still see it,
    else the only one they have."""
    campaigns = _visible(ask)
    if name == LAST_COUPON:  # 上次发券那个活动: the one whose coupon was issued last
        newest = last_coupon_campaign(ask.session, campaigns, ask.ctx.now)
        return newest if newest is not None else campaigns
    wanted = name.strip().strip("#＃").strip()
    if wanted and is_latest(wanted):  # 上次活动, the last campaign: the one that ran last
        return last_run_campaign(ask.session, campaigns, ask.ctx.now) if campaigns else campaigns
    if not wanted or _REFERENCE.match(wanted):
        last = conv.load(ask.session, ask.requester.userid, ask.ctx.now).campaign
        discussed = [c for c in campaigns if last is not None and c.id == last.campaign_id]
        if discussed:
            return discussed[0]
        return campaigns[0] if len(campaigns) == 1 else campaigns
    exact = [c for c in campaigns if normalize(c.name) == normalize(wanted) or str(c.id) == wanted]
    if len(exact) == 1:
        return exact[0]
    partial = [c for c in campaigns if wanted and (wanted in c.name or c.name in wanted)]
    if len(partial) == 1:
        return partial[0]
    return partial or campaigns


def _named_exactly(ask: _Ask, name: str) -> bool:
    wanted = normalize(name)
    return any(normalize(c.name) == wanted for c in _visible(ask))


def _names(campaigns: list[Campaign]) -> str:
    return "、".join(f"#{c.id}“{c.name}”" for c in campaigns[:10]) + (
        f" …(+{len(campaigns) - 10})" if len(campaigns) > 10 else ""
    )


def _not_found(ask: _Ask, name: str, candidates: list[Campaign], intent: str) -> list[Reply]:
    if not candidates:
        name_zh, name_en = (
            ("上次发券的活动", "the last campaign with coupons") if name == LAST_COUPON
            else (name, name)
        )  # fmt: skip
        return ask.reply(f"没有找到您可以查看的活动“{name_zh}”。",
                         f"There is no campaign “{name_en}” you can see.", intent)  # fmt: skip
    listed = _names(candidates)
    # The pick ("1", "第二个", "#7", the name) answers this same request for that campaign.
    question = conv.PendingQuestion(
        ask.text,
        tuple(c.name for c in candidates[:10]),
        None,
        ask.lang,
        ask.ctx.now,
        kind=conv.CAMPAIGN,
        action=intent,
        options=tuple(c.id for c in candidates[:10]),
    )
    conv.ask_pending(ask.session, ask.requester.userid, question, ask.ctx.now)
    return ask.reply(f"您指的是哪个活动？{listed}（请说出活动名或编号）",
                     f"Which campaign do you mean? {listed} (say its name or number)",
                     intent)  # fmt: skip


def _report(ask: _Ask, name: str) -> list[Reply]:
    found = _find(ask, name)
    if isinstance(found, list):
        return _not_found(ask, name, found, "campaign_report")
    conv.remember_campaign(ask.session, ask.requester.userid, found.id, ask.ctx.now)
    # "还没核销的是谁" next: this campaign's coupon holders are what it is about
    remember_campaign_holders(ask.session, ask.ctx, ask.requester.userid, found.id, ask.lang)
    report = campaign_report(ask.session, found.id, campaign_settings(ask.ctx), ask.requester)
    coupons_zh, coupons_en = coupon_summary(ask.session, ask.requester, found.id)
    return ask.reply(_report_zh(report) + coupons_zh, _report_en(report) + coupons_en,
                     "campaign_report")  # fmt: skip


def _pct(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%" if whole else "-"


def _report_zh(r: CampaignReport) -> str:
    t, h = r.treated, r.holdout
    text = (
        f"活动 #{r.campaign_id}“{r.name}”（{r.runs} 次执行）：目标 {t.size} 人，"
        f"已送达 {t.reached}，核销 {t.redeemed}，"
        f"{r.attribution_days} 天内下单 {t.ordered}（{_pct(t.ordered, t.size)}）；"
        f"对照组 {h.size} 人，下单 {h.ordered}（{_pct(h.ordered, h.size)}）。"
    )
    if r.uplift is None:
        return text + "对照组太小，暂时算不出提升。"
    u = r.uplift
    return text + (
        f"提升 {u.difference * 100:+.1f} 个百分点，"
        f"95% 置信区间 [{u.low * 100:+.1f}, {u.high * 100:+.1f}]。"
    )


def _report_en(r: CampaignReport) -> str:
    t, h = r.treated, r.holdout
    text = (
        f"Campaign #{r.campaign_id} “{r.name}” ({r.runs} run(s)): {t.size} targeted, "
        f"{t.reached} reached, {t.redeemed} redeemed, {t.ordered} ordered within "
        f"{r.attribution_days} days ({_pct(t.ordered, t.size)}); holdout {h.size}, "
        f"{h.ordered} ordered ({_pct(h.ordered, h.size)})."
    )
    if r.uplift is None:
        return text + " The holdout is too small to estimate an uplift yet."
    u = r.uplift
    return text + (
        f" Uplift {u.difference * 100:+.1f} points, "
        f"95% CI [{u.low * 100:+.1f}, {u.high * 100:+.1f}]."
    )


STATUS_WORDS = {
    "zh": {ACTIVE: "进行中", PAUSED: "已暂停"},
    "en": {ACTIVE: "active", PAUSED: "paused"},
}


def _list(ask: _Ask, scheduled: bool = False) -> list[Reply]:
    campaigns = _visible(ask)
    if scheduled:  # what sends again and again: a crontab or on entering a segment
        campaigns = [c for c in campaigns if c.schedule_kind != ONCE]
        if not campaigns:
            return ask.reply("您没有定时群发。", "You have no scheduled sends.", "campaign_list")
    if not campaigns:
        return ask.reply("您还没有可查看的活动。", "You have no campaigns yet.", "campaign_list")
    zh = "\n".join(
        f"#{c.id}“{c.name}” · {STATUS_WORDS['zh'].get(c.status, c.status)}" for c in campaigns
    )
    en = "\n".join(
        f"#{c.id} “{c.name}” · {STATUS_WORDS['en'].get(c.status, c.status)}" for c in campaigns
    )
    return ask.reply(f"您的活动（{len(campaigns)} 个）：\n{zh}",
                     f"Your campaigns ({len(campaigns)}):\n{en}", "campaign_list")  # fmt: skip


def _pause_schedule(ask: _Ask) -> list[Reply]:
    """A scheduled send stopped by what it is: the campaign just discussed, else the asker's
    only repeating one, else which one is asked (never a one-off campaign guessed)."""
    last = conv.load(ask.session, ask.requester.userid, ask.ctx.now).campaign
    campaigns = _visible(ask)
    repeating = [c for c in campaigns if c.schedule_kind != ONCE and c.status == ACTIVE]
    # the one discussed only when it repeats ("这个活动" names any campaign discussed)
    discussed = [c for c in campaigns if last is not None and c.id == last.campaign_id]
    if discussed and (discussed[0] in repeating or names_a_campaign(ask.text)):
        return _pause(ask, f"#{discussed[0].id}", True)
    if not repeating:
        return ask.reply("您没有进行中的定时群发。", "You have no active scheduled sends.",
                         "campaign_pause")  # fmt: skip
    if len(repeating) == 1:
        return _pause(ask, f"#{repeating[0].id}", True)
    return _not_found(ask, "", repeating, "campaign_pause")


def _pause(ask: _Ask, name: str, paused: bool) -> list[Reply]:
    intent = "campaign_pause" if paused else "campaign_resume"
    if ask.requester.role == "sales" and not paused:
        # sending again is a new approval (spec: scheduled pushes by sales need one)
        return ask.reply("只有经理或管理员可以恢复活动。",
                         "Only a manager or an admin can resume a campaign.",
                         intent)  # fmt: skip
    found = _find(ask, name)
    if isinstance(found, list):
        return _not_found(ask, name, found, intent)
    if ask.requester.role == "sales" and found.creator_userid != ask.requester.userid:
        return ask.reply("只有活动的创建人、经理或管理员可以暂停它。",
                         "Only its creator, a manager or an admin can pause a campaign.",
                         intent)  # fmt: skip
    conv.remember_campaign(ask.session, ask.requester.userid, found.id, ask.ctx.now)
    try:
        campaign = set_paused(ask.session, found.id, paused, ask.ctx.now)
    except CampaignError as exc:
        return ask.reply(f"无法更改活动“{found.name}”：{exc}",
                         f"Campaign “{found.name}” cannot be changed: {exc}", intent)  # fmt: skip
    state_zh = STATUS_WORDS["zh"].get(campaign.status, campaign.status)
    state_en = STATUS_WORDS["en"].get(campaign.status, campaign.status)
    return ask.reply(f"活动 #{campaign.id}“{campaign.name}”现在{state_zh}。",
                     f"Campaign #{campaign.id} “{campaign.name}” is now {state_en}.",
                     intent)  # fmt: skip


def _rename(ask: _Ask, name: str, new: str) -> list[Reply]:
    """Its creator or an admin renames a campaign they can see; audited with both names."""
    intent = "campaign_rename"
    wanted = clean_new_name(new)
    if wanted is None:
        return ask.reply(f"新的活动名不能为空，也不能超过 {MAX_NAME_CHARS} 个字。",
                         f"A campaign name must be 1 to {MAX_NAME_CHARS} characters.",
                         intent)  # fmt: skip
    found = _find(ask, name)
    if isinstance(found, list) and not found:
        return _not_found(ask, name, found, intent)
    if isinstance(found, list):  # asked again with a number: a pick would lose the new name
        listed = _names(found)
        return ask.reply(f"您指的是哪个活动？{listed}（请带编号再说一次，"
                         f"如“把活动#{found[0].id}改名为{wanted}”）",
                         f"Which campaign do you mean? {listed} (say it again with its number, "
                         f"e.g. “rename campaign #{found[0].id} to {wanted}”)", intent)  # fmt: skip
    conv.remember_campaign(ask.session, ask.requester.userid, found.id, ask.ctx.now)
    if not (ask.requester.is_admin or found.creator_userid == ask.requester.userid):
        return ask.reply(f"只有活动 #{found.id} 的创建人或管理员可以给它改名。",
                         f"Only the creator of campaign #{found.id} or an admin can rename it.",
                         intent)  # fmt: skip
    before = found.name
    found.name = wanted
    found.updated_at = ask.ctx.now
    audit(ask.session, ask.ctx, ask.requester.userid, intent, ask.text,
          campaign_id=found.id, before=before, after=wanted)  # fmt: skip
    return ask.reply(f"活动 #{found.id} 已改名为“{wanted}”（原名“{before}”）。",
                     f"Campaign #{found.id} is now called “{wanted}” (was “{before}”).",
                     intent)  # fmt: skip


REDEEM_TEXTS = {
    RedeemOutcome.INVALID: ("这不是有效的券码（请检查是否输错）。",
                            "That is not a valid coupon code (check for a typo)."),
    RedeemOutcome.UNKNOWN: ("没有这张券。", "No such coupon."),
    RedeemOutcome.EXPIRED: ("这张券已过期，不能核销。", "This coupon has expired."),
    RedeemOutcome.ALREADY_REDEEMED: ("这张券已经核销过了，不能再次核销。",
                                     "This coupon was already redeemed."),
    RedeemOutcome.NO_ORDER: ("核销需要对应的订单：请说“核销 券码 订单 订单号”。",
                             "A coupon is redeemed against an order: say "
                             "“redeem CODE order ORDER_ID”."),
    RedeemOutcome.ORDER_NOT_FOUND: ("没有找到订单 {order}，不能核销（订单导入后再试）。",
                                    "There is no order {order}; nothing was redeemed "
                                    "(try again once the order is imported)."),
    RedeemOutcome.NOT_AN_ORDER: ("{order} 不是一笔订单，不能用来核销。",
                                 "{order} is not an order; it cannot redeem a coupon."),
    RedeemOutcome.OTHER_CUSTOMER: ("订单 {order} 不是这张券的客户下的，不能核销。",
                                   "Order {order} is not this coupon's customer's; "
                                   "nothing was redeemed."),
    RedeemOutcome.ORDER_BEFORE_ISSUE: ("订单 {order} 下单时这张券还没发放，不能核销。",
                                       "Order {order} was placed before the coupon was "
                                       "issued; nothing was redeemed."),
    RedeemOutcome.ORDER_AFTER_EXPIRY: ("订单 {order} 下单时这张券已过期，不能核销。",
                                       "Order {order} was placed after the coupon expired; "
                                       "nothing was redeemed."),
    RedeemOutcome.BELOW_THRESHOLD: ("订单 {order} 金额 {amount} 元未达到{desc}的门槛 "
                                    "{threshold} 元，不能核销。",
                                    "Order {order} ({amount}) is below the {threshold} "
                                    "threshold of {desc}; nothing was redeemed."),
    RedeemOutcome.ORDER_USED: ("订单 {order} 已经核销过另一张券，一笔订单只能用一张券。",
                               "Order {order} already redeemed another coupon; one order "
                               "redeems one coupon."),
}  # fmt: skip


def _redeem(ask: _Ask, code: str, order: str | None) -> list[Reply]:
    canonical = normalize_code(code)
    if canonical is not None:
        # A campaign's shared code stands for the order's customer's own coupon.
        canonical = resolve_shared_code(ask.session, canonical, order) or canonical
    if canonical is not None and not _may_redeem(ask, canonical):
        # Not the asker's customer: the same answer as an unknown code, so nothing leaks.
        zh, en = REDEEM_TEXTS[RedeemOutcome.UNKNOWN]
        return ask.reply(zh, en, "redeem")
    result = redeem_coupon(
        ask.session, code, order, ask.ctx.now, order_kind=campaign_settings(ask.ctx).order_kind
    )
    if not result.ok:
        zh, en = REDEEM_TEXTS[result.outcome]
        values = {
            "order": order or "",
            "amount": _money(result.order_amount),
            "threshold": _money(result.threshold),
            "desc": result.description,
        }
        return ask.reply(zh.format(**values), en.format(**values), "redeem")
    shown = format_code(result.code or canonical or code)
    return ask.reply(f"已核销券 {shown}（{result.description}），关联订单 {order}。",
                     f"Redeemed coupon {shown} ({result.description}) for order {order}.",
                     "redeem")  # fmt: skip


def _money(amount: Decimal | None) -> str:
    return "-" if amount is None else format(amount.normalize(), "f")


def _may_redeem(ask: _Ask, code: str) -> bool:
    """The coupon's customer is one the asker may see (unknown codes pass: they fail later)."""
    coupon = ask.session.scalars(select(Coupon).where(Coupon.code == code)).first()
    if coupon is None:
        return True
    customers = Customer.__table__
    scope = scope_condition(ask.requester, customers, CteNames())
    if scope is None:
        return True
    visible = exists().where(customers.c.external_userid == coupon.external_userid, scope)
    return bool(ask.session.scalar(select(visible)))
