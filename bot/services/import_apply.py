"""Applying one validated chunk of CSV records to the database: insert, update or leave alone."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot.database import bulk_insert
from bot.services.records import (
    CustomerRecord,
    CustomerTagRecord,
    EventRecord,
    FollowRecord,
    Record,
    StaffRecord,
    TagRecord,
)
from bot.services.tag_history import ADDED, RECENT_FOLLOW, record_tag_changes
from segmentation.items import KEY_COLUMNS, item_columns
from segmentation.models import (
    Customer,
    CustomerTag,
    Department,
    Event,
    Follow,
    Staff,
    StaffDepartment,
    Tag,
)
from segmentation.rollups import (
    note_changed_customers,
    note_event_properties,
    note_inserted_events,
    note_new_customers,
)

Chunk = Sequence[tuple[int, Record]]


@dataclass
class ChunkCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class ApplyContext:
    """State kept across the chunks of one import run."""

    now: datetime
    department_ids: dict[str, int] | None = None
    events_for_unknown_customers: int = 0
    # The file's columns: a field whose column is absent is left as it is (None: all present).
    columns: frozenset[str] | None = None
    # (external_userid, userid) of the follows this run added: a tag on one of them says
    # nothing of when it was put on (as a first sync's does not).
    new_follows: set[tuple[str, str]] = field(default_factory=set)

    def present(self, fields: Iterable[str]) -> tuple[str, ...]:
        """The fields of `fields` the file carries."""
        return tuple(f for f in fields if self.columns is None or f in self.columns)

    def notes(self) -> list[str]:
        if not self.events_for_unknown_customers:
            return []
        return [
            f"{self.events_for_unknown_customers} event(s) name customers not (yet) known; "
            "they were kept and count once the customer is imported or synced"
        ]


def _first_of_each_key(chunk: Chunk, counts: ChunkCounts) -> dict[tuple[Any, ...], Record]:
    """The first record of each key; later repeats in the chunk are rejected, not merged."""
    seen: dict[tuple[Any, ...], tuple[int, Record]] = {}
    for line, record in chunk:
        key = record.key()
        if key in seen:
            counts.rejected.append((line, f"duplicate of line {seen[key][0]} ({key[0]})"))
        else:
            seen[key] = (line, record)
    return {k: r for k, (_, r) in seen.items()}


def _lines(chunk: Chunk) -> dict[tuple[Any, ...], int]:
    return {record.key(): line for line, record in reversed(chunk)}


def _upsert(
    session: Session,
    pk: InstrumentedAttribute[Any],
    values: dict[str, dict[str, Any]],
    compared: Iterable[str],
    counts: ChunkCounts,
    stamp: Callable[[dict[str, Any]], dict[str, Any]] = lambda row: {},
) -> Upserted:
    """Insert new rows and update changed ones, keyed by a single-column primary key.

    Only the `compared` fields are compared and updated (the others of `values` are written
    for new rows only); `stamp` adds bookkeeping columns (updated_at, received_at…) to rows
    that are written.
    """
    model = pk.class_
    compared = tuple(compared)
    columns = [getattr(model, c) for c in compared]
    existing = {
        row[0]: row[1:] for row in session.execute(select(pk, *columns).where(pk.in_(list(values))))
    }
    new = [v for k, v in values.items() if k not in existing]
    changed = [
        v
        for k, v in values.items()
        if k in existing and tuple(v[c] for c in compared) != tuple(existing[k])
    ]
    if new:
        bulk_insert(session, model.__table__, [row | stamp(row) for row in new])
    if changed:
        key = pk.key
        session.execute(
            update(model),
            [{key: row[key], **{c: row[c] for c in compared}} | stamp(row) for row in changed],
        )
    counts.inserted += len(new)
    counts.updated += len(changed)
    counts.unchanged += len(values) - len(new) - len(changed)
    return Upserted(new, changed, {k: existing[k] for k in values if k in existing})


@dataclass(frozen=True)
class Upserted:
    """What `_upsert` wrote: new rows, changed rows, and the compared fields as they were."""

    new: list[dict[str, Any]]
    changed: list[dict[str, Any]]
    before: dict[Any, tuple[Any, ...]]


# ------------------------------------------------------------------ customers


def apply_customers(session: Session, chunk: Chunk, ctx: ApplyContext) -> ChunkCounts:
    counts = ChunkCounts()
    records = _first_of_each_key(chunk, counts)
    fields = ("name", "gender", "city", "corp_name", "phone", "created_at", "deleted")
    compared = ctx.present(fields)
    values = {
        r.external_userid: {
            "external_userid": r.external_userid,
            **{f: getattr(r, f) for f in fields},
        }
        for r in records.values()
        if isinstance(r, CustomerRecord)
    }
    written = _upsert(
        session,
        Customer.external_userid,
        values,
        compared,
        counts,
        # Without a `deleted` column a deleted customer stays deleted (and a live one live).
        stamp=lambda row: (
            {"updated_at": ctx.now}
            | ({"deleted_at": ctx.now if row["deleted"] else None} if "deleted" in compared else {})
        ),
    )
    note_new_customers(session, (row["external_userid"] for row in written.new))
    return counts


# ------------------------------------------------------------------ staff


def apply_staff(session: Session, chunk: Chunk, ctx: ApplyContext) -> ChunkCounts:
    counts = ChunkCounts()
    records = [r for r in _first_of_each_key(chunk, counts).values() if isinstance(r, StaffRecord)]
    values = {r.userid: {"userid": r.userid, "name": r.name, "role": r.role} for r in records}
    _upsert(
        session,
        Staff.userid,
        values,
        ctx.present(("name", "role")),
        counts,
        stamp=lambda row: {"updated_at": ctx.now},
    )
    _add_memberships(session, records, ctx)
    return counts


def _add_memberships(session: Session, records: list[StaffRecord], ctx: ApplyContext) -> None:
    if ctx.department_ids is None:
        ctx.department_ids = {
            name: id_ for id_, name in session.execute(select(Department.id, Department.name))
        }
    wanted = {(r.userid, name) for r in records for name in r.departments}
    for name in sorted({name for _, name in wanted} - set(ctx.department_ids)):
        department = Department(name=name)
        session.add(department)
        session.flush()
        ctx.department_ids[name] = department.id
    userids = [r.userid for r in records]
    existing = {
        (row.userid, row.department_id)
        for row in session.execute(
            select(StaffDepartment.userid, StaffDepartment.department_id).where(
                StaffDepartment.userid.in_(userids)
            )
        )
    }
    missing = {(u, ctx.department_ids[n]) for u, n in wanted} - existing
    if missing:
        bulk_insert(
            session,
            StaffDepartment.__table__,
            [{"userid": u, "department_id": d, "is_leader": False} for u, d in sorted(missing)],
        )


# ------------------------------------------------------------------ follows


def _known(session: Session, column: InstrumentedAttribute[Any], keys: Iterable[str]) -> set[str]:
    keys = list(set(keys))
    if not keys:
        return set()
    return set(session.scalars(select(column).where(column.in_(keys))))


# The follow fields a file may carry; each is kept as stored when its column is absent.
FOLLOW_FIELDS = ("added_at", "remark", "add_way", "state")


def apply_follows(session: Session, chunk: Chunk, ctx: ApplyContext) -> ChunkCounts:
    counts = ChunkCounts()
    records = [r for r in _first_of_each_key(chunk, counts).values() if isinstance(r, FollowRecord)]
    lines = _lines(chunk)
    customers = _known(session, Customer.external_userid, (r.external_userid for r in records))
    staff = _known(session, Staff.userid, (r.userid for r in records))
    valid = []
    for r in records:
        if r.external_userid not in customers:
            counts.rejected.append((lines[r.key()], f"unknown customer {r.external_userid}"))
        elif r.userid not in staff:
            counts.rejected.append((lines[r.key()], f"unknown staff member {r.userid}"))
        else:
            valid.append(r)
    existing = {
        (f.external_userid, f.userid): f
        for f in session.execute(
            select(
                Follow.id,
                Follow.external_userid,
                Follow.userid,
                *(getattr(Follow, c) for c in FOLLOW_FIELDS),
                Follow.deleted,
            ).where(Follow.external_userid.in_([r.external_userid for r in valid]))
        )
    }
    new, changed = [], []
    kept = ctx.present(FOLLOW_FIELDS)
    for r in valid:
        row = existing.get((r.external_userid, r.userid))
        # A column the file lacks keeps the stored value.
        values = {
            c: getattr(r, c) if c in kept or row is None else getattr(row, c) for c in FOLLOW_FIELDS
        }
        if row is None:
            new.append(
                {"external_userid": r.external_userid, "userid": r.userid, **values,
                 "deleted": False}
            )  # fmt: skip
        elif (*(getattr(row, c) for c in FOLLOW_FIELDS), row.deleted) != (*values.values(), False):
            changed.append({"id": row.id, **values, "deleted": False, "deleted_at": None})
    if new:
        bulk_insert(session, Follow.__table__, new)
        ctx.new_follows.update((row["external_userid"], row["userid"]) for row in new)
    if changed:
        session.execute(update(Follow), changed)
    counts.inserted += len(new)
    counts.updated += len(changed)
    counts.unchanged += len(valid) - len(new) - len(changed)
    return counts


# ------------------------------------------------------------------ tags


def apply_tags(session: Session, chunk: Chunk, ctx: ApplyContext) -> ChunkCounts:
    counts = ChunkCounts()
    values = {
        r.tag_id: {"tag_id": r.tag_id, "name": r.name, "group_name": r.group_name, "deleted": False}
        for r in _first_of_each_key(chunk, counts).values()
        if isinstance(r, TagRecord)
    }
    compared = ("name", *ctx.present(("group_name",)), "deleted")
    _upsert(session, Tag.tag_id, values, compared, counts)
    return counts


def apply_customer_tags(session: Session, chunk: Chunk, ctx: ApplyContext) -> ChunkCounts:
    counts = ChunkCounts()
    records = [
        r for r in _first_of_each_key(chunk, counts).values() if isinstance(r, CustomerTagRecord)
    ]
    lines = _lines(chunk)
    customers = _known(session, Customer.external_userid, (r.external_userid for r in records))
    tags = _known(session, Tag.tag_id, (r.tag_id for r in records))
    valid = []
    for r in records:
        if r.external_userid not in customers:
            counts.rejected.append((lines[r.key()], f"unknown customer {r.external_userid}"))
        elif r.tag_id not in tags:
            counts.rejected.append((lines[r.key()], f"unknown tag {r.tag_id}"))
        else:
            valid.append(r)
    existing = {
        (row.external_userid, row.tag_id, row.userid)
        for row in session.execute(
            select(CustomerTag.external_userid, CustomerTag.tag_id, CustomerTag.userid).where(
                CustomerTag.external_userid.in_([r.external_userid for r in valid])
            )
        )
    }
    new = [
        {"external_userid": r.external_userid, "tag_id": r.tag_id, "userid": r.userid}
        for r in valid
        if r.key() not in existing
    ]
    if new:
        bulk_insert(session, CustomerTag.__table__, new)
        _record_added_tags(session, new, ctx)
    counts.inserted += len(new)
    counts.unchanged += len(valid) - len(new)
    return counts


def _record_added_tags(session: Session, new: list[dict[str, Any]], ctx: ApplyContext) -> None:
    """The tags an import put on, in the tag history as a sync records them: on a follow
    already known before this run, or made in the last day. A follow first seen now (a first
    import) says nothing of when its tags were put on; a tag with no follow behind it is
    nobody's change."""
    follows = {
        (e, u): added_at
        for e, u, added_at in session.execute(
            select(Follow.external_userid, Follow.userid, Follow.added_at).where(
                Follow.external_userid.in_({row["external_userid"] for row in new}),
                Follow.deleted.is_(False),
            )
        )
    }
    changes = []
    for row in new:
        relation = (row["external_userid"], row["userid"])
        if relation not in follows:
            continue
        added_at = follows[relation]
        recent = added_at is not None and ctx.now - _aware(added_at) <= RECENT_FOLLOW
        if relation not in ctx.new_follows or recent:
            changes.append((*relation, row["tag_id"]))
    record_tag_changes(session, ADDED, changes, ctx.now, "import")


