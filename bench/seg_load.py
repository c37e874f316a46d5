"""Bench-only bulk loader: the synthetic CSVs straight into segbot's tables (COPY / executemany).

`segbot import` validates and upserts row by row (~10k rows/s on PostgreSQL), which is right for
production and too slow to set up 10M events for a benchmark. This loader is for bench/ only:
it creates the schema from the models (what `segbot init` builds once migrations are current),
imports staff and tags through the real importer (departments come from staff.csv), then
bulk-loads customers, follows, customer tags and events in segbot's storage format (naive UTC
times, integer fen) with PostgreSQL COPY or SQLite executemany, and finally runs ANALYZE —
without fresh statistics the planner guesses, which is the first thing to rule out in a slow plan.
"""

from __future__ import annotations

import io
import logging
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import Engine, inspect, text
from sqlalchemy.schema import CreateColumn

from bot.database import make_engine, make_session_factory, unit_of_work
from bot.models import metadata
from bot.services.csv_import import import_directory
from segmentation.models import Customer, EventStats
from segmentation.rollups import rebuild_event_stats

log = logging.getLogger(__name__)

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
OUT = Path("bench/out")
CHUNK = 500_000
LOADED = ("staff", "departments", "staff_departments", "tags", "customers", "follows")
LOADED += ("customer_tags", "events")
SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DateTime storage format


def bench_url(db: str, customers: int, fresh: bool) -> tuple[str, str | None]:
    """The URL of the bench database for (db, customers); a PostgreSQL schema name when PG.

    `fresh` uses a new random name (dropped afterwards); otherwise a stable one to reuse."""
    suffix = uuid.uuid4().hex[:8] if fresh else "keep"
    if db == "sqlite":
        OUT.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{OUT / f'seg_{customers}_{suffix}.db'}", None
    schema = f"bench_seg_{customers}_{suffix}"
    admin = make_engine(PG_SERVER)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    admin.dispose()
    return f"{PG_SERVER}?options={quote(f'-csearch_path={schema}')}", schema


def drop_bench(url: str, schema: str | None) -> None:
    if schema:
        admin = make_engine(PG_SERVER)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
    else:
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)


def is_loaded(engine: Engine, customers: int) -> bool:
    """Whether a kept database already holds this company (reused with --keep)."""
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT count(*) FROM customers")).scalar_one()
            events = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
    except Exception:  # no tables yet
        return False
    return found == customers and events > 0


def load_company(engine: Engine, data: Path, tz: ZoneInfo, now: datetime) -> dict[str, float]:
    """Create the schema and load `data`; seconds per step."""
    timings: dict[str, float] = {}
    metadata.drop_all(engine)
    metadata.create_all(engine)
    started = time.perf_counter()
    _import_small_files(engine, data, tz, now)
    timings["staff+tags (segbot import)"] = time.perf_counter() - started
    for table, frames in (
        ("customers", _customers(data / "customers.csv")),
        ("follows", _follows(data / "follows.csv")),
        ("customer_tags", _customer_tags(data / "customer_tags.csv")),
        ("events", _events(data / "events.csv")),
    ):
        started = time.perf_counter()
        rows = _bulk_insert(engine, table, frames)
        timings[f"{table} ({rows} rows)"] = time.perf_counter() - started
    started = time.perf_counter()
    analyze(engine)
    timings["VACUUM ANALYZE"] = time.perf_counter() - started
    started = time.perf_counter()
    ensure_rollups(engine)
    timings["event rollups (segbot stats rebuild)"] = time.perf_counter() - started
    return timings


