"""Benchmark the WeCom callback path: ack latency and throughput, and the chat round trip.

    .venv/bin/python -m bench.webhook_bench --customers 100000 --db postgresql

A company of N customers is seeded in the WeCom simulator, synced into a fresh database
through the real gateway, and given a year of behaviour events (bulk-loaded: the importer is
measured elsewhere). Then `segbot serve --no-worker` runs as its own process and:

1. ack: a load generator (threads on loopback) posts signed, encrypted member messages as
   WeCom would; per request we time the answer (verify + decrypt + store in the inbox + 200).
   Every acknowledged callback must be in the inbox: nothing lost.
2. drain: `segbot worker` processes that backlog (parse, query, reply through message/send).
3. round trip: one member at a time asks "近30天有咨询但未下单的客户"; we time from the POST to
   the moment the simulator has received the bot's reply.

Targets (issue 6): ack p99 < 50 ms, >= 300 callbacks/s on 2 cores, round trip p95 < 1 s.
The baseline in the same run is a bare Flask endpoint on the same server stack that only
answers 200, so the ratio shows what verification, decryption and storage cost.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import requests
from sqlalchemy import func, select

from bench.import_bench import drop, fresh_url
from bench.sync_bench import free_port
from bot.database import make_engine, make_session_factory, unit_of_work
from bot.demo.events import demo_events
from bot.migrate import upgrade_to_head
from bot.models.inbox import InboxMessage
from bot.services.events import bulk_insert_events
from bot.services.import_apply import event_values
from bot.services.records import EventRecord
from bot.services.sync import run_full_sync
from integrations.wecom.callback import CallbackCrypto
from integrations.wecom.client import WechatpyGateway
from integrations.wecom.events import TextMessage
from integrations.wecom.render import render_callback
from integrations.wecom.simulator.seed import seed_company
from integrations.wecom.simulator.server import Simulator
from integrations.wecom.simulator.state import SimConfig
from integrations.wecom.tokens import MemoryTokenStore
from segmentation.models import Customer, Event, Staff

HEADLINE = "近30天有咨询但未下单的客户"
BARE = """
import sys
from flask import Flask
app = Flask("bare")
@app.post("/wecom/callback")
def ok():
    return ""
