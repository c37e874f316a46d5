"""Per-customer event rollups (`event_stats`): kept exact at every commit, used where they
give the same answer as the events.

Keeping them exact
    Only sessions made by a factory given to `keep_rollups` keep them (bot.database's
    `make_session_factory`, the one place segbot makes sessions): the hooks below are
    registered on that factory, not on every SQLAlchemy session in the process, and a note
    left on any other session is refused instead of being silently lost.

    Every transaction that writes events leaves a note on its session (`note_inserted_events`
    for rows it INSERTed with Core, `note_changed_customers` for anything else; ORM changes to
    `Event` objects are noted by a flush hook). Just before the transaction commits, the notes
    are applied: inserted rows as increments (count +n, amount +x, first/last widened), other
    customers recomputed from their events. On PostgreSQL this last step runs under one
    transaction-level advisory lock, so two writers never apply their notes at the same time:
    whoever goes second starts its statements after the first committed and sees its events
    (a recompute that could not see another writer's uncommitted events would otherwise
    overwrite that writer's increment). SQLite already has a single writer.

    Events written outside segbot (SQL by hand, a bulk COPY) must be followed by
    `rebuild_event_stats` (`segbot stats rebuild`).

    The same notes keep `event_item_names` (every product, category and SKU name the events
    carry, segmentation.items) up to date; the events' own key columns are written with them.

When they can stand in for the events (`Coverage`)
    Rollups know the whole history, not a window. "Some event of kind k in [start, end]" equals
    "last_at >= start" only when no event of k lies after `end`; a count or sum over the window
    equals the rollup only when the window also starts before the first event of k. The
    engine reads the first and last time of each kind (two index probes) before compiling and
    uses rollups only then; past `now`s and mid-history windows read the events.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Table,
    bindparam,
    delete,
    event,
    except_,
    func,
    insert,
    or_,
    select,
    text,
    type_coerce,
    union,
    update,
)
from sqlalchemy.orm import Session, SessionTransaction, attributes, sessionmaker

from segmentation.items import KEY_COLUMNS, item_columns, item_name_rows
from segmentation.models.base import to_money
from segmentation.models.customers import Customer
from segmentation.models.events import Event, EventItemName, EventStats
from segmentation.upsert import is_postgres, upsert_insert
from segmentation.windows import Interval

events = cast(Table, Event.__table__)
stats = cast(Table, EventStats.__table__)
item_names = cast(Table, EventItemName.__table__)
customers = cast(Table, Customer.__table__)

PENDING_KEY = "segbot.event_stats.pending"
# In the info of every session whose factory was given to keep_rollups.
KEPT_KEY = "segbot.event_stats.kept"
# Seed of the pg_advisory_xact_lock key for "applying event_stats notes" (mixed with the schema).
STATS_LOCK_KEY = 0x5E6B_0757_A75
ID_CHUNK = 500


# ------------------------------------------------------------------ coverage


@dataclass(frozen=True)
class KindSpan:
    """The first and the last stored event of one kind (aware UTC)."""

    first: datetime
    last: datetime


@dataclass(frozen=True)
class Coverage:
    """For the kinds read: their span, or None when no event of that kind exists."""

    spans: Mapping[str, KindSpan | None] = field(default_factory=dict)

    def answers_exists(self, kind: str, interval: Interval) -> bool:
        """Whether `last_at >= start` means "an event of `kind` in `interval`"."""
        if kind not in self.spans:
            return False
        span = self.spans[kind]
        return span is None or interval[1] >= span.last

    def answers_totals(self, kind: str, interval: Interval) -> bool:
        """Whether the rollup's count, amount, first and last are those of `interval`."""
        if not self.answers_exists(kind, interval):
            return False
        span = self.spans[kind]
        return span is None or interval[0] <= span.first


