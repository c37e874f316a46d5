"""Breakdowns by category or product ("按品类看近30天下单客户", "by category"): how many of a
segment's members had an event in each category (product).

Which events: those the segment itself is about — the kind and window of its first event
condition ("近30天下单" → orders of the last 30 days; "咨询过X" → inquiries), orders of all
time when it names none. A member with several categories counts in each (overlapping), one
with none of them in the "none" group.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from segmentation.engine import EngineContext
from segmentation.models import Event, EventItemName
from segmentation.nodes import (
    EventCount,
    ItemCount,
    ItemEvent,
    Node,
    Not,
    Performed,
    Spend,
    Window,
    walk,
)
from segmentation.text import simplified
from segmentation.windows import Interval, as_of, resolve_window

events = Event.__table__
NONE = ""


def grouped_events(node: Node) -> tuple[str, Window | None]:
    """(kind, window) of the first event condition the segment asks to hold (one under a NOT
    is what members did not do); orders, all time, when there is none."""
    negated = {id(n.child) for n in walk(node) if isinstance(n, Not)}
    for part in walk(node):
        if id(part) in negated:
            continue
        if isinstance(part, Performed | EventCount | ItemEvent | ItemCount):
            return part.event_kind, part.window
        if isinstance(part, Spend):
            return "order", part.window
    return "order", None


def item_groups(
    session: Session, node: Node, members: Any, by: str, now: datetime, ctx: EngineContext
) -> list[tuple[str, str, int]]:
    """(key, name, members) per category or product, plus the members with none."""
    kind, window = grouped_events(node)
    start, end = _interval(window, now, ctx)
    eid = members.c[0]
    key = events.c[f"{by}_key"]
    inside = [events.c.kind == kind, events.c.occurred_at >= start, events.c.occurred_at <= end]
    stmt = (
        select(key, func.count(distinct(eid)))
        .select_from(members.join(events, events.c.external_userid == eid))
        .where(*inside, key.is_not(None))
        .group_by(key)
    )
    counts = [(str(k), int(n)) for k, n in session.execute(stmt)]
    names = _names(session, by, [k for k, _ in counts])
    rows = [(k, names.get(k, k), n) for k, n in counts]
    having = select(events.c.external_userid).where(*inside, key.is_not(None))
    missing = select(func.count()).select_from(members).where(eid.not_in(having))
    return [*rows, (NONE, "", int(session.execute(missing).scalar_one()))]


def _interval(window: Window | None, now: datetime, ctx: EngineContext) -> Interval:
    return as_of(resolve_window(window, now, ctx.timezone), now, ctx.timezone)


def _names(session: Session, by: str, keys: list[str]) -> dict[str, str]:
    if not keys:
        return {}
    stmt = select(EventItemName.key, EventItemName.name).where(
        EventItemName.field == by, EventItemName.key.in_(keys)
    )
    return {str(k): simplified(str(n)) for k, n in session.execute(stmt)}