def _aware(at: datetime) -> datetime:
    # SQLite hands back naive UTC datetimes.
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


# ------------------------------------------------------------------ events


EVENT_FIELDS = ("external_userid", "kind", "occurred_at", "amount", "properties")


def event_values(record: EventRecord) -> dict[str, Any]:
    """The row of an event, with the product/category/SKU keys of its properties."""
    values = {"event_id": record.event_id, **{f: getattr(record, f) for f in EVENT_FIELDS}}
    return values | item_columns(record.properties)


def apply_events(session: Session, chunk: Chunk, ctx: ApplyContext) -> ChunkCounts:
    counts = ChunkCounts()
    records = [r for r in _first_of_each_key(chunk, counts).values() if isinstance(r, EventRecord)]
    values = {r.event_id: event_values(r) for r in records}
    with_properties = "properties" in ctx.present(EVENT_FIELDS)

    def stamp(row: dict[str, Any]) -> dict[str, Any]:
        # The keys follow the properties they come from (a file without properties leaves both).
        keys = {c: row[c] for c in KEY_COLUMNS.values()} if with_properties else {}
        return {"source": "csv", "received_at": ctx.now, **keys}

    written = _upsert(
        session, Event.event_id, values, ctx.present(EVENT_FIELDS), counts, stamp=stamp
    )
    note_inserted_events(session, written.new)
    if with_properties:
        note_event_properties(session, (row["properties"] for row in written.changed))
    # A changed event may have moved between customers: both are recomputed.
    customer_at = ctx.present(EVENT_FIELDS).index("external_userid")
    note_changed_customers(
        session,
        {row["external_userid"] for row in written.changed}
        | {written.before[row["event_id"]][customer_at] for row in written.changed},
    )
    known = _known(session, Customer.external_userid, (r.external_userid for r in records))
    ctx.events_for_unknown_customers += sum(r.external_userid not in known for r in records)
    return counts
