"""Two scheduler processes on PostgreSQL at once: SKIP LOCKED and the unique keys hold."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from sqlalchemy import Engine

from bot.database import unit_of_work
from bot.services.campaigns.definition import get_campaign
from bot.services.campaigns.planning import plan_run
from bot.services.campaigns.runner import plan_campaign_if_due
from bot.services.campaigns.sending import dispatch_due
from tests.campaigns.helpers import make_campaign
from tests.campaigns.world import MONDAY_10, build_world


@pytest.fixture
def pg_world(clean_engine: Engine, is_postgres: bool):  # type: ignore[no-untyped-def]
    if not is_postgres:
        pytest.skip("SQLite runs a single scheduler process; concurrency needs PostgreSQL")
    return build_world(clean_engine, n=400)


def _together(*targets) -> list[object]:  # type: ignore[no-untyped-def]
    results: list[object] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(targets))

    def wrap(target) -> None:  # type: ignore[no-untyped-def]
        barrier.wait()
        try:
            results.append(target())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=wrap, args=(t,)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    if errors:
        raise errors[0]
    return results


def test_two_workers_draining_the_outbox_never_send_twice(pg_world) -> None:  # type: ignore[no-untyped-def]
    world = pg_world
    # Personalised text: one task per customer, so the workers interleave many claims.
    campaign_id = make_campaign(world, MONDAY_10, content="{name}您好", holdout_percent=0)
    with unit_of_work(world.factory) as s:
        plan_run(s, get_campaign(s, campaign_id), slot=MONDAY_10, trigger="manual", now=MONDAY_10,
                 pctx=world.pctx())  # fmt: skip
    reports = _together(
        lambda: dispatch_due(world.factory, world.gateway, MONDAY_10, world.settings),
        lambda: dispatch_due(world.factory, world.gateway, MONDAY_10, world.settings),
    )
    recipients = world.mass_recipients()
    assert Counter(recipients).most_common(1)[0][1] == 1
    assert len(recipients) == world.count(arm="treated") == sum(r.sent for r in reports)
    assert all(r.calls > 0 for r in reports), "both workers should have taken a share"


def test_two_schedulers_planning_the_same_slot_make_one_run(pg_world) -> None:  # type: ignore[no-untyped-def]
    world = pg_world
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=0)
    planned = _together(
        lambda: plan_campaign_if_due(world.factory, campaign_id, MONDAY_10, world.pctx()),
        lambda: plan_campaign_if_due(world.factory, campaign_id, MONDAY_10, world.pctx()),
    )
    assert sorted(planned, key=str).count(None) == 1
    assert world.count() == world.count(run_id=next(p for p in planned if p))


def test_two_schedulers_checking_entries_at_once_plan_each_entrant_once(pg_world) -> None:  # type: ignore[no-untyped-def]
    """Two scheduler processes whose clocks differ by seconds (so their slots differ): the
    watch row queues the second behind the first, which then finds nobody new."""
    from datetime import timedelta

    from bot.services.campaigns.entries import check_campaign_entries
    from segmentation.models import CustomerTag, Tag
    from segmentation.nodes import HasTag
    from segmentation.saved import save_segment
    from tests.campaigns.world import cid

    world = pg_world
    start = MONDAY_10 - timedelta(hours=1)
    with unit_of_work(world.factory) as s:
        s.add(Tag(tag_id="t-hi", name="高意向"))
        save_segment(s, "高意向", HasTag("高意向"), owner_userid="boss", now=start)
    campaign_id = make_campaign(world, start, segment_definition=None, segment_name="高意向",
                                schedule_kind="on_enter", run_at=None,
                                holdout_percent=0)  # fmt: skip
    assert check_campaign_entries(world.factory, campaign_id, start, world.pctx()) is not None
    with unit_of_work(world.factory) as s:
        for i in range(4, 300, 2):
            s.add(CustomerTag(external_userid=cid(i), tag_id="t-hi", userid="alice"))
    checks = _together(
        lambda: check_campaign_entries(world.factory, campaign_id, MONDAY_10, world.pctx()),
        lambda: check_campaign_entries(
            world.factory, campaign_id, MONDAY_10 + timedelta(seconds=2), world.pctx()
        ),
    )
    entered = [e for c in checks if c is not None for e in c.entered]
    assert len(entered) == len(set(entered)) == 148
    assert world.count() == 148  # one outbox row per entrant, in one run
