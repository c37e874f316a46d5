"""Benchmark the on-enter entries check (#17 item 8): what one pass of the scheduler's entries
job costs, so SEGBOT_ENTRY_CHECK_MINUTES can be set knowingly.

    .venv/bin/python -m bench.entries_bench --customers 100000 --db postgresql

The company is tests/campaigns/world.py's (built first, not timed). A saved segment 高意向
(tag 高意向 on every third customer, or an inquiry in the last 7 days on every seventh) carries
three on-enter campaigns and one cron campaign (never evaluated by the check). Timed: the
first check (records each campaign's starting membership), a check with no change, and a
check after 50 new inquiries (plans one run per campaign for the entrants).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from bench.import_bench import drop, fresh_url
from bot.database import make_engine, unit_of_work
from bot.migrate import upgrade_to_head
from bot.services.campaigns.entries import check_all_entries
from segmentation.models import CustomerTag, Event, Tag
from segmentation.nodes import HasTag, Or, Performed, RollingWindow
from segmentation.saved import save_segment
from tests.campaigns.helpers import make_campaign
from tests.campaigns.world import MONDAY_10, World, build_world, cid

SEGMENT = Or((HasTag("高意向"), Performed("inquiry", RollingWindow(7, "days"))))


def _inquiry(eid: str, event_id: str, at: object) -> Event:
    return Event(event_id=event_id, external_userid=eid, kind="inquiry", occurred_at=at,
                 amount=Decimal(0), source="api")  # fmt: skip


def _setup(world: World, n: int) -> None:
    start = MONDAY_10 - timedelta(hours=1)
    with unit_of_work(world.factory) as s:
        s.add(Tag(tag_id="t-hi", name="高意向"))
        s.flush()
        for i in range(4, n, 3):
            s.add(CustomerTag(external_userid=cid(i), tag_id="t-hi", userid="alice"))
        for i in range(5, n, 7):
            s.add(_inquiry(cid(i), f"e{i}", start - timedelta(days=2)))
        save_segment(s, "高意向", SEGMENT, owner_userid="boss", now=start)
    for k in range(3):
        make_campaign(world, start, segment_definition=None, segment_name="高意向",
                      schedule_kind="on_enter", run_at=None, name=f"entries {k}")  # fmt: skip
    make_campaign(world, start, schedule_kind="cron", cron="0 10 * * *", run_at=None)


def _timed(world: World, minutes: int) -> tuple[float, list[int], list[int]]:
    started = time.perf_counter()
    checks = check_all_entries(world.factory, MONDAY_10 + timedelta(minutes=minutes), world.pctx())
    return (
        time.perf_counter() - started,
        [c.members for c in checks],
        [len(c.entered) for c in checks],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url, schema = fresh_url(args.db, Path(tmp))
        engine = make_engine(url)
        try:
            upgrade_to_head(engine)
            world = build_world(engine, args.customers)
            _setup(world, args.customers)
            first, members, _ = _timed(world, 0)
            print(f"first check, 3 campaigns: {first:.2f} s (members {members})")
            idle, _, _ = _timed(world, 5)
            print(f"no change: {idle:.2f} s ({idle / 3:.2f} s per campaign)")
            with unit_of_work(world.factory) as s:
                for i in range(6, 6 + 3 * 50, 3):
                    s.add(_inquiry(cid(i), f"new{i}", MONDAY_10 + timedelta(minutes=7)))
            busy, _, entered = _timed(world, 10)
            print(f"after 50 inquiries: {busy:.2f} s (entered {entered}, one run each)")
        finally:
            engine.dispose()
            drop(schema)


if __name__ == "__main__":
    main()
