"""Customers (WeCom external contacts), who follows them, and the corp tags on them."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, Money, UTCDateTime, partial_index


class Customer(Base):
    __tablename__ = "customers"

    external_userid: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128), default="")
    # WeCom: 1 = WeChat user, 2 = WeCom user.
    type: Mapped[int | None] = mapped_column(Integer)
    # WeCom: 0 unknown, 1 male, 2 female.
    gender: Mapped[int] = mapped_column(Integer, default=0)
    city: Mapped[str | None] = mapped_column(String(64), index=True)
    corp_name: Mapped[str | None] = mapped_column(String(128))
    phone: Mapped[str | None] = mapped_column(String(32))
    unionid: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Never hard-deleted: history stays, segments skip deleted customers.
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The customer's orders and inquiries over all time, copied from event_stats by
    # segmentation.rollups at every commit that changes them. The common segments (recent
    # inquiries without orders, spend, order counts, RFM) then read one row per customer,
    # with no join: ~10x faster at a million customers than joining the per-kind rollups.
    order_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    order_total: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0), server_default="0")
    first_order_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_order_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    prev_order_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # second-latest
    inquiry_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_inquiry_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    prev_inquiry_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # second-latest
    # The latest event of any kind: how fresh a segment's data is, without reading its
    # members' rollups kind by kind.
    last_event_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Follow(Base):
    """A staff member follows (has as a contact) a customer; WeCom's follow_user entry."""

    __tablename__ = "follows"
    __table_args__ = (
        UniqueConstraint("external_userid", "userid"),
        Index("ix_follows_userid_external_userid", "userid", "external_userid"),
        # Live follows only: "is this customer reachable, and by whom" is an index-only probe.
        # The predicate is written as queries write it (`deleted.is_(False)`), or the planners
        # would not see that it applies.
        partial_index(
            "ix_follows_live",
            "external_userid",
            "userid",
            where={"postgresql": "deleted IS false", "sqlite": "deleted IS 0"},
        ),
        # The distinct 渠道活码 codes (the chat's channel words, read per message) by a loose
        # index scan: one probe per code, however many follows there are.
        Index("ix_follows_state", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    external_userid: Mapped[str] = mapped_column(ForeignKey("customers.external_userid"))
    userid: Mapped[str] = mapped_column(ForeignKey("staff.userid"))
    added_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    remark: Mapped[str | None] = mapped_column(String(128))
    description: Mapped[str | None] = mapped_column(Text)
    add_way: Mapped[int | None] = mapped_column(Integer)
    oper_userid: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str | None] = mapped_column(String(64))
    # The relation ended (either side deleted the other); kept for history.
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # WeCom's reason, e.g. DELETE_BY_TRANSFER, which is not churn.
    deleted_reason: Mapped[str | None] = mapped_column(String(32))
    # The full-sync run that last saw this relation in WeCom (callbacks during a run count as
    # seeing it); at its end a full sync ends the relations it did not see.
    sync_run: Mapped[str | None] = mapped_column(String(32))


class TagGroup(Base):
    __tablename__ = "tag_groups"

    group_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    order: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class Tag(Base):
    __tablename__ = "tags"

    tag_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    group_id: Mapped[str | None] = mapped_column(String(64))
    group_name: Mapped[str | None] = mapped_column(String(64))
    # WeCom: 1 corp tag, 3 strategy (规则组) tag.
    type: Mapped[int] = mapped_column(Integer, default=1)
    order: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class CustomerTag(Base):
    """A corp tag on a customer, as marked by one staff member (WeCom keeps tags per follow).

    `userid` is "" when the source did not say who marked it; a real value is never null so
    the unique key below also holds on PostgreSQL, where NULLs never collide.
    """

    __tablename__ = "customer_tags"
    __table_args__ = (
        UniqueConstraint("external_userid", "tag_id", "userid"),
        Index("ix_customer_tags_tag_id_external_userid", "tag_id", "external_userid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    external_userid: Mapped[str] = mapped_column(ForeignKey("customers.external_userid"))
    tag_id: Mapped[str] = mapped_column(String(64))
    userid: Mapped[str] = mapped_column(String(64), default="")


class CustomerTagChange(Base):
    """A corp tag put on or taken off a customer's follow, as segbot saw it happen (a sync or
    callback that found it changed, segbot's own tagging, a follow ended, a tag deleted).

    Tags carry no time in WeCom, so this history starts when recording began: a row with
    `change` "start" marks that moment (written by the migration, or by the first recording
    on a database made without one), and nothing before it is known.
    """

    __tablename__ = "tag_changes"
    __table_args__ = (Index("ix_tag_changes_tag_id_at", "tag_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    external_userid: Mapped[str] = mapped_column(String(64), default="")
    tag_id: Mapped[str] = mapped_column(String(64), default="")
    userid: Mapped[str] = mapped_column(String(64), default="")
    change: Mapped[str] = mapped_column(String(8))  # "added", "removed" or "start"
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    # sync, segbot, follow_ended, tag_deleted, migration
    source: Mapped[str] = mapped_column(String(16), default="")
