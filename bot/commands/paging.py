"""Per-member list state in the database, so "更多/more" continues the last list answer.

A stored list is a snapshot of an answer: it expires after a day, and every page is checked
again against the asker's scope as it is now, so a customer who has left it is not shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models.inbox import ChatState
from segmentation.models import Customer
from segmentation.scope import CteNames, Requester, scope_condition

# spec/commands.md §2c: a member's context expires after 24 hours.
LIST_TTL = timedelta(hours=24)
customers_table = Customer.__table__


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
    """Replace the member's list state with a new answer of which `shown` rows were sent.
    `updated_at` is when the list was answered (paging does not move it: see expired)."""
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


def expired(state: ChatState, now: datetime) -> bool:
    """A list answered more than a day ago is not paged on: ask again for today's answer."""
    return now - state.updated_at > LIST_TTL


def mark_shown(state: ChatState, shown: int) -> None:
    """Only the position moves: the list's age stays that of its answer."""
    state.shown = shown


def visible_page(session: Session, requester: Requester, state: ChatState, size: int) -> list[str]:
    """The next `size` customers of the stored list that the asker may still see (not
    deleted, still in their scope now); the ones that may not are dropped from the list."""
    customers = list(state.customers or [])
    kept, page, index = customers[: state.shown], [], state.shown
    while index < len(customers) and len(page) < size:
        chunk = customers[index : index + size]
        visible = _visible(session, requester, chunk)
        for eid in chunk:
            if len(page) == size:
                break
            index += 1
            if eid in visible:
                page.append(eid)
                kept.append(eid)
    state.customers = kept + customers[index:]
    return page


def _visible(session: Session, requester: Requester, ids: Sequence[str]) -> set[str]:
    stmt = select(customers_table.c.external_userid).where(
        customers_table.c.external_userid.in_(list(ids)),
        customers_table.c.deleted.is_(False),
    )
    scope = scope_condition(requester, customers_table, CteNames())
    if scope is not None:
        stmt = stmt.where(scope)
    return set(session.execute(stmt).scalars())
