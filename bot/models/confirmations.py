"""Pending actions: a tag, push, schedule or save shown on a card and waiting for a click."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, UTCDateTime

PENDING = "pending"
CONFIRMED = "confirmed"  # claimed by a confirmation; executing (a crash leaves it here, unsent)
EXECUTED = "executed"
CANCELLED = "cancelled"
EXPIRED = "expired"
ACTION_STATUSES = (PENDING, CONFIRMED, EXECUTED, CANCELLED, EXPIRED)


class PendingAction(Base):
    """One action asked for in chat. It runs only after a status change pending → confirmed,
    made by a single conditional UPDATE, so two clicks (or a click and a typed 确认) run it once.
    """

    __tablename__ = "pending_actions"
    __table_args__ = (Index("ix_pending_actions_asker_status", "asker_userid", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # The card's task_id (WeCom: unique per app, ≤128 bytes of [0-9A-Za-z_-@]).
    task_id: Mapped[str] = mapped_column(String(128), unique=True)
    asker_userid: Mapped[str] = mapped_column(String(64))
    intent: Mapped[str] = mapped_column(String(16))
    # The canonical JSON form of the segment (segmentation.nodes.to_json(canonical(...))).
    segment: Mapped[dict[str, Any]] = mapped_column(JSON)
    description: Mapped[str] = mapped_column(Text, default="")
    # tag / message / coupon / schedule / name: what the parser understood.
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    language: Mapped[str] = mapped_column(String(4), default="zh")
    # The size shown on the card, to say so when the segment has changed by confirm time.
    preview_count: Mapped[int] = mapped_column(Integer, default=0)
    # The card as sent, so the update after a click shows the same facts plus the outcome.
    card: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # message/send's response_code for the card: lets a typed 确认 update it too (single use).
    response_code: Mapped[str | None] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16), default=PENDING)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # What happened: counts of successes and failures, campaign id … (never a phone number).
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
