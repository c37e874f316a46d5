"""What the scheduler and the CLI call: plan due runs, run one campaign now, one full tick."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.models.campaigns import ACTIVE, ON_ENTER, ONCE, Campaign, CampaignRun
from bot.services.campaigns.definition import CampaignError, get_campaign
from bot.services.campaigns.entries import EntryCheck, check_entries
from bot.services.campaigns.planning import PlanContext, last_slot, plan_run
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
    """The due slot of a once or cron campaign. On-enter campaigns are planned by the
    entries check (bot/services/campaigns/entries.py), never here."""
    if campaign.status != ACTIVE or campaign.schedule_kind == ON_ENTER:
        return None
    slot = due_slot(campaign, last_slot(session, campaign.id), now, pctx.settings)
    if slot is None:
        return None
    return plan_run(session, campaign, slot=slot, trigger="schedule", now=now, pctx=pctx)


def plan_due_runs(factory: sessionmaker[Session], now: datetime, pctx: PlanContext) -> list[int]:
    with factory() as session:
        ids = list(
            session.scalars(
                select(Campaign.id).where(
                    Campaign.status == ACTIVE, Campaign.schedule_kind != ON_ENTER
                )
            )
        )
    planned = [plan_campaign_if_due(factory, cid, now, pctx) for cid in ids]
    return [run_id for run_id in planned if run_id is not None]


# What a manual run did (ManualRun.action).
PLANNED = "planned"  # a run was planned now (its deliveries written)
RESUMED = "resumed"  # a once-only campaign's one run exists: only its outbox was sent on
ENTRIES = "entries"  # on-enter: the entrants since the last check were planned
NO_ENTRIES = "no_entries"  # on-enter: nobody entered since the last check
WATCHING = "watching"  # on-enter, first check: the starting membership was recorded
NOTHING_DUE = "nothing_due"  # cron: no slot is due; --force runs it anyway


@dataclass
class ManualRun:
    """`segbot campaign run`: what was done, and what was sent afterwards."""

    action: str
    run: CampaignRun | None = None
    # A once-only campaign's existing run (RESUMED), or the latest run otherwise.
    previous: CampaignRun | None = None
    entries: EntryCheck | None = None
    report: DispatchReport | None = None


def manual_run(
    factory: sessionmaker[Session],
    gateway: WeComGateway | None,
    campaign_id: int,
    now: datetime,
    pctx: PlanContext,
    *,
    force: bool = False,
) -> ManualRun:
    """A manual run does what the scheduler would do at `now`, then sends what is due
    (quiet hours still hold it):

    - on-enter: the entries check — only customers who entered since the last check;
    - once: its one run — planned if it has none yet (even before its time), otherwise
      resumed (its outbox is sent on; nobody is messaged twice);
    - cron: its due slot, if one is due.

    `force` plans an extra run at `now` over the whole segment instead (frequency caps and
    the monthly budget still apply; on-enter campaigns have no whole-segment run)."""
    with unit_of_work(factory) as session:
        campaign = get_campaign(session, campaign_id)
        if campaign.status != ACTIVE:
            raise CampaignError(f"campaign {campaign_id} is {campaign.status}")
        outcome = _manual(session, campaign, now, pctx, force)
    if gateway is not None:
        outcome.report = dispatch_due(factory, gateway, now, pctx.settings)
    return outcome


def _manual(
    session: Session, campaign: Campaign, now: datetime, pctx: PlanContext, force: bool
) -> ManualRun:
    if campaign.schedule_kind == ON_ENTER:
        if force:
            raise CampaignError(
                f"campaign {campaign.id} runs for customers entering its segment; "
                "--force (a run over the whole segment) does not apply to it"
            )
        check = check_entries(session, campaign, now, pctx, trigger="manual")
        action = WATCHING if check.first else ENTRIES if check.entered else NO_ENTRIES
        run = session.get(CampaignRun, check.run_id) if check.run_id else None
        return ManualRun(action, run=run, entries=check)
    previous = _latest_run(session, campaign.id)
    if force:
        return ManualRun(PLANNED, run=_plan_at(session, campaign, now, pctx), previous=previous)
    if campaign.schedule_kind == ONCE:
        if previous is not None:
            return ManualRun(RESUMED, previous=previous)
        slot = campaign.run_at or now
        run = plan_run(session, campaign, slot=slot, trigger="manual", now=now, pctx=pctx)
        return ManualRun(PLANNED, run=run)
    run = _plan_due(session, campaign, now, pctx)
    return ManualRun(PLANNED if run is not None else NOTHING_DUE, run=run, previous=previous)


def _plan_at(session: Session, campaign: Campaign, now: datetime, pctx: PlanContext) -> CampaignRun:
    run = plan_run(session, campaign, slot=now, trigger="manual", now=now, pctx=pctx)
    if run is None:
        raise CampaignError(f"campaign {campaign.id} already has a run at {now.isoformat()}")
    return run


def _latest_run(session: Session, campaign_id: int) -> CampaignRun | None:
    stmt = (
        select(CampaignRun)
        .where(CampaignRun.campaign_id == campaign_id)
        .order_by(CampaignRun.slot.desc(), CampaignRun.id.desc())
    )
    return session.scalars(stmt).first()


def run_campaign_now(
    factory: sessionmaker[Session],
    gateway: WeComGateway | None,
    campaign_id: int,
    now: datetime,
    pctx: PlanContext,
    *,
    force: bool = False,
) -> tuple[CampaignRun | None, DispatchReport | None]:
    """`manual_run`, as (the run planned now or None, what was sent)."""
    outcome = manual_run(factory, gateway, campaign_id, now, pctx, force=force)
    return outcome.run, outcome.report


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
