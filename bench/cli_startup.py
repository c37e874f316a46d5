"""Benchmark the CLI's start-up and one `segbot query` end to end, against baselines measured
in the same run.

    .venv/bin/python -m bench.cli_startup                     # --help and query on 2k customers
    .venv/bin/python -m bench.cli_startup --customers 200000  # the headline on 200k vs pandas

Figures (median of --runs, wall time of a new process each):
- `python -c pass`: the interpreter's own start, the floor of any command;
- `segbot --help` and `segbot query --help`;
- `segbot query "近30天有咨询但未下单的客户" --json` on a SQLite database of --customers;
- the pandas script an analyst would write for the same question on the same CSV files
  (read the events, filter, group), so the ratio says what segbot costs against doing it by hand.
Where the time goes: `python -X importtime -c "import bot.cli.query_commands"`.

Python caches the bytecode of every module it compiles (`__pycache__`), so an installed
segbot compiles its own modules once; this machine's shell sets PYTHONDONTWRITEBYTECODE=1,
which would make every run compile them (~70 for a query) from source again. The bench
writes the cache once first (`--no-bytecode-cache` measures without it).
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.import_bench import NOW, data_dir

HEADLINE = "近30天有咨询但未下单的客户"
PANDAS_HEADLINE = """
import sys
import pandas as pd
now = pd.Timestamp(sys.argv[2])
columns = ["external_userid", "kind", "occurred_at"]
events = pd.read_csv(sys.argv[1] + "/events.csv", usecols=columns)
customers = pd.read_csv(sys.argv[1] + "/customers.csv", usecols=["external_userid", "deleted"])
events["occurred_at"] = pd.to_datetime(events["occurred_at"], utc=True, format="ISO8601")
recent = events[events["occurred_at"] >= now - pd.Timedelta(days=30)]
asked = set(recent.loc[recent["kind"] == "inquiry", "external_userid"])
ordered = set(recent.loc[recent["kind"] == "order", "external_userid"])
live = set(customers.loc[customers["deleted"].fillna(0) == 0, "external_userid"])
print(len((asked - ordered) & live))
"""


def timed(command: list[str], runs: int) -> tuple[float, str]:
    """Median wall seconds of `runs` runs, and the last run's stdout."""
    seconds, out = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        seconds.append(time.perf_counter() - started)
        out = done.stdout
    return statistics.median(seconds), out


def imported_database(customers: int) -> str:
    """A SQLite database of `customers`, imported once and reused. It is built under another
    name and renamed only when the import succeeded, so a run interrupted mid-import leaves
    no half-filled database for the next run to time."""
    path = Path("bench/out") / f"cli_{customers}.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        for leftover in path.parent.glob(partial.name + "*"):  # with its -wal and -shm files
            leftover.unlink()
        url = f"sqlite:///{partial}"
        segbot = str(Path(sys.executable).parent / "segbot")
        subprocess.run([segbot, "init", "--db", url], check=True, capture_output=True)
        directory = str(data_dir(customers))
        subprocess.run([segbot, "import", directory, "--db", url], check=True, capture_output=True)
        partial.rename(path)
    return f"sqlite:///{path}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="leave segbot's __pycache__ as it is (absent if PYTHONDONTWRITEBYTECODE was set)",
    )
    args = parser.parse_args()
    if not args.no_bytecode_cache:
        root = Path(__file__).resolve().parent.parent
        for package in ("bot", "segmentation", "integrations"):
            compileall.compile_dir(root / package, quiet=1)
    segbot = str(Path(sys.executable).parent / "segbot")
    url = imported_database(args.customers)
    floor, _ = timed([sys.executable, "-c", "pass"], args.runs)
    rows = [("python -c pass", floor, "")]
    for label, command in (
        ("segbot --help", [segbot, "--help"]),
        ("segbot query --help", [segbot, "query", "--help"]),
    ):
        rows.append((label, timed(command, args.runs)[0], ""))
    query = [segbot, "query", HEADLINE, "--json", "--now", NOW, "--db", url]
    seconds, out = timed(query, args.runs)
    count = json.loads(out)["count"]
    rows.append((f"segbot query (headline, {args.customers:,} customers)", seconds, f"{count}"))
    pandas_cmd = [sys.executable, "-c", PANDAS_HEADLINE, str(data_dir(args.customers)), NOW]
    pandas_seconds, pandas_out = timed(pandas_cmd, args.runs)
    rows.append(("pandas script on the CSVs (same question)", pandas_seconds, pandas_out.strip()))
    for label, value, answer in rows:
        suffix = f"  answer {answer}" if answer else ""
        print(f"{label:<48} {value * 1000:8.0f} ms{suffix}")
    print(f"segbot query ÷ pandas script: {seconds / pandas_seconds:.2f}×")


if __name__ == "__main__":
    main()
