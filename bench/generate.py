"""Write a synthetic company as the CSV files of spec/interfaces.md.

.venv/bin/python -m bench.generate --customers 100000 --out bench/data/100k
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.synthetic import CompanyShape, write_company


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--staff", type=int, default=50)
    parser.add_argument("--events-per-customer", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--now", default="2026-11-01T12:00:00+08:00")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    now = datetime.fromisoformat(args.now).astimezone(ZoneInfo("Asia/Shanghai"))
    shape = CompanyShape(args.customers, args.staff, args.events_per_customer, args.seed)
    started = time.perf_counter()
    counts = write_company(args.out, shape, now)
    for name, count in counts.items():
        print(f"{name}: {count} rows")
    print(f"written to {args.out} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
