"""What the scheduler and the CLI call: plan due runs, run one campaign now, one full tick."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.models.campaigns import ACTIVE, ON_ENTER, Campaign, CampaignRun
from bot.services.campaigns.definition import CampaignError, get_campaign
from bot.services.campaigns.planning import PlanContext, entered_since, last_slot, plan_run
from bot.services.campaigns.polling import PollReport, poll_tasks
from bot.services.campaigns.schedule import due_slot
from bot.services.campaigns.sending import DispatchReport, dispatch_due
from integrations.wecom.gateway import WeComGateway

log = logging.getLogger(__name__)


def plan_campaign_if_due(
    factory: sessionmaker[Session], campaign_id: int, now: datetime, pctx: PlanContext
) -> int | None:
    """Plan this campaign's due slot (if any) in its own transaction; the run id or None."""
    try:
        with unit_of_work(factory) as session:
            campaign = get_campaign(session, campaign_id)
            run = _plan_due(session, campaign, now, pctx)
            return run.id if run is not None else None
    except IntegrityError:
        # Another scheduler planned the same slot a moment earlier: the unique index held.
        log.info("campaign %s: slot already planned by another process", campaign_id)
    except CampaignError as exc:
        log.warning("campaign %s not planned: %s", campaign_id, exc)
    return None


def _plan_due(
    session: Session, campaign: Campaign, now: datetime, pctx: PlanContext
) -> CampaignRun | None:
    if campaign.status != ACTIVE:
        return None
    previous = last_slot(session, campaign.id)
    if campaign.schedule_kind == ON_ENTER:
        since = previous or campaign.created_at
        entered = entered_since(session, campaign, since, now)
        if not entered:
            return None
        return plan_run(
            session, campaign, slot=now, trigger="on_enter", now=now, pctx=pctx, candidates=entered
        )
    slot = due_slot(campaign, previous, now, pctx.settings)
    if slot is None:
        return None
    return plan_run(session, campaign, slot=slot, trigger="schedule", now=now, pctx=pctx)


def plan_due_runs(factory: sessionmaker[Session], now: datetime, pctx: PlanContext) -> list[int]:
    with factory() as session:
        ids = list(session.scalars(select(Campaign.id).where(Campaign.status == ACTIVE)))
    planned = [plan_campaign_if_due(factory, cid, now, pctx) for cid in ids]
    return [run_id for run_id in planned if run_id is not None]


def run_campaign_now(
    factory: sessionmaker[Session],
    gateway: WeComGateway | None,
    campaign_id: int,
    now: datetime,
    pctx: PlanContext,
) -> tuple[CampaignRun | None, DispatchReport | None]:
    """A manual run at `now` (quiet hours still hold it), then send what is due."""
    with unit_of_work(factory) as session:
        campaign = get_campaign(session, campaign_id)
        if campaign.status not in (ACTIVE,):
            raise CampaignError(f"campaign {campaign_id} is {campaign.status}")
        run = plan_run(session, campaign, slot=now, trigger="manual", now=now, pctx=pctx)
    report = dispatch_due(factory, gateway, now, pctx.settings) if gateway is not None else None
    return run, report


@dataclass
class TickReport:
    planned: list[int] = field(default_factory=list)
    dispatch: DispatchReport | None = None
    poll: PollReport | None = None


def campaign_tick(
    factory: sessionmaker[Session],
    gateway: WeComGateway | None,
    now: datetime,
    pctx: PlanContext,
) -> TickReport:
    """The scheduler's minute job: plan what is due, send what is released, poll results."""
    report = TickReport(planned=plan_due_runs(factory, now, pctx))
    if gateway is not None:
        report.dispatch = dispatch_due(factory, gateway, now, pctx.settings)
        report.poll = poll_tasks(factory, gateway, now, pctx.settings)
    return report
