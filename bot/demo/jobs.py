"""The demo's scheduler: the production jobs (campaign tick, reconcile, nightly sync and
snapshots) on a background scheduler, with one readable log line per job run."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_SUBMITTED
from apscheduler.schedulers.background import BackgroundScheduler

from bot.bootstrap import Deps
from bot.jobs.scheduler import JOB_DEFAULTS, register_jobs
from bot.jobs.tasks import JobDeps
from bot.services.campaigns.planning import PlanContext
from segmentation.engine import EngineContext

log = logging.getLogger("segbot.jobs")


class JobLog:
    """APScheduler listener: `job <name> finished in 0.12 s` / `job <name> failed …`."""

    def __init__(self, scheduler: BackgroundScheduler) -> None:
        self.scheduler = scheduler
        self._started: dict[str, float] = {}
        self._lock = threading.Lock()

    def __call__(self, event: Any) -> None:
        if event.code == EVENT_JOB_SUBMITTED:
            with self._lock:
                self._started[event.job_id] = time.monotonic()
            return
        with self._lock:
            started = self._started.pop(event.job_id, None)
        took = f"{time.monotonic() - started:.2f} s" if started is not None else "?"
        job = self.scheduler.get_job(event.job_id)
        name = job.name if job is not None else event.job_id
        if event.code == EVENT_JOB_ERROR:
            log.error(
                "job %r failed after %s: %s (hint: the traceback above names the step; "
                "the job runs again at its next time)",
                name, took, type(event.exception).__name__,
            )  # fmt: skip
        else:
            log.info("job %r finished in %s", name, took)


def start_scheduler(deps: Deps, ctx: EngineContext) -> BackgroundScheduler:
    """Register the production jobs on a background scheduler and start it."""
    tz = deps.settings.timezone
    pctx = PlanContext(
        settings=deps.settings.campaigns,
        engine=ctx,
        admins=deps.settings.admins,
    )
    job_deps = JobDeps(
        deps.session_factory, deps.gateway, deps.clock, pctx, deps.settings.digest_time
    )
    scheduler = BackgroundScheduler(timezone=tz, job_defaults=JOB_DEFAULTS)
    scheduler.add_listener(
        JobLog(scheduler), EVENT_JOB_SUBMITTED | EVENT_JOB_EXECUTED | EVENT_JOB_ERROR
    )
    register_jobs(scheduler, job_deps)
    scheduler.start()
    log.info("scheduler started with %d jobs", len(scheduler.get_jobs()))
    return scheduler