app.run(host="127.0.0.1", port=int(sys.argv[1]), threaded=True)
"""


def seed_database(url: str, sim: Simulator, config: SimConfig, now: datetime) -> None:
    engine = make_engine(url)
    upgrade_to_head(engine)
    factory = make_session_factory(engine)
    gateway = WechatpyGateway(
        config.corp_id, config.agent_id, config.secret, contact_secret=config.contact_secret,
        api_base=sim.api_base, token_store=MemoryTokenStore(),
    )  # fmt: skip
    started = time.perf_counter()
    run_full_sync(factory, gateway, now)
    print(f"seed: full sync {time.perf_counter() - started:.0f} s", flush=True)
    with factory() as session:
        ids = list(session.scalars(select(Customer.external_userid)))
    started, batch, tz = time.perf_counter(), [], UTC
    for row in demo_events(ids, now):
        record = EventRecord.from_row(row, tz)
        batch.append(event_values(record) | {"source": "bench", "received_at": now})
        if len(batch) >= 20_000:
            with unit_of_work(factory) as session:
                bulk_insert_events(session, batch)
            batch = []
    with unit_of_work(factory) as session:
        bulk_insert_events(session, batch)
        events = session.scalar(select(func.count()).select_from(Event))
    print(f"seed: {len(ids):,} customers, {events:,} events in "
          f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
    engine.dispose()


def env_for(url: str, sim: Simulator, config: SimConfig) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEGBOT_")}
    env.update(
        SEGBOT_DATABASE_URL=url, SEGBOT_WECOM_CORP_ID=config.corp_id,
        SEGBOT_WECOM_AGENT_ID=str(config.agent_id), SEGBOT_WECOM_SECRET=config.secret,
        SEGBOT_WECOM_CONTACT_SECRET=config.contact_secret, SEGBOT_WECOM_TOKEN=config.token,
        SEGBOT_WECOM_AES_KEY=config.aes_key, SEGBOT_WECOM_API_BASE=sim.api_base,
        SEGBOT_QUIET_HOURS="off",
    )  # fmt: skip
    return env


def wait_up(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError as exc:
            if getattr(exc, "code", None):  # an HTTP answer (e.g. 405): the server is up
                return
            time.sleep(0.3)
    raise SystemExit(f"{url} did not come up")


def make_posts(crypto: CallbackCrypto, corp_id: str, users: list[str], n: int, text: str,
               start_id: int) -> list:  # fmt: skip
    now = int(time.time())
    posts = []
    for i in range(n):
        message = TextMessage(users[i % len(users)], text, str(start_id + i), 1000002, now)
        posts.append(crypto.build_post(render_callback(message, corp_id), nonce=str(i),
                                       timestamp=now))  # fmt: skip
    return posts


def fire(base: str, posts: list, concurrency: int) -> tuple[list[float], float, int]:
    local = threading.local()

    def one(post) -> tuple[float, int]:  # type: ignore[no-untyped-def]
        session = getattr(local, "session", None) or requests.Session()
        local.session = session
        started = time.perf_counter()
        response = session.post(f"{base}/wecom/callback", params=post.query, data=post.body,
                                timeout=30)  # fmt: skip
        return time.perf_counter() - started, response.status_code

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, posts))
    wall = time.perf_counter() - started
    return [r[0] for r in results], wall, sum(1 for r in results if r[1] != 200)


def pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="postgresql")
    parser.add_argument("--callbacks", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--roundtrips", type=int, default=30)
    args = parser.parse_args()
    out = Path("bench/out")
    out.mkdir(parents=True, exist_ok=True)
    segbot = str(Path(sys.executable).parent / "segbot")
    port = free_port()
    company = seed_company(customers=args.customers, seed=1)
    config = SimConfig(corp_id=company.corp_id, callback_url=None)
    sim = Simulator(company, config).start()
    url, schema = fresh_url(args.db, out)
    procs: list[subprocess.Popen] = []
    try:
        seed_database(url, sim, config, datetime.now(UTC))
        with make_session_factory(make_engine(url))() as session:
            users = sorted(session.scalars(select(Staff.userid).where(Staff.active.is_(True))))
        crypto = CallbackCrypto(config.token, config.aes_key, config.corp_id)
        env = env_for(url, sim, config)
        base = f"http://127.0.0.1:{port}"

        bare_port = free_port()
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", BARE, str(bare_port)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        wait_up(f"http://127.0.0.1:{bare_port}/wecom/callback")
        posts = make_posts(crypto, config.corp_id, users, args.callbacks, "帮助", 10**9)
        bare, bare_wall, _ = fire(f"http://127.0.0.1:{bare_port}", posts, args.concurrency)

        log = (out / "webhook-serve.log").open("wb")
        procs.append(subprocess.Popen([segbot, "serve", "--port", str(port), "--no-worker"],
                                      env=env, stdout=log, stderr=log))  # fmt: skip
        wait_up(f"{base}/healthz")
        latencies, wall, errors = fire(base, posts, args.concurrency)
        engine = make_engine(url)
        with make_session_factory(engine)() as session:
            stored = session.scalar(select(func.count()).select_from(InboxMessage))
        print(f"ack: {args.callbacks:,} encrypted callbacks, {args.concurrency} connections: "
              f"{args.callbacks / wall:,.0f}/s, p50 {pct(latencies, .5):.1f} ms, "
              f"p99 {pct(latencies, .99):.1f} ms, non-200 {errors}, stored {stored:,} "
              f"(lost {args.callbacks - stored})")  # fmt: skip
        print(f"baseline bare Flask 200: {args.callbacks / bare_wall:,.0f}/s, "
              f"p50 {pct(bare, .5):.1f} ms, p99 {pct(bare, .99):.1f} ms; "
              f"segbot/baseline p99 {pct(latencies, .99) / pct(bare, .99):.1f}x")  # fmt: skip

        started = time.perf_counter()
        procs.append(subprocess.Popen([segbot, "worker"], env=env, stdout=log, stderr=log))
        while True:
            with make_session_factory(engine)() as session:
                left = session.scalar(
                    select(func.count()).select_from(InboxMessage)
                    .where(InboxMessage.status.not_in(("done", "dead")))
                )  # fmt: skip
            if not left:
                break
            time.sleep(0.5)
        drain = time.perf_counter() - started
        print(f"drain: {stored:,} messages answered by one worker in {drain:.1f} s "
              f"({stored / drain:,.0f}/s)")  # fmt: skip

        trips = []
        for i in range(args.roundtrips):
            user = users[i % len(users)]
            before = sum(1 for m in sim.state.sent if user in m.get("touser", []))
            (post,) = make_posts(crypto, config.corp_id, [user], 1, HEADLINE, 2 * 10**9 + i)
            started = time.perf_counter()
            requests.post(f"{base}/wecom/callback", params=post.query, data=post.body, timeout=30)
            while sum(1 for m in sim.state.sent if user in m.get("touser", [])) <= before:
                if time.perf_counter() - started > 30:
                    break
                time.sleep(0.005)
            trips.append(time.perf_counter() - started)
        print(f"round trip (callback in -> message/send out), {len(trips)} asks of "
              f"“{HEADLINE}” over {args.customers:,} customers: p50 {pct(trips, .5):.0f} ms, "
              f"p95 {pct(trips, .95):.0f} ms, max {max(trips) * 1000:.0f} ms")  # fmt: skip
        engine.dispose()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)
        sim.stop()
        drop(schema)


if __name__ == "__main__":
    main()
