"""The values behind a ranked answer ("消费最多的10个", "top 20% by CLV"): each member with
the value it was ranked by, in rank order, so replies and exports can list row 1 first and
show the amount (the segment itself only says who is in)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from segmentation import conditions as cond
from segmentation import score_conditions as score_sql
from segmentation.engine import EngineContext, segment_query
from segmentation.models import Customer
from segmentation.nodes import ORDER_MEASURES, And, Node, Ranked
from segmentation.scope import Requester
from segmentation.windows import as_of, resolve_window

RankValue = Decimal | float


def ranked_node(node: Node) -> Ranked | None:
    """The ranking that orders `node`'s members: `node` itself, or the one ranking among the
    conditions of an AND ("其中上海的" after the top 5: those rows, still in rank order)."""
    if isinstance(node, Ranked):
        return node
    if isinstance(node, And):
        rankings = [c for c in node.children if isinstance(c, Ranked)]
        return rankings[0] if len(rankings) == 1 else None
    return None


def ranking(
    session: Session, node: Node, *, requester: Requester, now: datetime, ctx: EngineContext
) -> list[tuple[str, RankValue]] | None:
    """[(external_userid, value)] in rank order (highest first for top, lowest first for
    bottom; ties by external_userid, as the ranking itself), or None for an unranked segment.
    Spend is in yuan over the ranking's window; a score is the stored score."""
    ranked = ranked_node(node)
    if ranked is None:
        return None
    members = segment_query(session, node, requester=requester, now=now, ctx=ctx).subquery()
    values = _values(ranked, members.c[0], now, ctx)
    rows = [(str(eid), value) for eid, value in session.execute(values)]
    top = ranked.direction == "top"
    rows.sort(key=lambda row: row[0])  # ties by external_userid, by code point
    rows.sort(key=lambda row: row[1], reverse=top)  # stable: ties keep that order
    return [(eid, _as_value(ranked, value)) for eid, value in rows]


def _values(ranked: Ranked, member_id: Any, now: datetime, ctx: EngineContext) -> Any:
    inner = Customer.__table__.alias()
    is_member = inner.c.external_userid.in_(select(member_id))
    if ranked.by not in ORDER_MEASURES:
        totals = score_sql.score_ranking_values(inner, is_member, ranked.by)
        return select(totals.c.eid, totals.c.total)
    start, end = as_of(resolve_window(ranked.window, now, ctx.timezone), now, ctx.timezone)
    ev = cond.events.alias()
    measure = (
        func.count() if ranked.by == "orders" else func.coalesce(func.sum(cond.fen(ev.c.amount)), 0)
    )
    return (
        select(ev.c.external_userid, measure)
        .where(
            ev.c.external_userid.in_(select(member_id)),
            ev.c.kind == "order",
            ev.c.occurred_at >= start,
            ev.c.occurred_at <= end,
        )
        .group_by(ev.c.external_userid)
    )


def _as_value(ranked: Ranked, raw: Any) -> RankValue:
    """Amounts (spend, CLV) come as integer fen and leave as yuan; a number of orders as a
    whole number; other scores as floats."""
    if ranked.by == "orders":
        return Decimal(int(raw))
    money = ranked.by == "spend" or score_sql.COLUMNS[ranked.by][1]
    return (Decimal(int(raw)) / 100).quantize(Decimal("0.01")) if money else float(raw)
