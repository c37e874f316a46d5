"""Claiming rows for one worker: the inbox, the tag outbox, campaign deliveries and their
reconciler all take work the same way, so several workers never take the same row."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Row, Select, select, update
from sqlalchemy.orm import Session

S = TypeVar("S", bound=Select)
# Ids per UPDATE: below every backend's limit of bound parameters.
CHUNK = 900


def skip_locked(session: Session, stmt: S, model: type[Any]) -> S:
    """`stmt` locking the `model` rows it reads and skipping those another transaction holds
    (FOR UPDATE SKIP LOCKED), so concurrent PostgreSQL workers read different rows and never
    wait for each other. SQLite has no row locks (one writer at a time): unchanged there."""
    if session.get_bind().dialect.name != "postgresql":
        return stmt
    return stmt.with_for_update(skip_locked=True, of=model)


def claim_rows(
    session: Session,
    model: type[Any],
    where: ColumnElement[bool],
    values: Mapping[str, Any],
    *,
    order_by: Iterable[Any] = (),
    limit: int | None = None,
    columns: Sequence[Any] = (),
) -> list[Row[Any]]:
    """Claim up to `limit` rows of `model` matching `where` (in `order_by` order) by setting
    `values` on them, in the caller's transaction; returns (id, *columns) of each row claimed.

    The rows are read with `skip_locked`, and the UPDATE repeats `where`: a row that another
    worker claimed between the read and the write (possible where nothing is locked: SQLite
    reads outside the write lock) no longer matches, and is not claimed twice."""
    ids = list(
        session.scalars(
            skip_locked(
                session,
                select(model.id).where(where).order_by(*order_by).limit(limit),
                model,
            )
        )
    )
    claimed: dict[Any, Row[Any]] = {}
    for start in range(0, len(ids), CHUNK):
        stmt = (
            update(model)
            .where(model.id.in_(ids[start : start + CHUNK]), where)
            .values(dict(values))
            .returning(model.id, *columns)
            .execution_options(synchronize_session=False)
        )
        claimed.update((row[0], row) for row in session.execute(stmt))
    return [claimed[i] for i in ids if i in claimed]
