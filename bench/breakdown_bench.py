"""Benchmark the month-of-first-contact breakdown ("按首次添加月份分"): SQL buckets against the
Python bucketing it replaced (every member's first follow fetched and bucketed in Python).

    .venv/bin/python -m bench.breakdown_bench --customers 1000000 --db sqlite
    .venv/bin/python -m bench.breakdown_bench --customers 1000000 --db postgresql

Data: synthetic customers and follows generated inside a fresh database (bench/out/ or a
PostgreSQL schema, dropped afterwards): one owner each, a second one for every seventh
customer, first contact spread over 700 days. Admin scope, all customers, `now` = 2026-11-01 12:00
+08:00. Prints p50 of 3 runs (after one warm-up) of each, and whether the groups are equal.
A benchmark, not a test: it never fails on timing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, insert, select, text

from bench.seg_load import analyze, bench_url, drop_bench
from bot.database import make_engine, make_session_factory
from bot.models import metadata
from segmentation.breakdown import NONE, breakdown
from segmentation.engine import EngineContext, default_context, segment_query
from segmentation.models import Follow, Staff
from segmentation.nodes import All
from segmentation.scope import Requester

NOW = datetime(2026, 11, 1, 4, tzinfo=UTC)
ADMIN = Requester.all_access()


# Generated inside the database (a bulk insert through the ORM types takes longer than the
# benchmark): customer i is wm%08d, followed by staff (i % 50), first added a pseudo-random
# time in the 700 days before NOW; every seventh customer also by a second member, later.
_SQLITE = (
    """WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :count - 1)
    INSERT INTO customers (external_userid, name, gender, deleted, order_count, order_total,
                           inquiry_count)
    SELECT printf('wm%08d', i), 'c' || i, i % 3, 0, 0, 0, 0 FROM n""",
    """INSERT INTO follows (external_userid, userid, added_at, deleted)
    SELECT external_userid, 'staff' || printf('%03d', rowid % 50),
           datetime('2026-11-01 04:00:00', '-' || ((rowid * 7919) % 60480000) || ' seconds')
           || '.000000', 0
    FROM customers""",
    """INSERT INTO follows (external_userid, userid, added_at, deleted)
    SELECT external_userid, 'staff' || printf('%03d', (rowid + 1) % 50),
           datetime('2026-11-01 04:00:00', '-' || ((rowid * 7919) % 600000) || ' seconds')
           || '.000000', 0
    FROM customers WHERE rowid % 7 = 0""",
)
_POSTGRESQL = (
    """INSERT INTO customers (external_userid, name, gender, deleted, order_count, order_total,
                           inquiry_count)
    SELECT 'wm' || lpad(i::text, 8, '0'), 'c' || i, i % 3, false, 0, 0, 0
    FROM generate_series(0, :count - 1) AS i""",
    """INSERT INTO follows (external_userid, userid, added_at, deleted)
    SELECT 'wm' || lpad(i::text, 8, '0'), 'staff' || lpad((i % 50)::text, 3, '0'),
           timestamp '2026-11-01 04:00:00' - ((i::bigint * 7919) % 60480000) * interval '1 second',
           false
    FROM generate_series(0, :count - 1) AS i""",
    """INSERT INTO follows (external_userid, userid, added_at, deleted)
    SELECT 'wm' || lpad(i::text, 8, '0'), 'staff' || lpad(((i + 1) % 50)::text, 3, '0'),
           timestamp '2026-11-01 04:00:00' - ((i::bigint * 7919) % 600000) * interval '1 second',
           false
    FROM generate_series(0, :count - 1) AS i WHERE i % 7 = 0""",
)


def load(engine: Engine, customers: int) -> float:
    """Staff, customers and follows of a synthetic company; seconds taken."""
    started = time.perf_counter()
    metadata.create_all(engine)
    statements = _POSTGRESQL if engine.dialect.name == "postgresql" else _SQLITE
    with engine.begin() as conn:
        conn.execute(
            insert(Staff.__table__),
            [{"userid": f"staff{i:03d}", "name": f"员工{i}", "role": "sales", "active": True}
             for i in range(50)],
        )  # fmt: skip
        for statement in statements:
            conn.execute(text(statement), {"count": customers})
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
