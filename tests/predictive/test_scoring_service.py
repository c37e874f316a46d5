"""score_customers: reads order days in SQL, fits, replaces customer_scores; refuses thin data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import func, select

from bot.services.scoring import order_days, score_customers
from segmentation.models import Customer, CustomerScore, Event, FittedModel

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 6, 30, 20, 0, tzinfo=SHANGHAI)


def _purchase_days(rng: np.random.Generator) -> list[int]:
    """Days before NOW of one customer's purchases, drawn from the BG/NBD story."""
    first = int(rng.integers(60, 365))
    rate, drop = rng.gamma(1.0, 1 / 25.0), rng.beta(0.8, 3.0)
    days, clock = [first], 0.0
    while True:
        clock += rng.exponential(1 / rate)
        if clock > first:
            return days
        days.append(first - int(clock))
        if rng.random() < drop:
            return days


def _add_customers(session, count: int, seed: int = 11, prefix: str = "wm") -> None:
    rng = np.random.default_rng(seed)
    for i in range(count):
        uid = f"{prefix}{i:05d}"
        session.add(Customer(external_userid=uid, name=uid))
        for n, days_ago in enumerate(_purchase_days(rng)):
            session.add(
                Event(
                    event_id=f"{uid}-{n}",
                    external_userid=uid,
                    kind="order",
                    occurred_at=NOW - timedelta(days=days_ago, hours=n % 5),
                    amount=Decimal(int(rng.gamma(6.0, 20.0))) + Decimal("0.50"),
                )
            )
    session.flush()


def test_scores_are_written_for_every_customer_with_orders(session):
    _add_customers(session, 400)
    session.add(Customer(external_userid="nobuy", name="nobuy"))
    summary = score_customers(session, NOW)
    assert summary.status == "ok", summary.reason
    rows = session.scalars(select(CustomerScore)).all()
    assert len(rows) == summary.n_scored == 400
    assert {r.model_id for r in rows} == {summary.model_id}
    assert all(0 <= r.p_alive <= 1 for r in rows)
    assert all(r.expected_purchases_90d >= r.expected_purchases_30d >= 0 for r in rows)
    assert all(r.clv_365d is not None and r.clv_365d >= 0 for r in rows)
    model = session.get(FittedModel, summary.model_id)
    assert model.status == "ok" and model.n_customers == 400
    assert set(model.params["bgnbd"]) == {"r", "alpha", "a", "b"}
    assert model.log_likelihood == summary.log_likelihood


def test_a_frequent_recent_buyer_outscores_a_lapsed_one(session):
    _add_customers(session, 300)
    for uid, days in (("hot", range(1, 200, 10)), ("cold", range(150, 200, 10))):
        session.add(Customer(external_userid=uid, name=uid))
        for d in days:
            session.add(
                Event(
                    event_id=f"{uid}{d}",
                    external_userid=uid,
                    kind="order",
                    occurred_at=NOW - timedelta(days=d),
                    amount=Decimal("50"),
                )
            )
    session.flush()
    assert score_customers(session, NOW).status == "ok"
    hot, cold = (session.get(CustomerScore, uid) for uid in ("hot", "cold"))
    assert hot.p_alive > cold.p_alive
    assert hot.expected_purchases_30d > cold.expected_purchases_30d
    assert hot.clv_365d > cold.clv_365d


def test_deleted_customers_and_other_event_kinds_are_ignored(session):
    _add_customers(session, 300)
    session.get(Customer, "wm00000").deleted = True
    session.add(
        Event(
            event_id="visit-1",
            external_userid="wm00001",
            kind="visit",
            occurred_at=NOW - timedelta(days=1),
        )
    )
    session.flush()
    before = order_days(session, NOW)
    assert "wm00000" not in set(before["customer_id"])
    score_customers(session, NOW)
    assert session.get(CustomerScore, "wm00000") is None
    assert session.scalar(select(func.count()).select_from(CustomerScore)) == 299


def test_order_days_are_local_days_of_the_time_zone_of_now(session):
    session.add(Customer(external_userid="tz", name="tz"))
    # 15:30 and 16:30 UTC on one UTC day are 23:30 and 00:30 on two Shanghai days.
    for n, hour in enumerate((15, 16)):
        session.add(
            Event(
                event_id=f"tz{n}",
                external_userid="tz",
                kind="order",
                occurred_at=datetime(2026, 6, 1, hour, 30, tzinfo=UTC),
                amount=Decimal("1.25"),
            )
        )
    session.flush()
    days = order_days(session, NOW)
    assert [d.date().isoformat() for d in days["day"]] == ["2026-06-01", "2026-06-02"]
    assert days["amount"].tolist() == [1.25, 1.25]
    utc_days = order_days(session, NOW.astimezone(UTC))
    assert len(utc_days) == 1 and utc_days["amount"].tolist() == [2.5]


def test_too_little_history_stores_no_scores_and_says_why(session):
    _add_customers(session, 20)
    summary = score_customers(session, NOW)
    assert summary.status == "refused"
    assert "too little history" in summary.reason
    assert session.scalar(select(func.count()).select_from(CustomerScore)) == 0
    model = session.get(FittedModel, summary.model_id)
    assert model.status == "refused" and "repeat customers" in model.reason


def test_a_refused_run_keeps_the_previous_scores(session):
    _add_customers(session, 300)
    first = score_customers(session, NOW)
    refused = score_customers(session, NOW, min_repeat_customers=10_000)
    assert refused.status == "refused"
    models = {r.model_id for r in session.scalars(select(CustomerScore))}
    assert models == {first.model_id}


def test_rescoring_replaces_rows_instead_of_adding(session):
    _add_customers(session, 300)
    score_customers(session, NOW)
    second = score_customers(session, NOW + timedelta(days=1))
    rows = session.scalars(select(CustomerScore)).all()
    assert len(rows) == 300
    assert {r.model_id for r in rows} == {second.model_id}
    assert {r.scored_at for r in rows} == {NOW + timedelta(days=1)}
