"""What the production web console shows a signed-in member, always within their scope:
saved segments with their size, campaigns with their results, customer search and a
customer's card. No Flask here: the pages only format these."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models.campaigns import Campaign
from bot.services.campaigns.results import campaign_report
from bot.services.campaigns.settings import CampaignSettings
from bot.services.customer_card import find_visible
from segmentation.engine import EngineContext, segment_count
from segmentation.models import Customer, Follow, Staff
from segmentation.nodes import SavedSegment as SavedRef
from segmentation.saved import list_saved_segments
from segmentation.scope import Requester, resolve_requester
from segmentation.snapshots import size_at


@dataclass(frozen=True)
class SegmentRow:
    name: str
    owner: str
    mine: bool
    size: int
    # The company-wide size a week ago (snapshots are company-wide): admins only.
    week_ago: int | None


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    status: str
    creator: str
    runs: int
    treated: int
    holdout: int
    treated_rate: float | None  # None: nothing sent yet ("not sent yet", never 0%)
    holdout_rate: float | None
    may_pause: bool


@dataclass(frozen=True)
class CustomerHit:
    external_userid: str
    name: str
    city: str
    owners: tuple[str, ...]


@dataclass(frozen=True)
class Member:
    requester: Requester
    name: str


def member(session: Session, userid: str, admins: frozenset[str]) -> Member | None:
    """The signed-in member with their role as of now (None: no longer an active member)."""
    requester = resolve_requester(session, userid, admins)
    if requester is None:
        return None
    staff = session.get(Staff, userid)
    return Member(requester, (staff.name if staff else "") or userid)


def _staff_names(session: Session, userids: Sequence[str]) -> dict[str, str]:
    rows = session.execute(select(Staff.userid, Staff.name).where(Staff.userid.in_(userids)))
    return {userid: name or userid for userid, name in rows}


def segment_rows(
    session: Session, requester: Requester, now: datetime, ctx: EngineContext
) -> list[SegmentRow]:
    """The member's own segments first, then the shared ones, each sized in their scope."""
    rows = list_saved_segments(session)
    names = _staff_names(session, [r.owner_userid for r in rows])
    out = []
    for row in rows:
        size = segment_count(session, SavedRef(row.name), requester=requester, now=now, ctx=ctx)
        week_ago = None
        if requester.is_admin:
            week_ago = size_at(session, row.name, now - timedelta(days=7))
        owner = names.get(row.owner_userid, row.owner_userid)
        mine = row.owner_userid == requester.userid
        out.append(SegmentRow(row.name, owner, mine, size, week_ago))
    return sorted(out, key=lambda r: (not r.mine, r.name))


def campaign_rows(
    session: Session, requester: Requester, settings: CampaignSettings
) -> list[CampaignRow]:
    """Admins see every campaign, others those they created; results count only customers
    the member may see."""
    stmt = select(Campaign).order_by(Campaign.id.desc())
    if not requester.is_admin:
        stmt = stmt.where(Campaign.creator_userid == requester.userid)
    campaigns = list(session.scalars(stmt))
    names = _staff_names(session, [c.creator_userid for c in campaigns])
    out = []
    for campaign in campaigns:
        report = campaign_report(session, campaign.id, settings, requester)
        treated, holdout = report.treated, report.holdout
        out.append(
            CampaignRow(
                id=campaign.id, name=campaign.name, status=campaign.status,
                creator=names.get(campaign.creator_userid, campaign.creator_userid),
                runs=report.runs, treated=treated.size, holdout=holdout.size,
                treated_rate=_rate(treated.ordered, treated.size) if report.runs else None,
                holdout_rate=_rate(holdout.ordered, holdout.size) if report.runs else None,
                may_pause=requester.role in ("manager", "admin"),
            )
        )  # fmt: skip
    return out


def _rate(converted: int, size: int) -> float | None:
    return converted / size if size else None


def search_customers(
    session: Session, requester: Requester, now: datetime, ctx: EngineContext, text: str
) -> list[CustomerHit]:
    """By external_userid, name, remark or the last four phone digits (the chat's customer
    lookup), in scope."""
    text = text.strip()[:64]
    if not text:
        return []
    tail = text if text.isdigit() and len(text) == 4 else None
    found = find_visible(session, requester, now=now, ctx=ctx, name=None if tail else text,
                         phone_tail=tail)  # fmt: skip
    ids = [eid for eid, _ in found]
    cities = dict(
        session.execute(
            select(Customer.external_userid, Customer.city).where(Customer.external_userid.in_(ids))
        ).all()
    )
    owners = _owners(session, ids)
    return [CustomerHit(eid, name, cities.get(eid) or "", tuple(owners.get(eid, ())))
            for eid, name in found]  # fmt: skip


def _owners(session: Session, ids: Sequence[str]) -> dict[str, list[str]]:
    stmt = (
        select(Follow.external_userid, Staff.name, Staff.userid)
        .join(Staff, Staff.userid == Follow.userid)
        .where(Follow.external_userid.in_(ids), Follow.deleted.is_(False))
        .order_by(Follow.external_userid, Follow.added_at)
    )
    found: dict[str, list[str]] = {}
    for ext, name, userid in session.execute(stmt):
        found.setdefault(ext, []).append(name or userid)
    return found
