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
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, cast

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
    null,
    select,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session

from segmentation.models import Customer, Event
from segmentation.models.base import UTCDateTime
from segmentation.rollups import read_coverage
from segmentation.windows import EARLIEST

log = logging.getLogger(__name__)

IdSource = Sequence[str] | Select[Any]
customers = cast(Table, Customer.__table__)
events = Event.__table__
CHUNK = 100_000


@dataclass(frozen=True)
class Workspace:
    """The temporary table of one description: `facts`, one row per described customer,
    with `in_seg` 1 for segment members."""

    facts: Table
    # Whether joins from the facts to follows and customer tags should go along their
    # indexes (`along_indexes`): set once the facts are built, by their size.
    small: bool = False


@contextmanager
def workspace(
    session: Session, members: IdSource, base: IdSource, now: datetime
) -> Iterator[Workspace]:
    """Build the facts of base ∪ members (so shares never exceed 1) as of `now`; drop the
    temporary tables afterwards. An empty `base` (a description against a stored profile)
    builds the members' facts alone."""
    tag = uuid.uuid4().hex[:12]
    meta = MetaData()
    ws = Workspace(facts=_facts_table(meta, f"insight_f_{tag}"))
    created: list[Table] = []
    try:
        coverage = read_coverage(session, ("order", "inquiry"))
        whole_history = (EARLIEST, now)
        figures = _Figures(
            orders_from_stats=coverage.answers_totals("order", whole_history),
            inquiries_from_stats=coverage.answers_totals("inquiry", whole_history),
        )
        alone = _alone(members, base) if figures.all_from_stats else None
        if alone is not None:
            _create(session, created, ws.facts)
            segment, in_seg = alone
            rows = _facts_from_segment(session, ws, segment, in_seg)
        else:
            rows = _facts_from_ids(session, ws, members, base, now, figures, meta, created)
        with _local_settings(session, {"work_mem": WORK_MEM}):
            _analyze(session, ws.facts)
            yield replace(ws, small=_is_small(session, rows, GROUPED_JOINS))
    finally:
        _drop(session, created)


@dataclass(frozen=True)
class _Figures:
    """Where the order and inquiry figures come from: the customer row's rollup columns
    when no such event lies after `now` (rollups.Coverage), else the events."""

    orders_from_stats: bool
    inquiries_from_stats: bool

    @property
    def all_from_stats(self) -> bool:
        return self.orders_from_stats and self.inquiries_from_stats


def _create(session: Session, created: list[Table], table: Table) -> None:
    table.create(session.connection())
    created.append(table)


def _alone(members: IdSource, base: IdSource) -> tuple[Select[Any], int] | None:
    """When one side is empty and the other a segment engine SELECT, that SELECT and the
    `in_seg` of its rows (1: members described against a stored profile; 0: a base profile
    computed without members)."""
    if _is_empty(base) and _selects_customers(members):
        return cast(Select[Any], members), 1
    if _is_empty(members) and _selects_customers(base):
        return cast(Select[Any], base), 0
    return None


def _selects_customers(source: IdSource) -> bool:
    """Whether `source` is a segment engine SELECT: customers.external_userid FROM customers
    alone (segmentation.compiler), whose other columns can be read in the same pass."""
    if not isinstance(source, Select) or source.get_final_froms() != [customers]:
        return False
    columns = list(source.selected_columns)
    return len(columns) == 1 and columns[0] is customers.c.external_userid


def _facts_from_segment(session: Session, ws: Workspace, segment: Select[Any], in_seg: int) -> int:
    """The facts read by the segment's own pass over customers: no id table, and no second
    visit to each customer's row."""
    member_only = in_seg == 1  # the base never needs these
    stmt = segment.with_only_columns(
        customers.c.external_userid,
        literal(in_seg),
        customers.c.city,
        func.coalesce(customers.c.gender, 0),
        customers.c.order_count,
        type_coerce(customers.c.order_total, BigInteger),
        customers.c.last_order_at,
        customers.c.last_inquiry_at if member_only else null(),
        customers.c.last_event_at if member_only else null(),
    ).where(customers.c.deleted.is_(False))
    inserted = session.execute(insert(ws.facts).from_select(FACT_COLUMNS, stmt))
    return int(inserted.rowcount)  # type: ignore[attr-defined]  # a CursorResult


def _facts_from_ids(
    session: Session,
    ws: Workspace,
    members: IdSource,
    base: IdSource,
    now: datetime,
    figures: _Figures,
    meta: MetaData,
    created: list[Table],
) -> int:
    """Members and base loaded into id tables first, then their facts."""
    tag = ws.facts.name.removeprefix("insight_f_")
    member_ids = _id_table(meta, f"insight_m_{tag}")
    _create(session, created, member_ids)
    _load_ids(session, member_ids, members)
    described = member_ids
    if not _is_empty(base):
        described = _id_table(meta, f"insight_b_{tag}")
        _create(session, created, described)
        _load_ids(session, described, base)
        _add_members_to_base(session, described, member_ids)
    _analyze(session, member_ids, described)
    rows = _count(session, described)
    _create(session, created, ws.facts)
    with _joins_off(session, FACTS_JOINS.off, _is_small(session, rows, FACTS_JOINS)):
        facts = _facts_select(member_ids, described, now, figures)
        session.execute(insert(ws.facts).from_select(FACT_COLUMNS, facts))
    return rows


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
]


