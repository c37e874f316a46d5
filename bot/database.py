"""Engines and sessions: one place that knows how to connect to SQLite or PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import JSON, Column, Connection, Engine, Table, create_engine, event
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DataError, DBAPIError, StatementError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.types import TypeDecorator


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with the per-dialect settings segbot relies on."""
    # A statement's parameters are customer data (names, phone numbers): never in an
    # exception's text, a traceback or a log line.
    kwargs.setdefault("hide_parameters", True)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        kwargs.setdefault("connect_args", {}).setdefault("timeout", 30)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(url, **kwargs)
    if parsed.get_backend_name() == "postgresql":
        event.listen(engine, "connect", _postgresql_session_settings)
    return engine


def _postgresql_session_settings(dbapi_connection: Any, _record: Any) -> None:
    # JIT compiles every segment query over a million customers and never pays back: it
    # added 70-370 ms to queries of 0.3-3 s (plans in docs/performance.md). Session-level,
    # so a DBA's server settings stay untouched for other clients.
    cursor = dbapi_connection.cursor()
    cursor.execute("SET jit = off")
    cursor.close()
    if not dbapi_connection.autocommit:
        dbapi_connection.commit()  # psycopg opened a transaction for the SET: end it


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the web app read while the worker or scheduler writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def caused_by_input(exc: BaseException) -> bool:
    """The database refused a value (a number out of range, a time that overflows): retrying
    gives the same answer, unlike a database that is away or locked (OperationalError)."""
    if isinstance(exc, DataError):
        return True
    if isinstance(exc, StatementError) and not isinstance(exc, DBAPIError):
        return isinstance(exc.orig, ArithmeticError | ValueError)  # failed to bind a value
    return isinstance(exc, ArithmeticError)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction for one unit of work: committed on success, rolled back on error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def bulk_insert(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many new rows: COPY on PostgreSQL (several times faster than INSERT batches for
    imports of millions of rows), executemany elsewhere. Every row must have the same keys."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        session.execute(table.insert(), list(rows))
        return
    columns = [table.c[name] for name in rows[0]]
    # COPY skips SQLAlchemy's Python-side defaults; supply the scalar ones it would have used.
    defaults = {
        c.name: c.default.arg  # type: ignore[union-attr]
        for c in table.columns
        if c.name not in rows[0] and c.default is not None and c.default.is_scalar
    }
    columns += [table.c[name] for name in defaults]
    rows = [row | defaults for row in rows] if defaults else rows
    converters = [_copy_converter(column, connection.dialect) for column in columns]
    names = ", ".join(connection.dialect.identifier_preparer.quote(c.name) for c in columns)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    statement = f"COPY {_quoted_table(table, connection)} ({names}) FROM STDIN"
    dbapi_error = connection.dialect.loaded_dbapi.Error
    try:
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(
                    [convert(row[c.name]) for c, convert in zip(columns, converters, strict=True)]
                )
    except dbapi_error as exc:
        # The same exception classes as a SQLAlchemy execute (DataError, OperationalError…),
        # so callers tell a refused value from a database that is away the same way.
        raise DBAPIError.instance(statement, None, exc, dbapi_error, hide_parameters=True) from exc


def _quoted_table(table: Table, connection: Connection) -> str:
    return connection.dialect.identifier_preparer.format_table(table)


def _copy_converter(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any]:
    """What SQLAlchemy would bind for this column (TypeDecorators, JSON), for COPY's rows."""
    column_type = column.type
    if isinstance(column_type, TypeDecorator):
        return lambda value: column_type.process_bind_param(value, dialect)
    if isinstance(column_type, JSON):
        return lambda value: None if value is None else json.dumps(value, ensure_ascii=False)
    return lambda value: value
