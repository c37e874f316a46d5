"""Pending actions: create them, find them, and move their status exactly once."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.models.confirmations import (
    CANCELLED,
    CONFIRMED,
    EXECUTED,
    EXPIRED,
    PENDING,
    PendingAction,
)

DEFAULT_TTL = timedelta(minutes=30)


def new_task_id() -> str:
    """A card task_id: unguessable, and only characters WeCom accepts ([0-9A-Za-z_-@])."""
    return "segbot-" + secrets.token_hex(16)


def create_pending(
    session: Session,
    *,
    asker: str,
    intent: str,
    segment: dict[str, Any],
    description: str,
    details: dict[str, Any],
    language: str,
    preview_count: int,
    now: datetime,
    ttl: timedelta = DEFAULT_TTL,
) -> PendingAction:
    action = PendingAction(
        task_id=new_task_id(),
        asker_userid=asker,
        intent=intent,
        segment=segment,
        description=description,
        details=details,
        language=language,
        preview_count=preview_count,
        status=PENDING,
        created_at=now,
        expires_at=now + ttl,
    )
    session.add(action)
    session.flush()
    return action


def find_by_task(session: Session, task_id: str) -> PendingAction | None:
    return session.scalars(select(PendingAction).where(PendingAction.task_id == task_id)).first()


def latest_pending(session: Session, userid: str) -> PendingAction | None:
    """The member's most recent action still waiting (expired or not: the caller says which)."""
    stmt = (
        select(PendingAction)
        .where(PendingAction.asker_userid == userid, PendingAction.status == PENDING)
        .order_by(PendingAction.created_at.desc(), PendingAction.id.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def latest_action(session: Session, userid: str) -> PendingAction | None:
    """The member's most recent action card, whatever became of it. A typed 确认 means this
    card: after cancelling it, 确认 must not reach back to an older card still waiting."""
    stmt = (
        select(PendingAction)
        .where(PendingAction.asker_userid == userid)
        .order_by(PendingAction.created_at.desc(), PendingAction.id.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def _transition(
    session: Session,
    action: PendingAction,
    *,
    to: str,
    by: str,
    now: datetime,
    live: bool,
) -> bool:
    """pending → `to` in one conditional UPDATE; False when someone else moved it first.

    `live` demands an unexpired action (confirm, cancel); expiry demands an expired one. On
    PostgreSQL a concurrent second UPDATE waits for the first transaction and then matches no
    row, so exactly one confirmation wins."""
    timely = PendingAction.expires_at > now if live else PendingAction.expires_at <= now
    result = session.execute(
        update(PendingAction)
        .where(PendingAction.id == action.id, PendingAction.status == PENDING, timely)
        .values(status=to, decided_by=by, decided_at=now)
        .execution_options(synchronize_session=False)
    )
    session.refresh(action)
    return result.rowcount == 1  # type: ignore[attr-defined]


def claim_for_execution(session: Session, action: PendingAction, by: str, now: datetime) -> bool:
    return _transition(session, action, to=CONFIRMED, by=by, now=now, live=True)


def cancel(session: Session, action: PendingAction, by: str, now: datetime) -> bool:
    return _transition(session, action, to=CANCELLED, by=by, now=now, live=True)


def expire(session: Session, action: PendingAction, now: datetime) -> bool:
    return _transition(session, action, to=EXPIRED, by="", now=now, live=False)


def record_result(action: PendingAction, result: dict[str, Any]) -> None:
    """confirmed → executed with what happened (the same transaction as the effects)."""
    if action.status != CONFIRMED:
        raise ValueError(f"action {action.id} is {action.status}, not confirmed")
    action.status = EXECUTED
    action.result = result
