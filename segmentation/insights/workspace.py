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

from segmentation.models import Customer, Event, Follow
from segmentation.models.base import UTCDateTime
from segmentation.rollups import read_coverage
from segmentation.windows import EARLIEST

log = logging.getLogger(__name__)

IdSource = Sequence[str] | Select[Any]
customers = Customer.__table__
events = Event.__table__
follows = Follow.__table__
CHUNK = 100_000


@dataclass(frozen=True)
class Workspace:
    """The temporary tables of one description; `facts.in_seg` is 1 for segment members."""

    members: Table
    facts: Table


@contextmanager
def workspace(
    session: Session, members: IdSource, base: IdSource, now: datetime
) -> Iterator[Workspace]:
    """Load the members and build the facts of base ∪ members (so shares never exceed 1) as
    of `now`; drop the tables afterwards. An empty `base` (a description against a stored
    profile) builds the members' facts alone."""
    tag = uuid.uuid4().hex[:12]
    meta = MetaData()
    ws = Workspace(
        members=_id_table(meta, f"insight_m_{tag}"),
        facts=_facts_table(meta, f"insight_f_{tag}"),
    )
    base_table = _id_table(meta, f"insight_b_{tag}")
    with_base = not _is_empty(base)
    conn = session.connection()
    created: list[Table] = []
    try:
        for table in (ws.members, *([base_table] if with_base else []), ws.facts):
            table.create(conn)
            created.append(table)
        _load_ids(session, ws.members, members)
        if with_base:
            _load_ids(session, base_table, base)
            _add_members_to_base(session, base_table, ws.members)
        rows = _analyze(session, ws.members, *([base_table] if with_base else []))
        with _index_probes(session, rows):
            coverage = read_coverage(session, ("order", "inquiry"))
            whole_history = (EARLIEST, now)
            facts = _facts_select(
                ws,
                base_table if with_base else ws.members,
                now,
                orders_from_stats=coverage.answers_totals("order", whole_history),
                inquiries_from_stats=coverage.answers_totals("inquiry", whole_history),
            )
            session.execute(insert(ws.facts).from_select(FACT_COLUMNS, facts))
            _analyze(session, ws.facts)
            yield ws
    finally:
        _drop(session, created)


def _is_empty(source: IdSource) -> bool:
    return not isinstance(source, Select) and len(source) == 0


def _add_members_to_base(session: Session, base: Table, members: Table) -> None:
    session.execute(
        insert(base).from_select(
            ["external_userid"],
            # NOT EXISTS, not NOT IN: PostgreSQL plans NOT IN over a big subquery that
            # overflows work_mem as a rescan per row.
            select(members.c.external_userid).where(
                ~exists().where(base.c.external_userid == members.c.external_userid)
            ),
        )
    )


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
    "last_event",
    "followed",
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
        # Members only, the base never needs them: the latest inquiry, the latest event of any
        # kind (all time: scorecard._freshness looks past `now`), a live follow (1 or 0).
        Column("last_inquiry", UTCDateTime()),
        Column("last_event", UTCDateTime()),
        Column("followed", Integer),
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
    ws: Workspace, b: Table, now: datetime, *, orders_from_stats: bool, inquiries_from_stats: bool
) -> Select[Any]:
    """One row per customer of `b` (the base, or the members alone). Order and inquiry
    figures come from the customer's own rollup columns when no such event lies after `now`
    (rollups.Coverage), else from the events."""
    m = ws.members
    joined = b.join(
        customers,
        and_(customers.c.external_userid == b.c.external_userid, customers.c.deleted.is_(False)),
    )
    if b is not m:
        joined = joined.outerjoin(m, m.c.external_userid == b.c.external_userid)
    is_member = m.c.external_userid.is_not(None)
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
    if inquiries_from_stats:
        last_inquiry: Any = customers.c.last_inquiry_at
    else:
        inquiries = _inquiries_from_events(m, now)
        joined = joined.outerjoin(inquiries, inquiries.c.external_userid == b.c.external_userid)
        last_inquiry = inquiries.c.last_inquiry
    # CASE evaluates the follow probe for members only: a million-customer base skips it.
    followed = case((is_member, case((_live_follow(b), 1), else_=0)), else_=None)
    return select(
        b.c.external_userid,
        case((is_member, 1), else_=0),
        customers.c.city,
        func.coalesce(customers.c.gender, 0),
        *order_figures,
        case((is_member, last_inquiry), else_=None),
        case((is_member, customers.c.last_event_at), else_=None),
        followed,
    ).select_from(joined)


def _live_follow(b: Table) -> Any:
    return exists().where(
        follows.c.external_userid == b.c.external_userid, follows.c.deleted.is_(False)
    )


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


def _analyze(session: Session, *tables: Table) -> int:
    """PostgreSQL plans temporary tables blind (autovacuum never analyzes them). Returns the
    rows of the last table."""
    postgres = session.get_bind().dialect.name == "postgresql"
    for table in tables:
        if postgres:
            session.execute(text(f'ANALYZE "{table.name}"'))
    return int(session.execute(select(func.count()).select_from(tables[-1])).scalar_one())


# Index probes win when the described customers are at most this share of all customers.
PROBE_SHARE = 0.2


@contextmanager
def _index_probes(session: Session, rows: int) -> Iterator[None]:
    """Have PostgreSQL join the workspace to the big tables by index probes when it is small.

    Its cost model (random_page_cost 4, made for disks) prices 100k index probes above a
    sequential scan of a million-row table and picks hash joins; on a cached database the
    probes are 2-3x faster (docs/performance.md). Hash and merge joins are turned off for
    this transaction while the workspace is in use, and restored afterwards."""
    if session.get_bind().dialect.name != "postgresql" or rows > PROBE_SHARE * _customer_estimate(
        session
    ):
        yield
        return
    saved = {
        name: session.execute(text("SELECT current_setting(:n)"), {"n": name}).scalar_one()
        for name in PLANNER_SWITCHES
    }
    _set_local(session, dict.fromkeys(PLANNER_SWITCHES, "off"))
    try:
        yield
    finally:
        try:
            _set_local(session, saved)
        except Exception:  # an aborted transaction resets them on rollback anyway
            log.debug("planner settings not restored", exc_info=True)


PLANNER_SWITCHES = ("enable_hashjoin", "enable_mergejoin")


def _set_local(session: Session, settings: dict[str, str]) -> None:
    for name, value in settings.items():
        session.execute(text("SELECT set_config(:n, :v, true)"), {"n": name, "v": value})


def _customer_estimate(session: Session) -> float:
    """The planner's own row estimate for customers (no scan)."""
    found = session.execute(
        text("SELECT reltuples FROM pg_class WHERE oid = to_regclass('customers')")
    ).scalar()
    return float(found or 0)


def _drop(session: Session, tables: list[Table]) -> None:
    conn = session.connection()
    for table in reversed(tables):
        try:
            table.drop(conn)
        except Exception:  # an aborted PostgreSQL transaction drops them on rollback anyway
            log.debug("temporary table %s not dropped", table.name, exc_info=True)
            return
