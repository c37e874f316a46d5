"""Saved segments (named trees) and their nightly membership snapshots."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, UTCDateTime


class SavedSegment(Base):
    __tablename__ = "saved_segments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    # Only the owner or an admin may redefine it; the owner never changes ("" = nobody's:
    # admins only).
    owner_userid: Mapped[str] = mapped_column(String(64), default="")
    # The versioned JSON form of the tree (segmentation.nodes.to_json).
    definition: Mapped[dict[str, Any]] = mapped_column(JSON)
    # 1 when created, +1 at each new definition: campaigns keep the version they were
    # confirmed with (bot/services/saved_segments.py).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SegmentSnapshot(Base):
    """The size of a saved segment at one snapshot run (admin scope)."""

    __tablename__ = "segment_snapshots"
    __table_args__ = (UniqueConstraint("segment_id", "taken_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("saved_segments.id"))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    size: Mapped[int] = mapped_column(Integer)


class SegmentMember(Base):
    """Current members as of the latest snapshot, so the next run can diff against them."""

    __tablename__ = "segment_members"
    __table_args__ = (UniqueConstraint("segment_id", "external_userid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("saved_segments.id"))
    external_userid: Mapped[str] = mapped_column(String(64))


class SegmentMembershipChange(Base):
    __tablename__ = "segment_membership_changes"
    __table_args__ = (Index("ix_segment_membership_changes_segment_at", "segment_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("saved_segments.id"))
    external_userid: Mapped[str] = mapped_column(String(64))
    # "entered" or "exited"
    change: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