def read_coverage(session: Session, kinds: Iterable[str]) -> Coverage:
    """The span of each kind, from the events themselves: min/max on the (kind, time) index.

    Notes this transaction has not applied yet are applied first, so a transaction that
    writes events and then evaluates segments sees its own events in the rollups too."""
    apply_notes_now(session)
    spans: dict[str, KindSpan | None] = {}
    wanted = sorted(set(kinds))
    if not wanted:
        return Coverage(spans)
    bounds = []
    for kind in wanted:
        # One scalar subquery per bound: SQLite answers a lone min() or max() with one index
        # probe, but a min() and a max() in one SELECT with a scan of every event of the kind.
        for agg in (func.min, func.max):
            bounds.append(
                select(agg(events.c.occurred_at)).where(events.c.kind == kind).scalar_subquery()
            )
    row = session.execute(select(*bounds)).one()
    for index, kind in enumerate(wanted):
        first, last = row[2 * index], row[2 * index + 1]
        # The subqueries keep the column's type: UTCDateTime hands back aware UTC times.
        spans[kind] = None if first is None else KindSpan(first, last)
    return Coverage(spans)


# ------------------------------------------------------------------ notes


@dataclass
class _Totals:
    events: int
    amount: Decimal
    first_at: datetime
    last_at: datetime
    prev_at: datetime | None = None  # the second-latest time (None with one event)

    def add(self, other: _Totals) -> None:
        self.events += other.events
        self.amount += other.amount
        self.first_at = min(self.first_at, other.first_at)
        latest = sorted(
            (t for t in (self.last_at, self.prev_at, other.last_at, other.prev_at) if t),
            reverse=True,
        )
        self.last_at, self.prev_at = latest[0], latest[1]


@dataclass
class _Pending:
    increments: dict[tuple[str, str], _Totals] = field(default_factory=dict)
    recompute: set[str] = field(default_factory=set)
    # Customers whose row was just created: their columns take in events that came first.
    new_customers: set[str] = field(default_factory=set)
    # The properties of events written: their product/category/SKU names join the known ones.
    properties: list[Any] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.increments or self.recompute or self.new_customers or self.properties)

    def touched(self) -> set[str]:
        return {eid for eid, _ in self.increments} | self.recompute | self.new_customers


def keep_rollups(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """Make the sessions of `factory` keep the rollups exact (the hooks below); returns it."""
    event.listen(factory, "after_flush", _note_orm_changes)
    event.listen(factory, "before_commit", _apply_notes)
    event.listen(factory, "after_soft_rollback", _forget_notes)
    factory.configure(info={**factory.kw.get("info", {}), KEPT_KEY: True})
    return factory


def _require_hooks(session: Session) -> None:
    if not session.info.get(KEPT_KEY):
        # Without the hooks the notes would never be applied at commit: wrong rollups, and
        # wrong answers for every segment that reads them, long after the write.
        raise RuntimeError(
            "this session does not keep the event rollups: make it with a factory given to "
            "segmentation.rollups.keep_rollups (bot.database.make_session_factory)"
        )


def _pending(session: Session) -> _Pending:
    _require_hooks(session)
    found = session.info.get(PENDING_KEY)
    if found is None:
        found = session.info[PENDING_KEY] = _Pending()
    return found


def note_inserted_events(session: Session, rows: Iterable[Mapping[str, Any]]) -> None:
    """`rows` (external_userid, kind, occurred_at, amount) were just INSERTed into events in
    this transaction; the rollups take them in at commit."""
    pending = _pending(session)
    increments = pending.increments
    for row in rows:
        if row.get("properties"):
            pending.properties.append(row["properties"])
        when = row["occurred_at"]
        amount = row.get("amount")
        # Each amount rounded to fen as it is stored, so the sum is the stored sum.
        one = _Totals(1, to_money(amount) if amount is not None else Decimal(0), when, when)
        key = (row["external_userid"], row["kind"])
        if key in increments:
            increments[key].add(one)
        else:
            increments[key] = one


def note_event_properties(session: Session, properties: Iterable[Any]) -> None:
    """Events with these properties were written (updated rows, say): their product,
    category and SKU names join the known ones at commit."""
    _pending(session).properties.extend(p for p in properties if p)


def note_changed_customers(session: Session, external_userids: Iterable[str]) -> None:
    """These customers' events changed some other way (updated, deleted, moved between
    customers); their rollups are recomputed from their events at commit."""
    _pending(session).recompute.update(external_userids)


def note_new_customers(session: Session, external_userids: Iterable[str]) -> None:
    """Customer rows were INSERTed with Core: their order and inquiry columns are filled from
    the events already stored for them (behaviour data may arrive before the customer)."""
    _pending(session).new_customers.update(external_userids)


def _note_orm_changes(session: Session, _context: Any) -> None:
    created = [obj.external_userid for obj in session.new if isinstance(obj, Customer)]
    if created:
        note_new_customers(session, created)
    touched: set[str] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Event):
            touched.add(obj.external_userid)
            if obj.properties and obj not in session.deleted:
                note_event_properties(session, [obj.properties])
            # A moved event also changes the customer it left.
            history = attributes.get_history(obj, "external_userid")
            touched.update(v for v in history.deleted if v)
    if touched:
        note_changed_customers(session, touched)


