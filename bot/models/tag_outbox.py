"""The tag-write outbox: a confirmed tag / untag stores one row per WeCom call to make; the
inbox worker makes the calls outside any transaction, retries them, and reports back in chat.

Separate from the message outbox (`deliveries`): tag writes are idempotent in WeCom (marking
a tag twice changes nothing), so a lost answer is simply retried, with no reconciliation.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, UTCDateTime

# TagJob.status
RUNNING = "running"  # rows still to send
REPORTING = "reporting"  # every row final; a worker is sending the chat report
REPORTED = "reported"

# TagWrite.status
PENDING = "pending"
SENDING = "sending"
DONE = "done"
FAILED = "failed"
OPEN_STATUSES = (PENDING, SENDING)


class TagJob(Base):
    """One confirmed tag / untag action: what to report, to whom, when every write is final."""

    __tablename__ = "tag_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action_id: Mapped[int | None] = mapped_column(Integer, index=True)
    report_to: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(4), default="zh")
    tag_id: Mapped[str] = mapped_column(String(64))
    tag_name: Mapped[str] = mapped_column(String(64))
    remove: Mapped[bool] = mapped_column(Boolean, default=False)
    # Customers already in the wanted state at confirmation (no call needed).
    settled_ok: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default=RUNNING, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TagWrite(Base):
    """One mark_tag call: add or remove `tag_id` on a customer through one follower. A customer
    with no follower in the asker's scope is stored `failed` at once (userid '')."""

    __tablename__ = "tag_writes"
    __table_args__ = (Index("ix_tag_writes_status_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("tag_jobs.id"), index=True)
    external_userid: Mapped[str] = mapped_column(String(64))
    userid: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default=PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # When a pending row is due; for a `sending` row, the end of its worker's lease.
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    error: Mapped[str | None] = mapped_column(Text)
