"""INSERT … ON CONFLICT in the dialect of the session's database (SQLite or PostgreSQL):
both dialects' `insert` have `on_conflict_do_update/nothing` and `excluded`, so callers write
the statement once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from sqlalchemy.dialects.postgresql import Insert as PostgresInsert
    from sqlalchemy.dialects.sqlite import Insert as SqliteInsert


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def upsert_insert(session: Session, table: Any) -> PostgresInsert | SqliteInsert:
    """`insert(table)` with ON CONFLICT support for the session's database."""
    if is_postgres(session):
        from sqlalchemy.dialects.postgresql import insert as postgres_insert

        return postgres_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)
