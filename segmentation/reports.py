"""Per-customer report rows (for exports and digests) as a pandas DataFrame, built in SQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal

import pandas as pd
from sqlalchemy import BigInteger, case, func, select, type_coerce
from sqlalchemy.orm import Session

from segmentation.models import Customer, CustomerTag, Event, Follow, Staff, Tag

COLUMNS = [
    "external_userid",
    "name",
    "owners",
    "city",
    "tags",
    "last_inquiry_at",
    "last_order_at",
    "total_spend",
    "order_count",
]
# Keeps each IN list well under SQLite's and psycopg's bound-parameter limits.
CHUNK = 500


def segment_frame(session: Session, ids: Sequence[str], now: datetime) -> pd.DataFrame:
    """One row per id (in the order given; unknown ids are left out). Owners are the staff
    names of live follow relations, tags the live tag names, both "、"-joined; event facts
    count only events up to `now`."""
    rows: dict[str, dict[str, object]] = {}
    for chunk in _chunks(list(dict.fromkeys(ids)), CHUNK):
        for eid, name, city in session.execute(
            select(Customer.external_userid, Customer.name, Customer.city).where(
                Customer.external_userid.in_(chunk)
            )
        ):
            rows[eid] = {"external_userid": eid, "name": name, "city": city}
        _add_lists(session, rows, chunk)
        _add_events(session, rows, chunk, now)
    ordered = [rows[i] for i in dict.fromkeys(ids) if i in rows]
    for row in ordered:
        row.setdefault("owners", "")
        row.setdefault("tags", "")
        row.setdefault("last_inquiry_at", None)
        row.setdefault("last_order_at", None)
        row.setdefault("total_spend", Decimal("0.00"))
        row.setdefault("order_count", 0)
    return pd.DataFrame(ordered, columns=COLUMNS)


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _add_lists(session: Session, rows: dict[str, dict[str, object]], chunk: list[str]) -> None:
    owners: dict[str, list[str]] = {}
    stmt = (
        select(Follow.external_userid, func.coalesce(func.nullif(Staff.name, ""), Staff.userid))
        .join(Staff, Staff.userid == Follow.userid)
        .where(Follow.external_userid.in_(chunk), Follow.deleted.is_(False))
    )
    for eid, name in session.execute(stmt):
        owners.setdefault(eid, []).append(name)
    tags: dict[str, set[str]] = {}
    stmt = (
        select(CustomerTag.external_userid, Tag.name)
        .join(Tag, Tag.tag_id == CustomerTag.tag_id)
        .where(CustomerTag.external_userid.in_(chunk), Tag.deleted.is_(False))
    )
    for eid, name in session.execute(stmt):
        tags.setdefault(eid, set()).add(name)
    for eid, row in rows.items():
        if eid in chunk:
            row["owners"] = "、".join(sorted(owners.get(eid, [])))
            row["tags"] = "、".join(sorted(tags.get(eid, set())))


def _add_events(
    session: Session, rows: dict[str, dict[str, object]], chunk: list[str], now: datetime
) -> None:
    events = Event.__table__
    is_order = events.c.kind == "order"
    stmt = (
        select(
            events.c.external_userid,
            func.max(case((events.c.kind == "inquiry", events.c.occurred_at))),
            func.max(case((is_order, events.c.occurred_at))),
            func.coalesce(func.sum(case((is_order, type_coerce(events.c.amount, BigInteger)))), 0),
            func.count(case((is_order, 1))),
        )
        .where(events.c.external_userid.in_(chunk), events.c.occurred_at <= now)
        .group_by(events.c.external_userid)
    )
    for eid, last_inquiry, last_order, fen, orders in session.execute(stmt):
        if eid in rows:
            rows[eid].update(
                last_inquiry_at=_aware(last_inquiry),
                last_order_at=_aware(last_order),
                total_spend=(Decimal(int(fen)) / 100).quantize(Decimal("0.01")),
                order_count=int(orders),
            )


def _aware(value: object) -> datetime | None:
    """max(CASE …) loses the column type, so convert like UTCDateTime does."""
    from datetime import UTC

    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
