"""Who gets a digest, and the digest of one requester at `now`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.services.campaigns.settings import CampaignSettings
from bot.services.digest.campaigns import campaign_lines
from bot.services.digest.model import Digest
from bot.services.digest.people import customer_flow, movers
from bot.services.digest.periods import periods_at
from bot.services.digest.segments import segment_lines
from segmentation.engine import EngineContext, default_context
from segmentation.models import Staff, StaffDepartment
from segmentation.scope import Requester, resolve_requester

DEFAULT_DIGEST_TIME = time(8, 30)


class NotADigestRecipient(ValueError):
    """Only managers and admins get digests (sales staff see their own customers in chat)."""


@dataclass(frozen=True)
class DigestConfig:
    """What building and sending digests needs besides the session and `now`."""

    engine: EngineContext = field(default_factory=default_context)
    campaigns: CampaignSettings = field(default_factory=CampaignSettings)
    admins: frozenset[str] = frozenset()
    digest_time: time = DEFAULT_DIGEST_TIME

    @property
    def timezone(self) -> ZoneInfo:
        return self.engine.timezone


def digest_requester(session: Session, userid: str, admins: frozenset[str]) -> Requester:
    """The requester for a digest; NotADigestRecipient for sales staff and unknown userids."""
    requester = resolve_requester(session, userid, admins)
    if requester is None:
        raise NotADigestRecipient(f"{userid} is not an active member")
    if requester.role == "sales":
        raise NotADigestRecipient(f"{userid} is neither a manager nor an admin")
    return requester


def digest_recipients(session: Session, admins: frozenset[str]) -> list[Requester]:
    """Every active manager and admin (staff role, department leader, or SEGBOT_ADMINS), by
    userid."""
    leaders = select(StaffDepartment.userid).where(StaffDepartment.is_leader.is_(True))
    stmt = select(Staff.userid).where(
        Staff.active.is_(True),
        or_(Staff.role.in_(("manager", "admin")), Staff.userid.in_(leaders),
            Staff.userid.in_(sorted(admins))),
    )  # fmt: skip
    userids = set(session.scalars(stmt)) | set(admins)
    found = []
    for userid in sorted(userids):
        requester = resolve_requester(session, userid, admins)
        if requester is not None and requester.role != "sales":
            found.append(requester)
    return found


def build_digest(
    session: Session,
    requester: Requester,
    now: datetime,
    config: DigestConfig,
    *,
    on_demand: bool = False,
) -> Digest:
    """Every number of the digest, each computed in `requester`'s scope as of `now`. Asked for
    in chat (`on_demand`), a salesperson gets the same digest of their own customers."""
    if requester.role == "sales" and not on_demand:
        raise NotADigestRecipient(f"{requester.userid} is neither a manager nor an admin")
    periods = periods_at(now, config.timezone)
    total, lines = segment_lines(session, requester, periods, config.engine)
    staff = session.get(Staff, requester.userid) if requester.userid else None
    return Digest(
        userid=requester.userid,
        name=(staff.name if staff is not None else "") or requester.userid,
        role=requester.role,
        digest_date=periods.digest_date,
        now=now,
        customers_in_scope=total,
        segments=tuple(lines),
        flow=customer_flow(session, requester, periods),
        campaigns=tuple(campaign_lines(session, requester, now, config.campaigns, config.admins)),
        movers=tuple(movers(session, requester, periods)),
    )
