"""How a campaign's coupons are doing among the asker's customers (segmentation/nlq/
coupon_status.py reads the question): who got one, who used it, who has not — counted and
named in the asker's scope only, the campaign restated by its number and name. What follows
("還沒核銷的是誰", "who didn't?") is about the same campaign: its coupon holders are the last
answer (bot/commands/campaign_followups.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.campaign_chat import REPORT
from bot.commands.campaign_followups import remember_holders
from bot.commands.campaign_refs import with_campaign_named
from bot.commands.campaign_status import read_named_status
from bot.services.answer import Answer, MessageAnswer, SegmentAnswer
from bot.services.digest.campaigns import visible_campaigns
from bot.services.query import answer_command, scope_note
from segmentation.contacts import coupons
from segmentation.models import Customer
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.campaign_described import described_campaigns
from segmentation.nlq.contact_words import name_campaigns
from segmentation.nlq.coupon_status import CouponStatus, read_coupon_status
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import And, CampaignCoupon, Node
from segmentation.scope import Requester
from segmentation.text import language_of, normalize

# The most names said for each side; more are counted ("等 12 人").
_NAMED = 10
# Whose customers, said in English, as the Chinese the parser reads
_SCOPE_EN = {
    "me": "我的客户",
    "us": "我们部门的客户",
    "my customers": "我的客户",
    "our customers": "我们部门的客户",
    "my team": "我们部门的客户",
    "our team": "我们部门的客户",
    "my department": "我们部门的客户",
    "our department": "我们部门的客户",
}


def coupon_status_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The coupon status of the campaign `text` asks about, or None when it asks no such."""
    vocab = load_vocabulary(session, ctx.engine.named)
    text = with_campaign_named(session, ctx, requester, text)  # 那个活动 → 活动#N
    norm = name_campaigns(normalize(text), vocab.campaigns, lambda name: name in vocab.surfaces)
    norm = described_campaigns(norm)  # 上次发券那个活动的券 = the last to issue coupons
    asked = read_coupon_status(norm)
    reported = asked is None  # a report asked of a campaign the asker may not open
    if asked is None:
        asked = _report_out_of_sight(session, ctx, requester, vocab, text)
    if asked is None:
        return None
    number = asked.campaign_id if not asked.latest else vocab.latest_campaigns.get("coupon")
    if number is None or number not in vocab.campaigns:
        return None  # no such campaign, or none issued coupons yet: read as it stands
    node: Node = CampaignCoupon("issued", asked.campaign_id, asked.latest)
    whose = _whose(asked, vocab, requester, ctx)
    if whose is not None:
        node = And((whose, node))
    parts = {state: _customers(session, ctx, requester, node, state, lang) for state in
             ("issued", "redeemed", "unredeemed")}  # fmt: skip
    if reported and not parts["issued"]:
        return None  # none of theirs got its coupon: not their campaign (campaign_chat says so)
    names = {state: _names(session, ids) for state, ids in parts.items()}
    campaign = _campaign_said(number, vocab.campaigns[number], asked.latest, lang)
    message = _message(campaign, names, lang)
    note = scope_note(node, requester, lang)
    if note:
        message = f"{message}\n{note}"
    # What follows is about these coupon holders ("還沒核銷的是誰"): the last answer.
    remember_holders(session, ctx, requester.userid, node, lang, len(parts["issued"]))
    conv.remember_campaign(session, requester.userid, number, ctx.now)
    return MessageAnswer("coupon_status", message)


def _report_out_of_sight(
    session: Session, ctx: CommandContext, requester: Requester, vocab: Vocabulary, text: str
) -> CouponStatus | None:
    """ "双11预热效果怎么样", "how did 双11预热 do" about a campaign whose report the asker may
    not open (a manager whose team did not create it): what its coupons did among the asker's
    own customers, rather than "no such campaign" — nothing of the report leaks."""
    name = read_named_status(text)
    for pattern in REPORT:
        found = pattern.match(text)
        if name is None and found is not None:
            name = found["name"]
    wanted = normalize(name or "").strip('“”"「」 ')
    number = next((i for i, n in vocab.campaigns.items() if normalize(n) == wanted), None)
    if number is None:
        return None
    if any(c.id == number for c in visible_campaigns(session, requester, ctx.settings.admins)):
        return None  # its report answers (campaign_chat)
    issued = session.execute(select(coupons.c.id).where(coupons.c.campaign_id == number).limit(1))
    if issued.first() is None:
        return None
    return CouponStatus(number, False, None, language_of(text) == "en")


def _whose(
    asked: CouponStatus, vocab: Vocabulary, requester: Requester, ctx: CommandContext
) -> Node | None:
    """The customers named by "我们部门的" / "my team" (None: every customer in scope)."""
    if asked.scope is None:
        return None
    said = _SCOPE_EN.get(asked.scope, "") if asked.english else f"{asked.scope}的客户"
    if not said:
        return None
    command = parse_command(
        said, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    return command.segment if isinstance(command, Command) else None


def _customers(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    node: Node,
    state: str,
    lang: str,
) -> list[str]:
    """The customers in scope whose coupon of the campaign is in `state`, in list order."""
    with_state = And(tuple(_in_state(p, state) for p in _parts(node)))
    answer = answer_command(
        session, Command("list", with_state, lang, "", {}), requester, ctx.now, ctx.engine
    )
    return answer.ordered() if isinstance(answer, SegmentAnswer) else []


def _parts(node: Node) -> tuple[Node, ...]:
    return node.children if isinstance(node, And) else (node,)


def _in_state(part: Node, state: str) -> Node:
    if isinstance(part, CampaignCoupon):
        return CampaignCoupon(state, part.campaign_id, part.latest)  # type: ignore[arg-type]
    return part


def _names(session: Session, ids: list[str]) -> list[str]:
    return [(c.name if (c := session.get(Customer, i)) else "") or i for i in ids]


def _campaign_said(number: int, name: str, latest: bool, lang: str) -> str:
    if lang == "zh":
        named = f"活动#{number}“{name}”"
        return f"上次活动（{named}）" if latest else named
    named = f"campaign #{number} “{name}”"
    return f"the last campaign ({named})" if latest else named


def _listed(names: list[str], lang: str) -> str:
    if not names:
        return ""
    shown = ("、" if lang == "zh" else ", ").join(names[:_NAMED])
    more = len(names) - _NAMED
    if more > 0:
        shown += f" 等 {len(names)} 人" if lang == "zh" else f" and {more} more"
    return f"（{shown}）" if lang == "zh" else f" ({shown})"


def _message(campaign: str, names: dict[str, list[str]], lang: str) -> str:
    got, used, unused = names["issued"], names["redeemed"], names["unredeemed"]
    if lang == "zh":
        if not got:
            return f"{campaign}的优惠券：您可以查看的客户中没有人领到。"
        return (
            f"{campaign}的优惠券：领券 {len(got)} 人，已核销 {len(used)} 人{_listed(used, lang)}，"
            f"未核销 {len(unused)} 人{_listed(unused, lang)}；核销率 {len(used) / len(got):.0%}。"
        )
    if not got:
        return f"{_first_up(campaign)} coupons: none of the customers you can see got one."
    return (
        f"{_first_up(campaign)} coupons: {len(got)} got one, {len(used)} redeemed"
        f"{_listed(used, lang)}, {len(unused)} not yet{_listed(unused, lang)}; "
        f"{len(used) / len(got):.0%} redeemed."
    )


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]