def apply_notes_now(session: Session) -> None:
    """Bring the rollups up to this transaction's own writes (done at commit anyway)."""
    _require_hooks(session)
    session.flush()  # ORM changes first: their hook adds notes
    pending: _Pending | None = session.info.pop(PENDING_KEY, None)
    if pending:
        apply_pending(session, pending)


def _apply_notes(session: Session) -> None:
    apply_notes_now(session)


def _forget_notes(session: Session, previous: SessionTransaction) -> None:
    pending: _Pending | None = session.info.get(PENDING_KEY)
    if pending is None:
        return
    if previous.nested:
        # A savepoint was rolled back: some noted inserts may be gone. Recompute those
        # customers from what the transaction still holds instead of trusting the notes.
        pending.recompute.update(eid for eid, _ in pending.increments)
        pending.increments.clear()
        return
    session.info.pop(PENDING_KEY, None)


# ------------------------------------------------------------------ applying


def apply_pending(session: Session, pending: _Pending) -> None:
    _lock(session)
    increments = [
        {
            "external_userid": eid,
            "kind": kind,
            "events": t.events,
            "amount": t.amount,
            "first_at": t.first_at,
            "last_at": t.last_at,
            "prev_at": t.prev_at,
        }
        for (eid, kind), t in sorted(pending.increments.items())
        if eid not in pending.recompute
    ]
    if increments:
        _upsert_increments(session, increments)
    ids = sorted(pending.recompute)
    for start in range(0, len(ids), ID_CHUNK):
        _recompute(session, ids[start : start + ID_CHUNK])
    touched = sorted(pending.touched())
    for start in range(0, len(touched), ID_CHUNK):
        _refresh_customers(session, touched[start : start + ID_CHUNK])
    _record_item_names(session, pending.properties)


def _record_item_names(session: Session, properties: Iterable[Any]) -> None:
    """Add the product/category/SKU names of these properties that are not known yet."""
    rows = item_name_rows(properties)
    if not rows:
        return
    stmt = upsert_insert(session, item_names).on_conflict_do_nothing(
        index_elements=[item_names.c.field, item_names.c.key]
    )
    session.execute(stmt, rows)


def _lock(session: Session) -> None:
    if is_postgres(session):
        # Advisory locks are per database, not per schema: the key includes the schema, so
        # deployments (or test runs) sharing a server in different schemas never wait on
        # each other's rebuilds.
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(current_schema(), :key))"),
            {"key": STATS_LOCK_KEY},
        )


def _upsert_increments(session: Session, rows: list[dict[str, Any]]) -> None:
    postgres = is_postgres(session)
    stmt = upsert_insert(session, stats)
    new = stmt.excluded
    # PostgreSQL's least/greatest; SQLite's two-argument min/max (its text timestamps have a
    # fixed width, so they order as times).
    lower, upper = (func.least, func.greatest) if postgres else (func.min, func.max)
    # The second-latest of both pairs (each latest first): the larger of the smaller latest
    # and the two second-latests (a missing one stands in as that smaller latest).
    smaller_latest = lower(stats.c.last_at, new.last_at)
    second = upper(
        smaller_latest,
        func.coalesce(stats.c.prev_at, smaller_latest),
        func.coalesce(new.prev_at, smaller_latest),
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=[stats.c.external_userid, stats.c.kind],
        set_={
            "events": stats.c.events + new.events,
            "amount": stats.c.amount + new.amount,
            "first_at": lower(stats.c.first_at, new.first_at),
            "last_at": upper(stats.c.last_at, new.last_at),
            "prev_at": second,
        },
    )
    session.execute(stmt, rows)


