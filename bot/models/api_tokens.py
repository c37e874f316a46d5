"""Scoped HTTP API tokens: each may do one thing (post events, query, redeem coupons)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, UTCDateTime


class ApiToken(Base):
    """One named token. Only the SHA-256 of its secret is kept: the secret is shown once."""

    __tablename__ = "api_tokens"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    # events | query | redeem (bot.services.api_tokens.SCOPES)
    scope: Mapped[str] = mapped_column(String(16))
    # A query token bound to this member answers only as them; None: the caller names one.
    userid: Mapped[str | None] = mapped_column(String(64))
    # Hex SHA-256 of the whole token; unique, so a request finds its token by this alone.
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
