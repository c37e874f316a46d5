"""Temporary tables holding one description's members, base and per-customer facts.

Big id sets (100k members over 1M customers) never travel as IN lists: they are loaded once
into temporary tables (straight from the segment SELECT when there is one), and every figure
is then a grouped query over the `facts` table, one row per base customer.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    and_,
    case,
    exists,
    func,
    insert,
    literal,
    select,
    text,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from segmentation.models import Customer, Event
from segmentation.models.base import UTCDateTime
from segmentation.rollups import read_coverage
from segmentation.windows import EARLIEST

log = logging.getLogger(__name__)

IdSource = Sequence[str] | Select[Any]
customers = Customer.__table__
events = Event.__table__
CHUNK = 100_000


@dataclass(frozen=True)
class Workspace:
    """The temporary tables of one description; `facts.in_seg` is 1 for segment members."""

    members: Table
    base: Table
    facts: Table


@contextmanager
def workspace(
    session: Session, members: IdSource, base: IdSource, now: datetime
) -> Iterator[Workspace]:
    """Load members and base (base ∪ members, so shares never exceed 1), build the facts as of
    `now`, and drop the tables afterwards."""
    tag = uuid.uuid4().hex[:12]
    meta = MetaData()
    ws = Workspace(
        members=_id_table(meta, f"insight_m_{tag}"),
        base=_id_table(meta, f"insight_b_{tag}"),
        facts=_facts_table(meta, f"insight_f_{tag}"),
    )
    conn = session.connection()
    created: list[Table] = []
    try:
        for table in (ws.members, ws.base, ws.facts):
            table.create(conn)
            created.append(table)
        _load_ids(session, ws.members, members)
        _load_ids(session, ws.base, base)
        session.execute(
            insert(ws.base).from_select(
                ["external_userid"],
                # NOT EXISTS, not NOT IN: PostgreSQL plans NOT IN over a big subquery that
                # overflows work_mem as a rescan per row.
                select(ws.members.c.external_userid).where(
                    ~exists().where(ws.base.c.external_userid == ws.members.c.external_userid)
                ),
            )
        )
        _analyze(session, ws.members, ws.base)
        coverage = read_coverage(session, ("order", "inquiry"))
        whole_history = (EARLIEST, now)
        facts = _facts_select(
            ws,
            now,
            orders_from_stats=coverage.answers_totals("order", whole_history),
            inquiries_from_stats=coverage.answers_totals("inquiry", whole_history),
        )
        session.execute(insert(ws.facts).from_select(FACT_COLUMNS, facts))
        _analyze(session, ws.facts)
        yield ws
    finally:
        _drop(session, created)


def _id_table(meta: MetaData, name: str) -> Table:
    return Table(
        name,
        meta,
        Column("external_userid", String(64), primary_key=True),
        prefixes=["TEMPORARY"],
    )


FACT_COLUMNS = [
    "external_userid",
    "in_seg",
    "city",
    "gender",
    "orders",
    "fen",
    "last_order",
    "last_inquiry",
]


def _facts_table(meta: MetaData, name: str) -> Table:
    return Table(
        name,
        meta,
        Column("external_userid", String(64), primary_key=True),
        Column("in_seg", Integer, nullable=False),
        Column("city", String(64)),
        Column("gender", Integer, nullable=False),
        Column("orders", Integer, nullable=False),
        Column("fen", BigInteger, nullable=False),
        Column("last_order", UTCDateTime()),
        Column("last_inquiry", UTCDateTime()),  # members only: the base never needs it
        prefixes=["TEMPORARY"],
    )


def _load_ids(session: Session, table: Table, source: IdSource) -> None:
    if isinstance(source, Select):
        sub = source.subquery()
        session.execute(insert(table).from_select(["external_userid"], select(sub.c[0]).distinct()))
        return
    ids = list(dict.fromkeys(source))  # unique, order kept: the primary key refuses repeats
    postgres = session.get_bind().dialect.name == "postgresql"
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        if postgres:  # one array parameter instead of 100k bound values
            arr = literal(chunk, ARRAY(String(64)))
            session.execute(
                insert(table).from_select(["external_userid"], select(func.unnest(arr)))
            )
        else:
            session.execute(insert(table), [{"external_userid": i} for i in chunk])


def _facts_select(
    ws: Workspace, now: datetime, *, orders_from_stats: bool, inquiries_from_stats: bool
) -> Select[Any]:
    """One row per base customer. Order and inquiry figures come from the customer's own
    rollup columns when no such event lies after `now` (rollups.Coverage), else from the
    events."""
    b, m = ws.base, ws.members
    joined = b.join(
        customers,
        and_(customers.c.external_userid == b.c.external_userid, customers.c.deleted.is_(False)),
    ).outerjoin(m, m.c.external_userid == b.c.external_userid)
    if orders_from_stats:
        order_figures = [
            customers.c.order_count,
            type_coerce(customers.c.order_total, BigInteger),
            customers.c.last_order_at,
        ]
    else:
        orders = _orders_from_events(b, now)
        joined = joined.outerjoin(orders, orders.c.external_userid == b.c.external_userid)
        order_figures = [
            func.coalesce(orders.c.orders, 0),
            func.coalesce(orders.c.fen, 0),
            orders.c.last_order,
        ]
    if inquiries_from_stats:  # members only: the base never needs it
        last_inquiry: Any = case((m.c.external_userid.is_(None), None),
                                 else_=customers.c.last_inquiry_at)  # fmt: skip
    else:
        inquiries = _inquiries_from_events(m, now)
        joined = joined.outerjoin(inquiries, inquiries.c.external_userid == b.c.external_userid)
        last_inquiry = inquiries.c.last_inquiry
    return select(
        b.c.external_userid,
        case((m.c.external_userid.is_(None), 0), else_=1),
        customers.c.city,
        func.coalesce(customers.c.gender, 0),
        *order_figures,
        last_inquiry,
    ).select_from(joined)


def _orders_from_events(b: Table, now: datetime) -> Any:
    ev = events.alias()
    return (
        select(
            ev.c.external_userid,
            func.count().label("orders"),
            func.sum(type_coerce(ev.c.amount, BigInteger)).label("fen"),
            func.max(ev.c.occurred_at).label("last_order"),
        )
        .where(
            ev.c.kind == "order",
            ev.c.occurred_at <= now,
            ev.c.external_userid.in_(select(b.c.external_userid)),
        )
        .group_by(ev.c.external_userid)
        .subquery()
    )


def _inquiries_from_events(m: Table, now: datetime) -> Any:
    iq = events.alias()
    return (
        select(iq.c.external_userid, func.max(iq.c.occurred_at).label("last_inquiry"))
        .where(
            iq.c.kind == "inquiry",
            iq.c.occurred_at <= now,
            iq.c.external_userid.in_(select(m.c.external_userid)),
        )
        .group_by(iq.c.external_userid)
        .subquery()
    )


def _analyze(session: Session, *tables: Table) -> None:
    """PostgreSQL plans temporary tables blind (autovacuum never analyzes them)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        session.execute(text(f'ANALYZE "{table.name}"'))


def _drop(session: Session, tables: list[Table]) -> None:
    conn = session.connection()
    for table in reversed(tables):
        try:
            table.drop(conn)
        except Exception:  # an aborted PostgreSQL transaction drops them on rollback anyway
            log.debug("temporary table %s not dropped", table.name, exc_info=True)
            return
