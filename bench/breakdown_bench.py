"""Benchmark the month-of-first-contact breakdown ("按首次添加月份分"): SQL buckets against the
Python bucketing it replaced (every member's first follow fetched and bucketed in Python).

    .venv/bin/python -m bench.breakdown_bench --customers 1000000 --db sqlite
    .venv/bin/python -m bench.breakdown_bench --customers 1000000 --db postgresql

Data: synthetic customers and follows (bench/synthetic.py: up to two owners each, first
contact spread over two years), bulk-inserted into a fresh database (bench/out/ or a
PostgreSQL schema, dropped afterwards). Admin scope, all customers, `now` = 2026-11-01 12:00
+08:00. Prints p50 of 3 runs (after one warm-up) of each, and whether the groups are equal.
A benchmark, not a test: it never fails on timing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from sqlalchemy import Engine, func, insert, select

from bench.seg_load import analyze, bench_url, drop_bench
from bench.synthetic import CompanyShape, customer_rows, follow_rows, staff_rows
from bot.database import make_engine, make_session_factory
from bot.models import metadata
from segmentation.breakdown import NONE, breakdown
from segmentation.engine import EngineContext, default_context, segment_query
from segmentation.models import Customer, Follow, Staff
from segmentation.nodes import All
from segmentation.scope import Requester

NOW = datetime(2026, 11, 1, 4, tzinfo=UTC)
ADMIN = Requester.all_access()
BATCH = 50_000


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(rows, BATCH)):
        yield batch


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def load(engine: Engine, customers: int) -> float:
    """Staff, customers and follows of a synthetic company; seconds taken."""
    started = time.perf_counter()
    metadata.create_all(engine)
    shape = CompanyShape(customers)
    with engine.begin() as conn:
        conn.execute(
            insert(Staff.__table__),
            [{"userid": s["userid"], "name": s["name"], "role": "sales", "active": True}
             for s in staff_rows(shape)],
        )  # fmt: skip
        for batch in _batches(customer_rows(shape, NOW)):
            conn.execute(
                insert(Customer.__table__),
                [{"external_userid": c["external_userid"], "name": c["name"],
                  "gender": int(c["gender"]), "city": c["city"], "deleted": c["deleted"] == "1",
                  "created_at": _when(c["created_at"])} for c in batch],
            )  # fmt: skip
        for batch in _batches(follow_rows(shape, NOW)):
            conn.execute(
                insert(Follow.__table__),
                [{"external_userid": f["external_userid"], "userid": f["userid"],
                  "added_at": _when(f["added_at"]), "deleted": False} for f in batch],
            )  # fmt: skip
    analyze(engine)
    return time.perf_counter() - started


def python_months(session: Any, ctx: EngineContext) -> dict[str, int]:
    """The replaced way: every member's first follow fetched, its local month found in Python."""
    members = segment_query(session, All(), requester=ADMIN, now=NOW, ctx=ctx).subquery()
    follows = Follow.__table__
    first = (
        select(follows.c.external_userid, func.min(follows.c.added_at))
        .where(follows.c.external_userid.in_(select(members.c[0])))
        .group_by(follows.c.external_userid)
    )
    counts: dict[str, int] = {}
    seen = 0
    for _eid, added in session.execute(first):
        seen += 1
        if added is None:
            month = NONE
        else:
            aware = added if added.tzinfo else added.replace(tzinfo=UTC)
            month = aware.astimezone(ctx.timezone).strftime("%Y-%m")
        counts[month] = counts.get(month, 0) + 1
    total = int(session.execute(select(func.count()).select_from(members)).scalar_one())
    if total > seen:
        counts[NONE] = counts.get(NONE, 0) + total - seen
    return counts


def sql_months(session: Any, ctx: EngineContext) -> dict[str, int]:
    result = breakdown(session, All(), "month", requester=ADMIN, now=NOW, ctx=ctx)
    return {g.key: g.count for g in result.groups}


def timed(fn: Callable[[], dict[str, int]], runs: int = 3) -> tuple[dict[str, int], float]:
    result = fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return result, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    url, schema = bench_url(args.db, args.customers, fresh=True)
    engine = make_engine(url)
    try:
        print(f"loaded {args.customers:,} customers in {load(engine, args.customers):.1f} s")
        ctx = default_context()
        factory = make_session_factory(engine)
        with factory() as session:
            old, old_s = timed(lambda: python_months(session, ctx))
            new, new_s = timed(lambda: sql_months(session, ctx))
        print(f"{args.db} {args.customers:,} customers, {len(new)} months")
        print(f"  Python buckets (replaced): {old_s:.2f} s")
        print(f"  SQL buckets (segbot):      {new_s:.2f} s")
        print(f"  same groups: {old == new}")
    finally:
        engine.dispose()
        drop_bench(url, schema)


if __name__ == "__main__":
    main()
