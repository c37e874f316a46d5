"""The chat router: who is asking, what they asked, which handler answers (no SQL here)."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands.answers import (
    clarify_reply,
    count_reply,
    generic_reply,
    list_reply,
    more_reply,
    preview_reply,
)
from bot.commands.audit import audit
from bot.commands.texts import is_more, language_of, say
from integrations.wecom.events import CardClick
from segmentation.scope import resolve_requester

log = logging.getLogger(__name__)


def _answer(session: Session, ctx: CommandContext, userid: str, text: str) -> dict[str, Any]:
    try:
        return ctx.query(session, text, as_userid=userid, now=ctx.now)
    except SQLAlchemyError:
        raise  # the database is away: keep the message and retry it later
    except Exception as exc:
        # Any text must get an answer, never silence: log the kind of failure, ask again.
        log.exception("query failed for a chat message: %s", type(exc).__name__)
        return {"intent": "clarify", "message": say("busy", language_of(text)), "suggestions": []}


def _reply_text(
    session: Session, ctx: CommandContext, userid: str, answer: dict[str, Any], lang: str
) -> str:
    intent = answer.get("intent")
    if intent == "clarify":
        return clarify_reply(answer, lang)
    if answer.get("needs_confirmation"):
        return preview_reply(answer, lang)
    if intent == "list":
        return list_reply(session, ctx, userid, answer, lang)
    if intent == "count":
        return count_reply(answer, lang)
    return generic_reply(answer, lang)


def handle_text(session: Session, ctx: CommandContext, userid: str, text: str) -> list[Reply]:
    """Answer one chat message from `userid` (the caller sends the replies and commits)."""
    lang = language_of(text)
    requester = resolve_requester(session, userid, ctx.settings.admins)
    if requester is None:
        audit(session, ctx, userid, "refused", text, reason="not a known member")
        return [Reply(userid, say("not_member", lang))]
    if not text.strip():
        audit(session, ctx, userid, "command", text, intent="empty")
        return [Reply(userid, say("empty", lang))]
    if is_more(text):
        reply = more_reply(session, ctx, userid, lang)
        audit(session, ctx, userid, "more", text, role=requester.role)
        return [Reply(userid, reply)]
    answer = _answer(session, ctx, userid, text)
    reply = _reply_text(session, ctx, userid, answer, lang)
    audit(
        session,
        ctx,
        userid,
        "command",
        text,
        role=requester.role,
        intent=answer.get("intent"),
        count=answer.get("count"),
        needs_confirmation=bool(answer.get("needs_confirmation")),
    )
    return [Reply(userid, reply)]


def handle_card_click(session: Session, ctx: CommandContext, click: CardClick) -> list[Reply]:
    """Record a button press on one of our cards (the confirmation flow reads the log)."""
    audit(
        session,
        ctx,
        click.from_user,
        "card_click",
        click.event_key,
        task_id=click.task_id,
        card_type=click.card_type,
    )
    return []
