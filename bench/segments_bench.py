"""Benchmark the segment engine: ten standard segments on a synthetic company, timed.

    .venv/bin/python -m bench.segments_bench --customers 10000 --db sqlite
    .venv/bin/python -m bench.segments_bench --customers 10000 --db postgresql

Prints, per segment, the member count and the median wall time of several runs (admin scope
and one sales member's scope). A benchmark, not a test: it never fails on timing.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from sqlalchemy import select, text

from bot.database import make_engine, make_session_factory
from bot.models import metadata
from bot.services.csv_import import import_directory
from bot.services.synthetic import CompanyShape, write_company
from segmentation.engine import default_context, segment_members
from segmentation.models import Staff
from segmentation.nodes import (
    And,
    CalendarWindow,
    City,
    EventCount,
    NamedSegment,
    NewCustomer,
    Node,
    Not,
    Performed,
    Ranked,
    RollingWindow,
    Spend,
    Untagged,
)
from segmentation.scope import Requester

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = datetime(2026, 11, 1, 12, tzinfo=ZoneInfo("Asia/Shanghai"))
D30 = RollingWindow(30, "days")
SEGMENTS: dict[str, Node] = {
    "近30天咨询未下单": And((Performed("inquiry", D30), Not(Performed("order", D30)))),
    "下单3次以上": EventCount("order", ">=", 3),
    "累计消费超过1000": Spend(">", Decimal(1000)),
    "上个月下过单": Performed("order", CalendarWindow("month", -1)),
    "上海的新客户": And((City(("上海",)), NewCustomer())),
    "未打标签": Untagged(),
    "重要价值客户": NamedSegment("high_value"),
    "流失风险客户": NamedSegment("at_risk"),
    "高意向客户": NamedSegment("high_intent"),
    "消费前10%": Ranked(Performed("order"), percent=Decimal(10)),
}


def database_url(kind: str, workdir: Path) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'bench.db'}", None
    schema = f"bench_seg_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_SERVER)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    return f"{PG_SERVER}?options={quote(f'-csearch_path={schema}')}", schema


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tz = ZoneInfo("Asia/Shanghai")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        url, schema = database_url(args.db, workdir)
        engine = make_engine(url)
        try:
            metadata.create_all(engine)
            write_company(workdir / "csv", CompanyShape(customers=args.customers), NOW)
            factory = make_session_factory(engine)
            import_directory(factory, workdir / "csv", tz=tz, now=NOW)
            run(factory, args.runs, args.customers, args.db)
        finally:
            engine.dispose()
            if schema:
                admin = make_engine(PG_SERVER)
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()


def run(factory, runs: int, customers: int, db: str) -> None:  # type: ignore[no-untyped-def]
    ctx = default_context("Asia/Shanghai")
    with factory() as session:
        sales_userid = session.execute(select(Staff.userid).limit(1)).scalar_one()
        askers = [("admin", Requester.all_access()), ("sales", Requester(sales_userid, "sales"))]
        print(f"{customers} customers on {db}; median of {runs} runs")
        print(f"{'segment':<16} {'asker':<6} {'members':>8} {'ms':>9}")
        for name, node in SEGMENTS.items():
            for label, who in askers:
                times, size = [], 0
                for _ in range(runs):
                    started = time.perf_counter()
                    size = len(segment_members(session, node, requester=who, now=NOW, ctx=ctx))
                    times.append((time.perf_counter() - started) * 1000)
                print(f"{name:<16} {label:<6} {size:>8} {statistics.median(times):>9.1f}")


if __name__ == "__main__":
    main()
