"""Soak on loopback: encrypted callbacks, chat queries, API event ingestion and a campaign run
against one `segbot serve` process, sampling its RSS every few seconds.
`python -m bench.soak [--minutes 10] [--customers 100000] [--db URL]`. Bounded loops, loopback
only; prints throughput, p50/p95/p99 latency, errors and the RSS slope (MiB per minute)."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import requests
from sqlalchemy import func, select

from bench.fault_injection import _database, _drop
from bot.models.campaigns import Delivery
from integrations.wecom.callback import CallbackCrypto
from tests.reliability.attacks import text_xml
from tests.reliability.callbacks import seed_database
from tests.reliability.campaigns import SEND_API, make_mass_campaign
from tests.reliability.harness import (
    AES_KEY,
    API_TOKEN,
    CALLBACK_TOKEN,
    find_secrets,
    make_rig,
    utcnow,
)


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _slope(samples: list[tuple[float, float]]) -> float:
    """Least-squares MiB per minute over the second half (after warm-up)."""
    half = samples[len(samples) // 2 :]
    if len(half) < 2:
        return 0.0
    xs = [t / 60 for t, _ in half]
    ys = [m for _, m in half]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs) or 1.0
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--db", default=None, help="PostgreSQL server URL; default SQLite")
    parser.add_argument("--sample-seconds", type=float, default=5.0)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="segbot-soak-"))
    url, schema = _database(args.db, workdir, "soak")
    rig = make_rig(url, workdir / "rig", customers=args.customers, seed=5)
    try:
        t0 = time.monotonic()
        seed_database(rig)
        print(f"seeded {args.customers} customers in {time.monotonic() - t0:.0f}s", flush=True)
        _soak(rig, args)
    finally:
        rig.close()
        _drop(args.db, schema)


def _soak(rig, args) -> None:  # type: ignore[no-untyped-def]
    proc = rig.start_serve(worker=True)
    stop = threading.Event()
    lat: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    # The first failure of each kind, so a run that is all errors says why.
    first_error: dict[str, str] = {}
    lock = threading.Lock()
    crypto = CallbackCrypto(CALLBACK_TOKEN, AES_KEY, rig.company.corp_id)
    auth = {"Authorization": f"Bearer {API_TOKEN}"}
    sellers = rig.company.follow_user_list()
    customers = sorted(rig.company.customers)
    http = requests.Session()

    def timed(kind: str, call) -> None:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            response = call()
            status, detail = response.status_code, response.text[:200]
        except requests.RequestException as exc:
            status, detail = -1, repr(exc)[:200]
        with lock:
            lat[kind].append(time.perf_counter() - start)
            if status >= 500 or status < 0:
                errors[kind] += 1
                first_error.setdefault(kind, f"{status}: {detail}")

    def loop(kind: str, seed: int) -> None:
        rng, n = random.Random(seed), 0
        while not stop.is_set():
            n += 1
            if kind == "callback":
                xml = text_xml(
                    rig.company.corp_id, seed * 10_000_000 + n, "帮助", rng.choice(sellers)
                )
                post = crypto.build_post(xml, nonce=str(n), timestamp=int(time.time()))
                timed(
                    kind,
                    lambda p=post: http.post(
                        rig.callback_url,
                        params=p.query,
                        data=p.body,
                        timeout=30,
                    ),
                )
            elif kind == "query":
                body = {
                    "text": rng.choice(["上海的客户有多少", "高意向客户", "近30天有咨询的客户"]),
                    "as": rng.choice(sellers),
                }
                timed(
                    kind,
                    lambda b=body: http.post(
                        rig.base_url + "/api/v1/query",
                        json=b,
                        headers=auth,
                        timeout=60,
                    ),
                )
            else:
                events = [{"event_id": f"soak-{seed}-{n}-{i}", "external_userid": rng.choice(customers),  # noqa: E501
                           "kind": "order", "occurred_at": utcnow().isoformat(), "amount": "9.90"}
                          for i in range(50)]  # fmt: skip
                timed(
                    kind,
                    lambda: http.post(
                        rig.base_url + "/api/v1/events",
                        json={"events": events},  # noqa: B023
                        headers=auth,
                        timeout=60,
                    ),
                )

    threads = [
        threading.Thread(target=loop, args=(k, i))
        for i, k in enumerate(["callback", "callback", "query", "events"])
    ]
    started = time.monotonic()
    for t in threads:
        t.start()
    campaign_id = make_mass_campaign(rig, utcnow())
    # The campaign run is a process of its own, concurrent with the request loops.
    campaign = rig.start("campaign", "campaign", "run", str(campaign_id))
    samples: list[tuple[float, float]] = []
    while time.monotonic() - started < args.minutes * 60:
        samples.append((time.monotonic() - started, _rss_mib(proc.pid)))
        time.sleep(args.sample_seconds)
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    report = {
        "minutes": round(elapsed / 60, 2), "customers": args.customers,
        "database": "postgresql" if args.db else "sqlite",
        "requests": {k: len(v) for k, v in lat.items()},
        "throughput_per_s": {k: round(len(v) / elapsed, 1) for k, v in lat.items()},
        "latency_ms": {k: {p: round(1000 * statistics.quantiles(v, n=100)[q - 1], 1)
                           for p, q in (("p50", 50), ("p95", 95), ("p99", 99))}
                       for k, v in lat.items() if len(v) > 2},
        "errors": dict(errors), "first_error": first_error,
        "campaign": _campaign_progress(rig, campaign_id, campaign.poll()),
        "rss_mib": {"first": samples[0][1], "last": samples[-1][1], "max": max(m for _, m in samples),  # noqa: E501
                    "slope_mib_per_min_second_half": round(_slope(samples), 3)},
        "secrets_in_logs": find_secrets(rig.logs()),
    }  # fmt: skip
    print(json.dumps(report, ensure_ascii=False, indent=2))


def _campaign_progress(rig, campaign_id: int, exit_code: int | None) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """How far the concurrent campaign run got: its outbox rows by status and WeCom calls."""
    with rig.factory() as session:
        rows = session.execute(
            select(Delivery.status, func.count())
            .where(Delivery.campaign_id == campaign_id)
            .group_by(Delivery.status)
        ).all()
    return {"exit": exit_code, "deliveries": {status: int(n) for status, n in rows},
            "wecom_send_calls": rig.sim.calls_to(SEND_API)}  # fmt: skip


if __name__ == "__main__":
    main()