def _facts_table(meta: MetaData, name: str) -> Table:
    """One row per customer by construction. No primary key: keeping its index while a
    million rows go in took 3.2 s of a 3.8 s insert, and the grouped queries never look a
    customer up in it (they scan it, or sort it for a merge join)."""
    return Table(
        name,
        meta,
        Column("external_userid", String(64), nullable=False),
        Column("in_seg", Integer, nullable=False),
        Column("city", String(64)),
        Column("gender", Integer, nullable=False),
        Column("orders", Integer, nullable=False),
        Column("fen", BigInteger, nullable=False),
        Column("last_order", UTCDateTime()),
        # Members only, the base never needs them: the latest inquiry, and the latest event
        # of any kind (all time: scorecard._freshness looks past `now`).
        Column("last_inquiry", UTCDateTime()),
        Column("last_event", UTCDateTime()),
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
            from sqlalchemy.dialects.postgresql import ARRAY  # loaded on PostgreSQL only

            arr = literal(chunk, ARRAY(String(64)))
            session.execute(
                insert(table).from_select(["external_userid"], select(func.unnest(arr)))
            )
        else:
            session.execute(insert(table), [{"external_userid": i} for i in chunk])


def _facts_select(m: Table, b: Table, now: datetime, figures: _Figures) -> Select[Any]:
    """One row per customer of `b` (the base, or the members `m` alone)."""
    joined = b.join(
        customers,
        and_(customers.c.external_userid == b.c.external_userid, customers.c.deleted.is_(False)),
    )
    if b is not m:
        joined = joined.outerjoin(m, m.c.external_userid == b.c.external_userid)
    is_member = m.c.external_userid.is_not(None)
    if figures.orders_from_stats:
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
    if figures.inquiries_from_stats:
        last_inquiry: Any = customers.c.last_inquiry_at
    else:
        inquiries = _inquiries_from_events(m, now)
        joined = joined.outerjoin(inquiries, inquiries.c.external_userid == b.c.external_userid)
        last_inquiry = inquiries.c.last_inquiry
    return select(
        b.c.external_userid,
        case((is_member, 1), else_=0),
        customers.c.city,
        func.coalesce(customers.c.gender, 0),
        *order_figures,
        case((is_member, last_inquiry), else_=None),
        case((is_member, customers.c.last_event_at), else_=None),
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


# Rows ANALYZE samples per table is 300 × this. The plans only need sizes and rough value
# counts; the default (100: 30,000 rows) took 0.1 s of a 1.3 s description.
ANALYZE_TARGET = "10"


def _analyze(session: Session, *tables: Table) -> None:
    """PostgreSQL plans temporary tables blind (autovacuum never analyzes them)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    with _local_settings(session, {"default_statistics_target": ANALYZE_TARGET}):
        for table in dict.fromkeys(tables):  # the same table once
            session.execute(text(f'ANALYZE "{table.name}"'))


def _count(session: Session, table: Table) -> int:
    return int(session.execute(select(func.count()).select_from(table)).scalar_one())


# Memory for each sort or hash of one description's grouped queries: the (customer, tag)
# pairs of 100k members spill to disk at PostgreSQL's default 4MB.
WORK_MEM = "64MB"


@dataclass(frozen=True)
class JoinPolicy:
    """Joins turned off while the workspace holds at most `up_to_share` of all customers."""

    off: tuple[str, ...]
    up_to_share: float


# Reading the customers' own rows costs a heap visit per customer whatever the plan, so only
# index probes are left, up to a fifth of the customers (measured: 73k probes 0.2 s against
# 0.5 s for a hash join over the table).
FACTS_JOINS = JoinPolicy(("enable_hashjoin", "enable_mergejoin"), 0.2)
# The grouped queries read the covering indexes of follows and customer tags, by probes or a
# merge join along the index: up to half the customers (224k members: 2.15 s against 2.75 s
# with hash joins; a million-customer base is faster hashed).
GROUPED_JOINS = JoinPolicy(("enable_hashjoin",), 0.5)


@contextmanager
def along_indexes(session: Session, ws: Workspace) -> Iterator[None]:
    """For one query joining the facts to follows or customer tags: while the workspace is
    small, hash joins are off, so the planner probes the covering index or merges along it.

    Its cost model (random_page_cost 4, made for disks) prices 100k index probes above a
    sequential scan of a million-row table and picks hash joins, but on a cached database
    the probes are 2-3x faster (docs/performance.md). Only these queries are steered: others
    (overlaps with saved segments, say) keep the planner's own choice."""
    with _joins_off(session, GROUPED_JOINS.off, ws.small):
        yield


@contextmanager
def _joins_off(session: Session, switches: tuple[str, ...], wanted: bool) -> Iterator[None]:
    if not wanted:
        yield
        return
    with _local_settings(session, dict.fromkeys(switches, "off")):
        yield


def _is_small(session: Session, rows: int, joins: JoinPolicy) -> bool:
    if session.get_bind().dialect.name != "postgresql":
        return False
    return rows <= joins.up_to_share * _customer_estimate(session)


@contextmanager
def _local_settings(session: Session, wanted: dict[str, str]) -> Iterator[None]:
    """PostgreSQL settings for this transaction while the block runs; the previous values
    are restored afterwards. Nothing on other databases."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    saved = {
        name: session.execute(text("SELECT current_setting(:n)"), {"n": name}).scalar_one()
        for name in wanted
    }
    _set_local(session, wanted)
    try:
        yield
    finally:
        try:
            _set_local(session, saved)
        except Exception:  # an aborted transaction resets them on rollback anyway
            log.debug("planner settings not restored", exc_info=True)


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
