"""The digest log: one row per (manager, local date), written before anything is sent."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, UTCDateTime


class DigestLog(Base):
    """A manager's daily digest as rendered. The unique (userid, digest_date) makes a rerun of
    the job on the same day, or a second scheduler, find the row instead of sending again;
    the parts sent are recorded one by one so a retry sends only what is missing."""

    __tablename__ = "digest_log"
    __table_args__ = (UniqueConstraint("userid", "digest_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    userid: Mapped[str] = mapped_column(String(64))
    # The calendar date in SEGBOT_TIMEZONE the digest is for.
    digest_date: Mapped[date] = mapped_column(Date, index=True)
    role: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(4), default="zh")
    markdown: Mapped[str] = mapped_column(Text)
    # The numbers behind the markdown (Digest.to_json), for the dashboard and for audits.
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    chart_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    markdown_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    image_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set when every part is sent; rows without it are retried by the next job tick.
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # A sender's claim: another process leaves the row alone until the lease runs out.
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    error: Mapped[str | None] = mapped_column(Text)
