"""The nightly predictive-score job: refit BG/NBD + Gamma-Gamma and replace customer_scores."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.database import unit_of_work
from bot.jobs.tasks import JobDeps
from bot.services.scoring import FitSummary, score_customers

log = logging.getLogger(__name__)

SCORING_JOB = "segbot.predictive_scores"
# After the nightly sync (02:30) so that the fit sees the day's synced orders.
SCORING_HOUR, SCORING_MINUTE = 3, 30


def scoring_job(deps: JobDeps, now: datetime | None = None) -> FitSummary:
    """Fit and score as of `now` in the deployment's zone (purchase days are local days).
    A refused fit keeps yesterday's scores and records why (docs/predictive.md)."""
    at = (now or deps.clock()).astimezone(deps.pctx.settings.timezone)
    with unit_of_work(deps.factory) as session:
        summary = score_customers(session, at)
    log.info("predictive scores: %s, %d scored", summary.status, summary.n_scored)
    return summary
