"""The job functions. Each takes the dependencies and an explicit `now`, so tests step a
frozen clock through them; the scheduler passes the clock's time."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.models.campaigns import ACTIVE, Campaign
from bot.services.campaigns.entries import EntryCheck, check_all_entries
from bot.services.campaigns.planning import PlanContext
from bot.services.campaigns.runner import TickReport, campaign_tick, plan_campaign_if_due
from bot.services.campaigns.schedule import next_fire
from bot.settings import DEFAULT_DIGEST_TIME
from integrations.wecom.gateway import WeComGateway

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobDeps:
    """What the jobs need: sessions, the gateway (None without WeCom settings), the clock."""

    factory: sessionmaker[Session]
    gateway: WeComGateway | None
    clock: Callable[[], datetime]
    pctx: PlanContext
    # SEGBOT_DIGEST_TIME: managers' digests are written and sent from this local time on.
    digest_time: time = DEFAULT_DIGEST_TIME


def tick_job(deps: JobDeps, now: datetime | None = None) -> TickReport:
    """Every minute: plan due campaigns, send released deliveries, poll WeCom results."""
    return campaign_tick(deps.factory, deps.gateway, now or deps.clock(), deps.pctx)


def entries_job(deps: JobDeps, now: datetime | None = None) -> list[EntryCheck]:
    """Every SEGBOT_ENTRY_CHECK_MINUTES: plan on-enter campaigns' entrants (sent by the tick)."""
    return check_all_entries(deps.factory, now or deps.clock(), deps.pctx)


def campaign_job(deps: JobDeps, campaign_id: int, now: datetime | None = None) -> int | None:
    """A campaign's own wake-up (reconciled from our table); sending follows in the tick."""
    return plan_campaign_if_due(deps.factory, campaign_id, now or deps.clock(), deps.pctx)


def campaign_wakeups(deps: JobDeps, now: datetime) -> dict[int, datetime]:
    """{campaign id: next fire time} for every active campaign that will fire again."""
    with deps.factory() as session:
        campaigns = list(session.scalars(select(Campaign).where(Campaign.status == ACTIVE)))
    wakeups = {c.id: next_fire(c, now, deps.pctx.settings) for c in campaigns}
    return {cid: when for cid, when in wakeups.items() if when is not None}


def digest_job(deps: JobDeps, now: datetime | None = None) -> Any:
    """Every few minutes: from the digest time on, write today's digest of each manager and
    admin that has none, and send (or retry) the unsent ones — each at most once a day."""
    from bot.services.digest.build import DigestConfig
    from bot.services.digest.deliver import run_digests

    config = DigestConfig(engine=deps.pctx.engine, campaigns=deps.pctx.settings,
                          admins=deps.pctx.admins, digest_time=deps.digest_time)  # fmt: skip
    return run_digests(deps.factory, deps.gateway, now or deps.clock(), config)


def nightly_job(deps: JobDeps, now: datetime | None = None) -> dict[str, Any]:
    """Full sync + reconciliation with WeCom, then saved-segment snapshots (sizes over time;
    on-enter campaigns do not wait for them, see entries_job), then the managers' base
    profiles for describe. Each step is optional and independent: a failed sync still lets
    the snapshots run on yesterday's data."""
    at = now or deps.clock()
    done: dict[str, Any] = {}
    if deps.gateway is not None:
        done["sync"] = _guarded("sync", lambda: _full_sync(deps, at))
    done["snapshots"] = _guarded("snapshots", lambda: _snapshots(deps, at))
    done["profiles"] = _guarded("profiles", lambda: _profiles(deps, at))
    return done


def _full_sync(deps: JobDeps, now: datetime) -> Any:
    """The full sync ends follows WeCom no longer lists (its sweep), which is the nightly
    reconciliation of missed callbacks."""
    from bot.services.sync import run_full_sync

    assert deps.gateway is not None  # nightly_job syncs only with a gateway
    return run_full_sync(deps.factory, deps.gateway, now)


def _snapshots(deps: JobDeps, now: datetime) -> int:
    from segmentation.snapshots import take_snapshots

    with unit_of_work(deps.factory) as session:
        return len(take_snapshots(session, now, deps.pctx.engine))


def _profiles(deps: JobDeps, now: datetime) -> int:
    """Today's base profile of every manager and admin, so their first segment description
    of the day reads only its members (one transaction each)."""
    from bot.services.digest.build import digest_recipients
    from segmentation.insights.describe import scope_profile

    with deps.factory() as session:
        recipients = digest_recipients(session, deps.pctx.admins)
    for requester in recipients:
        with unit_of_work(deps.factory) as session:
            scope_profile(session, requester, now, deps.pctx.engine)
    return len(recipients)


def _guarded(name: str, step: Callable[[], Any]) -> Any:
    try:
        return step()
    except Exception:  # one failed nightly step must not stop the others, nor the scheduler
        log.exception("nightly %s failed", name)
        return "failed"
