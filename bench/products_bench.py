"""Benchmark product and category conditions (issue 21) on PostgreSQL against DuckDB.

    .venv/bin/pip install -e '.[bench]'        # DuckDB, for the comparison
    .venv/bin/python -m bench.products_bench --customers 1000000 --events-per-customer 10 --keep

A synthetic company is generated with numpy (customers; events of five kinds over a year,
denser recently; 85% of them name a product of a Zipf-like catalogue and its category, in the
properties JSON as `events.csv` carries them) and bulk-loaded with COPY into the PostgreSQL
schema bench_products_<customers>_<events>_keep (reused by the next --keep run; dropped
otherwise), then indexed and VACUUM ANALYZEd. The match keys are computed per distinct name
with segmentation.items.item_key, exactly what segbot's writers store. DuckDB gets the same
rows (customers, and the events' customer, kind, time and keys) in memory, 2 threads.

For each case: p50/p95 of segbot's segment_count and segment_members (compile + execute +
fetch, admin scope, `now` = 2026-11-01 12:00 +08:00), DuckDB's p50 for the same member list,
the ratio, and whether both sets are identical. A benchmark, not a test: it never fails on
timing. Only the product conditions are measured: the bulk load does not build the other
rollups (event_stats), which those conditions never read.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from sqlalchemy import Engine, text

from bot.database import make_engine, make_session_factory
from bot.models import metadata
from segmentation.engine import default_context, segment_count, segment_members
from segmentation.items import item_key
from segmentation.models import Event
from segmentation.nodes import And, CalendarWindow, ItemCount, ItemEvent, Node, Not, RollingWindow
from segmentation.scope import Requester
from segmentation.windows import as_of, resolve_window

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 1, 12, tzinfo=TZ)
ADMIN = Requester.all_access()
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
KINDS = ("inquiry", "order", "visit", "cart", "refund")
KIND_SHARES = (0.35, 0.30, 0.20, 0.10, 0.05)
CATEGORIES = ("护肤", "彩妆", "香水", "个护", "母婴", "保健", "家居", "数码", "服饰", "鞋包")
CATEGORIES += ("食品", "宠物")
NAMED = {"玻尿酸面霜": "护肤", "烟酰胺精华": "护肤", "口红07": "彩妆", "Serum X": "护肤"}
CHUNK = 1_000_000


# ---------------------------------------------------------------- the company


@dataclass(frozen=True)
class Company:
    customers: pd.DataFrame  # external_userid, name, deleted
    events: pd.DataFrame  # event_id, external_userid, kind, occurred_at, amount, properties, keys
    products: list[tuple[str, str]]  # (product, category)


def catalogue(size: int) -> list[tuple[str, str]]:
    """(product, category): a few named ones first (the popular end), then numbered ones."""
    out = list(NAMED.items())
    for n in range(size - len(out)):
        category = CATEGORIES[n % len(CATEGORIES)]
        out.append((f"{category}商品{n:04d}", category))
    return out


def generate(customers: int, per_customer: float, products: int, seed: int) -> Company:
    rng = np.random.default_rng(seed)
    ids = np.array([f"c{n:07d}" for n in range(customers)], dtype=object)
    people = pd.DataFrame(
        {
            "external_userid": ids,
            "name": ids,
            "gender": rng.integers(0, 3, customers),
            "deleted": rng.random(customers) < 0.01,
        }
    )
    total = int(customers * per_customer)
    activity = rng.exponential(1.0, customers)
    who = rng.choice(customers, size=total, p=activity / activity.sum())
    kind = rng.choice(len(KINDS), size=total, p=KIND_SHARES)
    seconds = (365 * 86400 * rng.random(total) ** 2).astype("int64")
    now_utc = np.datetime64(NOW.astimezone(UTC).replace(tzinfo=None), "us")
    occurred = now_utc - seconds.astype("timedelta64[s]")
    paid = (kind == KINDS.index("order")) | (kind == KINDS.index("refund"))
    fen = np.round(rng.lognormal(6.0, 0.8, total) * 100).astype("int64")
    items = catalogue(products)
    weights = 1.0 / (np.arange(len(items)) + 5.0)
    product = rng.choice(len(items), size=total, p=weights / weights.sum())
    named = rng.random(total) < 0.85
    names = np.array([p for p, _ in items], dtype=object)
    cats = np.array([c for _, c in items], dtype=object)
    as_json = np.array(
        [json.dumps({"product": p, "category": c}, ensure_ascii=False) for p, c in items],
        dtype=object,
    )
    product_keys = np.array([item_key(p) for p in names], dtype=object)
    category_keys = np.array([item_key(c) for c in cats], dtype=object)
    events = pd.DataFrame(
        {
            "event_id": pd.Series(np.arange(total)).map("e{:09d}".format),
            "external_userid": ids[who],
            "kind": np.array(KINDS, dtype=object)[kind],
            "occurred_at": occurred,
            "amount": pd.Series(fen, dtype="Int64").where(paid, pd.NA),
            "properties": np.where(named, as_json[product], None),
            "source": "csv",
            "product_key": np.where(named, product_keys[product], None),
            "category_key": np.where(named, category_keys[product], None),
        }
    )
    return Company(people, events, items)


# ---------------------------------------------------------------- PostgreSQL


def schema_name(customers: int, events: int, keep: bool) -> str:
    suffix = "keep" if keep else f"{int(time.time())}"
    return f"bench_products_{customers}_{events}_{suffix}"


def pg_engine(schema: str) -> Engine:
    admin = make_engine(PG_SERVER)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    admin.dispose()
    return make_engine(f"{PG_SERVER}?options={quote(f'-csearch_path={schema}')}")


def is_loaded(engine: Engine, customers: int, events: int) -> bool:
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT count(*) FROM customers")).scalar_one()
            stored = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
    except Exception:  # no tables yet
        return False
    return (found, stored) == (customers, events)


def load(engine: Engine, company: Company) -> dict[str, float]:
    """Schema from the models; COPY customers and events with the event indexes dropped,
    then build them, VACUUM ANALYZE, and store the known names."""
    timings: dict[str, float] = {}
    metadata.drop_all(engine)
    metadata.create_all(engine)
    indexes = list(Event.__table__.indexes)
    for index in indexes:
        index.drop(engine)
    for table, frame in (("customers", company.customers), ("events", company.events)):
        started = time.perf_counter()
        copy(engine, table, frame)
        timings[f"COPY {table} ({len(frame)} rows)"] = time.perf_counter() - started
    started = time.perf_counter()
    for index in indexes:
        index.create(engine)
    timings["event indexes"] = time.perf_counter() - started
    started = time.perf_counter()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE customers"))
        conn.execute(text("VACUUM ANALYZE events"))
    timings["VACUUM ANALYZE"] = time.perf_counter() - started
    rows = {("product", item_key(p)): p for p, _ in company.products}
    rows |= {("category", item_key(c)): c for _, c in company.products}
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO event_item_names (field, key, name) VALUES (:f, :k, :n)"),
            [{"f": f, "k": k, "n": n} for (f, k), n in rows.items()],
        )
    return timings


def copy(engine: Engine, table: str, frame: pd.DataFrame) -> None:
    raw = engine.raw_connection()
    try:
        columns = ", ".join(f'"{c}"' for c in frame.columns)
        with raw.cursor() as cursor:  # type: ignore[attr-defined]
            for start in range(0, len(frame), CHUNK):
                buffer = io.StringIO()
                frame.iloc[start : start + CHUNK].to_csv(
                    buffer, header=False, index=False, date_format="%Y-%m-%d %H:%M:%S.%f"
                )
                statement = f'COPY "{table}" ({columns}) FROM STDIN (FORMAT csv)'
                with cursor.copy(statement) as stream:
                    stream.write(buffer.getvalue())
        raw.commit()
    finally:
        raw.close()


# ---------------------------------------------------------------- cases and DuckDB


@dataclass(frozen=True)
class Case:
    name: str
    node: Node
    duckdb: str  # the same members in DuckDB SQL; :start / :end bound per window


def cases(items: list[tuple[str, str]]) -> list[Case]:
    top, second = items[0][0], items[1][0]
    rare = items[-1][0]
    last_30 = RollingWindow(30, "days")
    this_year = CalendarWindow("year", 0)
    return [
        Case(
            f"近30天买过{top}",
            ItemEvent("order", "product", (top,), last_30),
            _bought("product_key", item_key(top), "order", last_30),
        ),
        Case(
            "买过护肤类的 (all time)",
            ItemEvent("order", "category", ("护肤",)),
            _bought("category_key", item_key("护肤"), "order", None),
        ),
        Case(
            "bought anything from 彩妆 this year",
            ItemEvent("order", "category", ("彩妆",), this_year),
            _bought("category_key", item_key("彩妆"), "order", this_year),
        ),
        Case(
            f"近30天咨询过{second}但没买",
            And(
                (
                    ItemEvent("inquiry", "product", (second,), last_30),
                    Not(ItemEvent("order", "product", (second,), last_30)),
                )
            ),
            _bought("product_key", item_key(second), "inquiry", last_30)
            + " EXCEPT "
            + _bought("product_key", item_key(second), "order", last_30),
        ),
        Case(
            "买护肤品3次以上",
            ItemCount("order", "category", ("护肤",), ">=", 3),
            _alive()
            + " AND external_userid IN (SELECT external_userid FROM events WHERE "
            + f"category_key = '{item_key('护肤')}' AND kind = 'order' AND {_between(None)}"
            + " GROUP BY external_userid HAVING count(*) >= 3)",
        ),
        Case(
            f"买过{rare} (a rare product)",
            ItemEvent("order", "product", (rare,)),
            _bought("product_key", item_key(rare), "order", None),
        ),
    ]


def _alive() -> str:
    return "SELECT external_userid FROM customers WHERE NOT deleted"


def _between(window: Any) -> str:
    start, end = as_of(resolve_window(window, NOW, TZ), NOW, TZ)
    low = start.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    high = end.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    return f"occurred_at >= TIMESTAMP '{low}' AND occurred_at <= TIMESTAMP '{high}'"


def _bought(column: str, key: str, kind: str, window: Any) -> str:
    return (
        f"{_alive()} AND external_userid IN (SELECT external_userid FROM events WHERE "
        f"{column} = '{key}' AND kind = '{kind}' AND {_between(window)})"
    )


def duck_connect(company: Company) -> Any:
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads TO 2")
    people = company.customers[["external_userid", "deleted"]]
    events = company.events[
        ["external_userid", "kind", "occurred_at", "product_key", "category_key"]
    ]
    for name, frame in (("customers", people), ("events", events)):
        con.register("frame", frame)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
        con.unregister("frame")
    return con


# ---------------------------------------------------------------- timing


def timed(fn: Callable[[], Any], runs: int) -> tuple[Any, list[float]]:
    """The last result and every run's wall time in ms (one warm-up run first)."""
    result = fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return result, times


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run_case(case: Case, engine: Engine, con: Any, runs: int) -> str:
    ctx = default_context(TZ)
    with make_session_factory(engine)() as session:
        _, t_count = timed(
            lambda: segment_count(session, case.node, requester=ADMIN, now=NOW, ctx=ctx), runs
        )
        members, t_members = timed(
            lambda: segment_members(session, case.node, requester=ADMIN, now=NOW, ctx=ctx), runs
        )
    duck, t_duck = timed(lambda: {r[0] for r in con.execute(case.duckdb).fetchall()}, runs)
    same = set(members) == duck
    segbot, baseline = statistics.median(t_members), statistics.median(t_duck)
    return (
        f"| {case.name} | {len(members)} | {statistics.median(t_count):.0f} / "
        f"{p95(t_count):.0f} | {segbot:.0f} / {p95(t_members):.0f} | {baseline:.0f} "
        f"| {segbot / baseline:.1f}× | {'✓' if same else '✗ DIFFERENT'} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--events-per-customer", type=float, default=10.0)
    parser.add_argument("--products", type=int, default=400)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the schema")
    parser.add_argument("--only", nargs="*", default=None, help="case names (prefixes) to run")
    args = parser.parse_args()
    started = time.perf_counter()
    company = generate(args.customers, args.events_per_customer, args.products, args.seed)
    total = len(company.events)
    print(f"generated {args.customers} customers, {total} events in "
          f"{time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
    schema = schema_name(args.customers, total, args.keep)
    engine = pg_engine(schema)
    try:
        if args.keep and is_loaded(engine, args.customers, total):
            print(f"reusing the kept schema {schema}", flush=True)
        else:
            for step, seconds in load(engine, company).items():
                print(f"  {step}: {seconds:.1f} s", flush=True)
        started = time.perf_counter()
        con = duck_connect(company)
        print(f"DuckDB: loading the same rows took {time.perf_counter() - started:.1f} s")
        print(f"\n{args.customers} customers, {total} events on PostgreSQL; "
              f"{args.runs} runs after a warm-up\n")  # fmt: skip
        print("| condition | members | count p50/p95 ms | members p50/p95 ms | DuckDB p50 ms "
              "| segbot ÷ DuckDB | same set |")  # fmt: skip
        print("|" + "---|" * 7)
        for case in cases(company.products):
            if args.only and not any(case.name.startswith(o) for o in args.only):
                continue
            print(run_case(case, engine, con, args.runs), flush=True)
    finally:
        engine.dispose()
        if not args.keep:
            admin = make_engine(PG_SERVER)
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()


if __name__ == "__main__":
    main()
