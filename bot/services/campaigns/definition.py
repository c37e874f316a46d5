"""Creating, listing, pausing and resuming campaigns, with every field validated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models.campaigns import (
    ACTIVE,
    CRON,
    MASS_MESSAGE,
    ON_ENTER,
    ONCE,
    PAUSED,
    REMINDER,
    Campaign,
)
from bot.services.campaigns.content import MAX_CONTENT_BYTES, unknown_variables
from bot.services.campaigns.cron import CronError, CronSchedule
from bot.services.campaigns.settings import CampaignSettings
from bot.services.coupons import CouponError, CouponTemplate
from bot.services.saved_segments import campaign_node, confirmed_tree
from segmentation.compiler import SegmentError
from segmentation.nodes import Node, SegmentFormatError, from_json, to_json
from segmentation.saved import get_saved_segment
from segmentation.scope import resolve_requester


class CampaignError(ValueError):
    """A campaign that cannot be created or run as asked; the message says why."""


class CampaignNotFound(CampaignError):
    pass


@dataclass(frozen=True)
class CampaignSpec:
    name: str
    creator_userid: str
    content: str
    channel: str = MASS_MESSAGE
    segment_name: str | None = None
    segment_definition: dict[str, Any] | None = None
    schedule_kind: str = ONCE
    run_at: datetime | None = None
    cron: str | None = None
    coupon: dict[str, Any] | None = None
    holdout_percent: int | None = None
    frequency_cap_days: int | None = None
    holdout_seed: str | None = None
    shared_code: str | None = None


def create_campaign(
    session: Session,
    spec: CampaignSpec,
    *,
    now: datetime,
    settings: CampaignSettings,
    admins: frozenset[str] = frozenset(),
) -> Campaign:
    _check(session, spec, admins)
    campaign = Campaign(
        name=spec.name.strip(),
        creator_userid=spec.creator_userid,
        segment_name=spec.segment_name,
        segment_definition=spec.segment_definition,
        schedule_kind=spec.schedule_kind,
        run_at=spec.run_at,
        cron=spec.cron,
        channel=spec.channel,
        content=spec.content,
        coupon=CouponTemplate.from_dict(spec.coupon).to_dict() if spec.coupon else None,
        holdout_percent=settings.holdout_percent
        if spec.holdout_percent is None
        else spec.holdout_percent,
        frequency_cap_days=settings.frequency_cap_days
        if spec.frequency_cap_days is None
        else spec.frequency_cap_days,
        holdout_seed=spec.holdout_seed,
        shared_code=spec.shared_code,
        status=ACTIVE,
        created_at=now,
        updated_at=now,
    )
    # The campaign keeps the saved segments' definitions it is confirmed with now.
    try:
        pinned = confirmed_tree(session, campaign_node(campaign))
    except SegmentError as exc:
        raise CampaignError(str(exc)) from None
    if pinned is not None:
        campaign.confirmed_segment, campaign.segment_versions = pinned
    session.add(campaign)
    session.flush()
    return campaign


def _check(session: Session, spec: CampaignSpec, admins: frozenset[str]) -> None:
    if not spec.name.strip():
        raise CampaignError("a campaign needs a name")
    if resolve_requester(session, spec.creator_userid, admins) is None:
        raise CampaignError(f"{spec.creator_userid!r} is not an active member")
    if spec.channel not in (MASS_MESSAGE, REMINDER):
        raise CampaignError("channel must be mass_message or reminder")
    if not spec.content.strip() or len(spec.content.encode()) > MAX_CONTENT_BYTES:
        raise CampaignError(f"the message must have 1 to {MAX_CONTENT_BYTES} bytes")
    typos = unknown_variables(spec.content)
    if typos:
        raise CampaignError(
            f"unknown variable(s) {typos}; use {{name}}, {{coupon_code}}, {{coupon_desc}}"
        )
    _check_segment(session, spec)
    _check_schedule(spec)
    if spec.coupon:
        try:
            CouponTemplate.from_dict(spec.coupon)
        except CouponError as exc:
            raise CampaignError(str(exc)) from None
    elif "{coupon_" in spec.content:
        raise CampaignError("the message uses a coupon variable but the campaign has no coupon")
    if spec.holdout_percent is not None and not 0 <= spec.holdout_percent <= 90:
        raise CampaignError("holdout must be 0 to 90 percent")


def _check_segment(session: Session, spec: CampaignSpec) -> None:
    if (spec.segment_name is None) == (spec.segment_definition is None):
        raise CampaignError("give either a saved segment name or a segment definition")
    if spec.segment_name is not None and get_saved_segment(session, spec.segment_name) is None:
        raise CampaignError(f"no saved segment named {spec.segment_name!r}")
    if spec.segment_definition is not None:
        try:
            from_json(spec.segment_definition)
        except SegmentFormatError as exc:
            raise CampaignError(f"bad segment definition: {exc}") from None


def _check_schedule(spec: CampaignSpec) -> None:
    if spec.schedule_kind == ONCE and spec.run_at is None:
        raise CampaignError("a one-off campaign needs a time (--at)")
    if spec.schedule_kind == CRON:
        try:
            CronSchedule.parse(spec.cron or "")
        except CronError as exc:
            raise CampaignError(str(exc)) from None
    if spec.schedule_kind == ON_ENTER and spec.segment_name is None:
        raise CampaignError("'on entering a segment' needs a saved segment name")
    if spec.schedule_kind not in (ONCE, CRON, ON_ENTER):
        raise CampaignError("schedule must be once, cron or on_enter")


def campaign_segment(campaign: Campaign) -> Node:
    """The tree a run evaluates: as confirmed (saved segments expanded at confirmation), so
    a later edit of a saved segment waits for the creator's re-confirmation."""
    if campaign.confirmed_segment is not None:
        return from_json(campaign.confirmed_segment)
    return campaign_node(campaign)


