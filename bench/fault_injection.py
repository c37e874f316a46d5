"""The long fault-injection battery: more kills and more messages than the CI tests, with
figures. `python -m bench.fault_injection [--db URL] [--messages N] [--kills K] [--json]`.
Benchmarks never fail CI; this prints what was injected and what was lost or doubled."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import tempfile
import uuid
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import text

from bot.database import make_engine
from tests.reliability.callbacks import run_callback_faults, seed_database
from tests.reliability.campaigns import run_campaign_faults
from tests.reliability.harness import find_secrets, make_rig, utcnow
from tests.reliability.sync import run_sync_faults


def _database(server_url: str | None, workdir: Path, label: str) -> tuple[str, str | None]:
    if not server_url:
        return f"sqlite:///{workdir / label}.db", None
    schema = f"bench_fault_{label}_{uuid.uuid4().hex[:8]}"
    admin = make_engine(server_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    sep = "&" if "?" in server_url else "?"
    return f"{server_url}{sep}options={quote(f'-csearch_path={schema}')}", schema


def _drop(server_url: str | None, schema: str | None) -> None:
    if server_url and schema:
        admin = make_engine(server_url)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=os.environ.get("SEGBOT_TEST_DATABASE_URL"),
                        help="PostgreSQL server URL (a schema is made per scenario); default SQLite")  # fmt: skip  # noqa: E501
    parser.add_argument("--messages", type=int, default=400)
    parser.add_argument("--kills", type=int, default=12)
    parser.add_argument("--customers", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="segbot-faults-"))
    results: dict[str, object] = {"database": "postgresql" if args.db else "sqlite"}
    scenarios = {
        "callbacks": lambda rig: (seed_database(rig), run_callback_faults(
            rig, messages=args.messages, kills=args.kills, seed=args.seed))[1],
        "campaign": lambda rig: (seed_database(rig), run_campaign_faults(
            rig, now=utcnow(), kills=args.kills // 2, seed=args.seed))[1],
        "sync": lambda rig: run_sync_faults(rig, kills=args.kills // 2, seed=args.seed),
    }  # fmt: skip
    for name, scenario in scenarios.items():
        url, schema = _database(args.db, workdir, name)
        customers = args.customers * (5 if name == "sync" else 1)
        rig = make_rig(url, workdir / name, customers=customers, seed=args.seed)
        try:
            figures = scenario(rig)
            row = dataclasses.asdict(figures)
            row["secrets_in_logs"] = find_secrets(rig.logs())
            results[name] = row
        finally:
            rig.close()
            _drop(args.db, schema)
        print(f"{name}: {_summary(results[name])}", flush=True)  # type: ignore[arg-type]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, default=str, indent=2))


def _summary(row: dict[str, object]) -> str:
    keep = {k: v for k, v in row.items() if not isinstance(v, list) or v}
    return json.dumps({k: (len(v) if isinstance(v, dict) and len(v) > 5 else v)
                       for k, v in keep.items()}, ensure_ascii=False, default=str)  # fmt: skip


if __name__ == "__main__":
    main()
