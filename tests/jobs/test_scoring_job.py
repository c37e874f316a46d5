"""The nightly scoring job: registered with a fixed id after the sync, runs score_customers in
its own transaction, and a refused fit is recorded (and committed) with its reason."""

from __future__ import annotations

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import Engine, select

from bot.jobs.scheduler import JOB_DEFAULTS, register_jobs
from bot.jobs.scoring import SCORING_JOB, scoring_job
from bot.jobs.tasks import JobDeps
from segmentation.models import CustomerScore, FittedModel
from tests.campaigns.world import MONDAY_10, TZ, build_world


def _deps(clean_engine: Engine) -> JobDeps:
    world = build_world(clean_engine)
    return JobDeps(world.factory, None, lambda: MONDAY_10, world.pctx())


def test_scoring_job_is_registered_nightly_with_a_fixed_id(clean_engine: Engine) -> None:
    deps = _deps(clean_engine)
    sched = BackgroundScheduler(timezone=TZ, job_defaults=JOB_DEFAULTS)
    sched.start(paused=True)
    try:
        register_jobs(sched, deps)
        register_jobs(sched, deps)
        jobs = [j for j in sched.get_jobs() if j.id == SCORING_JOB]
    finally:
        sched.shutdown(wait=False)
    assert len(jobs) == 1 and jobs[0].func is scoring_job
    trigger = jobs[0].trigger
    assert isinstance(trigger, CronTrigger)
    assert {f.name: str(f) for f in trigger.fields}["hour"] == "3"


def test_a_refused_fit_is_committed_with_its_reason(clean_engine: Engine) -> None:
    deps = _deps(clean_engine)
    summary = scoring_job(deps)
    assert summary.status == "refused" and summary.reason
    with deps.factory() as session:
        rows = list(session.scalars(select(FittedModel)))
        assert [(r.status, r.reason) for r in rows] == [("refused", summary.reason)]
        assert session.scalars(select(CustomerScore)).first() is None
        assert rows[0].fitted_at == MONDAY_10
