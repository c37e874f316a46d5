"""The confirmation card for an action asked in chat: size, samples, exclusions, content, cost."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands.actions import (
    content_words,
    coupon_template,
    coupon_value,
    schedule_words,
)
from bot.commands.approval import request_buttons
from bot.commands.cards import confirmation_card
from bot.commands.privacy import sample_names
from bot.commands.push_card import facts_for, push_rows, push_text, received_title
from bot.commands.texts import say
from bot.services.answer import SegmentAnswer
from bot.services.campaigns.push_preview import coupon_reading
from bot.services.campaigns.settings import CampaignSettings
from bot.services.confirmations import DEFAULT_TTL, create_pending
from segmentation.nlq import load_vocabulary
from segmentation.nodes import Node, canonical, to_json
from segmentation.scope import Requester
from segmentation.text import normalize_name

ACTION_DETAILS = ("tag", "message", "coupon", "schedule", "name", "per_customer", "script")


def campaign_settings(ctx: CommandContext) -> CampaignSettings:
    """The deployment's campaign settings (parsed with the rest of the settings)."""
    return ctx.settings.campaigns


def canonical_segment(segment: Node) -> tuple[Node, dict[str, Any]]:
    node = canonical(segment)
    return node, to_json(node)


def _title(intent: str, details: dict[str, Any], lang: str) -> str:
    return say(f"title_{intent}", lang, tag=details.get("tag", ""), name=details.get("name", ""))


def _cost(intent: str, details: dict[str, Any], count: int, ctx: CommandContext, lang: str) -> str:
    if intent not in ("push", "schedule"):
        return ""
    if details.get("coupon"):
        value = coupon_value(coupon_template(str(details["coupon"])))
        if value is None:
            return say("cost_discount", lang, coupon=coupon_reading(details, lang))
        total = (value * count).quantize(Decimal("0.01"))
        return say("cost_coupon", lang, total=_plain(total), count=count, value=_plain(value))
    return say("cost_mass", lang, limit=campaign_settings(ctx).monthly_mass_limit)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def preview_rows(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    node: Node,
    intent: str,
    details: dict[str, Any],
    customers: list[str],
    lang: str,
) -> list[tuple[str, str]]:
    count = len(customers)
    rows = [(say("key_size", lang), say("size_value", lang, count=count))]
    samples = sample_names(session, customers)
    if samples:
        rows.append((say("key_sample", lang), ("、" if lang == "zh" else ", ").join(samples)))
    # Never how many customers outside the asker's scope match (spec/security.md): that
    # number would answer any condition over customers they may not see.
    excluded = "excluded_deleted" if requester.is_admin else "excluded_scope"
    rows.append((say("key_excluded", lang), say(excluded, lang)))
    content = content_words(details)
    if intent == "tag" and _is_new_tag(session, ctx, str(details.get("tag") or "")):
        content = say("new_tag", lang, tag=content)  # said before WeCom gets a new tag
    rows.append((say("key_content", lang), content))
    if intent == "schedule":
        rows.append((say("key_when", lang), schedule_words(details["schedule"], lang)))
    elif intent == "push":
        rows.append((say("key_when", lang), say("now", lang)))
    cost = _cost(intent, details, count, ctx, lang)
    if cost:
        rows.append((say("key_cost", lang), cost))
    return rows


def _is_new_tag(session: Session, ctx: CommandContext, tag: str) -> bool:
    vocab = load_vocabulary(session, ctx.engine.named)
    return bool(tag) and vocab.tags.get(normalize_name(tag)) is None


def _send_names(session: Session, customers: list[str], lang: str) -> str:
    """Whom a send reaches, by name (its rows have no room for them): "例如：Mike、Ken"."""
    samples = sample_names(session, customers)
    if not samples:
        return ""
    names = ("、" if lang == "zh" else ", ").join(samples)
    key = "send_to_names" if len(customers) <= len(samples) else "send_to_some"
    return say(key, lang, names=names)


def confirmation_reply(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    answer: SegmentAnswer,
    lang: str,
) -> Reply:
    """Store the pending action and answer with its card; nothing is executed here."""
    userid = requester.userid
    intent = answer.intent
    description = answer.description
    customers = list(answer.customers)
    if not customers and intent != "save":
        return Reply(userid, say("nothing_to_do", lang, description=description))
    node, segment = canonical_segment(answer.segment)
    # The user's own words: a push's message is its template, never the rendered preview.
    details = answer.action.items(ACTION_DETAILS)
    if answer.named is not None:  # the customers named, re-checked when it is confirmed
        details["customers"] = list(answer.named)
    facts = None
    if intent in ("push", "schedule"):
        facts = facts_for(session, ctx, requester, customers, details, lang)
        if facts.needs_approval:
            details["needs_approval"] = True
    action = create_pending(
        session,
        asker=userid,
        intent=intent,
        segment=segment,
        description=description,
        details=details,
        language=lang,
        preview_count=len(customers),
        now=ctx.now,
        ttl=DEFAULT_TTL,
    )
    if facts is not None:
        rows = push_rows(session, ctx, facts, details, len(customers), lang)
        text = push_text(session, ctx, facts, details, description, len(customers), lang)
    else:
        rows = preview_rows(session, ctx, requester, node, intent, details, customers, lang)
        text = say("card_text", lang, description=description, count=len(customers))
    card = confirmation_card(
        task_id=action.task_id,
        title=_title(intent, details, lang),
        description=description,
        rows=rows,
        lang=lang,
        quote=(received_title(details, lang), facts.message) if facts is not None else None,
        title_desc=_send_names(session, customers, lang) if facts is not None else "",
    )
    if facts is not None and facts.needs_approval:
        card = request_buttons(card, lang)  # no confirm button the asker may not press
    action.card = card
    return Reply(userid, text, card=card, pending_id=action.id)
