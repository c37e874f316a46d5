"""Engines and sessions: one place that knows how to connect to SQLite or PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import JSON, Column, Connection, Engine, Table, create_engine, event, text
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DataError, DBAPIError, StatementError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from segmentation.rollups import keep_rollups
from segmentation.text import fold_case


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
        event.listen(engine, "checkin", _restore_busy_timeout)
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
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.close()
    # SQLite's lower() lowers ASCII letters only: a company "ÄRZTE GMBH", a tag "ＶＩＰ" or
    # "ΣΑΣ" would not match its lowercase spelling as on PostgreSQL. The same lower() as there.
    dbapi_connection.create_function("lower", 1, _sql_lower, deterministic=True)


def _sql_lower(value: Any) -> Any:
    return fold_case(value) if isinstance(value, str) else value


def _restore_busy_timeout(dbapi_connection: Any, _record: Any) -> None:
    # A unit of work may have shortened its wait (limit_lock_wait); the next one must not
    # inherit that from the pooled connection.
    if dbapi_connection is not None:
        dbapi_connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")


SQLITE_BUSY_MS = 30_000
# What the callback path, /healthz and the token store wait for a lock at most: WeCom gives a
# callback 5 s, and a refused token must never wait behind its own process's transaction.
SHORT_LOCK_WAIT = 2.0


def limit_lock_wait(session: Session, seconds: float = SHORT_LOCK_WAIT) -> None:
    """Until the end of this unit of work, wait at most `seconds` for a lock held by another
    transaction; then the statement fails with OperationalError (database is locked /
    lock timeout) instead of queueing for 30 s."""
    milliseconds = max(int(seconds * 1000), 1)
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        session.execute(text(f"PRAGMA busy_timeout={milliseconds}"))
    elif dialect == "postgresql":
        # SET LOCAL: gone at commit or rollback. The statement timeout bounds a wait that is
        # not a lock (a unique-key insert behind another transaction's uncommitted twin).
        session.execute(text(f"SET LOCAL lock_timeout = {milliseconds}"))
        session.execute(text(f"SET LOCAL statement_timeout = {milliseconds * 2}"))


def caused_by_input(exc: BaseException) -> bool:
    """The database refused a value (a number out of range, a time that overflows): retrying
    gives the same answer, unlike a database that is away or locked (OperationalError)."""
    if isinstance(exc, DataError):
        return True
    if isinstance(exc, StatementError) and not isinstance(exc, DBAPIError):
        return isinstance(exc.orig, ArithmeticError | ValueError)  # failed to bind a value
    return isinstance(exc, ArithmeticError)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """The one way segbot makes sessions: every session keeps the event rollups exact
    (segmentation.rollups.keep_rollups), so tests, jobs and commands write events alike."""
    return keep_rollups(sessionmaker(engine, expire_on_commit=False))


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
        c.name: c.default.arg
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
