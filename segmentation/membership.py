"""Who entered or left a segment over a period, and who was lost (spec/commands.md §2c).

A saved segment with a nightly snapshot at or before the period's start answers from its
recorded history (segment_membership_changes); a tag, from the recorded tag changes
(tag_changes). Anything else — a named segment, a tag, any
condition — is evaluated twice with the engine, as of the period's start and as of now, and
the two member sets compared (events are dated, so "as of" is exact for event conditions;
tags and follows are as they are now). Both are limited to the asker's scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from segmentation import kinds
from segmentation.engine import EngineContext, segment_members, segment_query
from segmentation.models import CustomerTagChange, Follow, Tag
from segmentation.models.segments import SegmentMembershipChange, SegmentSnapshot
from segmentation.nodes import All, HasTag, Node, SavedSegment, walk
from segmentation.saved import expand_saved, get_saved_segment
from segmentation.scope import Requester
from segmentation.tag_questions import tags_of

follows = Follow.__table__
# A relation moved to another salesperson by an on-the-job transfer is not churn.
TRANSFER = "DELETE_BY_TRANSFER"


@dataclass(frozen=True)
class Changes:
    change: str  # "entered", "left" or "lost"
    start: datetime
    end: datetime
    customers: tuple[str, ...]  # sorted by code point
    source: str  # "snapshots", "computed" or "follows"
    # Computed changes: the tree has conditions with no history (tags, owners, city, gender,
    # scores), read as they are now at both ends, so a change in them is not seen.
    current_only: bool = False
    # From the tag history ("tag_history"): when recording tag changes began. A period that
    # starts earlier is only known from then on.
    recorded_since: datetime | None = None


def segment_changes(
    session: Session,
    node: Node,
    change: str,
    *,
    start: datetime,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    end: datetime | None = None,
) -> Changes:
    """Customers who entered (`change="entered"`) or left ("left") `node` between `start` and
    `end` (a past period: 昨天 is that day, not yesterday until now; None: `now`), among
    those `requester` may see now."""
    if change not in ("entered", "left"):
        raise ValueError(f"unknown membership change {change!r}")
    end = now if end is None or end > now else end
    tags = tags_of(node)
    if tags:
        history = _tags_changes(
            session, tags, change, start=start, requester=requester, now=now, ctx=ctx, end=end
        )
        if history is not None:
            return history
    recorded = _recorded(session, node, change, start, end)
    if recorded is not None:
        visible = segment_query(session, All(), requester=requester, now=now, ctx=ctx)
        seen = set(session.execute(visible).scalars())
        found = sorted(eid for eid in recorded if eid in seen)
        return Changes(change, start, end, tuple(found), "snapshots")
    before = set(segment_members(session, node, requester=requester, now=start, ctx=ctx))
    after = set(segment_members(session, node, requester=requester, now=end, ctx=ctx))
    if end < now:  # a past period: among those the asker may see now
        visible = segment_query(session, All(), requester=requester, now=now, ctx=ctx)
        seen = set(session.execute(visible).scalars())
        before, after = before & seen, after & seen
    moved = after - before if change == "entered" else before - after
    # conditions on what a customer is now, not on dated events (kinds declare which)
    no_history = kinds.current_only_types()
    current = any(isinstance(n, no_history) for n in walk(expand_saved(session, node)))
    return Changes(change, start, end, tuple(sorted(moved)), "computed", current)


def _tags_changes(
    session: Session,
    tags: tuple[HasTag, ...],
    change: str,
    *,
    start: datetime,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    end: datetime | None = None,
) -> Changes | None:
    """tag_changes for any of several tags: the customers any of them was put on (taken off)."""
    found: set[str] = set()
    since = None
    for tag in tags:
        one = tag_changes(
            session, tag, change, start=start, requester=requester, now=now, ctx=ctx, end=end
        )
        if one is None:
            return None
        found.update(one.customers)
        since = one.recorded_since
    until = now if end is None else end
    return Changes(change, start, until, tuple(sorted(found)), "tag_history", recorded_since=since)


def tag_changes(
    session: Session,
    node: HasTag,
    change: str,
    *,
    start: datetime,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    end: datetime | None = None,
) -> Changes | None:
    """Customers the tag was put on ("entered") in (start, now] and who have it now, or taken
    off ("left") and who no longer have it, among those `requester` may see now — from the
    recorded tag changes. A past period (`end` before now): those whose last change in
    (start, end] was that one. None when none were ever recorded (nothing to answer from)."""
    since = session.scalar(
        select(func.min(CustomerTagChange.at)).where(CustomerTagChange.change == "start")
    )
    if since is None:
        return None
    named = select(Tag.tag_id).where(func.lower(Tag.name) == node.name.strip().lower())
    stmt = select(CustomerTagChange.external_userid).where(
        CustomerTagChange.tag_id.in_(named),
        CustomerTagChange.change == ("added" if change == "entered" else "removed"),
        CustomerTagChange.at > start,
        CustomerTagChange.at <= now,
    )
    if end is not None and end < now:
        return _past_tag_changes(session, named, change, start, end, since, requester, now, ctx)
    moved = set(session.execute(stmt).scalars())
    tagged = set(segment_members(session, node, requester=requester, now=now, ctx=ctx))
    if change == "entered":
        found = moved & tagged
    else:
        visible = segment_query(session, All(), requester=requester, now=now, ctx=ctx)
        found = (moved & set(session.execute(visible).scalars())) - tagged
    return Changes(change, start, now, tuple(sorted(found)), "tag_history", recorded_since=since)


def _past_tag_changes(
    session: Session,
    named: Select,
    change: str,
    start: datetime,
    end: datetime,
    since: datetime,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
) -> Changes:
    """The tag's changes in a past period (start, end]: whose last change there was an add
    ("entered") or a removal ("left"), among those the asker may see now."""
    stmt = (
        select(CustomerTagChange.external_userid, CustomerTagChange.change)
        .where(
            CustomerTagChange.tag_id.in_(named),
            CustomerTagChange.change.in_(("added", "removed")),
            CustomerTagChange.at > start,
            CustomerTagChange.at <= end,
        )
        .order_by(CustomerTagChange.at, CustomerTagChange.id)
    )
    last: dict[str, str] = {}
    for eid, what in session.execute(stmt):
        last[eid] = what
    wanted = "added" if change == "entered" else "removed"
    visible = segment_query(session, All(), requester=requester, now=now, ctx=ctx)
    seen = set(session.execute(visible).scalars())
    found = sorted(eid for eid, what in last.items() if what == wanted and eid in seen)
    return Changes(change, start, end, tuple(found), "tag_history", recorded_since=since)


def _recorded(
    session: Session, node: Node, change: str, start: datetime, now: datetime
) -> set[str] | None:
    """Net entries (or exits) of a saved segment from its snapshots, when one was taken at or
    before `start` (so the history covers the whole period); None otherwise."""
    if not isinstance(node, SavedSegment):
        return None
    row = get_saved_segment(session, node.name)
    if row is None:
        return None
    covered = session.execute(
        select(SegmentSnapshot.id)
        .where(SegmentSnapshot.segment_id == row.id, SegmentSnapshot.taken_at <= start)
        .limit(1)
    ).first()
    if covered is None:
        return None
    stmt = (
        select(SegmentMembershipChange.external_userid, SegmentMembershipChange.change)
        .where(
            SegmentMembershipChange.segment_id == row.id,
            SegmentMembershipChange.at > start,
            SegmentMembershipChange.at <= now,
        )
        .order_by(SegmentMembershipChange.at, SegmentMembershipChange.id)
    )
    last: dict[str, str] = {}
    first: dict[str, str] = {}
    for eid, what in session.execute(stmt):
        first.setdefault(eid, what)
        last[eid] = what
    # In at the end and not at the start (first change an entry), or the reverse.
    wanted = "entered" if change == "entered" else "exited"
    return {eid for eid, what in last.items() if what == wanted and first[eid] == wanted}


def lost_query(team: Select | None, start: datetime, end: datetime) -> Select:
    """External_userids of customers lost in [start, end): a follow by someone in `team`
    (None: anyone) ended then — by the customer or the salesperson, not by a transfer — and
    no live follow by anyone in `team` is left."""
    ended = follows.alias("ended")
    live = follows.alias("live")
    return (
        select(ended.c.external_userid)
        .where(
            ended.c.deleted.is_(True),
            ended.c.deleted_at >= start,
            ended.c.deleted_at < end,
            or_(ended.c.deleted_reason.is_(None), ended.c.deleted_reason != TRANSFER),
            *([] if team is None else [ended.c.userid.in_(team)]),
            ~exists().where(
                live.c.external_userid == ended.c.external_userid,
                live.c.deleted.is_(False),
                *([] if team is None else [live.c.userid.in_(team)]),
            ),
        )
        .distinct()
    )


def lost_customers(
    session: Session, team: Select | None, start: datetime, end: datetime
) -> tuple[str, ...]:
    return tuple(sorted(session.execute(lost_query(team, start, end)).scalars()))