def ensure_rollups(engine: Engine) -> bool:
    """The bulk load bypasses segbot's writers, so build the per-customer rollups the way an
    admin would after one (`segbot stats rebuild`); a database kept from before they existed
    gets the table too. Returns whether anything was built."""
    metadata.create_all(engine, tables=[EventStats.__table__])  # checkfirst
    _add_missing_indexes(engine)
    added = _add_missing_columns(engine)
    with engine.connect() as conn:
        if not added and conn.execute(text("SELECT count(*) FROM event_stats")).scalar_one():
            return False
    with unit_of_work(make_session_factory(engine)) as session:
        rebuild_event_stats(session)
    if engine.dialect.name == "postgresql":
        # The rebuild rewrote every customer row that has orders or inquiries: compact the
        # table (as an admin would after a bulk load) so scans don't read the dead versions.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM FULL ANALYZE customers"))
            conn.execute(text("VACUUM ANALYZE event_stats"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return True


def analyze(engine: Engine) -> None:
    """Fresh planner statistics for segbot's tables (and, on PostgreSQL, the visibility map
    that index-only scans need). Production gets both from autovacuum; a bulk load must not
    wait for it."""
    if engine.dialect.name != "postgresql":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in LOADED:
            conn.execute(text(f'VACUUM ANALYZE "{table}"'))


def _add_missing_columns(engine: Engine) -> bool:
    """A database kept from before the rollup columns existed gets them (what migration 0002
    does; the bench schema is made by create_all, not Alembic)."""
    inspector = inspect(engine)
    added = False
    with engine.begin() as conn:
        for table in (Customer.__table__, EventStats.__table__):
            present = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present:
                    ddl = CreateColumn(column).compile(dialect=engine.dialect)
                    conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {ddl}"))
                    added = True
    return added


def _add_missing_indexes(engine: Engine) -> None:
    """Indexes added to the models after a database was kept (create_all skips existing
    tables, and with them their new indexes)."""
    for table in metadata.sorted_tables:
        for index in table.indexes:
            index.create(engine, checkfirst=True)


def _import_small_files(engine: Engine, data: Path, tz: ZoneInfo, now: datetime) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("staff.csv", "tags.csv"):
            shutil.copy(data / name, Path(tmp) / name)
        # import_directory requires customers.csv; an empty one loads nothing.
        (Path(tmp) / "customers.csv").write_text("external_userid\n", encoding="utf-8")
        import_directory(make_session_factory(engine), Path(tmp), tz=tz, now=now)


def _read(path: Path) -> Iterator[pd.DataFrame]:
    yield from pd.read_csv(
        path, dtype=str, keep_default_na=False, chunksize=CHUNK, encoding="utf-8"
    )


def _utc(column: pd.Series) -> pd.Series:
    parsed = pd.to_datetime(column.replace("", None), utc=True, format="ISO8601")
    return parsed.dt.tz_convert("UTC").dt.tz_localize(None)


def _blank_to_none(column: pd.Series) -> pd.Series:
    return column.where(column != "", None)


def _customers(path: Path) -> Iterator[pd.DataFrame]:
    for df in _read(path):
        yield pd.DataFrame(
            {
                "external_userid": df["external_userid"],
                "name": df["name"],
                "gender": df["gender"].replace("", "0").astype("int64"),
                "city": _blank_to_none(df["city"]),
                "corp_name": _blank_to_none(df["corp_name"]),
                "phone": _blank_to_none(df["phone"]),
                "created_at": _utc(df["created_at"]),
                "deleted": df["deleted"].isin(("1", "true", "True")),
            }
        )


def _follows(path: Path) -> Iterator[pd.DataFrame]:
    for df in _read(path):
        yield pd.DataFrame(
            {
                "external_userid": df["external_userid"],
                "userid": df["userid"],
                "added_at": _utc(df["added_at"]),
                "remark": _blank_to_none(df["remark"]),
                "deleted": False,
            }
        )


def _customer_tags(path: Path) -> Iterator[pd.DataFrame]:
    for df in _read(path):
        yield df[["external_userid", "tag_id", "userid"]]


def _events(path: Path) -> Iterator[pd.DataFrame]:
    for df in _read(path):
        amount = pd.to_numeric(df["amount"].replace("", None))
        yield pd.DataFrame(
            {
                "event_id": df["event_id"],
                "external_userid": df["external_userid"],
                "kind": df["kind"],
                "occurred_at": _utc(df["occurred_at"]),
                # Money stores integer fen; CSV amounts have at most two decimals.
                "amount": (amount * 100).round().astype("Int64"),
                "properties": _blank_to_none(df["properties"]),
                "source": "csv",
            }
        )


def _bulk_insert(engine: Engine, table: str, frames: Iterator[pd.DataFrame]) -> int:
    rows = 0
    raw = engine.raw_connection()
    try:
        for df in frames:
            if engine.dialect.name == "postgresql":
                _copy(raw, table, df)
            else:
                _executemany(raw, table, df)
            rows += len(df)
        raw.commit()
    finally:
        raw.close()
    return rows


def _copy(raw: object, table: str, df: pd.DataFrame) -> None:
    buffer = io.StringIO()
    df.to_csv(buffer, header=False, index=False, date_format="%Y-%m-%d %H:%M:%S.%f")
    columns = ", ".join(f'"{c}"' for c in df.columns)
    # Unquoted empty = NULL; customer_tags.userid is '' (never NULL) when unknown.
    force = " , FORCE_NOT_NULL (userid)" if table == "customer_tags" else ""
    with (
        raw.cursor() as cursor,
        cursor.copy(  # type: ignore[attr-defined]
            f'COPY "{table}" ({columns}) FROM STDIN (FORMAT csv{force})'
        ) as copy,
    ):
        copy.write(buffer.getvalue())


def _executemany(raw: object, table: str, df: pd.DataFrame) -> None:
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime(SQLITE_TIME)
        elif pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].astype(int)
    out = out.astype(object).where(out.notna(), None)
    marks = ", ".join("?" for _ in out.columns)
    columns = ", ".join(f'"{c}"' for c in out.columns)
    cursor = raw.cursor()  # type: ignore[attr-defined]
    cursor.executemany(
        f'INSERT INTO "{table}" ({columns}) VALUES ({marks})',
        out.itertuples(index=False, name=None),
    )
    cursor.close()