def _recompute(session: Session, ids: list[str]) -> None:
    session.execute(delete(stats).where(stats.c.external_userid.in_(ids)))
    session.execute(
        insert(stats).from_select(
            list(STATS_COLUMNS), _grouped_events().where(events.c.external_userid.in_(ids))
        )
    )


STATS_COLUMNS = ("external_userid", "kind", "events", "amount", "first_at", "last_at", "prev_at")
# The customers columns copied from event_stats: {column: (kind, event_stats column)}.
CUSTOMER_COLUMNS: dict[str, tuple[str, str]] = {
    "order_count": ("order", "events"),
    "order_total": ("order", "amount"),
    "first_order_at": ("order", "first_at"),
    "last_order_at": ("order", "last_at"),
    "prev_order_at": ("order", "prev_at"),
    "inquiry_count": ("inquiry", "events"),
    "last_inquiry_at": ("inquiry", "last_at"),
    "prev_inquiry_at": ("inquiry", "prev_at"),
}
_COPIED = {copied: column for column, copied in CUSTOMER_COLUMNS.items()}
EMPTY_VALUES = {"order_count": 0, "order_total": 0, "inquiry_count": 0}
# The customers column holding the latest event of any kind (the largest last_at).
LATEST_EVENT_COLUMN = "last_event_at"


def customer_column(kind: str, source: str) -> str | None:
    """The customers column holding event_stats' `source` column of `kind`, if it is copied
    there (CUSTOMER_COLUMNS)."""
    return _COPIED.get((kind, source))


def _refresh_customers(session: Session, ids: list[str]) -> None:
    """Copy these customers' order and inquiry rollups and their latest event onto their rows
    (no rollup: 0 / NULL)."""
    values = _customer_values(customers)
    session.execute(update(customers).where(customers.c.external_userid.in_(ids)).values(values))


def _customer_values(target: Any) -> dict[str, Any]:
    """{customers column: what event_stats says it should hold} for the rows of `target`
    (the customers table or an alias of it)."""
    values = {}
    for column, (kind, source) in CUSTOMER_COLUMNS.items():
        picked = (
            select(type_coerce(stats.c[source], customers.c[column].type))
            .where(stats.c.external_userid == target.c.external_userid, stats.c.kind == kind)
            .scalar_subquery()
        )
        empty = EMPTY_VALUES.get(column)
        values[column] = picked if empty is None else func.coalesce(picked, empty)
    values[LATEST_EVENT_COLUMN] = (
        select(type_coerce(func.max(stats.c.last_at), customers.c[LATEST_EVENT_COLUMN].type))
        .where(stats.c.external_userid == target.c.external_userid)
        .scalar_subquery()
    )
    return values


def _grouped_events() -> Any:
    fen = type_coerce(events.c.amount, BigInteger)
    other = events.alias("second")
    second_latest = (
        select(other.c.occurred_at)
        .where(other.c.external_userid == events.c.external_userid, other.c.kind == events.c.kind)
        .order_by(other.c.occurred_at.desc())
        .offset(1)
        .limit(1)
        .scalar_subquery()
    )
    return select(
        events.c.external_userid,
        events.c.kind,
        func.count(),
        func.coalesce(func.sum(fen), 0),
        func.min(events.c.occurred_at),
        func.max(events.c.occurred_at),
        second_latest,
    ).group_by(events.c.external_userid, events.c.kind)


def rebuild_event_stats(session: Session) -> int:
    """Recompute every rollup from the events (after events were written outside segbot);
    returns the number of (customer, kind) rows."""
    _lock(session)
    session.info.pop(PENDING_KEY, None)
    session.execute(delete(stats))
    session.execute(insert(stats).from_select(list(STATS_COLUMNS), _grouped_events()))
    _rebuild_customers(session)
    rebuild_item_keys(session)
    return int(session.scalar(select(func.count()).select_from(stats)) or 0)


