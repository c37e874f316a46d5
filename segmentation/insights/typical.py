"""Sizes, spend totals and the members' typical (median) values, computed in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from segmentation.insights.model import Typical
from segmentation.insights.workspace import Workspace

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Totals:
    size: int
    base_size: int
    total_fen: int
    with_orders: int
    with_inquiries: int


def read_totals(session: Session, ws: Workspace) -> Totals:
    f = ws.facts
    member = f.c.in_seg == 1
    stmt = select(
        func.count(),
        func.coalesce(func.sum(f.c.in_seg), 0),
        func.coalesce(func.sum(case((member, f.c.fen), else_=0)), 0),
        func.coalesce(func.sum(case((member & f.c.last_order.is_not(None), 1), else_=0)), 0),
        func.count(f.c.last_inquiry),  # only members carry it
    )
    base, size, fen, orders, inquiries = session.execute(stmt).one()
    return Totals(int(size), int(base), int(fen), int(orders), int(inquiries))


def fen_to_yuan(fen: int | float | Decimal) -> Decimal:
    return (Decimal(fen) / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def read_typical(session: Session, ws: Workspace, totals: Totals, now: datetime) -> Typical:
    f = ws.facts
    member = f.c.in_seg == 1
    spend = _median(session, f.c.fen, totals.size, member)
    last_order = _median(
        session, f.c.last_order, totals.with_orders, member, f.c.last_order.is_not(None)
    )
    last_inquiry = _median(
        session, f.c.last_inquiry, totals.with_inquiries, f.c.last_inquiry.is_not(None)
    )
    return Typical(
        median_spend=fen_to_yuan(sum(spend) / len(spend)) if spend else None,
        median_days_since_order=_median_days(now, last_order),
        median_days_since_inquiry=_median_days(now, last_inquiry),
        members_with_orders=totals.with_orders,
        members_with_inquiries=totals.with_inquiries,
    )


def _median(session: Session, column: Any, n: int, *where: Any) -> list[Any]:
    """The middle value (or the two middle values) of `column` over `n` rows, by sorting in
    the database: portable, where percentile functions are not."""
    if n == 0:
        return []
    stmt = select(column).where(*where).order_by(column).offset((n - 1) // 2).limit(2 - n % 2)
    return list(session.execute(stmt).scalars())


def _median_days(now: datetime, times: list[datetime]) -> float | None:
    if not times:
        return None
    return sum((now - t).total_seconds() / 86_400 for t in times) / len(times)
