"""The scheduler: fixed built-in jobs, campaign jobs reconciled from the table, job functions
stepped with an explicit clock."""

from __future__ import annotations

from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy import Engine, select

from bot.database import unit_of_work
from bot.jobs.scheduler import (
    DIGEST_JOB,
    ENTRIES_JOB,
    HEARTBEAT_JOB,
    JOB_DEFAULTS,
    NIGHTLY_JOB,
    RECONCILE_JOB,
    TICK_JOB,
    build_scheduler,
    reconcile_jobs,
    register_jobs,
)
from bot.jobs.scoring import SCORING_JOB
from bot.jobs.tasks import JobDeps, campaign_job, nightly_job, tick_job
from bot.services.campaigns.definition import set_paused
from bot.services.digest.build import digest_recipients
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator.seed import seed_company
from segmentation.insights.base_profile import scope_key
from segmentation.models import Follow, InsightBaseProfile
from segmentation.nodes import All
from segmentation.saved import save_segment
from segmentation.snapshots import size_history
from tests.campaigns.helpers import make_campaign
from tests.campaigns.world import MONDAY_10, TZ, build_world
from tests.conftest import empty_all_tables


def _deps(clean_engine: Engine, gateway=True):  # type: ignore[no-untyped-def]
    world = build_world(clean_engine)
    deps = JobDeps(world.factory, world.gateway if gateway else None, lambda: MONDAY_10,
                   world.pctx())  # fmt: skip
    return world, deps


def test_builtin_jobs_have_fixed_ids_and_rebuilding_replaces_them(clean_engine: Engine) -> None:
    _, deps = _deps(clean_engine)
    assert isinstance(build_scheduler(deps), BlockingScheduler)
    sched = BackgroundScheduler(timezone=TZ, job_defaults=JOB_DEFAULTS)
    sched.start(paused=True)  # a running scheduler applies replace_existing at once
    try:
        register_jobs(sched, deps)
        register_jobs(sched, deps)
        ids = sorted(job.id for job in sched.get_jobs())
        tick = sched.get_job(TICK_JOB)
        entries = sched.get_job(ENTRIES_JOB)
    finally:
        sched.shutdown(wait=False)
    assert ids == sorted(
        [TICK_JOB, RECONCILE_JOB, NIGHTLY_JOB, DIGEST_JOB, SCORING_JOB, HEARTBEAT_JOB,
         ENTRIES_JOB]
    )  # fmt: skip
    assert tick.max_instances == 1 and tick.coalesce is True and tick.misfire_grace_time == 300
    # SEGBOT_ENTRY_CHECK_MINUTES (default 5): entries are found within minutes.
    assert entries.trigger.interval == timedelta(minutes=5) and entries.max_instances == 1


def test_campaign_jobs_follow_the_campaign_table(clean_engine: Engine) -> None:
    world, deps = _deps(clean_engine)
    daily = make_campaign(world, MONDAY_10 - timedelta(days=1), schedule_kind="cron",
                          cron="30 10 * * *", run_at=None)  # fmt: skip
    past = make_campaign(
        world, MONDAY_10 - timedelta(days=1), run_at=MONDAY_10 - timedelta(hours=1)
    )
    sched = BackgroundScheduler(timezone=TZ)
    assert reconcile_jobs(sched, deps, MONDAY_10) == {f"campaign:{daily}"}
    assert sched.get_job(f"campaign:{past}") is None
    with unit_of_work(world.factory) as s:
        set_paused(s, daily, True, MONDAY_10)
    assert reconcile_jobs(sched, deps, MONDAY_10) == set()
    assert [j.id for j in sched.get_jobs() if j.id.startswith("campaign:")] == []


def test_campaign_job_then_tick_plan_and_send_at_the_slot(clean_engine: Engine) -> None:
    world, deps = _deps(clean_engine)
    cid = make_campaign(world, MONDAY_10 - timedelta(days=1), schedule_kind="cron",
                        cron="0 10 * * *", run_at=None, holdout_percent=0)  # fmt: skip
    assert campaign_job(deps, cid, MONDAY_10 - timedelta(minutes=1)) is None
    assert campaign_job(deps, cid, MONDAY_10) is not None
    assert campaign_job(deps, cid, MONDAY_10 + timedelta(seconds=30)) is None  # same slot
    report = tick_job(deps, MONDAY_10 + timedelta(minutes=1))
    assert report.planned == [] and report.dispatch is not None and report.dispatch.sent > 0


def test_tick_without_wecom_settings_plans_but_sends_nothing(clean_engine: Engine) -> None:
    world, deps = _deps(clean_engine, gateway=False)
    make_campaign(world, MONDAY_10, holdout_percent=0)
    report = tick_job(deps, MONDAY_10)
    assert len(report.planned) == 1 and report.dispatch is None
    assert world.count(status="pending") > 0


def test_nightly_job_takes_snapshots(clean_engine: Engine) -> None:
    world, deps = _deps(clean_engine, gateway=False)
    with unit_of_work(world.factory) as s:
        save_segment(s, "everyone", All(), owner_userid="boss", now=MONDAY_10)
    done = nightly_job(deps, MONDAY_10)
    assert done["snapshots"] == 1
    with world.factory() as s:
        assert size_history(s, "everyone") == [(MONDAY_10, 39)]  # 40 less one deleted
    # Today's describe profiles of the managers and admins are ready before anyone asks.
    with world.factory() as s:
        keys = set(s.scalars(select(InsightBaseProfile.scope_key)))
        recipients = digest_recipients(s, deps.pctx.admins)
    assert done["profiles"] == len(recipients) > 0
    assert {scope_key(r) for r in recipients} == keys


def test_nightly_job_syncs_and_ends_relations_whose_callback_was_missed(
    clean_engine: Engine,
) -> None:
    world = build_world(clean_engine, n=5)
    empty_all_tables(clean_engine)  # the world's settings and plan context, not its data
    company = seed_company(customers=30, seed=7)
    gateway = FakeWeComGateway(company)
    deps = JobDeps(world.factory, gateway, lambda: MONDAY_10, world.pctx())
    first = nightly_job(deps, MONDAY_10)["sync"]
    assert first.follow_rows == len(company.follows) and first.follows_deleted == 0
    userid, ext = sorted(company.follows)[0]
    gateway.scenario.customer_deletes_staff(userid, ext)  # no callback reaches segbot
    second = nightly_job(deps, MONDAY_10 + timedelta(days=1))["sync"]
    assert second.follows_deleted == 1
    with world.factory() as s:
        follow = s.scalars(
            select(Follow).where(Follow.userid == userid, Follow.external_userid == ext)
        ).one()
    assert follow.deleted and follow.deleted_reason == "vanished"
