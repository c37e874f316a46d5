"""Key segments' sizes in the requester's scope at now, a day ago and a week ago.

Each point in time is ONE statement over the customers table that counts every key segment at
once (SUM of CASE per segment), with the scope and the deleted filter in its WHERE — the same
conditions segment_count compiles, so the digest agrees with lists and counts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from bot.services.digest.model import SegmentLine
from bot.services.digest.periods import Periods
from segmentation.compiler import CompileFacts, SegmentError, compile_condition, needs_rfm
from segmentation.engine import EngineContext
from segmentation.models import Customer
from segmentation.named import compute_rfm_means
from segmentation.nodes import NamedSegment, Node
from segmentation.saved import expand_saved, list_saved_segments, saved_definition, size_history
from segmentation.scope import CteNames, Requester, scope_condition

log = logging.getLogger(__name__)

customers = Customer.__table__
# The named segments every digest shows, in this order (those a deployment removed are skipped).
KEY_NAMED = ("high_value", "at_risk", "dormant", "high_intent")
BAD_WHEN_GROWING = frozenset({"at_risk", "dormant"})


@dataclass(frozen=True)
class KeySegment:
    key: str
    name_zh: str
    name_en: str
    kind: str
    node: Node


def key_segments(session: Session, requester: Requester, ctx: EngineContext) -> list[KeySegment]:
    """The built-in key segments, then the requester's own saved segments by name (a saved
    segment whose definition no longer compiles is left out and logged)."""
    found = []
    for key in KEY_NAMED:
        entry = ctx.named.get(key)
        if entry is not None:
            found.append(KeySegment(key, entry.display_zh, entry.display_en, "named",
                                    NamedSegment(key)))  # fmt: skip
    for row in list_saved_segments(session, owner_userid=requester.userid):
        try:
            node = expand_saved(session, saved_definition(row))
        except SegmentError as exc:
            log.warning("digest: saved segment %r skipped: %s", row.name, exc)
            continue
        found.append(KeySegment(f"saved:{row.name}", row.name, row.name, "saved", node))
    return found


def count_at(
    session: Session,
    segments: list[KeySegment],
    *,
    requester: Requester,
    at: datetime,
    ctx: EngineContext,
) -> tuple[int, list[int]]:
    """(customers in scope, [size of each segment]) as of `at`, in one statement."""
    needs = any(needs_rfm(s.node, ctx) for s in segments)
    facts = CompileFacts(rfm=compute_rfm_means(session, at) if needs else None)
    names = CteNames()
    columns = [func.count().label("all")]
    for index, seg in enumerate(segments):
        cond = compile_condition(seg.node, requester=requester, now=at, ctx=ctx, facts=facts,
                                 names=names)  # fmt: skip
        columns.append(func.coalesce(func.sum(case((cond, 1), else_=0)), 0).label(f"s{index}"))
    where: list[ColumnElement[bool]] = [customers.c.deleted.is_(False)]
    scope = scope_condition(requester, customers, names)
    if scope is not None:
        where.append(scope)
    row = session.execute(select(*columns).select_from(customers).where(and_(*where))).one()
    return int(row[0]), [int(v) for v in row[1:]]


def segment_lines(
    session: Session, requester: Requester, periods: Periods, ctx: EngineContext
) -> tuple[int, list[SegmentLine]]:
    """(customers in scope now, a line per key segment). An admin's saved segments take their
    past sizes from the nightly snapshots (admin scope) when one was taken in the day before
    the point asked; everything else is evaluated by the engine at that point."""
    segments = key_segments(session, requester, ctx)
    total, now_sizes = count_at(session, segments, requester=requester, at=periods.now, ctx=ctx)
    past: dict[datetime, list[int | None]] = {}
    for at in (periods.day_ago, periods.week_ago):
        snapshot = [_snapshot_size(session, s, requester, at) for s in segments]
        if segments and any(v is None for v in snapshot):
            _, computed = count_at(session, segments, requester=requester, at=at, ctx=ctx)
            snapshot = [s if s is not None else c for s, c in zip(snapshot, computed, strict=True)]
        past[at] = snapshot
    lines = [
        SegmentLine(
            key=seg.key,
            name_zh=seg.name_zh,
            name_en=seg.name_en,
            kind=seg.kind,
            now=now_sizes[i],
            day_ago=past[periods.day_ago][i],
            week_ago=past[periods.week_ago][i],
            bad_when_growing=seg.key in BAD_WHEN_GROWING,
        )
        for i, seg in enumerate(segments)
    ]
    return total, lines


def _snapshot_size(
    session: Session, seg: KeySegment, requester: Requester, at: datetime
) -> int | None:
    if seg.kind != "saved" or not requester.is_admin:
        return None  # snapshots are taken in admin scope: a manager's numbers are computed
    name = seg.key.removeprefix("saved:")
    taken = [(when, size) for when, size in size_history(session, name) if when <= at]
    if taken and at - taken[-1][0] < timedelta(days=1):
        return taken[-1][1]
    return None
