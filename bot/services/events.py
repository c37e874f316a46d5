"""Behaviour events sent over the HTTP API: validate each record, keep the good, insert once."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from bot.database import bulk_insert
from bot.services.import_apply import event_values
from bot.services.records import EventPayload, EventRecord, error_text
from bot.settings import DEFAULT_EVENT_KINDS
from segmentation.models import Event
from segmentation.rollups import note_inserted_events
from segmentation.upsert import upsert_insert

MAX_EVENTS_PER_CALL = 1000


@dataclass
class IngestResult:
    accepted: int = 0
    duplicates: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"accepted": self.accepted, "duplicates": self.duplicates, "rejected": self.rejected}


def insert_ignoring_conflicts(
    session: Session, table: Table, rows: Sequence[dict[str, Any]], key: str
) -> set[Any]:
    """INSERT … ON CONFLICT (key) DO NOTHING; returns the keys actually inserted.

    Concurrent callers racing on the same key both succeed and exactly one row is written,
    which a SELECT-then-INSERT cannot promise.
    """
    if not rows:
        return set()
    stmt = upsert_insert(session, table).on_conflict_do_nothing(index_elements=[key])
    stmt = stmt.returning(table.c[key])
    return set(session.scalars(stmt, list(rows)).all())


def bulk_insert_events(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert new events in bulk (COPY on PostgreSQL) and note them for the rollups."""
    bulk_insert(session, Event.__table__, rows)
    note_inserted_events(session, rows)


def validate_event(
    item: Any, tz: ZoneInfo, kinds: Collection[str] = DEFAULT_EVENT_KINDS
) -> EventRecord:
    """One API event, or ValueError/ValidationError naming the field and the reason."""
    if not isinstance(item, dict):
        raise ValueError("an event must be a JSON object")
    payload = EventPayload.model_validate(item)
    return EventRecord.from_row(payload.model_dump(), tz, kinds)


def ingest_events(
    session: Session,
    items: Sequence[Any],
    *,
    tz: ZoneInfo,
    now: datetime,
    kinds: Collection[str] = DEFAULT_EVENT_KINDS,
) -> IngestResult:
    """Store the valid events of one call; each event_id is stored once, ever.

    A repeat of an event_id (already stored, or earlier in the same call) counts as a
    duplicate and changes nothing; bad records are rejected by index, the rest are kept.
    """
    result = IngestResult()
    fresh: dict[str, dict[str, Any]] = {}
    for index, item in enumerate(items):
        try:
            record = validate_event(item, tz, kinds)
        except (ValueError, ValidationError) as exc:
            result.rejected.append({"index": index, "error": error_text(exc)})
            continue
        if record.event_id in fresh:
            result.duplicates += 1
            continue
        fresh[record.event_id] = {**event_values(record), "source": "api", "received_at": now}
    known = set(
        session.scalars(select(Event.event_id).where(Event.event_id.in_(list(fresh)))).all()
    )
    result.duplicates += len(known)
    rows = [row for event_id, row in fresh.items() if event_id not in known]
    inserted = insert_ignoring_conflicts(session, Event.__table__, rows, "event_id")
    note_inserted_events(session, (row for row in rows if row["event_id"] in inserted))
    result.accepted = len(inserted)
    result.duplicates += len(rows) - len(inserted)
    return result
