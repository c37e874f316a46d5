"""The facade other packages call: who is in a segment, and how many, at `now`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from segmentation.compiler import CompileFacts, compile_segment, event_kinds, needs_rfm
from segmentation.context import EngineContext, default_context
from segmentation.models import Customer
from segmentation.named import RfmMeans, compute_rfm_means
from segmentation.nodes import Node
from segmentation.rollups import read_coverage
from segmentation.saved import expand_saved
from segmentation.scope import Requester

# The context is defined below the engine (segmentation.context); callers name it here too.
__all__ = [
    "EngineContext",
    "default_context",
    "prepare",
    "segment_count",
    "segment_listed",
    "segment_members",
    "segment_query",
]


def prepare(
    session: Session,
    node: Node,
    *,
    now: datetime,
    ctx: EngineContext,
    rfm: RfmMeans | None = None,
) -> tuple[Node, CompileFacts]:
    """Expand saved segments (by their stored definitions) and read the company-wide facts
    the tree needs. `rfm`: the RFM means at `now` when the caller already has them."""
    expanded = expand_saved(session, node)
    means = None
    if needs_rfm(expanded, ctx):
        means = rfm or compute_rfm_means(session, now)
    coverage = read_coverage(session, event_kinds(expanded, ctx))
    return expanded, CompileFacts(rfm=means, coverage=coverage)


def segment_query(
    session: Session,
    node: Node,
    *,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    rfm: RfmMeans | None = None,
) -> Select[Any]:
    """The ready-to-run SELECT of the members' external_userids (`rfm` as for `prepare`)."""
    expanded, facts = prepare(session, node, now=now, ctx=ctx, rfm=rfm)
    return compile_segment(expanded, requester=requester, now=now, ctx=ctx, facts=facts)


def segment_members(
    session: Session, node: Node, *, requester: Requester, now: datetime, ctx: EngineContext
) -> list[str]:
    """Every member's external_userid, sorted by code point."""
    stmt = segment_query(session, node, requester=requester, now=now, ctx=ctx)
    return sorted(session.execute(stmt).scalars())


def segment_listed(
    session: Session, node: Node, *, requester: Requester, now: datetime, ctx: EngineContext
) -> list[str]:
    """Every member's external_userid in the order an unranked list shows them: the most
    recent activity the question is about first, ties by code point (segmentation.facts)."""
    from segmentation.facts import activity_of, listing_order

    expanded, facts = prepare(session, node, now=now, ctx=ctx)
    stmt = compile_segment(expanded, requester=requester, now=now, ctx=ctx, facts=facts)
    order = listing_order(activity_of(expanded, ctx, now), Customer.__table__, now)
    return list(session.execute(stmt.order_by(*order)).scalars())


def segment_count(
    session: Session, node: Node, *, requester: Requester, now: datetime, ctx: EngineContext
) -> int:
    stmt = segment_query(session, node, requester=requester, now=now, ctx=ctx)
    return int(session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one())
