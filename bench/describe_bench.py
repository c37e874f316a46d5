"""Benchmark segment descriptions (persona + scorecard) on a large synthetic company.

    .venv/bin/python -m bench.describe_bench --customers 1000000 --db postgresql
    .venv/bin/python -m bench.describe_bench --customers 1000000 --db sqlite

The company comes from bot.services.synthetic's row generators, bulk-loaded straight into a
fresh database (COPY on PostgreSQL, executemany on SQLite): the CSV importer validates every
row and would spend minutes on a million customers, which is not what is measured here.
Prints the wall seconds of each description. A benchmark, not a test: it never fails on timing.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, delete, select, text

from bench import synthetic as syn
from bench.seg_load import bench_url, ensure_rollups, is_loaded, load_company
from bot.database import make_engine, make_session_factory
from bot.models import metadata
from segmentation.engine import default_context
from segmentation.insights import describe_for_query, describe_segment
from segmentation.models import Customer, InsightBaseProfile, Staff
from segmentation.nodes import And, NamedSegment, Not, Performed, RollingWindow
from segmentation.scope import Requester

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = datetime(2026, 11, 1, 12, tzinfo=ZoneInfo("Asia/Shanghai"))
D30 = RollingWindow(30, "days")
INQUIRED_NOT_ORDERED = And((Performed("inquiry", D30), Not(Performed("order", D30))))


def database_url(kind: str, workdir: Path) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'bench.db'}", None
    schema = f"bench_desc_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_SERVER)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    return f"{PG_SERVER}?options={quote(f'-csearch_path={schema}')}", schema


def utc_text(iso: str) -> str:
    """The stored form of a UTCDateTime: naive UTC, as SQLAlchemy writes it on SQLite."""
    return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def tables(shape: syn.CompanyShape) -> Iterator[tuple[str, tuple[str, ...], Iterable[tuple]]]:
    now_text = utc_text(NOW.isoformat())
    departments = {name: i + 1 for i, name in enumerate(syn.DEPARTMENTS)}
    staff = list(syn.staff_rows(shape))
    yield "departments", ("id", "name", "order"), [(i, n, 0) for n, i in departments.items()]
    yield (
        "staff",
        ("userid", "name", "role", "active"),
        [(s["userid"], s["name"], s["role"], True) for s in staff],
    )
    yield (
        "staff_departments",
        ("userid", "department_id", "is_leader"),
        [(s["userid"], departments[s["department"]], s["role"] == "manager") for s in staff],
    )
    yield "customers", ("external_userid", "name", "gender", "city", "created_at", "deleted"), (
        (c["external_userid"], c["name"], int(c["gender"]), c["city"] or None,
         utc_text(c["created_at"]), c["deleted"] == "1")
        for c in syn.customer_rows(shape, NOW)
    )  # fmt: skip
    yield (
        "follows",
        ("external_userid", "userid", "added_at", "deleted"),
        (
            (f["external_userid"], f["userid"], utc_text(f["added_at"]), False)
            for f in syn.follow_rows(shape, NOW)
        ),
    )
    yield (
        "tags",
        ("tag_id", "name", "group_name", "type", "order", "deleted"),
        [(t["tag_id"], t["name"], t["group_name"], 1, 0, False) for t in syn.tag_rows()],
    )
    yield (
        "customer_tags",
        ("external_userid", "tag_id", "userid"),
        ((t["external_userid"], t["tag_id"], "") for t in syn.customer_tag_rows(shape)),
    )
    columns = ("event_id", "external_userid", "kind", "occurred_at", "amount", "source")
    yield "events", (*columns, "received_at"), (
        (e["event_id"], e["external_userid"], e["kind"], utc_text(e["occurred_at"]),
         int(Decimal(e["amount"]) * 100) if e["amount"] else None, "csv", now_text)
        for e in syn.event_rows(shape, NOW)
    )  # fmt: skip


def bulk_load(engine: Engine, shape: syn.CompanyShape) -> None:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for name, columns, rows in tables(shape):
            started = time.perf_counter()
            quoted = ", ".join(f'"{c}"' for c in columns)
            if engine.dialect.name == "postgresql":
                with cursor.copy(f'COPY "{name}" ({quoted}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" for _ in columns)
                sql = f'INSERT INTO "{name}" ({quoted}) VALUES ({marks})'
                batch: list[tuple] = []
                for row in rows:
                    batch.append(row)
                    if len(batch) == 50_000:
                        cursor.executemany(sql, batch)
                        batch.clear()
                cursor.executemany(sql, batch)
            print(f"  loaded {name} in {time.perf_counter() - started:.1f} s", flush=True)
        raw.commit()
        if engine.dialect.name == "postgresql":
            raw.driver_connection.autocommit = True  # VACUUM refuses to run in a transaction
            cursor.execute("VACUUM ANALYZE")  # the visibility map lets index-only scans work
        else:
            cursor.execute("ANALYZE")
            raw.commit()
    finally:
        raw.close()
    ensure_rollups(engine)  # the COPY bypassed segbot's writers


def repeated(fn: Any, runs: int) -> tuple[list[float], Any]:
    """Seconds of each of `runs` calls, and the last result."""
    seconds, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        seconds.append(time.perf_counter() - started)
    return seconds, result


def timed(label: str, runs: int, fn: Any) -> None:
    seconds, (size, base) = repeated(fn, runs)
    print(f"{label:<44} {size:>8} {base:>9} {statistics.median(seconds):>8.2f} s", flush=True)


def timed_in_scope(session: Any, label: str, runs: int, fn: Any) -> None:
    """A describe in the asker's scope: the first of the day computes and stores the asker's
    base profile (cold), the next ones read it (warm, the median of `runs`)."""
    session.execute(delete(InsightBaseProfile))
    [cold], _ = repeated(fn, 1)
    seconds, (size, base) = repeated(fn, runs)
    warm = statistics.median(seconds)
    print(f"{label:<44} {size:>8} {base:>9} {warm:>8.2f} s {cold:>8.2f} s", flush=True)


def run(engine: Engine, runs: int) -> None:
    ctx = default_context("Asia/Shanghai")
    factory = make_session_factory(engine)
    with factory() as session:
        ids = list(
            session.execute(
                select(Customer.external_userid).order_by(Customer.external_userid)
            ).scalars()
        )
        every_tenth = ids[::10]
        sales = session.execute(
            select(Staff.userid).where(Staff.role == "sales").limit(1)
        ).scalar_one()
        manager = session.execute(
            select(Staff.userid).where(Staff.role == "manager").limit(1)
        ).scalar_one()

        def by_list() -> tuple[int, int]:
            card = describe_segment(
                session, members=every_tenth, base=ids, now=NOW, ctx=ctx
            ).scorecard
            return card.size, card.base_size

        def by_query(node: Any, who: Requester) -> Any:
            def go() -> tuple[int, int]:
                card = describe_for_query(session, node, requester=who, now=NOW, ctx=ctx)[
                    "scorecard"
                ]
                return card["size"], card["base_size"]

            return go

        header = f"{'description':<44} {'members':>8} {'base':>9}"
        print(f"{header} {'warm':>10} {'cold':>10}   (warm: median of {runs})")
        timed("every 10th customer, id lists, no profile", runs, by_list)
        admin = Requester.all_access()
        for label, node, who in (
            ("重要价值客户 (admin)", NamedSegment("high_value"), admin),
            ("近30天咨询未下单 (admin)", INQUIRED_NOT_ORDERED, admin),
            ("近30天咨询未下单 (manager)", INQUIRED_NOT_ORDERED, Requester(manager, "manager")),
            ("近30天咨询未下单 (sales)", INQUIRED_NOT_ORDERED, Requester(sales, "sales")),
        ):
            timed_in_scope(session, label, runs, by_query(node, who))
        session.rollback()


def run_on_kept(args: argparse.Namespace) -> None:
    url, schema = bench_url(args.db, args.customers, fresh=False)
    engine = make_engine(url)
    try:
        if not is_loaded(engine, args.customers):
            data = Path("bench/data") / str(args.customers)
            print(f"loading {data} into {schema or url} (kept) …", flush=True)
            load_company(engine, data, ZoneInfo("Asia/Shanghai"), NOW)
        metadata.create_all(engine)  # only adds missing tables
        ensure_rollups(engine)
        run(engine, args.runs)
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--events-per-customer", type=float, default=10.0)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="postgresql")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--kept",
        action="store_true",
        help="use the segment benchmark's kept database (bench/data/<customers>, loaded once by "
        "bench/seg_load) instead of a fresh synthetic company",
    )
    args = parser.parse_args()
    if args.kept:
        run_on_kept(args)
        return
    shape = syn.CompanyShape(customers=args.customers, events_per_customer=args.events_per_customer)
    with tempfile.TemporaryDirectory() as tmp:
        url, schema = database_url(args.db, Path(tmp))
        engine = make_engine(url)
        try:
            metadata.create_all(engine)
            print(f"loading {args.customers} customers into {args.db} …", flush=True)
            bulk_load(engine, shape)
            run(engine, args.runs)
        finally:
            engine.dispose()
            if schema:
                admin = make_engine(PG_SERVER)
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()


if __name__ == "__main__":
    main()
