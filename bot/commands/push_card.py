"""The facts of a push or schedule, as a confirm card shows them (bot.services.campaigns
.push_preview computes them): who receives it, the text, when, the cost, the WeCom tasks."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.actions import schedule_words
from bot.commands.texts import say
from bot.services.campaigns.push_preview import (
    PushFacts,
    PushPlan,
    coupon_of,
    coupon_reading,
    push_facts,
)
from segmentation.models import Staff
from segmentation.scope import Requester

# The pending action's details keep what confirmation must reuse (holdout seed, shared code).
PLAN_KEY = "plan"


def facts_for(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    customers: list[str],
    details: dict[str, Any],
    lang: str,
) -> PushFacts:
    """Compute the facts, fixing the plan in `details` the first time (the card's action)."""
    plan = PushPlan.from_json(details.get(PLAN_KEY))
    if plan is None:
        plan = PushPlan.new(session, details)
        details[PLAN_KEY] = plan.to_json()
    return push_facts(
        session,
        requester=requester,
        customers=customers,
        details=details,
        language=lang,
        plan=plan,
        now=ctx.now,
        settings=ctx.settings.campaigns,
        cost_limit=ctx.settings.approval_cost_limit,
    )


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _when(facts: PushFacts, details: dict[str, Any], ctx: CommandContext, lang: str) -> str:
    """When it is sent: now (or after quiet hours); a schedule says how often, then when
    it first runs."""
    at = facts.send_at.astimezone(ctx.settings.timezone).strftime("%m-%d %H:%M")
    first = say("send_at_quiet" if facts.quiet_hours else "send_at_value", lang, at=at)
    schedule = details.get("schedule")
    if not isinstance(schedule, dict):
        return first
    if schedule.get("every") == "once":  # when it runs is all there is; quiet hours may hold it
        words = schedule_words(schedule, lang)
        if not facts.quiet_hours:
            return words
        return f"{words}（{first}）" if lang == "zh" else f"{words} ({first})"
    return say("schedule_first", lang, every=schedule_words(schedule, lang), first=first)


def _cost(facts: PushFacts, details: dict[str, Any], lang: str) -> str:
    template = coupon_of(details)
    if template is None:
        text = say("cost_none", lang)
    elif facts.cost_max is None or template.value is None:
        # a discount costs what the orders make of it: the card says which discount it is
        text = say("cost_unbounded", lang, coupon=coupon_reading(details, lang))
    else:
        text = say(
            "cost_value",
            lang,
            total=_plain(facts.cost_max),
            count=facts.recipients,
            value=_plain(template.value),
        )
    return text + (say("needs_approval", lang) if facts.needs_approval else "")


def _excluded(facts: PushFacts, lang: str) -> str:
    parts = [f"{say('reason_' + k, lang)} {n}" for k, n in facts.excluded.items() if n]
    return ("、" if lang == "zh" else ", ").join(parts) or say("excluded_none", lang)


def _tasks(session: Session, facts: PushFacts, lang: str) -> str:
    ids = [t.sender for t in facts.tasks]
    stmt = select(Staff.userid, Staff.name).where(Staff.userid.in_(ids))
    names = {userid: name for userid, name in session.execute(stmt)}
    return say("task_sep", lang).join(
        say("task_value", lang, name=names.get(t.sender) or t.sender, n=t.confirmations)
        for t in facts.tasks
    )


def push_rows(
    session: Session,
    ctx: CommandContext,
    facts: PushFacts,
    details: dict[str, Any],
    count: int,
    lang: str,
) -> list[tuple[str, str]]:
    """The card's rows: the segment's size and who is sent to, holdout, exclusions, when,
    the most it can cost and each salesperson's WeCom confirmations."""
    return [
        (say("key_size", lang), say("recipients_value", lang, count=count, sent=facts.recipients)),
        (say("key_holdout", lang), say("holdout_value", lang, count=facts.holdout)),
        (say("key_excluded", lang), _excluded(facts, lang)),
        (say("key_send_at", lang), _when(facts, details, ctx, lang)),
        (say("key_cost_max", lang), _cost(facts, details, lang)),
        (say("key_tasks", lang), _tasks(session, facts, lang)),
    ]


def push_text(
    session: Session,
    ctx: CommandContext,
    facts: PushFacts,
    details: dict[str, Any],
    description: str,
    count: int,
    lang: str,
) -> str:
    approval = (
        say("approval_text", lang, limit=_plain(ctx.settings.approval_cost_limit))
        if facts.needs_approval
        else ""
    )
    return say(
        "push_text",
        lang,
        description=description,
        count=count,
        recipients=facts.recipients,
        holdout=facts.holdout,
        message=facts.message,
        send_at=_when(facts, details, ctx, lang),
        cost=_cost(facts, details, lang),
        tasks=_tasks(session, facts, lang),
        approval=approval + _placeholder_note(details, lang),
    )


# Another tool's placeholder ({{name}}, {{ 姓名 }}): sent as typed (content.py fills single
# braces only), which the member may not expect — the card's text says so.
_TYPED_PLACEHOLDER = re.compile(r"\{\{\s*[^{}\s]{1,20}\s*\}\}")


def _typed_placeholders(details: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(_TYPED_PLACEHOLDER.findall(str(details.get("message") or ""))))


def _placeholder_note(details: dict[str, Any], lang: str) -> str:
    typed = _typed_placeholders(details)
    if not typed:
        return ""
    sep = "、" if lang == "zh" else ", "
    return say("placeholder_as_typed", lang, typed=sep.join(typed))


def received_title(details: dict[str, Any], lang: str) -> str:
    """The title over the message on the card; with another tool's placeholder in it, that it
    goes out as typed ("客户收到的内容（{{name}}不替换）")."""
    typed = _typed_placeholders(details)
    if not typed:
        return say("key_received", lang)
    return say("received_as_typed", lang, typed=typed[0])
