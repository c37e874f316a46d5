"""Key segments' sizes in the requester's scope at now, a day ago and a week ago.

Now is one engine statement (per-customer rollups make it fast); the past comes from
snapshots or the requester's earlier digests where they exist, else from the engine.

Each point in time is ONE statement over the customers table that counts every key segment at
once (SUM of CASE per segment), with the scope and the deleted filter in its WHERE — the same
conditions segment_count compiles, so the digest agrees with lists and counts.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from bot.models.digests import DigestLog
from bot.services.digest.model import SegmentLine
from bot.services.digest.periods import Periods
from segmentation.compiler import (
    CompileFacts,
    SegmentError,
    compile_condition,
    event_kinds,
    needs_rfm,
)
from segmentation.engine import EngineContext
from segmentation.models import Customer
from segmentation.named import RfmRule, compute_rfm_means
from segmentation.nodes import NamedSegment, Node, to_json
from segmentation.rollups import read_coverage
from segmentation.saved import expand_saved, list_saved_segments, saved_definition
from segmentation.scope import CteNames, Requester, scope_condition
from segmentation.snapshots import size_history

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
    kinds = set().union(*(event_kinds(s.node, ctx) for s in segments))
    facts = CompileFacts(
        rfm=compute_rfm_means(session, at) if needs else None,
        coverage=read_coverage(session, kinds),
    )
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


def fingerprint(seg: KeySegment, requester: Requester, ctx: EngineContext) -> str:
    """What a size depends on besides the data: the definition (a named segment's as the
    catalog has it now) and the asker's role (their scope)."""
    definition: Any = to_json(seg.node)
    if isinstance(seg.node, NamedSegment):
        entry = ctx.named.get(seg.node.key)
        if entry is not None:
            rule = entry.definition
            definition = asdict(rule) if isinstance(rule, RfmRule) else to_json(rule)
    text = json.dumps([definition, requester.role], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def segment_lines(
    session: Session, requester: Requester, periods: Periods, ctx: EngineContext
) -> tuple[int, list[SegmentLine]]:
    """(customers in scope now, a line per key segment). Past sizes come, in this order,
    from an admin's nightly snapshots of their saved segments, from the requester's own
    earlier digest taken at that time (its "now" sizes, same definition and role), and
    otherwise from the engine evaluated at that point (slow over a million customers: it
    must read the events, since later ones exist — so a digest a day reuses yesterday's)."""
    segments = key_segments(session, requester, ctx)
    prints = [fingerprint(seg, requester, ctx) for seg in segments]
    total, now_sizes = count_at(session, segments, requester=requester, at=periods.now, ctx=ctx)
    past: dict[datetime, list[int | None]] = {}
    for at in (periods.day_ago, periods.week_ago):
        recorded = recorded_sizes(session, requester.userid, at, ctx.timezone)
        sizes = [_snapshot_size(session, s, requester, at) for s in segments]
        sizes = [
            s if s is not None else recorded.get(p) for s, p in zip(sizes, prints, strict=True)
        ]
        missing = [i for i, size in enumerate(sizes) if size is None]
        if missing:
            picked = [segments[i] for i in missing]
            _, computed = count_at(session, picked, requester=requester, at=at, ctx=ctx)
            for i, size in zip(missing, computed, strict=True):
                sizes[i] = size
        past[at] = sizes
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
            fingerprint=prints[i],
        )
        for i, seg in enumerate(segments)
    ]
    return total, lines


# A digest built this close to the point asked stands for the sizes at that point (the job
# runs at the same time every day; a late run or a retry may be an hour or so off).
RECORDED_TOLERANCE = timedelta(hours=2)


def recorded_sizes(session: Session, userid: str, at: datetime, tz: ZoneInfo) -> dict[str, int]:
    """{fingerprint: size} from `userid`'s digest of the local date of `at`, when it was built
    within RECORDED_TOLERANCE of `at`."""
    day = at.astimezone(tz).date()
    row = session.execute(
        select(DigestLog.data).where(DigestLog.userid == userid, DigestLog.digest_date == day)
    ).scalar_one_or_none()
    if not isinstance(row, dict):
        return {}
    try:
        built = datetime.fromisoformat(str(row.get("now")))
    except ValueError:
        return {}
    if built.tzinfo is None or abs(built - at) > RECORDED_TOLERANCE:
        return {}
    return {
        line["fingerprint"]: int(line["now"])
        for line in row.get("segments", ())
        if isinstance(line, dict) and line.get("fingerprint") and line.get("now") is not None
    }


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
