"""Benchmark a campaign run: audience, holdout, coupons and outbox rows, then the mass-message
tasks sent to WeCom (the simulator, over HTTP on loopback).

    .venv/bin/python -m bench.campaign_bench --customers 100000 --db postgresql

The company is seeded in a `segbot simulator` process and synced first (not timed here:
bench/sync_bench.py measures it). The campaign targets every customer with a 满100减20 coupon
and a 10% holdout; its text has no per-customer variable, so each salesperson gets one task
of up to 10,000 customers (WeCom's limit), as a real campaign would. Target (issue 7): a run
for 100k recipients in < 30 s and < 300 MB. The baseline in the same run is writing the same
number of coupon-sized rows with one plain executemany (no audience, holdout or sending), the
floor of any outbox.
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, String, Table, func, select

from bench.import_bench import drop, fresh_url
from bench.sync_bench import sim_state, start_simulator
from bot.database import bulk_insert, make_engine, make_session_factory, unit_of_work
from bot.migrate import upgrade_to_head
from bot.models.campaigns import Coupon, Delivery
from bot.services.campaigns.definition import CampaignSpec, create_campaign
from bot.services.campaigns.planning import PlanContext
from bot.services.campaigns.runner import run_campaign_now
from bot.services.campaigns.settings import CampaignSettings
from bot.services.sync import run_full_sync
from integrations.wecom.client import WechatpyGateway
from integrations.wecom.simulator.state import SimConfig
from integrations.wecom.tokens import MemoryTokenStore
from segmentation.engine import default_context
from segmentation.nodes import All, to_json

COUPON = {"kind": "threshold", "threshold": "100", "value": "20", "validity_days": 14}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def baseline_rows(url: str, n: int) -> float:
    table = Table("bench_outbox_floor", MetaData(), Column("id", Integer, primary_key=True),
                  Column("customer", String(64)), Column("code", String(32)))  # fmt: skip
    engine = make_engine(url)
    table.create(engine)
    rows = [{"customer": f"wm{i:08d}", "code": f"C{i:011d}"} for i in range(n)]
    started = time.perf_counter()
    with unit_of_work(make_session_factory(engine)) as session:
        bulk_insert(session, table, rows)
    seconds = time.perf_counter() - started
    table.drop(engine)
    engine.dispose()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="postgresql")
    args = parser.parse_args()
    out = Path("bench/out")
    out.mkdir(parents=True, exist_ok=True)
    process, base = start_simulator(args.customers, 1)
    url, schema = fresh_url(args.db, out)
    try:
        engine = make_engine(url)
        upgrade_to_head(engine)
        factory = make_session_factory(engine)
        config = SimConfig()
        gateway = WechatpyGateway(
            config.corp_id, config.agent_id, config.secret, contact_secret=config.contact_secret,
            api_base=f"{base}/cgi-bin/", token_store=MemoryTokenStore(),
        )  # fmt: skip
        now = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai: outside quiet hours
        run_full_sync(factory, gateway, now - timedelta(hours=1))
        settings = CampaignSettings(quiet_start=None, quiet_end=None, frequency_cap_days=0)
        pctx = PlanContext(settings=settings, engine=default_context(), admins=frozenset({"b"}))
        with unit_of_work(factory) as session:
            campaign = create_campaign(
                session,
                CampaignSpec(name="bench", creator_userid="b", content="春季回访，全场满100减20",
                             segment_definition=to_json(All()), run_at=now, coupon=COUPON),
                now=now, settings=settings, admins=frozenset({"b"}),
            )  # fmt: skip
            campaign_id = campaign.id
        before_calls = sim_state(base)["api_calls"]
        rss_before = rss_mb()
        started = time.perf_counter()
        _run, report = run_campaign_now(factory, gateway, campaign_id, now, pctx)
        seconds = time.perf_counter() - started
        peak = rss_mb()
        calls = sim_state(base)["api_calls"] - before_calls
        with factory() as session:
            deliveries = session.scalar(select(func.count()).select_from(Delivery))
            coupons = session.scalar(select(func.count()).select_from(Coupon))
            sent = session.scalar(
                select(func.count()).select_from(Delivery).where(Delivery.msgid.is_not(None))
            )
        engine.dispose()
        floor = baseline_rows(url, coupons)
    finally:
        process.terminate()
        process.wait(timeout=30)
        drop(schema)
    print(
        f"campaign run {args.db:10s} {args.customers:,} customers: {seconds:.1f} s; "
        f"{deliveries:,} outbox rows ({sent:,} sent in {calls} WeCom calls), "
        f"{coupons:,} coupons; peak memory {peak:.0f} MB (before the run {rss_before:.0f} MB)"
    )
    print(
        f"baseline: {coupons:,} bare rows in one bulk insert {floor:.1f} s; "
        f"run / baseline {seconds / floor:.1f}x"
    )
    print(f"dispatch report: {report}")


if __name__ == "__main__":
    main()
