"""Benchmark the segment engine against what an analyst would do (pandas) and DuckDB.

    .venv/bin/python -m bench.segments_bench --customers 100000 --db sqlite
    .venv/bin/python -m bench.segments_bench --customers 1000000 --db postgresql --keep

Data: bench/data/<customers>/ (make it with `python -m bench.generate`). The database is
bench/out/seg_<customers>_*.db or the PostgreSQL schema bench_seg_<customers>_*, bulk-loaded
by bench/seg_load.py (COPY / executemany, then VACUUM ANALYZE) and dropped afterwards unless
--keep (then reused by the next --keep run). Admin scope, `now` = 2026-11-01 12:00 +08:00.

For each of the ten segments in bench/seg_cases.py: p50/p95 of segbot's segment_count and
segment_members (parse-free, compile + execute + fetch), the pandas compute on DataFrames read
once from the same database (load time printed separately), and DuckDB on the same rows; and
whether the three member sets are identical. A benchmark, not a test: it never fails on timing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bench import seg_baselines as b
from bench.seg_cases import DEPARTMENT, Case, cases
from bench.seg_load import bench_url, drop_bench, ensure_rollups, is_loaded, load_company
from bot.database import make_engine, make_session_factory
from segmentation.engine import default_context, segment_count, segment_members
from segmentation.models import Department
from segmentation.scope import Requester

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 1, 12, tzinfo=TZ)
ADMIN = Requester.all_access()


def timed(fn: Callable[[], Any], runs: int) -> tuple[Any, list[float]]:
    """The last result and every run's wall time in ms (one warm-up run first)."""
    result = fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return result, times


def p50(times: list[float]) -> float:
    return statistics.median(times)


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bench_case(case: Case, factory: Any, frames: b.Frames, con: Any, runs: int) -> dict[str, Any]:
    ctx = default_context(TZ)
    with factory() as session:
        count, t_count = timed(
            lambda: segment_count(session, case.node, requester=ADMIN, now=NOW, ctx=ctx), runs
        )
        members, t_members = timed(
            lambda: segment_members(session, case.node, requester=ADMIN, now=NOW, ctx=ctx), runs
        )
    by_pandas, t_pandas = timed(lambda: case.pandas(frames), runs)
    by_duckdb, t_duckdb = timed(lambda: b.duck_sql(con, case.duckdb, frames), runs)
    same = count == len(members) and set(members) == by_pandas == by_duckdb
    return {
        "name": case.name,
        "members": len(members),
        "count": t_count,
        "rows": t_members,
        "pandas": t_pandas,
        "duckdb": t_duckdb,
        "same": same,
    }


HEADER = (
    "| segment | members | count p50/p95 ms | members p50/p95 ms | pandas p50 ms "
    "| DuckDB p50 ms | pandas ÷ segbot | segbot ÷ DuckDB | same set |"
)


def row(r: dict[str, Any]) -> str:
    # Ratios compare like with like: the member list (what pandas and DuckDB produce).
    segbot = p50(r["rows"])
    return (
        f"| {r['name']} | {r['members']} | {p50(r['count']):.0f} / {p95(r['count']):.0f} "
        f"| {segbot:.0f} / {p95(r['rows']):.0f} | {p50(r['pandas']):.0f} "
        f"| {p50(r['duckdb']):.0f} | {p50(r['pandas']) / segbot:.1f}× "
        f"| {segbot / p50(r['duckdb']):.1f}× | {'✓' if r['same'] else '✗ DIFFERENT'} |"
    )


def prepare_database(args: argparse.Namespace) -> tuple[Any, str, str | None]:
    url, schema = bench_url(args.db, args.customers, fresh=not args.keep)
    engine = make_engine(url)
    if args.keep and is_loaded(engine, args.customers):
        print(f"reusing the kept database ({schema or url})", flush=True)
        if ensure_rollups(engine):
            print("  built the event rollups it lacked", flush=True)
        return engine, url, schema
    data = args.data or Path("bench/data") / str(args.customers)
    print(f"bulk-loading {data} into {schema or url} …", flush=True)
    for step, seconds in load_company(engine, data, TZ, NOW).items():
        print(f"  {step}: {seconds:.1f} s", flush=True)
    return engine, url, schema


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the database")
    parser.add_argument("--only", nargs="*", default=None, help="segment names to run")
    args = parser.parse_args()
    engine, url, schema = prepare_database(args)
    try:
        run(engine, args)
    finally:
        engine.dispose()
        if not args.keep:
            drop_bench(url, schema)


def run(engine: Any, args: argparse.Namespace) -> None:
    factory = make_session_factory(engine)
    with factory() as session:
        dept = session.execute(select(Department.id).where(Department.name == DEPARTMENT))
        department_id = dept.scalar_one()
    frames, load_seconds = b.load_frames(engine, NOW)
    print(f"pandas: read_sql of the tables took {load_seconds:.1f} s (not in the figures)")
    started = time.perf_counter()
    con = b.duck_connect(frames)
    print(f"DuckDB: copying the DataFrames in took {time.perf_counter() - started:.1f} s")
    print(f"\n{args.customers} customers on {args.db}; {args.runs} runs after a warm-up\n")
    print(HEADER)
    print("|" + "---|" * 9)
    for case in cases(department_id):
        if args.only and case.name not in args.only:
            continue
        print(row(bench_case(case, factory, frames, con, args.runs)), flush=True)


if __name__ == "__main__":
    main()
