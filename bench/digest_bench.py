"""Benchmark a manager's daily digest on the synthetic company (target: < 5 s at 1M customers).

    .venv/bin/python -m bench.digest_bench --customers 1000000 --db postgresql

Uses the CSVs at bench/data/<customers> loaded into the kept bench database (bench/seg_load;
reused when another benchmark already loaded it — never regenerated or deleted here). Times
build_digest (every number, in the manager's scope) + markdown + chart, median of --runs, and
prints the figure with the command. A benchmark, not a test: it never fails on timing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select

from bench.seg_load import bench_url, ensure_rollups, is_loaded, load_company
from bot.database import make_engine, make_session_factory
from bot.models import metadata
from bot.models.digests import DigestLog
from bot.services.campaigns.settings import CampaignSettings
from bot.services.digest.build import DigestConfig, build_digest, digest_requester
from bot.services.digest.chart import render_chart
from bot.services.digest.deliver import create_digest_log
from bot.services.digest.render import render_markdown
from segmentation.engine import default_context
from segmentation.models import Staff

TZ = ZoneInfo("Asia/Shanghai")
# The synthetic company's `now` (bench/generate.py default).
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=TZ)
TARGET_SECONDS = 5.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="postgresql")
    parser.add_argument("--as", dest="userid", help="manager userid (default: the first one)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data = Path("bench/data") / str(args.customers)
    url, _schema = bench_url(args.db, args.customers, fresh=False)
    engine = make_engine(url)
    try:
        if not is_loaded(engine, args.customers):
            if not data.is_dir():
                sys.exit(f"no data at {data} (bench/generate.py writes it)")
            print(f"loading {data} into the kept bench database (once)…", flush=True)
            for step, seconds in load_company(engine, data, TZ, NOW).items():
                print(f"  {step}: {seconds:.1f} s")
        # Only adds tables that are missing (e.g. newer than the load); never drops data.
        metadata.create_all(engine)
        if ensure_rollups(engine):
            print("built the event rollups the kept database lacked", flush=True)
        run(engine, args)
    finally:
        engine.dispose()


def run(engine, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    factory = make_session_factory(engine)
    config = DigestConfig(engine=default_context(TZ), campaigns=CampaignSettings(timezone=TZ))
    with factory() as session:
        userid = (
            args.userid
            or session.scalars(
                select(Staff.userid).where(Staff.role == "manager").order_by(Staff.userid).limit(1)
            ).one()
        )
        requester = digest_requester(session, userid, frozenset())
        session.execute(delete(DigestLog).where(DigestLog.userid == userid))
        session.commit()
        # Cold: the manager's first digest — the past sizes must be evaluated at those points.
        cold, digest, markdown, png = timed_digest(session, requester, config, args.runs)
        # Steady state: the digests of 7 days ago and yesterday were sent (the daily job), so
        # today's reuses their sizes for "a week / a day ago".
        for days in (7, 1):
            create_digest_log(session, requester, NOW - timedelta(days=days), config)
            session.commit()
        steady, digest, markdown, png = timed_digest(session, requester, config, args.runs)
        session.execute(delete(DigestLog).where(DigestLog.userid == userid))
        session.commit()
    print(markdown)
    print()
    scope = f"manager {userid} ({digest.customers_in_scope:,} customers in scope)"
    print(f"digest for {scope} on {args.customers:,} customers, {args.db}, "
          f"median of {args.runs} runs (markdown {len(markdown.encode())} bytes, chart "
          f"{len(png):,} bytes; target < {TARGET_SECONDS:.0f} s):")  # fmt: skip
    print(f"  steady state (yesterday's and last week's digests sent): "
          f"{statistics.median(steady):.2f} s (min {min(steady):.2f} s)")  # fmt: skip
    print(f"  first digest of this manager (past sizes evaluated): "
          f"{statistics.median(cold):.2f} s (min {min(cold):.2f} s)")  # fmt: skip
    print("command: .venv/bin/python -m bench.digest_bench "
          f"--customers {args.customers} --db {args.db} --runs {args.runs}")  # fmt: skip


def timed_digest(session, requester, config, runs: int):  # type: ignore[no-untyped-def]
    """(seconds per run, the digest, its markdown, its chart) — nothing is written."""
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        digest = build_digest(session, requester, NOW, config)
        markdown = render_markdown(digest)
        png = render_chart(digest)
        times.append(time.perf_counter() - started)
        session.rollback()  # start the next run from a fresh snapshot
    return times, digest, markdown, png


if __name__ == "__main__":
    main()
