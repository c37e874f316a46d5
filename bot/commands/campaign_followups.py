"""The next question about a campaign's coupon stays on that campaign.

"上次活动的券还有谁没核销" then "那谁用了"; "國慶回饋嗰個活動，有邊個用咗張券" then "冇用嗰啲呢";
"雙11預熱那檔活動，我們部門的券核銷狀況如何" then "還沒核銷的是誰"; "who didn't?", "and the rest?".
The follow-up names no campaign, so read alone it would be every campaign's coupons (or not
understood at all): after an answer about one campaign's coupon it is that campaign's, with
the rest of that answer kept (spec/commands.md §2c: the campaign last discussed). The answer
restates the campaign, so the asker sees which one was read.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.context import previous_segment
from bot.commands.texts import say
from bot.services.answer import Answer
from bot.services.query import answer_command, clarify
from segmentation.contacts import coupons
from segmentation.kinds.campaign_holdout import CampaignHeldOut
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.campaign_described import described_campaigns
from segmentation.nlq.campaign_followups import (
    Campaign,
    answer_campaign,
    asks_count,
    asks_who,
    bind_campaign,
    coupon_campaign,
    coupon_state,
    named_campaign,
    on_campaign,
    on_sent_campaign,
    other_state,
    said_coupon_state,
    said_other_campaign,
    said_received,
    sent_campaign,
    unbound_coupon,
    unbound_coupon_parts,
    with_coupon_state,
    with_coupon_word,
)
from segmentation.nlq.contact_words import name_campaigns
from segmentation.nlq.followup import read_follow_up
from segmentation.nlq.holdout_words import names_a_holdout, with_holdout_campaign
from segmentation.nlq.restate import describe
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import And, CampaignCoupon, CampaignMessaged, Node, to_json
from segmentation.scope import Requester
from segmentation.text import normalize


def campaign_followup_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The answer to a coupon follow-up on the campaign of the last answer, or None."""
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    previous_node, previous = found
    vocab = load_vocabulary(session, ctx.engine.named)
    received = _received(vocab, previous_node, text)
    if received is not None:  # "and how many actually received it": its message, reported sent
        return _answer_node(session, ctx, requester, vocab, received, text, previous.intent, lang)
    held_out = _held_out(session, ctx, requester, vocab, previous_node, text)
    if held_out is not None:  # "对照组呢", "what about the control group": that campaign's
        return answer_command(session, held_out, requester, ctx.now, ctx.engine,
                              with_members=ctx.count_ids)  # fmt: skip
    campaign = coupon_campaign(previous_node)
    if campaign is None:  # 双11预热呢 after whom a message reached: that campaign's
        other = _other_sent_campaign(vocab, previous_node, text)
        if other is None:
            return None
        return _answer_node(session, ctx, requester, vocab, other, text, previous.intent, lang)
    node = _short_followup(previous_node, text)
    if node is None:
        other = _other_campaign(session, vocab, previous_node, campaign, text)
        if isinstance(other, str):
            return clarify(say("campaign_none_before", lang))
        node = other
    if node is None:
        own = _own_question(session, ctx, requester, previous_node, text)
        if isinstance(own, Command):
            return answer_command(session, own, requester, ctx.now, ctx.engine,
                                  with_members=ctx.count_ids)  # fmt: skip
        node = own
    if node is None:
        return None
    return _answer_node(session, ctx, requester, vocab, node, text, previous.intent, lang)


def _answer_node(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    vocab: Vocabulary,
    node: Node,
    text: str,
    previous_intent: str,
    lang: str,
) -> Answer:
    intent = _intent(text, previous_intent)
    description = describe(node, lang, ctx.now, ctx.settings.timezone, vocab)
    return answer_command(
        session,
        Command(intent, node, lang, description, {}),
        requester,
        ctx.now,
        ctx.engine,
        with_members=ctx.count_ids,
    )


def _received(vocab: Vocabulary, previous_node: Node, text: str) -> Node | None:
    """After an answer about one campaign, "who received it" / 实际收到的有几个: the customers
    its mass message reached. The last coupon campaign (上次发券活动) is named by its number
    here: "the last campaign" of messages may be another one."""
    about = answer_campaign(previous_node)
    if about is None or not said_received(text):
        return None
    kind, (campaign_id, latest) = about
    if latest and kind == "coupon":
        campaign_id, latest = vocab.latest_campaigns.get("coupon"), False
        if campaign_id is None:
            return None
    named = named_campaign(text)  # "that campaign", already written as its number
    if named is not None and named != campaign_id:
        return None  # another campaign: a question of its own
    return CampaignMessaged(campaign_id, latest)


