"""Per-member list state in the database, so "更多/more" continues the last list answer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from bot.models.inbox import ChatState


def remember_list(
    session: Session,
    userid: str,
    *,
    description: str,
    customers: Sequence[str],
    shown: int,
    kinds: Sequence[str],
    lang: str,
    now: datetime,
) -> None:
    """Replace the member's list state with a new answer of which `shown` rows were sent."""
    state = session.get(ChatState, userid)
    if state is None:
        state = ChatState(userid=userid)
        session.add(state)
    state.description = description
    state.customers = list(customers)
    state.shown = shown
    state.event_kinds = list(kinds)
    state.language = lang
    state.updated_at = now


def last_list(session: Session, userid: str) -> ChatState | None:
    return session.get(ChatState, userid)


def mark_shown(state: ChatState, shown: int, now: datetime) -> None:
    state.shown = shown
    state.updated_at = now
