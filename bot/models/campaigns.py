"""Campaign tables: campaigns, runs, the delivery outbox, WeCom mass-message tasks, coupons."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, Money, UTCDateTime

# Campaign.status
ACTIVE = "active"
PAUSED = "paused"
COMPLETED = "completed"

# Campaign.schedule_kind
ONCE = "once"
CRON = "cron"
ON_ENTER = "on_enter"

# Campaign.channel
MASS_MESSAGE = "mass_message"
REMINDER = "reminder"

# Delivery.arm
TREATED = "treated"
HOLDOUT = "holdout"

# Delivery.status. `pending`, `sending` and `unknown` are ours; the rest is WeCom's answer.
PENDING = "pending"
SENDING = "sending"
# The WeCom call's outcome is unknown (no answer, or the sender died mid-call): reconciled
# against WeCom's task list before anything is re-sent (bot/services/campaigns/reconcile.py).
UNKNOWN = "unknown"
UNCONFIRMED = "unconfirmed"  # add_msg_template accepted; the salesperson has not sent it yet
DELIVERED = "delivered"
NOT_FRIEND = "not_friend"
RECEIVE_LIMIT = "receive_limit"
NOTIFIED = "notified"  # reminder channel: the salesperson got the list
FAILED = "failed"
CONTROL = "control"  # holdout: recorded, never sent
# Statuses that count against a customer's frequency cap (sent, or about to be).
CAP_STATUSES = (PENDING, SENDING, UNKNOWN, UNCONFIRMED, DELIVERED, NOTIFIED)
# Not final yet: a run is finished when none of its rows is in one of these.
OPEN_STATUSES = (PENDING, SENDING, UNKNOWN)


class Campaign(Base):
    """A user-made campaign: who (segment within the creator's scope), when, what, how."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128))
    creator_userid: Mapped[str] = mapped_column(String(64), index=True)
    # Exactly one of the two: a saved segment by name, or a tree (segmentation.nodes.to_json).
    segment_name: Mapped[str | None] = mapped_column(String(128))
    segment_definition: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # When the segment refers to saved segments: the tree as confirmed, saved segments
    # expanded, and their versions ({name: version}). Runs use this tree; a later edit of a
    # saved segment applies only after the creator re-confirms (bot/services/saved_segments.py).
    confirmed_segment: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    segment_versions: Mapped[dict[str, int] | None] = mapped_column(JSON)
    schedule_kind: Mapped[str] = mapped_column(String(16))
    run_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A crontab line (minute hour day month weekday) in SEGBOT_TIMEZONE.
    cron: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)
    # {"kind": "threshold"|"discount"|"no_threshold", "threshold", "value", "percent",
    #  "validity_days", "description"} or None.
    coupon: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    holdout_percent: Mapped[int] = mapped_column(Integer, default=10)
    # Keys the holdout split instead of the id, so a chat card can show the split it will use.
    holdout_seed: Mapped[str | None] = mapped_column(String(64))
    # One code in the message for every recipient (one WeCom task per sender): redeemed with
    # an order, it resolves to that order's customer's own coupon in the ledger.
    shared_code: Mapped[str | None] = mapped_column(String(32), unique=True, index=True)
    frequency_cap_days: Mapped[int] = mapped_column(Integer, default=7)
    status: Mapped[str] = mapped_column(String(16), default=ACTIVE)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CampaignRun(Base):
    """One firing of a campaign. Unique per (campaign, slot) so that two schedulers, a retry or
    a restart cannot plan the same slot twice."""

    __tablename__ = "campaign_runs"
    __table_args__ = (UniqueConstraint("campaign_id", "slot"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), index=True)
    slot: Mapped[datetime] = mapped_column(UTCDateTime())
    # schedule / manual / on_enter
    trigger: Mapped[str] = mapped_column(String(16))
    planned_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Quiet hours hold a run: nothing is sent before this.
    release_at: Mapped[datetime] = mapped_column(UTCDateTime())
    audience: Mapped[int] = mapped_column(Integer, default=0)
    # {reason: count}: deleted, no_owner, opted_out, frequency_cap, monthly_limit, holdout.
    exclusions: Mapped[dict[str, int]] = mapped_column(JSON)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Delivery(Base):
    """The outbox: one row per (run, customer), written before anything is sent."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("run_id", "external_userid"),
        Index("ix_deliveries_status_due", "status", "not_before"),
        Index("ix_deliveries_customer_created", "external_userid", "created_at"),
        Index("ix_deliveries_msgid", "msgid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("campaign_runs.id"), index=True)
    campaign_id: Mapped[int] = mapped_column(Integer, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_userid: Mapped[str] = mapped_column(String(64))
    owner_userid: Mapped[str] = mapped_column(String(64))
    # treated or holdout (the control group of the uplift measurement)
    arm: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16))
    # The rendered message; content_key groups identical texts into one WeCom call.
    content: Mapped[str] = mapped_column(Text, default="")
    content_key: Mapped[str] = mapped_column(String(32), default="")
    coupon_code: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    not_before: Mapped[datetime] = mapped_column(UTCDateTime())
    # The claim of a worker: a row `sending` past its lease has an unknown outcome; a row
    # `unknown` is not looked at again (by the reconciler) before this.
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When the last claim for sending was made: WeCom's task for it, if any, was created
    # between this and this + the lease (the reconciler's search window).
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    msgid: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    error: Mapped[str | None] = mapped_column(Text)


class MassTask(Base):
    """One add_msg_template task (a msgid for one salesperson): polled and reminded."""

    __tablename__ = "mass_tasks"

    msgid: Mapped[str] = mapped_column(String(64), primary_key=True)
    run_id: Mapped[int] = mapped_column(Integer, index=True)
    owner_userid: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Every customer's result is final (or polling gave up).
    done: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    # Times of remind_groupmsg_send calls (WeCom: at most 3 per 24 h per msgid).
    reminders: Mapped[list[str]] = mapped_column(JSON)
    polled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Coupon(Base):
    """A coupon issued to one customer in one run; redeemed at most once."""

    __tablename__ = "coupons"
    __table_args__ = (UniqueConstraint("run_id", "external_userid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    campaign_id: Mapped[int] = mapped_column(Integer, index=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("campaign_runs.id"))
    external_userid: Mapped[str] = mapped_column(String(64), index=True)
    # threshold (满减) / discount (折扣) / no_threshold (无门槛)
    kind: Mapped[str] = mapped_column(String(16))
    threshold: Mapped[Decimal | None] = mapped_column(Money())
    value: Mapped[Decimal | None] = mapped_column(Money())
    percent: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(128), default="")
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    redeemed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The order event that redeemed it; unique: one order redeems at most one coupon.
    order_event_id: Mapped[str | None] = mapped_column(String(128), unique=True)


class CampaignMember(Base):
    """An on-enter campaign's membership as last checked (its segment, in its creator's
    scope): a customer in the segment now but not here has entered. The primary key makes a
    check idempotent: two checkers recording the same entrant cannot both plan for them."""

    __tablename__ = "campaign_members"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    external_userid: Mapped[str] = mapped_column(String(64), primary_key=True)
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CampaignWatch(Base):
    """When an on-enter campaign's membership was last checked; no row: not watched yet (the
    first check records who is in, and plans nothing)."""

    __tablename__ = "campaign_watches"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    members: Mapped[int] = mapped_column(Integer, default=0)
