"""The bot's own tables: the durable callback inbox, the audit log, and per-user chat state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, validates

from segmentation.models.base import Base, UTCDateTime

RECEIVED = "received"
PROCESSING = "processing"
DONE = "done"
FAILED = "failed"
DEAD = "dead"
INBOX_STATUSES = (RECEIVED, PROCESSING, DONE, FAILED, DEAD)


class InboxMessage(Base):
    """One verified, decrypted WeCom callback, stored before it is acknowledged.

    Unique on the idempotency key, so a replayed callback is stored (and processed) once.
    `next_attempt_at` doubles as the lease of a claimed message: a worker that dies while
    processing leaves the row claimable again once the lease has passed.
    """

    __tablename__ = "inbox_messages"
    __table_args__ = (Index("ix_inbox_messages_status_next", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    # text / contact / tag / card / unknown: for listing; the worker re-parses `payload`.
    kind: Mapped[str] = mapped_column(String(16))
    # The decrypted plaintext XML exactly as WeCom sent it.
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=RECEIVED)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)


class AuditEntry(Base):
    """Who asked for or confirmed what, when, and what the bot did about it."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    userid: Mapped[str] = mapped_column(String(64), index=True)
    # e.g. command, refused, more, confirm, card_click
    action: Mapped[str] = mapped_column(String(32))
    request: Mapped[str] = mapped_column(Text, default="")
    # intent, count, outcome … (never a secret, never a phone number)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    inbox_id: Mapped[int | None] = mapped_column(Integer)

    @validates("userid", "request", "detail")
    def _storable(self, _key: str, value: Any) -> Any:
        # Chat and API text may hold any character; PostgreSQL's text and JSON refuse NUL,
        # and a refused audit row would fail the whole request.
        return without_nul(value)


def without_nul(value: Any) -> Any:
    """`value` with every NUL character (in strings, dict keys and values, lists) as U+FFFD."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [without_nul(v) for v in value]
    return value


class ChatState(Base):
    """What "更多/more" pages through: the last list answer of one member."""

    __tablename__ = "chat_states"

    userid: Mapped[str] = mapped_column(String(64), primary_key=True)
    description: Mapped[str] = mapped_column(Text, default="")
    customers: Mapped[list[str]] = mapped_column(JSON)
    shown: Mapped[int] = mapped_column(Integer, default=0)
    language: Mapped[str] = mapped_column(String(4), default="zh")
    event_kinds: Mapped[list[str] | None] = mapped_column(JSON)
    # The list's question (its segment's JSON): page 2 shows the same facts as page 1.
    segment: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
