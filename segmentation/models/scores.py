"""Predictive scores per customer (BG/NBD + Gamma-Gamma) and the record of every model fit."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, Money, UTCDateTime


class FittedModel(Base):
    """One nightly fit, kept even when it was refused, so "why are there no scores?" has an
    answer in the database."""

    __tablename__ = "fitted_models"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    fitted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # "ok" (scores written) or "refused" (too little history / failed fit; none written).
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    # ModelFit.params_json(): time unit, BG/NBD and Gamma-Gamma parameters, warnings.
    params: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    log_likelihood: Mapped[float | None] = mapped_column(Float)
    n_customers: Mapped[int] = mapped_column(Integer, default=0)
    n_repeat_customers: Mapped[int] = mapped_column(Integer, default=0)


class CustomerScore(Base):
    """The latest scores of a customer; replaced as a whole by each successful fit."""

    __tablename__ = "customer_scores"
    __table_args__ = (Index("ix_customer_scores_model", "model_id"),)

    external_userid: Mapped[str] = mapped_column(String(64), primary_key=True)
    p_alive: Mapped[float] = mapped_column(Float)
    expected_purchases_30d: Mapped[float] = mapped_column(Float)
    expected_purchases_90d: Mapped[float] = mapped_column(Float)
    # Null when no spend model could be fitted (no amounts, too few repeat spenders).
    expected_avg_value: Mapped[Decimal | None] = mapped_column(Money())
    clv_365d: Mapped[Decimal | None] = mapped_column(Money())
    scored_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The parameters live once in fitted_models rather than repeated on a million rows.
    model_id: Mapped[int] = mapped_column(ForeignKey("fitted_models.id"))