ITEM_BATCH = 5_000


def rebuild_item_keys(session: Session) -> int:
    """Recompute every event's product/category/SKU keys and the known names from the
    properties (after events were written outside segbot); returns the events changed."""
    key_columns = [events.c[c] for c in KEY_COLUMNS.values()]
    session.execute(delete(item_names))
    changed, after = 0, ""
    while True:
        batch = session.execute(
            select(events.c.event_id, events.c.properties, *key_columns)
            .where(events.c.event_id > after, events.c.properties.is_not(None))
            .order_by(events.c.event_id)
            .limit(ITEM_BATCH)
        ).all()
        if not batch:
            return changed
        after = batch[-1][0]
        updates = []
        for event_id, properties, *keys in batch:
            wanted = item_columns(properties)
            if list(wanted.values()) != keys:
                updates.append({"id": event_id, **{f"new_{c}": v for c, v in wanted.items()}})
        if updates:
            new: dict[str, Any] = {c: bindparam(f"new_{c}") for c in KEY_COLUMNS.values()}
            stmt = update(events).where(events.c.event_id == bindparam("id")).values(new)
            session.connection().execute(stmt, updates)
            changed += len(updates)
        _record_item_names(session, [row[1] for row in batch])


def _rebuild_customers(session: Session) -> None:
    """Every customer's copied columns from event_stats (UPDATE … FROM: one pass per kind, and
    one for the latest event, instead of a probe per customer and column)."""
    nullable = [*(c for c in CUSTOMER_COLUMNS if c not in EMPTY_VALUES), LATEST_EVENT_COLUMN]
    not_empty = [customers.c[c] != v for c, v in EMPTY_VALUES.items()]
    not_empty += [customers.c[c].is_not(None) for c in nullable]
    cleared = {c: EMPTY_VALUES.get(c) for c in [*CUSTOMER_COLUMNS, LATEST_EVENT_COLUMN]}
    session.execute(update(customers).where(or_(*not_empty)).values(cleared))
    for kind in sorted({kind for kind, _ in CUSTOMER_COLUMNS.values()}):
        columns = {c: stats.c[src] for c, (k, src) in CUSTOMER_COLUMNS.items() if k == kind}
        session.execute(
            update(customers)
            .where(customers.c.external_userid == stats.c.external_userid, stats.c.kind == kind)
            .values(columns)
        )
    latest = (
        select(stats.c.external_userid, func.max(stats.c.last_at).label("last_at"))
        .group_by(stats.c.external_userid)
        .subquery()
    )
    session.execute(
        update(customers)
        .where(customers.c.external_userid == latest.c.external_userid)
        .values({LATEST_EVENT_COLUMN: latest.c.last_at})
    )


def stale_event_stats(session: Session) -> int:
    """How many (customer, kind) rollups differ from the events, missing or extra ones
    included, plus customers whose order/inquiry columns differ from them (0 when all are
    exact)."""
    apply_notes_now(session)
    truth = select(*_grouped_events().subquery().c)
    kept = select(
        stats.c.external_userid, stats.c.kind, stats.c.events,
        type_coerce(stats.c.amount, BigInteger), stats.c.first_at, stats.c.last_at,
        stats.c.prev_at,
    )  # fmt: skip
    wrong = except_(truth, kept).subquery()
    extra = except_(kept, truth).subquery()
    keys = union(select(wrong.c[0], wrong.c[1]), select(extra.c[0], extra.c[1])).subquery()
    stale = int(session.scalar(select(func.count()).select_from(keys)) or 0)
    return stale + _stale_customers(session)


def _stale_customers(session: Session) -> int:
    """Customers whose copied columns differ from event_stats."""
    copied, fresh = customers.alias(), customers.alias()
    values = _customer_values(fresh)
    expected = select(fresh.c.external_userid, *(v.label(c) for c, v in values.items()))
    actual = select(copied.c.external_userid, *(copied.c[c] for c in values))
    differing = except_(expected, actual).subquery()
    return int(session.scalar(select(func.count()).select_from(differing)) or 0)
