"""The nightly predictive-score job: fit BG/NBD + Gamma-Gamma on order history, store scores."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pandas as pd
from sqlalchemy import BigInteger, Date, DateTime, cast, delete, func, insert, select, type_coerce
from sqlalchemy.orm import Session

from segmentation.models import Customer, CustomerScore, Event, FittedModel
from segmentation.predictive.features import summary_from_daily
from segmentation.predictive.scoring import (
    MIN_REPEAT_CUSTOMERS,
    ModelFit,
    NotScorable,
    fit_models,
    score,
)

log = logging.getLogger(__name__)

ORDER_KIND = "order"
# Rows per INSERT batch: large enough to amortise round trips, small enough for SQLite's
# bound-parameter limit under executemany.
INSERT_BATCH = 10_000


@dataclass(frozen=True)
class FitSummary:
    """What one scoring run did; `status` is "ok" or "refused" (then `reason` says why)."""

    status: str
    reason: str
    model_id: int
    fitted_at: datetime
    n_customers: int
    n_repeat_customers: int
    n_scored: int
    log_likelihood: float | None = None
    params: dict[str, Any] | None = None
    warnings: tuple[str, ...] = field(default=())


def score_customers(
    session: Session,
    now: datetime,
    horizon_days: int = 365,
    *,
    discount_rate: float = 0.0,
    min_repeat_customers: int = MIN_REPEAT_CUSTOMERS,
) -> FitSummary:
    """Fit on every non-deleted customer's orders up to `now` and replace customer_scores.

    Days are local days in `now`'s time zone and are the model's time unit. `horizon_days`
    is the CLV horizon (stored as clv_365d; recorded in the model params). When the guard
    refuses (too little history, failed fit) no scores are written — the previous run's
    scores, with their own scored_at and model_id, stay — and a "refused" fitted_models row
    records why. Never commits.
    """
    daily = order_days(session, now)
    summary = summary_from_daily(daily, calibration_end=_local_day(now), time_unit="days")
    repeat = int((summary["frequency"] > 0).sum())
    try:
        fit = fit_models(summary, time_unit="days", min_repeat_customers=min_repeat_customers)
        scores = score(summary, fit, clv_days=horizon_days, discount_rate=discount_rate)
    except NotScorable as exc:
        log.warning("predictive scores not updated: %s", exc)
        return _refused(session, now, str(exc), len(summary), repeat)
    params = fit.params_json() | {"clv_horizon_days": horizon_days, "discount_rate": discount_rate}
    model = _record(session, now, "ok", "", fit, params)
    session.execute(delete(CustomerScore))
    written = _write_scores(session, scores, model.id, now)
    log.info("scored %d customers with model %d", written, model.id)
    return FitSummary(
        status="ok",
        reason="",
        model_id=model.id,
        fitted_at=now,
        n_customers=fit.n_customers,
        n_repeat_customers=fit.n_repeat_customers,
        n_scored=written,
        log_likelihood=fit.bgnbd.log_likelihood,
        params=params,
        warnings=fit.warnings,
    )


def order_days(session: Session, now: datetime) -> pd.DataFrame:
    """One row per (customer, local day) with orders up to `now`: customer_id, day, amount.

    Aggregated in SQL; amounts come back as integer fen and are summed exactly there.
    """
    day = _local_day_expression(session, now)
    fen = func.sum(type_coerce(Event.amount, BigInteger))
    query = (
        select(Event.external_userid, day.label("day"), fen.label("fen"))
        .join(Customer, Customer.external_userid == Event.external_userid)
        .where(Event.kind == ORDER_KIND, Event.occurred_at <= now, Customer.deleted.is_(False))
        .group_by(Event.external_userid, day)
    )
    rows = session.execute(query).all()
    frame = pd.DataFrame(rows, columns=["customer_id", "day", "fen"])
    return pd.DataFrame(
        {
            "customer_id": frame["customer_id"].astype(str),
            "day": pd.to_datetime(frame["day"]),
            "amount": pd.to_numeric(frame["fen"], errors="coerce") / 100.0,
        }
    )


def _local_day_expression(session: Session, now: datetime) -> Any:
    """The local calendar day of Event.occurred_at (stored as naive UTC).

    Shifted by `now`'s UTC offset, computed in Python and bound, so the same rule holds on
    both databases. (A zone with daylight saving would be off by an hour near midnight for
    part of the year; China has none.)
    """
    offset = now.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if session.get_bind().dialect.name == "sqlite":
        return func.date(Event.occurred_at, f"{minutes:+d} minutes")
    # Plain DateTime: the shift is an interval, not an aware time for UTCDateTime to convert.
    naive = type_coerce(Event.occurred_at, DateTime())
    return cast(naive + timedelta(minutes=minutes), Date)


def _local_day(now: datetime) -> date:
    return now.date()


def _refused(session: Session, now: datetime, reason: str, n: int, repeat: int) -> FitSummary:
    model = FittedModel(
        fitted_at=now,
        status="refused",
        reason=reason,
        params=None,
        log_likelihood=None,
        n_customers=n,
        n_repeat_customers=repeat,
    )
    session.add(model)
    session.flush()
    return FitSummary("refused", reason, model.id, now, n, repeat, 0)


def _record(
    session: Session, now: datetime, status: str, reason: str, fit: ModelFit, params: dict[str, Any]
) -> FittedModel:
    model = FittedModel(
        fitted_at=now,
        status=status,
        reason=reason,
        params=params,
        log_likelihood=fit.bgnbd.log_likelihood,
        n_customers=fit.n_customers,
        n_repeat_customers=fit.n_repeat_customers,
    )
    session.add(model)
    session.flush()
    return model


def _write_scores(session: Session, scores: pd.DataFrame, model_id: int, now: datetime) -> int:
    rows = [
        {
            "external_userid": customer,
            "p_alive": float(p_alive),
            "expected_purchases_30d": float(e30),
            "expected_purchases_90d": float(e90),
            "expected_avg_value": _money(value),
            "clv_365d": _money(clv),
            "scored_at": now,
            "model_id": model_id,
        }
        for customer, p_alive, e30, e90, value, clv in scores.itertuples(name=None)
    ]
    for start in range(0, len(rows), INSERT_BATCH):
        session.execute(insert(CustomerScore), rows[start : start + INSERT_BATCH])
    return len(rows)


def _money(value: float) -> Decimal | None:
    if value is None or math.isnan(value):
        return None
    return Decimal(f"{value:.2f}")
