"""On-enter campaigns: entries detected within minutes, not at the nightly snapshot.

Every few minutes (SEGBOT_ENTRY_CHECK_MINUTES) each active on-enter campaign's segment is
evaluated in its creator's scope and compared with the membership recorded at the previous
check (`campaign_members`); the customers who are in now and were not are planned as one run
(quiet hours, opt-outs, frequency caps and the monthly budget apply as to any run), those who
left are forgotten, so leaving and coming back is a new entry. Events, tags and follows are
read live by the segment, so an entry reaches the outbox within one check of the data that
causes it.

A check is one transaction: the recorded membership, the run, its deliveries and coupons
commit together or not at all. Concurrent checkers of one campaign queue on its watch row
(PostgreSQL) or on the write lock (SQLite), and the membership's primary key refuses a second
recording of the same entrant, so an entry is planned once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.models.campaigns import ACTIVE, ON_ENTER, Campaign, CampaignMember, CampaignWatch
from bot.services.campaigns.audience import chunks
from bot.services.campaigns.definition import CampaignError, get_campaign
from bot.services.campaigns.planning import PlanContext, current_members, plan_run
from segmentation.compiler import SegmentError

log = logging.getLogger(__name__)


@dataclass
class EntryCheck:
    """One check of one on-enter campaign."""

    campaign_id: int
    members: int = 0
    entered: list[str] = field(default_factory=list)
    exited: int = 0
    run_id: int | None = None
    # The previous check (None: this was the first, which only records who is in).
    previous_check: datetime | None = None

    @property
    def first(self) -> bool:
        return self.previous_check is None


def check_entries(
    session: Session, campaign: Campaign, now: datetime, pctx: PlanContext, trigger: str
) -> EntryCheck:
    """Compare the campaign's segment now with its last recorded membership and plan a run
    for the entrants (none on the first check, which records the starting membership)."""
    if campaign.schedule_kind != ON_ENTER:
        raise CampaignError(f"campaign {campaign.id} is not an on-enter campaign")
    # The watch row first: a second checker of this campaign waits here (PostgreSQL) and
    # then reads the membership the first one committed.
    watch = session.scalars(
        select(CampaignWatch).where(CampaignWatch.campaign_id == campaign.id).with_for_update()
    ).first()
    members = set(current_members(session, campaign, now, pctx))
    check = EntryCheck(campaign.id, members=len(members))
    if watch is None:
        session.add(CampaignWatch(campaign_id=campaign.id, checked_at=now, members=len(members)))
        _record(session, campaign.id, sorted(members), set(), now)
        return check
    check.previous_check = watch.checked_at
    previous = set(
        session.scalars(
            select(CampaignMember.external_userid).where(CampaignMember.campaign_id == campaign.id)
        )
    )
    check.entered = sorted(members - previous)
    exited = previous - members
    check.exited = len(exited)
    _record(session, campaign.id, check.entered, exited, now)
    watch.checked_at, watch.members = now, len(members)
    if check.entered:
        run = plan_run(session, campaign, slot=now, trigger=trigger, now=now, pctx=pctx,
                       members=check.entered)  # fmt: skip
        if run is None:
            # A run already holds this slot: roll back, so the entrants are found again at
            # the next check instead of being recorded without a run.
            raise CampaignError(f"campaign {campaign.id} already has a run at {now.isoformat()}")
        check.run_id = run.id
    return check


def _record(
    session: Session, campaign_id: int, entered: list[str], exited: set[str], now: datetime
) -> None:
    rows = [{"campaign_id": campaign_id, "external_userid": e, "entered_at": now} for e in entered]
    for start in range(0, len(rows), 5000):
        session.execute(CampaignMember.__table__.insert(), rows[start : start + 5000])
    for chunk in chunks(sorted(exited)):
        session.execute(
            delete(CampaignMember).where(
                CampaignMember.campaign_id == campaign_id,
                CampaignMember.external_userid.in_(chunk),
            )
        )


def check_campaign_entries(
    factory: sessionmaker[Session], campaign_id: int, now: datetime, pctx: PlanContext
) -> EntryCheck | None:
    """One campaign's check in its own transaction; None when it could not be made (logged:
    another checker got there first, the creator left, the segment no longer compiles)."""
    try:
        with unit_of_work(factory) as session:
            campaign = get_campaign(session, campaign_id)
            if campaign.status != ACTIVE:
                return None
            return check_entries(session, campaign, now, pctx, trigger="on_enter")
    except IntegrityError:
        log.info("campaign %s: entries already recorded by another checker", campaign_id)
    except (CampaignError, SegmentError) as exc:
        log.warning("campaign %s: entries not checked: %s", campaign_id, exc)
    return None


def check_all_entries(
    factory: sessionmaker[Session], now: datetime, pctx: PlanContext
) -> list[EntryCheck]:
    """The scheduler's entries job: every active on-enter campaign, one transaction each
    (campaigns on other schedules and paused ones are not evaluated at all)."""
    with factory() as session:
        ids = list(
            session.scalars(
                select(Campaign.id)
                .where(Campaign.status == ACTIVE, Campaign.schedule_kind == ON_ENTER)
                .order_by(Campaign.id)
            )
        )
    checks = [check_campaign_entries(factory, cid, now, pctx) for cid in ids]
    return [c for c in checks if c is not None]
