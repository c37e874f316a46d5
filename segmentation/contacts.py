"""Whether a campaign reached a customer: its mass messages (the delivery outbox) and its
coupons (the coupon ledger), as segment conditions.

The tables belong to the campaign service (bot/models/campaigns.py); the engine reads them
through the column lists below, so that segmentation/ imports nothing of the bot (a test
checks the lists against the models). What "contacted" means, precisely:

- received a mass message: a delivery of a mass-message campaign to the customer that WeCom
  reported sent (status `delivered`), at the time it was reported (`status_at`) — not one
  still waiting for the salesperson to confirm, not the holdout, not a reminder list;
- got a coupon: a coupon issued to the customer (`issued_at`); redeemed: used with an order
  (`redeemed_at` set); not redeemed: issued and never used (expired ones included).

"The last campaign" is the campaign of the newest mass-message delivery (for messages) or of
the newest coupon (for coupons), company-wide, at the moment the segment is evaluated.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Integer,
    String,
    and_,
    column,
    exists,
    not_,
    select,
    table,
)

from segmentation.models.base import UTCDateTime
from segmentation.windows import Interval

deliveries = table(
    "deliveries",
    column("id", Integer),
    column("campaign_id", Integer),
    column("channel", String),
    column("external_userid", String),
    column("arm", String),
    column("status", String),
    column("status_at", UTCDateTime()),
    column("created_at", UTCDateTime()),
)
coupons = table(
    "coupons",
    column("id", Integer),
    column("campaign_id", Integer),
    column("external_userid", String),
    column("issued_at", UTCDateTime()),
    column("redeemed_at", UTCDateTime()),
)
campaigns = table("campaigns", column("id", Integer), column("name", String))

DELIVERED = "delivered"  # bot.models.campaigns.DELIVERED
MASS_MESSAGE = "mass_message"  # bot.models.campaigns.MASS_MESSAGE
COUPON_STATES = ("issued", "redeemed", "unredeemed")


def _which(
    campaign_id: int | None, latest: ColumnElement[int] | None, rows: FromClause
) -> list[ColumnElement[bool]]:
    if campaign_id is not None:
        return [rows.c.campaign_id == campaign_id]
    if latest is not None:
        return [rows.c.campaign_id == latest]
    return []


def latest_message_campaign(now: datetime) -> ColumnElement[int]:
    """The campaign of the newest mass-message delivery written by `now` (ids grow as rows
    are written: the primary key finds it at once)."""
    d = deliveries.alias("newest_delivery")
    return (
        select(d.c.campaign_id)
        .where(d.c.channel == MASS_MESSAGE, d.c.created_at <= now)
        .order_by(d.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def latest_coupon_campaign(now: datetime) -> ColumnElement[int]:
    """The campaign of the newest coupon issued by `now`."""
    c = coupons.alias("newest_coupon")
    return (
        select(c.c.campaign_id)
        .where(c.c.issued_at <= now)
        .order_by(c.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def messaged(
    cust: FromClause, campaign_id: int | None, latest: bool, interval: Interval, now: datetime
) -> ColumnElement[bool]:
    """A mass message of the campaign (any, or the last one) was delivered in the interval."""
    d = deliveries.alias()
    start, end = interval
    newest = latest_message_campaign(now) if latest else None
    return (
        exists()
        .where(
            d.c.external_userid == cust.c.external_userid,
            d.c.channel == MASS_MESSAGE,
            d.c.status == DELIVERED,
            d.c.status_at >= start,
            d.c.status_at <= end,
            *_which(campaign_id, newest, d),
        )
        .correlate(cust)
    )


def coupon_state(
    cust: FromClause,
    state: str,
    campaign_id: int | None,
    latest: bool,
    interval: Interval,
    now: datetime,
) -> ColumnElement[bool]:
    """A coupon of the campaign (any, or the last one) issued in the interval, in `state` as
    of `now`: issued (any), redeemed, or unredeemed (not used by `now`)."""
    c = coupons.alias()
    start, end = interval
    newest = latest_coupon_campaign(now) if latest else None
    where = [
        c.c.external_userid == cust.c.external_userid,
        c.c.issued_at >= start,
        c.c.issued_at <= end,
        *_which(campaign_id, newest, c),
    ]
    used = and_(c.c.redeemed_at.is_not(None), c.c.redeemed_at <= now)
    if state == "redeemed":
        where.append(used)
    elif state == "unredeemed":
        where.append(not_(used))
    return exists().where(and_(*where)).correlate(cust)
