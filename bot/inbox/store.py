"""Writing callbacks into the inbox and reading its state (counts, dead messages)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.models.inbox import DEAD, INBOX_STATUSES, RECEIVED, InboxMessage
from bot.services.events import insert_ignoring_conflicts
from integrations.wecom.events import (
    CallbackMessage,
    CardClick,
    ContactChange,
    TagChange,
    TextMessage,
)


def message_kind(message: CallbackMessage) -> str:
    if isinstance(message, TextMessage):
        return "text"
    if isinstance(message, ContactChange):
        return "contact"
    if isinstance(message, TagChange):
        return "tag"
    if isinstance(message, CardClick):
        return "card"
    return "unknown"


def store_callback(
    session: Session, message: CallbackMessage, plaintext_xml: str, now: datetime
) -> bool:
    """Store one verified callback; False when its idempotency key is already stored (a replay)."""
    row = {
        "idempotency_key": message.idempotency_key,
        "kind": message_kind(message),
        "payload": plaintext_xml,
        "status": RECEIVED,
        "attempts": 0,
        "received_at": now,
        "next_attempt_at": now,
    }
    inserted = insert_ignoring_conflicts(session, InboxMessage.__table__, [row], "idempotency_key")
    return bool(inserted)


def inbox_counts(session: Session) -> dict[str, int]:
    """Messages per status (every status present, zeros included)."""
    rows = session.execute(
        select(InboxMessage.status, func.count()).group_by(InboxMessage.status)
    ).all()
    counts = dict.fromkeys(INBOX_STATUSES, 0)
    counts.update({status: int(n) for status, n in rows})
    return counts


def dead_messages(session: Session, limit: int = 50) -> list[InboxMessage]:
    """Messages that exhausted their retries, newest first, for an operator to look at."""
    stmt = (
        select(InboxMessage)
        .where(InboxMessage.status == DEAD)
        .order_by(InboxMessage.id.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))
