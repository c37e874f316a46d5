"""Recent campaigns a manager answers for, with their results (treated vs holdout)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from bot.models.campaigns import Campaign, CampaignRun
from bot.services.campaigns.results import campaign_report
from bot.services.campaigns.settings import CampaignSettings
from bot.services.digest.model import CampaignLine
from bot.services.digest.people import scope_staff
from segmentation.models import Staff
from segmentation.scope import CteNames, Requester, resolve_requester

# A campaign is "recent" while a run of it is younger than this (results are still coming in
# for the attribution window; the digest shows it a while longer so the result is seen).
RECENT_EXTRA_DAYS = 7


def recent_campaigns(
    session: Session,
    requester: Requester,
    now: datetime,
    settings: CampaignSettings,
    admins: frozenset[str] = frozenset(),
) -> list[Campaign]:
    """The campaigns `requester` answers for (`visible_campaigns`) with a run released in the
    recent window, newest first."""
    since = now - timedelta(days=settings.attribution_days + RECENT_EXTRA_DAYS)
    recent = exists().where(
        CampaignRun.campaign_id == Campaign.id,
        CampaignRun.release_at >= since,
        CampaignRun.release_at <= now,
    )
    return visible_campaigns(session, requester, admins, recent)


def visible_campaigns(
    session: Session,
    requester: Requester,
    admins: frozenset[str] = frozenset(),
    *where: ColumnElement[bool],
) -> list[Campaign]:
    """Campaigns `requester` answers for, newest first.

    An admin sees every campaign. A manager sees the campaigns created by themselves or by
    someone in their team whose own scope lies inside the manager's: a creator only ever
    targets customers they may see, so the campaign's report is within scope too. A team
    member can see more than the manager (an admin sitting in the department, or a member
    who leads another department): their campaigns are left out, not counted. A salesperson
    sees their own."""
    stmt = select(Campaign).where(*where).order_by(Campaign.created_at.desc(), Campaign.id.desc())
    team = scope_staff(requester, CteNames())
    if team is None:
        return list(session.scalars(stmt))
    members = set(session.scalars(team))
    within: dict[str, bool] = {}
    found = []
    for campaign in session.scalars(stmt.where(Campaign.creator_userid.in_(members))):
        creator = campaign.creator_userid
        if creator not in within:
            within[creator] = _scope_within(session, creator, members, admins)
        if within[creator]:
            found.append(campaign)
    return found


def _scope_within(session: Session, userid: str, members: set[str], admins: frozenset[str]) -> bool:
    """Whether every member whose customers `userid` sees is in `members`."""
    creator = resolve_requester(session, userid, admins)
    if creator is None:
        staff = session.get(Staff, userid)
        if staff is None or userid in admins or staff.role == "admin":
            return False
        # A member who left: judged by the widest scope below admin they could have had.
        creator = Requester(userid, "manager")
    theirs = scope_staff(creator, CteNames())
    return theirs is not None and set(session.scalars(theirs)) <= members


def campaign_lines(
    session: Session,
    requester: Requester,
    now: datetime,
    settings: CampaignSettings,
    admins: frozenset[str] = frozenset(),
) -> list[CampaignLine]:
    lines = []
    for campaign in recent_campaigns(session, requester, now, settings, admins):
        report = campaign_report(session, campaign.id, settings, requester)
        t, h = report.treated, report.holdout
        uplift = report.uplift
        lines.append(
            CampaignLine(
                campaign_id=campaign.id,
                name=campaign.name,
                treated=t.size,
                reached=t.reached,
                redeemed=t.redeemed,
                ordered=t.ordered,
                holdout=h.size,
                holdout_ordered=h.ordered,
                uplift=None if uplift is None else (uplift.difference, uplift.low, uplift.high),
            )
        )
    return lines
