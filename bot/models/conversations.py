"""Per-member conversation state: what "这些/其中/them", a numbered pick and "that campaign"
refer to (read and written only through bot.commands.conversation)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, UTCDateTime


class ConversationState(Base):
    """One row per member: the typed record of bot.commands.conversation as JSON.

    A JSON record rather than columns, so the conversation can learn a new kind of
    reference without a migration; the module that owns it checks its shape on reading.
    """

    __tablename__ = "conversations"

    userid: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
