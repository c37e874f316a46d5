"""On-enter campaigns: entries found within minutes of the data (events, tags, follows), each
entrant planned once; manual runs do what the scheduler would (#17 items 7 and 8)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import delete, select

from bot.database import unit_of_work
from bot.models.campaigns import CampaignMember, CampaignRun, CampaignWatch, Delivery
from bot.services.campaigns.definition import CampaignError, set_paused
from bot.services.campaigns.entries import check_all_entries
from bot.services.campaigns.runner import (
    ENTRIES,
    NO_ENTRIES,
    NOTHING_DUE,
    PLANNED,
    RESUMED,
    WATCHING,
    campaign_tick,
    manual_run,
    run_campaign_now,
)
from segmentation.models import CustomerTag, Event, Follow, Tag
from segmentation.nodes import HasTag, Or, Performed, RollingWindow
from segmentation.saved import save_segment
from tests.campaigns.helpers import make_campaign
from tests.campaigns.world import MONDAY_10, TZ, World, cid

HIGH_INTENT = Or((HasTag("高意向"), Performed("inquiry", RollingWindow(7, "days"))))


def _on_enter(world: World, at: datetime, **fields: object) -> int:
    """A saved segment 高意向 (tag 高意向, or an inquiry in the last 7 days) with wm0004 in it,
    and an on-enter campaign on it whose starting membership is recorded at `at`."""
    with unit_of_work(world.factory) as s:
        if s.get(Tag, "t-hi") is None:
            s.add(Tag(tag_id="t-hi", name="高意向"))
            s.add(CustomerTag(external_userid=cid(4), tag_id="t-hi", userid="alice"))
            save_segment(s, "高意向", HIGH_INTENT, owner_userid="boss", now=at)
    campaign_id = make_campaign(world, at, **{"segment_definition": None, "segment_name": "高意向",
                                "schedule_kind": "on_enter", "run_at": None,
                                "holdout_percent": 0, **fields})  # fmt: skip
    [first] = [c for c in check_all_entries(world.factory, at, world.pctx()) if
               c.campaign_id == campaign_id]  # fmt: skip
    assert first.first and first.members >= 1 and first.run_id is None
    return campaign_id


def _tag(world: World, eid: str) -> None:
    with unit_of_work(world.factory) as s:
        s.add(CustomerTag(external_userid=eid, tag_id="t-hi", userid="alice"))


def _inquiry(world: World, eid: str, at: datetime) -> None:
    with unit_of_work(world.factory) as s:
        s.add(Event(event_id=f"inq-{eid}-{at.timestamp()}", external_userid=eid, kind="inquiry",
                    occurred_at=at, amount=Decimal("0"), source="api"))  # fmt: skip


def _runs(world: World) -> list[CampaignRun]:
    with world.factory() as s:
        return list(s.scalars(select(CampaignRun).order_by(CampaignRun.id)))


def test_an_entry_reaches_the_customer_within_minutes_not_after_the_nightly_snapshot(
    world: World,
) -> None:
    start = MONDAY_10 - timedelta(hours=1)
    _on_enter(world, start)
    _tag(world, cid(6))  # a tag at 09:00-ish …
    _inquiry(world, cid(8), MONDAY_10 - timedelta(minutes=3))  # … and an inquiry at 09:57
    [check] = check_all_entries(world.factory, MONDAY_10, world.pctx())
    assert check.entered == [cid(6), cid(8)] and check.run_id is not None
    campaign_tick(world.factory, world.gateway, MONDAY_10 + timedelta(minutes=1), world.pctx())
    # Sent the same morning; wm0004, in the segment from the start, is not messaged.
    assert sorted(world.mass_recipients()) == [cid(6), cid(8)]
    [run] = _runs(world)
    assert (run.trigger, run.audience) == ("on_enter", 2)


def test_checks_are_idempotent_and_a_customer_who_leaves_and_comes_back_enters_again(
    world: World,
) -> None:
    start = MONDAY_10 - timedelta(hours=1)
    campaign_id = _on_enter(world, start, frequency_cap_days=0)
    _tag(world, cid(6))
    now = MONDAY_10
    assert check_all_entries(world.factory, now, world.pctx())[0].entered == [cid(6)]
    for later in (now, now + timedelta(minutes=5), now + timedelta(minutes=10)):
        [again] = check_all_entries(world.factory, later, world.pctx())
        assert again.entered == [] and again.run_id is None
    assert len(_runs(world)) == 1
    with unit_of_work(world.factory) as s:
        s.execute(delete(CustomerTag).where(CustomerTag.external_userid == cid(6)))
    [left] = check_all_entries(world.factory, now + timedelta(minutes=15), world.pctx())
    assert left.exited == 1 and left.entered == []
    _tag(world, cid(6))
    [back] = check_all_entries(world.factory, now + timedelta(minutes=20), world.pctx())
    assert back.entered == [cid(6)]
    with world.factory() as s:
        members = set(s.scalars(select(CampaignMember.external_userid)
                                .where(CampaignMember.campaign_id == campaign_id)))  # fmt: skip
    assert members == {cid(4), cid(6)}
    assert world.count(external_userid=cid(6)) == 2 and world.count(external_userid=cid(4)) == 0


def test_a_new_follow_brings_a_customer_into_the_creators_scope_as_an_entry(world: World) -> None:
    """alice's campaign sees only her customers: bob's wm0005 enters when alice adds him."""
    start = MONDAY_10 - timedelta(hours=1)
    _on_enter(world, start, creator_userid="alice")
    _tag(world, cid(5))
    assert check_all_entries(world.factory, MONDAY_10, world.pctx())[0].entered == []
    with unit_of_work(world.factory) as s:
        s.add(Follow(external_userid=cid(5), userid="alice", added_at=MONDAY_10, deleted=False))
    [check] = check_all_entries(world.factory, MONDAY_10 + timedelta(minutes=5), world.pctx())
    assert check.entered == [cid(5)]


def test_entries_respect_quiet_hours_and_frequency_caps(world: World) -> None:
    evening = datetime(2026, 3, 2, 22, 0, tzinfo=TZ)
    _on_enter(world, evening - timedelta(hours=1))
    # bob's customers (wm0007 among them) got his message this afternoon (7-day cap).
    other = make_campaign(world, MONDAY_10 + timedelta(hours=5), holdout_percent=0, name="午后",
                          creator_userid="bob")  # fmt: skip
    run_campaign_now(world.factory, world.gateway, other, MONDAY_10 + timedelta(hours=5),
                     world.pctx())  # fmt: skip
    before = len(world.mass_recipients())
    _tag(world, cid(6))
    _tag(world, cid(7))
    [check] = check_all_entries(world.factory, evening, world.pctx())
    assert check.entered == [cid(6), cid(7)]
    run = next(r for r in _runs(world) if r.trigger == "on_enter")
    assert run.exclusions["frequency_cap"] == 1
    assert run.release_at == datetime(2026, 3, 3, 9, 0, tzinfo=TZ)
    campaign_tick(world.factory, world.gateway, evening + timedelta(minutes=1), world.pctx())
    assert len(world.mass_recipients()) == before  # held by the quiet hours
    campaign_tick(world.factory, world.gateway, run.release_at, world.pctx())
    assert world.mass_recipients()[before:] == [cid(6)]


def test_only_active_on_enter_campaigns_are_evaluated(world: World) -> None:
    start = MONDAY_10 - timedelta(hours=1)
    watched = _on_enter(world, start)
    paused = _on_enter(world, start, name="暂停的")
    with unit_of_work(world.factory) as s:
        set_paused(s, paused, True, start)
    make_campaign(world, start, schedule_kind="cron", cron="0 10 * * *", run_at=None, name="每日")
    _tag(world, cid(6))
    checks = check_all_entries(world.factory, MONDAY_10, world.pctx())
    assert [c.campaign_id for c in checks] == [watched]
    with world.factory() as s:
        watch = s.get(CampaignWatch, paused)
    assert watch is not None and watch.checked_at == start  # not looked at while paused
    # The minute tick no longer plans on-enter campaigns; the entries check does.
    report = campaign_tick(world.factory, None, MONDAY_10, world.pctx())
    assert len(report.planned) == 1  # the cron campaign's slot


def test_the_first_check_of_an_unwatched_campaign_messages_nobody(world: World) -> None:
    """A campaign created before this check existed (or by another path): its first check
    records who is in, so an upgrade never messages a whole segment."""
    with unit_of_work(world.factory) as s:
        s.add(Tag(tag_id="t-hi", name="高意向"))
        for i in (4, 6, 8):
            s.add(CustomerTag(external_userid=cid(i), tag_id="t-hi", userid="alice"))
        save_segment(s, "高意向", HIGH_INTENT, owner_userid="boss", now=MONDAY_10)
    campaign_id = make_campaign(world, MONDAY_10 - timedelta(days=3), segment_definition=None,
                                segment_name="高意向", schedule_kind="on_enter",
                                run_at=None)  # fmt: skip
    outcome = manual_run(world.factory, world.gateway, campaign_id, MONDAY_10, world.pctx())
    assert outcome.action == WATCHING and outcome.entries is not None
    assert outcome.entries.members == 3 and outcome.run is None
    assert world.mass_recipients() == [] and _runs(world) == []


def test_a_manual_run_of_an_on_enter_campaign_reaches_only_the_entrants(world: World) -> None:
    campaign_id = _on_enter(world, MONDAY_10 - timedelta(hours=1))
    _tag(world, cid(6))
    run, report = run_campaign_now(world.factory, world.gateway, campaign_id, MONDAY_10,
                                   world.pctx())  # fmt: skip
    assert run is not None and run.trigger == "manual" and report is not None
    assert world.mass_recipients() == [cid(6)]
    outcome = manual_run(world.factory, world.gateway, campaign_id,
                         MONDAY_10 + timedelta(minutes=1), world.pctx())  # fmt: skip
    assert outcome.action == NO_ENTRIES and outcome.run is None
    with pytest.raises(CampaignError, match="--force"):
        manual_run(world.factory, None, campaign_id, MONDAY_10, world.pctx(), force=True)
    _tag(world, cid(8))
    later = manual_run(world.factory, world.gateway, campaign_id,
                       MONDAY_10 + timedelta(minutes=2), world.pctx())  # fmt: skip
    assert later.action == ENTRIES and world.mass_recipients() == [cid(6), cid(8)]


def test_a_once_only_campaign_resumes_its_one_run_unless_forced(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=0, frequency_cap_days=0)
    first = manual_run(world.factory, world.gateway, campaign_id, MONDAY_10, world.pctx())
    assert first.action == PLANNED and first.run is not None
    sent = sorted(world.mass_recipients())
    again = manual_run(world.factory, world.gateway, campaign_id,
                       MONDAY_10 + timedelta(hours=1), world.pctx())  # fmt: skip
    assert again.action == RESUMED and again.run is None and again.previous is not None
    assert again.previous.id == first.run.id
    assert sorted(world.mass_recipients()) == sent  # nobody messaged twice, cap 0 or not
    forced = manual_run(world.factory, world.gateway, campaign_id,
                        MONDAY_10 + timedelta(hours=2), world.pctx(), force=True)  # fmt: skip
    assert forced.action == PLANNED and forced.run is not None
    assert sorted(world.mass_recipients()) == sorted(sent * 2)
    # The scheduler, too, sees the one run and plans nothing more.
    assert campaign_tick(world.factory, None, MONDAY_10 + timedelta(days=1),
                         world.pctx()).planned == []  # fmt: skip


def test_a_once_only_campaign_run_early_is_its_one_run(world: World) -> None:
    at = MONDAY_10 + timedelta(days=2)
    campaign_id = make_campaign(world, MONDAY_10, run_at=at, holdout_percent=0)
    early = manual_run(world.factory, None, campaign_id, MONDAY_10, world.pctx())
    assert early.action == PLANNED and early.run is not None and early.run.slot == at
    assert campaign_tick(world.factory, None, at, world.pctx()).planned == []
    assert world.count(run_id=early.run.id) > 0 and len(_runs(world)) == 1


def test_a_cron_campaign_between_slots_needs_force(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10 - timedelta(days=1), schedule_kind="cron",
                                cron="0 10 * * *", run_at=None, holdout_percent=0)  # fmt: skip
    due = manual_run(world.factory, None, campaign_id, MONDAY_10, world.pctx())
    assert due.action == PLANNED and due.run is not None and due.run.slot == MONDAY_10
    between = manual_run(world.factory, None, campaign_id, MONDAY_10 + timedelta(hours=3),
                         world.pctx())  # fmt: skip
    assert between.action == NOTHING_DUE and between.run is None
    forced = manual_run(world.factory, None, campaign_id, MONDAY_10 + timedelta(hours=3),
                        world.pctx(), force=True)  # fmt: skip
    assert forced.run is not None
    # The default 7-day cap still holds a forced run: everyone was messaged this morning.
    assert world.count(run_id=forced.run.id) == 0
    with world.factory() as s:
        assert s.scalars(select(Delivery).where(Delivery.run_id == due.run.id)).first()
