"""Benchmark a full WeCom sync: wall time, API calls against the minimum, peak memory.

    .venv/bin/python -m bench.sync_bench --customers 100000 --db sqlite
    .venv/bin/python -m bench.sync_bench --customers 100000 --db postgresql

The simulator runs as its own process (`segbot simulator`) on loopback, so the figures are
those of the sync alone. The minimum number of calls is what any full sync needs: one token
per secret, the department list, the member list, the tag list, the follow-user list, and
one batch/get_by_user page per 100 follow relations (WeCom's page limit) — the baseline the
issue asks us to stay within 1.1x of.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from bench.import_bench import drop, fresh_url
from bot.database import make_engine, make_session_factory
from bot.migrate import upgrade_to_head
from bot.services.sync import run_full_sync
from integrations.wecom.client import WechatpyGateway
from integrations.wecom.simulator.state import SimConfig
from integrations.wecom.tokens import MemoryTokenStore


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def sim_state(base: str) -> dict:
    with urllib.request.urlopen(f"{base}/sim/state", timeout=30) as response:
        return json.load(response)


def start_simulator(customers: int, seed: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    segbot = str(Path(sys.executable).parent / "segbot")
    process = subprocess.Popen(
        [
            segbot,
            "simulator",
            "--port",
            str(port),
            "--customers",
            str(customers),
            "--seed",
            str(seed),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            sim_state(base)
            return process, base
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the simulator did not start")


def minimum_calls(state: dict) -> int:
    fixed = 2 + 1 + 1 + 1 + 1  # two tokens, departments, members, tags, follow users
    return fixed + math.ceil(state["follows"] / 100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    out = Path("bench/out")
    out.mkdir(parents=True, exist_ok=True)
    process, base = start_simulator(args.customers, args.seed)
    url, schema = fresh_url(args.db, out)
    engine = make_engine(url)
    try:
        upgrade_to_head(engine)
        config = SimConfig()
        gateway = WechatpyGateway(
            config.corp_id,
            config.agent_id,
            config.secret,
            contact_secret=config.contact_secret,
            api_base=f"{base}/cgi-bin/",
            token_store=MemoryTokenStore(),
        )
        before = sim_state(base)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        report = run_full_sync(make_session_factory(engine), gateway, datetime.now(UTC))
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        after = sim_state(base)
    finally:
        engine.dispose()
        process.terminate()
        process.wait(timeout=30)
        drop(schema)
    calls = (after["api_calls"] - before["api_calls"]) + (
        after["gettoken_calls"] - before["gettoken_calls"]
    )
    minimum = minimum_calls(after)
    print(
        f"full sync {args.db:10s} {after['customers']:>8,} customers {after['members']} staff "
        f"{after['follows']:>8,} follows: {seconds:6.1f} s, "
        f"{after['follows'] / seconds:8,.0f} follows/s"
    )
    print(f"API calls {calls:,} vs minimum {minimum:,}: {calls / minimum:.2f}x")
    print(f"peak memory {peak:.0f} MB (before the sync: {rss_before:.0f} MB)")
    print(f"report: {report}")


if __name__ == "__main__":
    main()
