"""Tables for talking to WeCom: shared access tokens and resumable sync checkpoints."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, UTCDateTime


class WeComToken(Base):
    """An access token shared by every process (web, worker, scheduler) using one secret."""

    __tablename__ = "wecom_tokens"

    # integrations.wecom.tokens.token_key: corp id + a hash of the secret, never the secret.
    key: Mapped[str] = mapped_column(String(96), primary_key=True)
    token: Mapped[str] = mapped_column(Text)
    # Unix time; compared with time.time() by the client.
    expires_at: Mapped[float] = mapped_column(Float)


class SyncCheckpoint(Base):
    """Where an interrupted full sync resumes: the stage, the userid chunk and WeCom's cursor."""

    __tablename__ = "sync_checkpoints"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    stage: Mapped[str] = mapped_column(String(16))
    chunk_index: Mapped[int] = mapped_column(Integer, default=0)
    cursor: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    rows: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Marks the follows this run has seen (Follow.sync_run).
    run_id: Mapped[str | None] = mapped_column(String(32))
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
