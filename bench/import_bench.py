"""Benchmark `segbot import`: rows/s and peak memory, against a pandas baseline in the same run.

    .venv/bin/python -m bench.import_bench --customers 100000 --db sqlite
    .venv/bin/python -m bench.import_bench --customers 100000 --db postgresql

The baseline is what an analyst would do without segbot: pandas.read_csv in chunks and
DataFrame.to_sql into a bare table (no validation, no idempotency, no indexes). Each run goes
to a fresh database (a new SQLite file, or a new PostgreSQL schema that is dropped afterwards).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, text

from bench.synthetic import CompanyShape, write_company

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = "2026-11-01T12:00:00+08:00"


def data_dir(customers: int) -> Path:
    directory = Path("bench/data") / f"{customers}"
    if not (directory / "events.csv").is_file():
        # Written under another name and renamed when complete: an interrupted run leaves no
        # half-written company behind to be taken for a whole one.
        partial = directory.with_name(directory.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        now = datetime.fromisoformat(NOW).astimezone(ZoneInfo("Asia/Shanghai"))
        print(f"generating {customers} customers into {directory} …", flush=True)
        write_company(partial, CompanyShape(customers=customers), now)
        shutil.rmtree(directory, ignore_errors=True)  # what an older interrupted run left
        partial.rename(directory)
    return directory


def fresh_url(kind: str, tmp: Path) -> tuple[str, str | None]:
    if kind == "sqlite":
        path = tmp / f"bench-{uuid.uuid4().hex[:8]}.db"
        return f"sqlite:///{path}", None
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with create_engine(PG_SERVER).begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    return f"{PG_SERVER}?options={quote(f'-csearch_path={schema}')}", schema


def drop(schema: str | None) -> None:
    if schema:
        with create_engine(PG_SERVER).begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))


def timed_child(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child process."""
    started = time.perf_counter()
    subprocess.run(args, check=False, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak_kb / 1024


BASELINE = """
import sys, pandas as pd, sqlalchemy as sa
engine = sa.create_engine(sys.argv[1])
for name in ("customers", "follows", "customer_tags", "events"):
    for chunk in pd.read_csv(f"{sys.argv[2]}/{name}.csv", chunksize=50000, dtype=str):
        chunk.to_sql(f"baseline_{name}", engine, if_exists="append", index=False)
"""


def count_rows(directory: Path) -> int:
    total = 0
    for path in directory.glob("*.csv"):
        with path.open("rb") as handle:
            total += sum(1 for _ in handle) - 1
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    directory = data_dir(args.customers)
    rows = count_rows(directory)
    tmp = Path("bench/out")
    tmp.mkdir(parents=True, exist_ok=True)
    segbot = str(Path(sys.executable).parent / "segbot")

    url, schema = fresh_url(args.db, tmp)
    subprocess.run([segbot, "init", "--db", url], check=True, stdout=subprocess.DEVNULL)
    seconds, peak = timed_child([segbot, "import", str(directory), "--db", url])
    again, _ = timed_child([segbot, "import", str(directory), "--db", url])
    drop(schema)
    print(
        f"segbot import  {args.db:10s} {args.customers:>9,} customers  {rows:>11,} rows  "
        f"{seconds:7.1f} s  {rows / seconds:9,.0f} rows/s  peak {peak:6.0f} MB"
    )
    print(f"re-import (all unchanged)             {again:7.1f} s  {rows / again:9,.0f} rows/s")
    if args.skip_baseline:
        return
    url, schema = fresh_url(args.db, tmp)
    base_seconds, _ = timed_child([sys.executable, "-c", BASELINE, url, str(directory)])
    drop(schema)
    print(
        f"baseline pandas.to_sql (no checks)    {base_seconds:7.1f} s  "
        f"{rows / base_seconds:9,.0f} rows/s"
    )
    print(f"ratio segbot / baseline time: {seconds / base_seconds:.2f}x")


if __name__ == "__main__":
    main()
