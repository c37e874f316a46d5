"""Nightly snapshots of saved segments: their sizes and who entered or left, and reading
that history back. Above the engine (a snapshot evaluates the segment), which saved segments
are not."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from segmentation.compiler import SegmentError
from segmentation.engine import EngineContext, segment_members
from segmentation.models.segments import SavedSegment as SavedSegmentRow
from segmentation.models.segments import (
    SegmentMember,
    SegmentMembershipChange,
    SegmentSnapshot,
)
from segmentation.saved import list_saved_segments, require_saved_segment, saved_definition
from segmentation.scope import Requester

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SnapshotResult:
    name: str
    size: int
    entered: int
    exited: int


def take_snapshots(session: Session, now: datetime, ctx: EngineContext) -> list[SnapshotResult]:
    """The nightly job: each saved segment's members (admin scope) at `now`, its size, and
    who entered or left since the previous snapshot. One bad segment does not stop the
    others; it is logged and skipped."""
    results = []
    for row in list_saved_segments(session):
        if _snapshot_exists(session, row, now):  # a re-run of the same night changes nothing
            continue
        try:
            members = segment_members(
                session, saved_definition(row), requester=Requester.all_access(), now=now, ctx=ctx
            )
        except SegmentError as exc:
            log.warning("snapshot of saved segment %r skipped: %s", row.name, exc)
            continue
        results.append(_record(session, row, set(members), now))
    session.flush()
    return results


def _snapshot_exists(session: Session, row: SavedSegmentRow, now: datetime) -> bool:
    stmt = select(SegmentSnapshot.id).where(
        SegmentSnapshot.segment_id == row.id, SegmentSnapshot.taken_at == now
    )
    return session.execute(stmt).first() is not None


def _record(
    session: Session, row: SavedSegmentRow, members: set[str], now: datetime
) -> SnapshotResult:
    previous = set(
        session.execute(
            select(SegmentMember.external_userid).where(SegmentMember.segment_id == row.id)
        ).scalars()
    )
    entered, exited = members - previous, previous - members
    session.add(SegmentSnapshot(segment_id=row.id, taken_at=now, size=len(members)))
    for eid in sorted(entered):
        session.add(
            SegmentMembershipChange(
                segment_id=row.id, external_userid=eid, change="entered", at=now
            )
        )
        session.add(SegmentMember(segment_id=row.id, external_userid=eid))
    for eid in sorted(exited):
        session.add(
            SegmentMembershipChange(segment_id=row.id, external_userid=eid, change="exited", at=now)
        )
    if exited:
        session.execute(
            delete(SegmentMember).where(
                SegmentMember.segment_id == row.id, SegmentMember.external_userid.in_(exited)
            )
        )
    return SnapshotResult(row.name, len(members), len(entered), len(exited))


@dataclass(frozen=True)
class MembershipChange:
    external_userid: str
    change: str
    at: datetime


def membership_changes(
    session: Session, name: str, since: datetime, until: datetime
) -> list[MembershipChange]:
    """Entries and exits recorded with since <= at <= until, oldest first."""
    row = require_saved_segment(session, name)
    stmt = (
        select(SegmentMembershipChange)
        .where(
            SegmentMembershipChange.segment_id == row.id,
            SegmentMembershipChange.at >= since,
            SegmentMembershipChange.at <= until,
        )
        .order_by(SegmentMembershipChange.at, SegmentMembershipChange.external_userid)
    )
    return [
        MembershipChange(c.external_userid, c.change, c.at) for c in session.execute(stmt).scalars()
    ]


def size_history(session: Session, name: str) -> list[tuple[datetime, int]]:
    """(taken_at, size) of every snapshot of the segment, oldest first."""
    row = require_saved_segment(session, name)
    stmt = (
        select(SegmentSnapshot.taken_at, SegmentSnapshot.size)
        .where(SegmentSnapshot.segment_id == row.id)
        .order_by(SegmentSnapshot.taken_at)
    )
    return [(at, size) for at, size in session.execute(stmt)]


def size_at(session: Session, name: str, when: datetime) -> int | None:
    """The size at the latest snapshot taken at or before `when` (None: no snapshot yet) —
    for "yesterday / a week ago" in count replies."""
    sizes = [size for at, size in size_history(session, name) if at <= when]
    return sizes[-1] if sizes else None
