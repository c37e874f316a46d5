"""Per-member list state in the database, so "更多/more" continues the last list answer.

A stored list is a snapshot of an answer: it expires after a day, and every page is checked
again against the asker's scope as it is now, so a customer who has left it is not shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from bot.models.inbox import ChatState
from bot.services.digest.people import scope_staff
from segmentation.models import Customer, Follow
from segmentation.scope import CteNames, Requester, scope_condition

# spec/commands.md §2c: a member's context expires after 24 hours.
LIST_TTL = timedelta(hours=24)
CHUNK = 500  # ids per IN (...) when re-checking a whole list
customers_table = Customer.__table__


def remember_list(
    session: Session,
    userid: str,
    *,
    description: str,
    customers: Sequence[str],
    shown: int,
    segment: dict[str, Any] | None,
    lang: str,
    now: datetime,
) -> None:
    """Replace the member's list state with a new answer of which `shown` rows were sent
    (`segment`: the question's JSON, whose facts later pages show too).
    `updated_at` is when the list was answered (paging does not move it: see expired)."""
    state = session.get(ChatState, userid)
    if state is None:
        state = ChatState(userid=userid)
        session.add(state)
    state.description = description
    state.customers = list(customers)
    state.shown = shown
    state.segment = segment
    state.event_kinds = None  # read by nothing since the segment is kept
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


def still_visible(
    session: Session, requester: Requester, ids: Sequence[str], *, lost: bool = False
) -> list[str]:
    """The customers of a stored list that the asker may still see now, in the list's order
    (an export of the whole list gets the same re-check as a page). `lost`: a list of lost
    customers, who by definition have no live follow left; each stays visible while a follow
    of it by someone in the asker's scope now is on record (ended ones included)."""
    visible: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        visible |= _visible(session, requester, ids[start : start + CHUNK], lost=lost)
    return [eid for eid in ids if eid in visible]


def _visible(
    session: Session, requester: Requester, ids: Sequence[str], *, lost: bool = False
) -> set[str]:
    stmt = select(customers_table.c.external_userid).where(
        customers_table.c.external_userid.in_(list(ids)),
        customers_table.c.deleted.is_(False),
    )
    scope = (
        _ever_followed_in_scope(requester)
        if lost
        else scope_condition(requester, customers_table, CteNames())
    )
    if scope is not None:
        stmt = stmt.where(scope)
    return set(session.execute(stmt).scalars())


def _ever_followed_in_scope(requester: Requester) -> ColumnElement[bool] | None:
    team = scope_staff(requester, CteNames())
    if team is None:
        return None
    follow = Follow.__table__.alias()
    return exists().where(
        follow.c.external_userid == customers_table.c.external_userid,
        follow.c.userid.in_(team),
    )
