"""Building and running the APScheduler process.

APScheduler's FAQ: a job store cannot be shared by several schedulers, so the jobs live in
memory and are (re)registered from code with fixed ids and replace_existing=True; the user's
campaigns live in our own table and are reconciled into the scheduler every minute. Two
scheduler processes on PostgreSQL are safe: runs are unique per (campaign, slot) and outbox
rows are claimed with SKIP LOCKED.
"""

from __future__ import annotations

import contextlib
import logging
import signal
from datetime import datetime
from types import FrameType

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.database import unit_of_work
from bot.jobs.scoring import SCORING_HOUR, SCORING_JOB, SCORING_MINUTE, scoring_job
from bot.jobs.tasks import (
    JobDeps,
    campaign_job,
    campaign_wakeups,
    digest_job,
    entries_job,
    nightly_job,
    tick_job,
)
from bot.services.heartbeats import Heart

log = logging.getLogger(__name__)

TICK_JOB = "segbot.campaign_tick"
RECONCILE_JOB = "segbot.reconcile_campaigns"
ENTRIES_JOB = "segbot.campaign_entries"
NIGHTLY_JOB = "segbot.nightly"
DIGEST_JOB = "segbot.digests"
HEARTBEAT_JOB = "segbot.heartbeat"
# The digest job only acts from SEGBOT_DIGEST_TIME on; ticking often retries failed sends soon.
DIGEST_EVERY_MINUTES = 10
CAMPAIGN_PREFIX = "campaign:"
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 300}


def build_scheduler(deps: JobDeps) -> BlockingScheduler:
    """The scheduler process's scheduler, with every job registered."""
    tz = deps.pctx.settings.timezone
    sched = BlockingScheduler(timezone=tz, job_defaults=JOB_DEFAULTS)
    register_jobs(sched, deps)
    return sched


def register_jobs(sched: BaseScheduler, deps: JobDeps) -> None:
    """Add (or replace: fixed ids) the built-in jobs, then the campaigns' jobs."""
    tz = deps.pctx.settings.timezone
    sched.add_job(heartbeat_job, IntervalTrigger(minutes=1, timezone=tz),
                  args=[deps, Heart("scheduler")], id=HEARTBEAT_JOB,
                  name="say the scheduler is alive (segbot doctor)", replace_existing=True,
                  next_run_time=deps.clock())  # fmt: skip
    sched.add_job(tick_job, IntervalTrigger(minutes=1, timezone=tz), args=[deps], id=TICK_JOB,
                  name="plan, send and poll campaigns", replace_existing=True)  # fmt: skip
    every = deps.pctx.settings.entry_check_minutes
    sched.add_job(entries_job, IntervalTrigger(minutes=every, timezone=tz), args=[deps],
                  id=ENTRIES_JOB, name="on-enter campaigns: plan the customers who entered",
                  replace_existing=True)  # fmt: skip
    sched.add_job(reconcile_jobs, IntervalTrigger(minutes=1, timezone=tz), args=[sched, deps],
                  id=RECONCILE_JOB, name="campaign table → scheduler",
                  replace_existing=True)  # fmt: skip
    sched.add_job(nightly_job, CronTrigger(hour=2, minute=30, timezone=tz), args=[deps],
                  id=NIGHTLY_JOB, name="sync, reconcile, snapshots, describe profiles",
                  replace_existing=True, misfire_grace_time=3 * 3600)  # fmt: skip
    sched.add_job(digest_job, IntervalTrigger(minutes=DIGEST_EVERY_MINUTES, timezone=tz),
                  args=[deps], id=DIGEST_JOB, name="managers' daily digests",
                  replace_existing=True)  # fmt: skip
    sched.add_job(scoring_job, CronTrigger(hour=SCORING_HOUR, minute=SCORING_MINUTE, timezone=tz),
                  args=[deps], id=SCORING_JOB, name="predictive scores (BG/NBD, CLV)",
                  replace_existing=True, misfire_grace_time=3 * 3600)  # fmt: skip
    reconcile_jobs(sched, deps)


def heartbeat_job(deps: JobDeps, heart: Heart) -> None:
    with unit_of_work(deps.factory) as session:
        heart.beat(session, deps.clock())


def reconcile_jobs(sched: BaseScheduler, deps: JobDeps, now: datetime | None = None) -> set[str]:
    """Make the scheduler's campaign jobs equal the campaign table: one job per active
    campaign at its next fire time; jobs of paused, finished or deleted campaigns removed."""
    wakeups = campaign_wakeups(deps, now or deps.clock())
    wanted = {f"{CAMPAIGN_PREFIX}{cid}": when for cid, when in wakeups.items()}
    for job in sched.get_jobs():
        if job.id.startswith(CAMPAIGN_PREFIX) and job.id not in wanted:
            sched.remove_job(job.id)
    for job_id, when in wanted.items():
        existing = sched.get_job(job_id)
        # A job added before start() has no next_run_time yet.
        if existing is not None and getattr(existing, "next_run_time", None) == when:
            continue
        campaign_id = int(job_id.removeprefix(CAMPAIGN_PREFIX))
        sched.add_job(campaign_job, DateTrigger(when), args=[deps, campaign_id], id=job_id,
                      name=f"campaign {campaign_id}", replace_existing=True)  # fmt: skip
    return set(wanted)


def run_scheduler(deps: JobDeps) -> None:
    """Block until SIGTERM or Ctrl-C; running jobs finish first."""
    sched = build_scheduler(deps)

    def stop(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %s: stopping the scheduler", signum)
        sched.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    log.info("scheduler started with %d jobs", len(sched.get_jobs()))
    with contextlib.suppress(KeyboardInterrupt, SystemExit):  # Ctrl-C is a normal stop
        sched.start()
    log.info("scheduler stopped")
