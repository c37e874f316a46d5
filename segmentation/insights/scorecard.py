"""The quality scorecard: measurable, reachable, profitable, distinct, stable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from segmentation.insights.budget import MassMessageBudget
from segmentation.insights.model import Overlap, Scorecard, Stability
from segmentation.insights.typical import Totals, fen_to_yuan
from segmentation.insights.workspace import Workspace
from segmentation.models import (
    CustomerScore,
    Event,
    Follow,
    SavedSegment,
    SegmentMember,
    SegmentSnapshot,
)
from segmentation.models import SegmentMembershipChange as Change

CLOSEST = 3


@dataclass(frozen=True)
class ScoreInputs:
    now: datetime
    timezone: ZoneInfo
    saved_name: str | None
    budget: MassMessageBudget | None


def build_scorecard(
    session: Session, ws: Workspace, totals: Totals, inputs: ScoreInputs, reachable: int
) -> Scorecard:
    """`reachable`: the members with a live follow (follows.read_follows)."""
    latest_event, latest_received = _freshness(session, ws, inputs.now)
    return Scorecard(
        size=totals.size,
        base_size=totals.base_size,
        share_of_base=totals.size / totals.base_size if totals.base_size else 0.0,
        latest_event_at=latest_event,
        latest_received_at=latest_received,
        reachable=reachable,
        reachable_with_budget=_with_budget(session, ws, inputs, reachable),
        total_spend=fen_to_yuan(totals.total_fen),
        avg_spend=fen_to_yuan(Decimal(totals.total_fen) / totals.size) if totals.size else None,
        expected_value=_expected_value(session, ws),
        overlaps=_overlaps(session, ws, totals.size, inputs.saved_name),
        stability=_stability(session, ws, inputs.saved_name, inputs.now),
    )


def _freshness(
    session: Session, ws: Workspace, now: datetime
) -> tuple[datetime | None, datetime | None]:
    """The members' latest event not after `now`, and when behaviour data last arrived.

    A member's latest event overall (`facts.last_event`) answers when it is not after `now`
    (always, when `now` is the present); only members with events after `now` are looked up
    among their events."""
    f, ev = ws.facts, Event.__table__
    member = f.c.in_seg == 1
    settled = select(func.max(f.c.last_event)).where(member, f.c.last_event <= now)
    later = select(f.c.external_userid).where(member, f.c.last_event > now)
    unsettled = select(func.max(ev.c.occurred_at)).where(
        ev.c.external_userid.in_(later), ev.c.occurred_at <= now
    )
    received = select(func.max(ev.c.received_at)).where(ev.c.received_at <= now)
    first, second, arrived = session.execute(
        select(settled.scalar_subquery(), unsettled.scalar_subquery(), received.scalar_subquery())
    ).one()
    found = [t for t in (_aware(first), _aware(second)) if t is not None]
    return (max(found) if found else None), _aware(arrived)


def _aware(value: Any) -> datetime | None:
    """max() over a UTCDateTime column loses the type on some dialects; restore it."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _count_members(session: Session, ws: Workspace, *where: Any) -> int:
    f = ws.facts
    stmt = select(func.count()).select_from(f).where(f.c.in_seg == 1, *where)
    return int(session.execute(stmt).scalar_one())


def _with_budget(
    session: Session, ws: Workspace, inputs: ScoreInputs, reachable: int
) -> int | None:
    if inputs.budget is None:
        return None
    local = inputs.now.astimezone(inputs.timezone)
    month_start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    exhausted = inputs.budget.exhausted(month_start, inputs.now)
    f, fo = ws.facts, Follow.__table__
    live = exists().where(fo.c.external_userid == f.c.external_userid, fo.c.deleted.is_(False))
    spent = _count_members(session, ws, live, f.c.external_userid.in_(exhausted))
    return reachable - spent


def _expected_value(session: Session, ws: Workspace) -> Decimal | None:
    """The members' summed 365-day CLV from the latest predictive fit; None when no member has
    one (no fit yet, or no spend model)."""
    scores = CustomerScore.__table__
    stmt = select(func.count(scores.c.clv_365d), func.sum(scores.c.clv_365d)).where(
        scores.c.external_userid.in_(
            select(ws.facts.c.external_userid).where(ws.facts.c.in_seg == 1)
        )
    )
    scored, total = session.execute(stmt).one()
    return total if scored else None


def _overlaps(
    session: Session, ws: Workspace, size: int, saved_name: str | None
) -> tuple[Overlap, ...]:
    """Overlap with every saved segment's members as of its latest snapshot, each limited to
    the asker's base; the closest few by Jaccard."""
    if size == 0:
        return ()
    f, sm, seg = ws.facts, SegmentMember.__table__, SavedSegment.__table__
    stmt = (
        select(seg.c.name, func.count(), func.coalesce(func.sum(f.c.in_seg), 0))
        .select_from(sm.join(f, f.c.external_userid == sm.c.external_userid))
        .join(seg, seg.c.id == sm.c.segment_id)
        .group_by(seg.c.name)
    )
    if saved_name is not None:
        stmt = stmt.where(seg.c.name != saved_name)
    found = []
    for name, theirs, both in session.execute(stmt):
        both, theirs = int(both), int(theirs)
        if both:
            found.append(Overlap(name, both, both / (size + theirs - both), both / size))
    found.sort(key=lambda o: (-o.jaccard, -o.containment, o.segment))
    return tuple(found[:CLOSEST])


def _stability(
    session: Session, ws: Workspace, saved_name: str | None, now: datetime
) -> Stability | None:
    if saved_name is None:
        return None
    row = session.execute(select(SavedSegment.id).where(SavedSegment.name == saved_name)).scalar()
    if row is None:
        return None
    ch = Change.__table__
    counts: dict[int, dict[str, int]] = {}
    for days in (7, 30):
        stmt = (
            select(ch.c.change, func.count())
            .where(
                ch.c.segment_id == row,
                ch.c.at >= now - timedelta(days=days),
                ch.c.at <= now,
                ch.c.external_userid.in_(select(ws.facts.c.external_userid)),
            )
            .group_by(ch.c.change)
        )
        counts[days] = dict(session.execute(stmt).all())
    last = session.execute(
        select(func.max(SegmentSnapshot.taken_at)).where(SegmentSnapshot.segment_id == row)
    ).scalar()
    return Stability(
        entered_7d=int(counts[7].get("entered", 0)),
        exited_7d=int(counts[7].get("exited", 0)),
        entered_30d=int(counts[30].get("entered", 0)),
        exited_30d=int(counts[30].get("exited", 0)),
        last_snapshot_at=_aware(last),
    )
