"""A finished demo campaign: sent ten days ago, confirmed by the salespeople in the simulated
WeCom client, and followed by orders — so the dashboard shows treated-vs-holdout results
from the first minute. It runs through the real campaign service and gateway."""

from __future__ import annotations

import logging
import random
from datetime import datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.bootstrap import Deps
from bot.database import unit_of_work
from bot.models.campaigns import Campaign, Delivery
from bot.services.campaigns.definition import CampaignSpec, create_campaign
from bot.services.campaigns.planning import PlanContext
from bot.services.campaigns.polling import poll_tasks
from bot.services.campaigns.runner import run_campaign_now
from bot.services.coupons import redeem_coupon
from bot.services.digest.build import DigestConfig
from bot.services.digest.deliver import run_digests
from bot.services.events import ingest_events
from bot.settings import Settings
from integrations.wecom.gateway import WeComGateway
from integrations.wecom.simulator import mass
from integrations.wecom.simulator.company import Company
from segmentation.engine import EngineContext
from segmentation.nodes import NamedSegment, to_json

log = logging.getLogger(__name__)

COUPON = {"kind": "threshold", "threshold": "100", "value": "20", "validity_days": 14}
# Conversion after the campaign: the treated arm is nudged, the holdout is not.
ORDER_RATE = {"treated": 0.30, "holdout": 0.12}
REDEEM_SHARE = 0.6


def seed_campaign(
    factory: sessionmaker[Session],
    gateway: WeComGateway,
    company: Company,
    settings: Settings,
    ctx: EngineContext,
    now: datetime,
    *,
    creator: str,
    seed: int = 1,
) -> int | None:
    """Create, send and measure one campaign, unless the demo database has campaigns already."""
    sent_at = _ten_days_ago_at_ten(now, settings)
    with unit_of_work(factory) as session:
        if session.scalar(select(func.count()).select_from(Campaign)):
            return None
        campaign = create_campaign(
            session,
            CampaignSpec(
                name="高意向客户回访（演示）",
                creator_userid=creator,
                content="{name}您好，送您一张{coupon_desc}券：{coupon_code}",
                segment_definition=to_json(NamedSegment("high_intent")),
                run_at=sent_at,
                coupon=COUPON,
            ),
            now=sent_at,
            settings=settings.campaigns,
            admins=settings.admins,
        )
        campaign_id = campaign.id
    pctx = PlanContext(settings=settings.campaigns, engine=ctx, admins=settings.admins)
    run_campaign_now(factory, gateway, campaign_id, sent_at, pctx)
    _staff_press_send(company, int((sent_at + timedelta(hours=2)).timestamp()))
    poll_tasks(factory, gateway, sent_at + timedelta(days=1), settings.campaigns)
    orders = _orders_after(factory, campaign_id, sent_at, settings, random.Random(seed))
    log.info("demo campaign %d sent at %s; %d orders followed", campaign_id, sent_at, orders)
    return campaign_id


def _ten_days_ago_at_ten(now: datetime, settings: Settings) -> datetime:
    """10:00 local, outside the quiet hours, so the run is sent rather than held."""
    day = (now.astimezone(settings.timezone) - timedelta(days=10)).date()
    return datetime.combine(day, time(10, 0), tzinfo=settings.timezone)


def _staff_press_send(company: Company, at: int) -> None:
    for msgid, task in list(company.mass_tasks.items()):
        for userid in list(task.recipients):
            if userid not in task.send_time:
                mass.confirm(company, msgid, userid, at)


def _orders_after(
    factory: sessionmaker[Session],
    campaign_id: int,
    sent_at: datetime,
    settings: Settings,
    rng: random.Random,
) -> int:
    with factory() as session:
        deliveries = session.execute(
            select(Delivery.external_userid, Delivery.arm, Delivery.coupon_code)
            .where(Delivery.campaign_id == campaign_id)
            .order_by(Delivery.external_userid)
        ).all()
    events, redemptions = [], []
    for i, (ext, arm, code) in enumerate(deliveries):
        if rng.random() >= ORDER_RATE.get(arm, 0.0):
            continue
        at = sent_at + timedelta(days=rng.uniform(0.5, 9.0))
        event_id = f"demo-c{campaign_id}-order-{i}"
        amount = f"{rng.lognormvariate(6.0, 0.6):.2f}"
        events.append({"event_id": event_id, "external_userid": ext, "kind": "order",
                       "occurred_at": at.isoformat(), "amount": amount})  # fmt: skip
        if code and rng.random() < REDEEM_SHARE:
            redemptions.append((code, event_id, at))
    with unit_of_work(factory) as session:
        ingest_events(session, events, tz=settings.timezone, now=sent_at + timedelta(days=10))
        for code, event_id, at in redemptions:
            redeem_coupon(session, code, event_id, at)
    return len(events)


def seed_digests(deps: Deps, ctx: EngineContext, now: datetime) -> None:
    """Today's digest for every manager, delivered through the simulator, so managers find it
    in their chat and the dashboard can show it."""
    config = DigestConfig(
        engine=ctx,
        campaigns=deps.settings.campaigns,
        admins=deps.settings.admins,
        digest_time=deps.settings.digest_time,
    )
    report = run_digests(deps.session_factory, deps.gateway, now, config, force=True)
    log.info("demo digests: %s", report)
