"""Cached base profiles for segment descriptions (segmentation.insights.base_profile)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, String
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, UTCDateTime


class InsightBaseProfile(Base):
    """How an asker's whole base (every customer they may see) spreads over the persona
    attributes, computed once per asker and local day: every description they ask for that
    day compares its members against it instead of re-reading the whole base."""

    __tablename__ = "insight_base_profiles"

    # "<role>:<userid>": the scope the profile was computed in.
    scope_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # {"base_size": n, "counts": [[attribute, code, label_zh, label_en, base_count], …]}
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
