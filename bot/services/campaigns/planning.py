"""Planning a run: the audience is computed once and written as outbox rows (with coupons)
in one transaction; everything after that reads the rows and never recomputes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.models.campaigns import (
    CONTROL,
    HOLDOUT,
    PENDING,
    REMINDER,
    TREATED,
    Campaign,
    CampaignRun,
    Delivery,
)
from bot.services.campaigns.audience import Audience, Recipient, build_audience
from bot.services.campaigns.content import (
    content_key,
    expiry_words,
    message_values,
    render,
)
from bot.services.campaigns.definition import CampaignError, campaign_segment, named_customers
from bot.services.campaigns.schedule import release_time
from bot.services.campaigns.settings import CampaignSettings
from bot.services.coupons import CouponTemplate, format_code, issue_coupons
from segmentation.engine import EngineContext, segment_members
from segmentation.scope import resolve_requester

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlanContext:
    """What planning needs besides the session: settings, the engine context, the admins."""

    settings: CampaignSettings
    engine: EngineContext
    admins: frozenset[str] = frozenset()


def existing_run(session: Session, campaign_id: int, slot: datetime) -> CampaignRun | None:
    stmt = select(CampaignRun).where(
        CampaignRun.campaign_id == campaign_id, CampaignRun.slot == slot
    )
    return session.scalars(stmt).first()


def last_slot(session: Session, campaign_id: int) -> datetime | None:
    stmt = select(func.max(CampaignRun.slot)).where(CampaignRun.campaign_id == campaign_id)
    return session.execute(stmt).scalar()


def plan_run(
    session: Session,
    campaign: Campaign,
    *,
    slot: datetime,
    trigger: str,
    now: datetime,
    pctx: PlanContext,
    members: list[str] | None = None,
) -> CampaignRun | None:
    """Write the run and every delivery (pending) and coupon; None when the slot is planned.
    `members`: the audience already evaluated at `now` (an on-enter run's entrants);
    otherwise the campaign's segment is evaluated in its creator's scope.

    The run row is flushed first: a second scheduler planning the same slot on PostgreSQL
    waits on the unique (campaign, slot) index and then fails instead of doubling."""
    if existing_run(session, campaign.id, slot) is not None:
        return None
    requester = resolve_requester(session, campaign.creator_userid, pctx.admins)
    if requester is None:
        raise CampaignError(f"the creator {campaign.creator_userid} is no longer an active member")
    if members is None:
        members = current_members(session, campaign, now, pctx)
    audience = build_audience(
        session, campaign, members, now=now, settings=pctx.settings, requester=requester
    )
    run = CampaignRun(
        campaign_id=campaign.id,
        slot=slot,
        trigger=trigger,
        planned_at=now,
        release_at=release_time(now, pctx.settings),
        audience=len(members),
        exclusions=dict(audience.exclusions),
    )
    session.add(run)
    session.flush()
    _write_deliveries(session, campaign, run, audience, now, pctx.settings)
    log.info(
        "campaign %s run %s planned: %d treated, %d holdout, exclusions %s",
        campaign.id,
        run.id,
        len(audience.treated),
        len(audience.holdout),
        audience.exclusions,
    )
    return run


def _write_deliveries(
    session: Session,
    campaign: Campaign,
    run: CampaignRun,
    audience: Audience,
    now: datetime,
    settings: CampaignSettings,
) -> None:
    codes: dict[str, str] = {}
    template = CouponTemplate.from_dict(campaign.coupon) if campaign.coupon else None
    expires = ""
    if template is not None:
        expires = expiry_words(now + timedelta(days=template.validity_days), settings.timezone)
    if template is not None:
        codes = issue_coupons(
            session,
            campaign_id=campaign.id,
            run_id=run.id,
            external_userids=[r.external_userid for r in audience.treated],
            template=template,
            now=now,
        )
    rows = [
        _row(campaign, run, r, TREATED, codes.get(r.external_userid), template, now, expires)
        for r in audience.treated
    ]
    rows += [_row(campaign, run, r, HOLDOUT, None, None, now, "") for r in audience.holdout]
    for start in range(0, len(rows), 5000):
        session.execute(Delivery.__table__.insert(), rows[start : start + 5000])


def _row(
    campaign: Campaign,
    run: CampaignRun,
    recipient: Recipient,
    arm: str,
    code: str | None,
    template: CouponTemplate | None,
    now: datetime,
    expires: str,
) -> dict[str, object]:
    text = ""
    if arm == TREATED:
        # A shared code keeps every recipient's text the same: one WeCom task per sender.
        # The customer's own coupon (`code`) is in the ledger; redeeming the shared code with
        # an order finds it (bot.services.coupons.resolve_shared_code).
        shown = campaign.shared_code or code
        values = message_values(
            recipient.name,
            format_code(shown) if shown else None,
            template.label if template else "",
            expires,
        )
        text = render(campaign.content, values)
    # A reminder lists all of one salesperson's customers in one app message, whatever the text.
    key = "reminder" if campaign.channel == REMINDER else content_key(text)
    return {
        "run_id": run.id,
        "campaign_id": campaign.id,
        "channel": campaign.channel,
        "external_userid": recipient.external_userid,
        "owner_userid": recipient.owner_userid,
        "arm": arm,
        "status": PENDING if arm == TREATED else CONTROL,
        "content": text,
        "content_key": key,
        "coupon_code": code,
        "created_at": now,
        "not_before": run.release_at,
        "attempts": 0,
    }


def current_members(
    session: Session, campaign: Campaign, now: datetime, pctx: PlanContext
) -> list[str]:
    """The campaign's segment at `now`, within what its creator may see now."""
    requester = resolve_requester(session, campaign.creator_userid, pctx.admins)
    if requester is None:
        raise CampaignError(f"the creator {campaign.creator_userid} is no longer an active member")
    members = segment_members(
        session, campaign_segment(campaign), requester=requester, now=now, ctx=pctx.engine
    )
    named = named_customers(campaign)
    # Confirmed for customers named one by one: those of them still visible, never the tree's
    # everyone (a named card's tree is all customers).
    return members if named is None else [eid for eid in members if eid in named]