def _held_out(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    vocab: Vocabulary,
    previous_node: Node,
    text: str,
) -> Command | None:
    """After an answer about one campaign, its control group asked with no campaign
    ("對照組呢", "对照组有谁", "控制組入面有邊個", "what about the control group", "who was held
    out"): the question read with that campaign named (asked alone, which campaign's is
    asked back: each campaign holds out its own customers)."""
    campaign_id = _answer_campaign_id(vocab, previous_node)
    if campaign_id is None:
        return None
    named = name_campaigns(normalize(text), vocab.campaigns, lambda n: n in vocab.surfaces)
    rewritten = with_holdout_campaign(text, campaign_id, named)
    if rewritten is None and _says_holdout_of(named, campaign_id):
        rewritten = text  # 對照組呢, already put on the campaign discussed (campaign_refs)
    if rewritten is None:
        return None
    command = parse_command(
        rewritten, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if not isinstance(command, Command) or command.intent not in ("list", "count"):
        return None
    return command if command.segment is not None and _holds_out(command.segment) else None


def _says_holdout_of(named: str, campaign_id: int) -> bool:
    """Whether `named` (normalised, campaigns numbered) says campaign `campaign_id`'s control
    group, by its number."""
    return names_a_holdout(named) and (
        f"活动#{campaign_id}" in named or f"campaign #{campaign_id}" in named
    )


def _answer_campaign_id(vocab: Vocabulary, previous_node: Node) -> int | None:
    """The number of the one campaign the last answer is about ("the last campaign" of
    coupons or of messages looked up), or None."""
    about = answer_campaign(previous_node)
    if about is None:
        return None
    kind, (campaign_id, latest) = about
    if campaign_id is not None:
        return campaign_id
    return vocab.latest_campaigns.get(kind) if latest else None


def _holds_out(node: Node) -> bool:
    parts = node.children if isinstance(node, And) else (node,)
    return any(isinstance(p, CampaignHeldOut) for p in parts)


def _short_followup(previous_node: Node, text: str) -> Node | None:
    """ "那谁用了", "冇用嗰啲呢", "who didn't?", "and the rest?": the last answer with its
    coupon in the state asked for."""
    said = said_coupon_state(text)
    follow = read_follow_up(text) if said is None else None
    if follow is not None and follow.pointed:  # 这些人里用了的有几个, of them who didn't
        said = said_coupon_state(follow.rest)
    if said is None:
        return None
    state = other_state(coupon_state(previous_node)) if said == "other" else said
    if state is None:
        return None
    return with_coupon_state(previous_node, state)


def _other_campaign(
    session: Session, vocab: Vocabulary, previous_node: Node, campaign: Campaign, text: str
) -> Node | str | None:
    """ "那国庆回馈呢", "what about the last campaign?", "the one before?": the last answer about
    that campaign's coupon; "" when no campaign issued coupons before the one asked about."""
    norm = name_campaigns(normalize(text), vocab.campaigns, lambda n: n in vocab.surfaces)
    norm = described_campaigns(norm)  # 那上次发券那个活动呢 / what about the last one with coupons
    other = said_other_campaign(norm)
    if other is None:
        return None
    if not other.before:
        return on_campaign(previous_node, (other.campaign_id, other.latest))
    current = campaign[0] if campaign[0] is not None else vocab.latest_campaigns.get("coupon")
    before = _coupon_campaign_before(session, current)
    return "" if before is None else on_campaign(previous_node, (before, False))


def _other_sent_campaign(vocab: Vocabulary, previous_node: Node, text: str) -> Node | None:
    """ "双11预热呢", "what about 老客关怀?", "上次活动呢" after an answer about whom one
    campaign's message reached (or its control group): the same answer about that campaign.
    The one before it is known of coupons only: asked as a question of its own."""
    if sent_campaign(previous_node) is None:
        return None
    norm = name_campaigns(normalize(text), vocab.campaigns, lambda n: n in vocab.surfaces)
    other = said_other_campaign(described_campaigns(norm))
    if other is None or other.before:
        return None
    return on_sent_campaign(previous_node, (other.campaign_id, other.latest))


def _coupon_campaign_before(session: Session, campaign_id: int | None) -> int | None:
    """The campaign whose newest coupon came before `campaign_id`'s newest one."""
    newest = func.max(coupons.c.id)
    order = list(
        session.execute(
            select(coupons.c.campaign_id).group_by(coupons.c.campaign_id).order_by(newest.desc())
        ).scalars()
    )
    if campaign_id not in order:
        return None
    later = order.index(campaign_id) + 1
    return int(order[later]) if later < len(order) else None


def _own_question(
    session: Session, ctx: CommandContext, requester: Requester, previous_node: Node, text: str
) -> Command | Node | None:
    """A question about a coupon read on its own: a campaign named ("上次活动谁没核销",
    "last campaign: who didn't redeem?") is a question of its own (the Command), never a
    narrowing of the last answer; "還沒核銷的是誰", "哪些人还没用券" — a coupon of no campaign —
    is the last answer's campaign, the rest of that answer kept (the node). A question
    pointing at the last answer ("其中没核销的") is a refinement, read elsewhere."""
    follow = read_follow_up(text)
    if follow is not None and follow.pointed:
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    command = parse_command(
        with_coupon_word(text),
        vocabulary=vocab,
        asker=requester.userid,
        now=ctx.now,
        tz=ctx.settings.timezone,
    )
    if isinstance(command, Command) and command.intent in _ACTIONS:
        return _action_on_campaign(session, ctx, vocab, previous_node, command)
    if not isinstance(command, Command) or command.intent not in ("list", "count"):
        return None
    if isinstance(command.segment, CampaignCoupon) and coupon_campaign(command.segment):
        return command
    asked = unbound_coupon(command.segment) if command.segment is not None else None
    if asked is None or asked.window is not None:
        return None
    return with_coupon_state(previous_node, asked.state)  # the last answer's campaign


# What is done to customers named by a coupon's state: on the campaign just discussed.
_ACTIONS = ("push", "tag", "untag", "schedule", "export")


def _action_on_campaign(
    session: Session, ctx: CommandContext, vocab: Vocabulary, previous_node: Node, command: Command
) -> Command | None:
    """ "给没用的发条消息提醒下券快过期了", "tag the ones who haven't used the coupon 待跟进" after
    an answer about one campaign's coupon: whom it is done to is that campaign's (used or not
    used), never every campaign's — the card names the campaign before anything runs."""
    campaign = coupon_campaign(previous_node)
    segment = command.segment
    if campaign is None or segment is None or not unbound_coupon_parts(segment):
        return None
    bound = bind_campaign(segment, campaign)
    if bound == segment:  # the coupon inside a negation or an OR: not said of its customers
        return None
    description = describe(bound, command.language, ctx.now, ctx.settings.timezone, vocab)
    return replace(command, segment=bound, description=description)


def _intent(text: str, previous_intent: str) -> str:
    """A count when asked how many, a list when asked who; else what was asked before."""
    if asks_count(text):
        return "count"
    if asks_who(text):
        return "list"
    return previous_intent if previous_intent in ("list", "count") else "list"


def remember_holders(
    session: Session, ctx: CommandContext, userid: str, node: Node, lang: str, count: int
) -> None:
    """After a campaign's report or coupon status (words, no list): its coupon holders `node`
    are the last answer, so "還沒核銷的是誰" / "who didn't?" next is about that campaign."""
    vocab = load_vocabulary(session, ctx.engine.named)
    description = describe(node, lang, ctx.now, ctx.settings.timezone, vocab)
    shown = conv.PreviousAnswer(
        to_json(node), description[:300], "list", lang, ctx.now, count=count
    )
    conv.remember_shown(session, userid, shown, ctx.now)


def remember_campaign_holders(
    session: Session, ctx: CommandContext, userid: str, campaign_id: int, lang: str
) -> None:
    """After a campaign's report: its coupon holders are the last answer (none, for a
    campaign of messages only: "还没核销的是谁" then finds nobody of THAT campaign, said so)."""
    remember_holders(session, ctx, userid, CampaignCoupon("issued", campaign_id), lang, 0)