# A campaign for customers named one by one ("给她发一张券", a card changed to "不要发给Dan"):
# its segment definition carries their external_userids under this key, beside the tree; a
# run reaches only those of them the tree (and the creator's scope) still holds.
NAMED_CUSTOMERS = "customers"


def without_holdout(named: Any) -> bool:
    """Whether a send goes with no holdout: to one customer picked by hand ("给她发一张券",
    `named` the NAMED_CUSTOMERS list), where a holdout of one measures nothing and only
    keeps the customer from what was asked for."""
    return isinstance(named, list) and len(named) == 1


def named_customers(campaign: Campaign) -> frozenset[str] | None:
    """The customers a campaign was confirmed for by name, or None (its segment decides)."""
    named = (campaign.segment_definition or {}).get(NAMED_CUSTOMERS)
    if not isinstance(named, list):
        return None
    return frozenset(str(eid) for eid in named)


def segment_text(campaign: Campaign) -> str:
    if campaign.segment_name:
        return f"saved:{campaign.segment_name}"
    return str(to_json(from_json(campaign.segment_definition)))


def get_campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise CampaignNotFound(f"no campaign {campaign_id}")
    return campaign


def list_campaigns(session: Session, *, creator_userid: str | None = None) -> list[Campaign]:
    stmt = select(Campaign).order_by(Campaign.id)
    if creator_userid is not None:
        stmt = stmt.where(Campaign.creator_userid == creator_userid)
    return list(session.scalars(stmt))


def set_paused(session: Session, campaign_id: int, paused: bool, now: datetime) -> Campaign:
    """Pause (nothing new is planned or sent) or resume a campaign."""
    campaign = get_campaign(session, campaign_id)
    if campaign.status not in (ACTIVE, PAUSED):
        raise CampaignError(f"campaign {campaign_id} is {campaign.status}")
    campaign.status, campaign.updated_at = (PAUSED if paused else ACTIVE), now
    return campaign
