"""What the production web console shows a signed-in member, always within their scope:
saved segments with their size, campaigns with their results, customer search and a
customer's card. No Flask here: the pages only format these."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.models.campaigns import Campaign
from bot.services.campaigns.results import campaign_report
from bot.services.campaigns.settings import CampaignSettings
from segmentation.engine import EngineContext, segment_count, segment_query
from segmentation.models import Customer, CustomerTag, Event, Follow, Staff, Tag
from segmentation.nodes import All
from segmentation.nodes import SavedSegment as SavedRef
from segmentation.saved import list_saved_segments, size_at
from segmentation.scope import Requester, resolve_requester

SEARCH_LIMIT = 20
RECENT_EVENTS = 10


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
class FollowLine:
    owner: str
    added_at: datetime | None
    remark: str


@dataclass(frozen=True)
class EventLine:
    at: datetime
    kind: str
    amount: Decimal | None
    product: str


@dataclass(frozen=True)
class CustomerCard:
    external_userid: str
    name: str
    city: str
    company: str
    phone_tail: str
    follows: tuple[FollowLine, ...]
    tags: tuple[str, ...]
    orders: int
    spend: Decimal
    inquiries: int
    last_order_at: datetime | None
    last_inquiry_at: datetime | None
    events: tuple[EventLine, ...]


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


def _visible(session: Session, requester: Requester, now: datetime, ctx: EngineContext):  # type: ignore[no-untyped-def]
    return segment_query(session, All(), requester=requester, now=now, ctx=ctx).subquery()


def search_customers(
    session: Session, requester: Requester, now: datetime, ctx: EngineContext, text: str
) -> list[CustomerHit]:
    """By name, remark, the last four phone digits or external_userid, in scope."""
    text = text.strip()[:64]
    if not text:
        return []
    visible = _visible(session, requester, now, ctx)
    like = f"%{text.replace('%', '').replace('_', '')}%"
    remarked = select(Follow.external_userid).where(Follow.remark.like(like))
    conditions = [Customer.name.like(like), Customer.external_userid == text,
                  Customer.external_userid.in_(remarked)]  # fmt: skip
    if text.isdigit() and len(text) == 4:
        conditions.append(Customer.phone.like(f"%{text}"))
    stmt = (
        select(Customer)
        .where(Customer.external_userid.in_(select(visible.c[0])), or_(*conditions))
        .order_by(Customer.name, Customer.external_userid)
        .limit(SEARCH_LIMIT)
    )
    customers = list(session.scalars(stmt))
    owners = _owners(session, [c.external_userid for c in customers])
    return [CustomerHit(c.external_userid, c.name or c.external_userid, c.city or "",
                        tuple(owners.get(c.external_userid, ()))) for c in customers]  # fmt: skip


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


def customer_card(
    session: Session, requester: Requester, now: datetime, ctx: EngineContext, ext: str
) -> CustomerCard | None:
    """One customer the member may see (None otherwise: not found and not theirs look alike)."""
    visible = _visible(session, requester, now, ctx)
    allowed = session.execute(select(visible.c[0]).where(visible.c[0] == ext)).first()
    customer = session.get(Customer, ext) if allowed else None
    if customer is None:
        return None
    follows = session.execute(
        select(Follow, Staff.name)
        .join(Staff, Staff.userid == Follow.userid)
        .where(Follow.external_userid == ext, Follow.deleted.is_(False))
        .order_by(Follow.added_at)
    ).all()
    tags = session.scalars(
        select(Tag.name).join(CustomerTag, CustomerTag.tag_id == Tag.tag_id)
        .where(CustomerTag.external_userid == ext, Tag.deleted.is_(False)).distinct()
    )  # fmt: skip
    events = session.scalars(
        select(Event).where(Event.external_userid == ext, Event.occurred_at <= now)
        .order_by(Event.occurred_at.desc()).limit(RECENT_EVENTS)
    )  # fmt: skip
    return CustomerCard(
        external_userid=ext, name=customer.name or ext, city=customer.city or "",
        company=customer.corp_name or "",
        phone_tail=(customer.phone or "")[-4:],
        follows=tuple(
            FollowLine(name or f.userid, f.added_at, f.remark or "") for f, name in follows
        ),
        tags=tuple(sorted(tags)), orders=customer.order_count, spend=customer.order_total,
        inquiries=customer.inquiry_count, last_order_at=customer.last_order_at,
        last_inquiry_at=customer.last_inquiry_at,
        events=tuple(EventLine(e.occurred_at, e.kind, e.amount,
                               str((e.properties or {}).get("product") or "")) for e in events),
    )  # fmt: skip
