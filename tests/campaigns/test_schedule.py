"""Schedules, quiet hours and frequency caps, stepping a frozen clock through the jobs."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.models.campaigns import CampaignRun
from bot.services.campaigns.cron import CronError, CronSchedule
from bot.services.campaigns.runner import campaign_tick
from bot.services.campaigns.schedule import in_quiet_hours, release_time
from tests.campaigns.helpers import make_campaign
from tests.campaigns.world import MONDAY_10, TZ, World


def _step(world: World, start: datetime, end: datetime, every: timedelta) -> None:
    now = start
    while now <= end:
        campaign_tick(world.factory, world.gateway, now, world.pctx())
        now += every


def _runs(world: World) -> list[CampaignRun]:
    with world.factory() as s:
        return list(s.scalars(select(CampaignRun).order_by(CampaignRun.slot)))


def test_crontab_weekdays_keep_their_crontab_meaning() -> None:
    monday = CronSchedule.parse("0 10 * * 1")
    assert monday.next_after(MONDAY_10 - timedelta(minutes=1), TZ) == MONDAY_10
    assert CronSchedule.parse("0 10 * * mon") == monday
    assert CronSchedule.parse("0 10 * * 0") == CronSchedule.parse("0 10 * * 7")
    with pytest.raises(CronError):
        CronSchedule.parse("61 10 * * *")
    with pytest.raises(CronError):
        CronSchedule.parse("every day")


def test_daily_cron_runs_once_per_day_however_often_the_clock_ticks(world: World) -> None:
    make_campaign(world, MONDAY_10 - timedelta(days=1), schedule_kind="cron", cron="0 10 * * *",
                  run_at=None, frequency_cap_days=0)  # fmt: skip
    _step(world, MONDAY_10 - timedelta(hours=1), MONDAY_10 + timedelta(days=2, hours=1),
          timedelta(minutes=20))  # fmt: skip
    slots = [r.slot for r in _runs(world)]
    assert slots == [MONDAY_10 + timedelta(days=d) for d in range(3)]


def test_weekly_cron_fires_only_on_mondays(world: World) -> None:
    make_campaign(world, MONDAY_10 - timedelta(days=1), schedule_kind="cron", cron="0 10 * * mon",
                  run_at=None)  # fmt: skip
    _step(world, MONDAY_10 - timedelta(hours=1), MONDAY_10 + timedelta(days=8), timedelta(hours=1))
    assert [r.slot for r in _runs(world)] == [MONDAY_10, MONDAY_10 + timedelta(days=7)]


def test_slot_missed_beyond_the_grace_is_skipped_not_sent_late(world: World) -> None:
    make_campaign(world, MONDAY_10 - timedelta(days=1), schedule_kind="cron", cron="0 10 * * *",
                  run_at=None)  # fmt: skip
    campaign_tick(world.factory, world.gateway, MONDAY_10 + timedelta(hours=5), world.pctx())
    assert _runs(world) == []


def test_once_campaign_runs_once_at_its_time(world: World) -> None:
    make_campaign(world, MONDAY_10 - timedelta(hours=2), run_at=MONDAY_10)
    _step(world, MONDAY_10 - timedelta(hours=1), MONDAY_10 + timedelta(hours=3),
          timedelta(minutes=30))  # fmt: skip
    assert [r.slot for r in _runs(world)] == [MONDAY_10]


def test_quiet_hours_hold_a_run_until_nine() -> None:
    from bot.services.campaigns.settings import CampaignSettings

    settings = CampaignSettings(timezone=TZ)
    night = datetime(2026, 3, 2, 22, 30, tzinfo=TZ)
    assert in_quiet_hours(night, settings)
    assert release_time(night, settings) == datetime(2026, 3, 3, 9, 0, tzinfo=TZ)
    early = datetime(2026, 3, 3, 6, 0, tzinfo=TZ)
    assert release_time(early, settings) == datetime(2026, 3, 3, 9, 0, tzinfo=TZ)
    assert release_time(MONDAY_10, settings) == MONDAY_10


def test_run_planned_in_quiet_hours_is_sent_at_nine(world: World) -> None:
    night = datetime(2026, 3, 2, 22, 0, tzinfo=TZ)
    nine = datetime(2026, 3, 3, 9, 0, tzinfo=TZ)
    make_campaign(world, night - timedelta(hours=1), run_at=night)
    _step(world, night, nine - timedelta(minutes=1), timedelta(minutes=30))
    assert len(_runs(world)) == 1 and _runs(world)[0].release_at == nine
    assert world.gateway.company.mass_tasks == {}
    assert world.count(status="pending") > 0
    campaign_tick(world.factory, world.gateway, nine, world.pctx())
    assert world.count(status="pending") == 0
    assert len(world.mass_recipients()) == world.count(status="unconfirmed") > 0


def test_frequency_cap_excludes_customers_messaged_recently(world: World) -> None:
    make_campaign(world, MONDAY_10, holdout_percent=0, frequency_cap_days=7)
    campaign_tick(world.factory, world.gateway, MONDAY_10, world.pctx())
    second = MONDAY_10 + timedelta(days=3)
    make_campaign(world, second, holdout_percent=0, name="第二波")
    campaign_tick(world.factory, world.gateway, second, world.pctx())
    first_run, second_run = _runs(world)
    assert second_run.exclusions["frequency_cap"] == first_run.audience - sum(
        first_run.exclusions.values()
    )
    assert world.count(run_id=second_run.id) == 0


def test_monthly_mass_budget_holds_across_campaigns(world: World) -> None:
    pctx = world.pctx(monthly_mass_limit=2)
    for day in range(3):
        now = MONDAY_10 + timedelta(days=day)
        make_campaign(world, now, holdout_percent=0, frequency_cap_days=0, name=f"c{day}")
        campaign_tick(world.factory, world.gateway, now, pctx)
    runs = _runs(world)
    assert runs[2].exclusions["monthly_limit"] > 0
    assert world.count(run_id=runs[2].id) == 0
    per_customer = {e: world.mass_recipients().count(e) for e in world.customers}
    assert max(per_customer.values()) == 2


def test_monthly_budget_resets_with_the_natural_month(world: World) -> None:
    pctx = world.pctx(monthly_mass_limit=1)
    end_of_march = datetime(2026, 3, 31, 10, 0, tzinfo=TZ)
    for now in (end_of_march, end_of_march + timedelta(days=1)):
        make_campaign(world, now, holdout_percent=0, frequency_cap_days=0, name=str(now))
        campaign_tick(world.factory, world.gateway, now, pctx)
    march, april = _runs(world)
    assert april.exclusions["monthly_limit"] == 0
    assert world.count(run_id=april.id) == world.count(run_id=march.id) > 0
