"""A year of behaviour events (inquiries, visits, carts, orders, refunds) for given customers.

Deterministic for a seed. Unlike `bot.services.synthetic` (which invents its own customer ids
for CSV benchmarks), this works on the ids a real sync brought in, so the events join.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.services.events import MAX_EVENTS_PER_CALL, ingest_events

YEAR_SECONDS = 365 * 86400
PRODUCTS = ("基础版", "专业版", "企业版", "增值服务")
CHANNELS = ("企微", "官网", "门店", "小程序")
# Browsing kinds a customer does between purchases, with their relative weights.
BROWSING = (("inquiry", 0.45), ("visit", 0.35), ("cart", 0.20))


def _when(rng: random.Random, end: datetime, span_seconds: int) -> datetime:
    # Recent activity is denser: u**1.6 skews the offsets towards `end`.
    return end - timedelta(seconds=int(span_seconds * rng.random() ** 1.6))


def customer_events(external_userid: str, now: datetime, *, seed: int = 11) -> list[dict[str, Any]]:
    """One customer's year: quiet or busy, still active or gone quiet months ago. The same
    customer and seed give the same events (ids included), whoever else is in the company."""
    rng = random.Random(f"{seed}:{external_userid}")
    key = hashlib.sha1(external_userid.encode()).hexdigest()[:12]
    activity = rng.expovariate(1.0)
    # About a third went quiet at some point in the year: they feed 流失风险 and 沉睡.
    gone_days = rng.uniform(45, 300) if rng.random() < 0.33 else 0.0
    end = now - timedelta(days=gone_days)
    span = max(YEAR_SECONDS - int(gone_days * 86400), 86400)
    count = min(int(rng.expovariate(1.0 / (7.0 * activity + 0.2))), 80)
    kinds, weights = zip(*BROWSING, strict=True)
    events: list[dict[str, Any]] = []
    buyer = rng.random() < 0.55
    for n in range(count):
        at = _when(rng, end, span)
        kind = rng.choices(kinds, weights)[0]
        props: dict[str, Any] = {"channel": rng.choice(CHANNELS), "product": rng.choice(PRODUCTS)}
        amount: str | None = None
        if buyer and rng.random() < 0.28:
            kind = "order"
            amount = f"{rng.lognormvariate(6.6, 0.8):.2f}"
        events.append(_event(external_userid, key, n, kind, at, amount, props))
        if kind == "order" and rng.random() < 0.06:
            refund_at = min(at + timedelta(days=rng.uniform(1, 10)), now)
            refund = f"{float(amount or 0) * rng.uniform(0.3, 1.0):.2f}"
            events.append(_event(external_userid, key, f"{n}r", "refund", refund_at, refund, props))
    return events


def _event(
    eid: str, key: str, n: int | str, kind: str, at: datetime, amount: str | None,
    props: dict[str, Any],
) -> dict[str, Any]:  # fmt: skip
    return {
        "event_id": f"demo-{key}-{n}",
        "external_userid": eid,
        "kind": kind,
        "occurred_at": at.isoformat(timespec="seconds"),
        "amount": amount,
        "properties": props,
    }


def demo_events(
    external_userids: Sequence[str], now: datetime, *, seed: int = 11
) -> Iterator[dict[str, Any]]:
    """Every customer's events, customer by customer."""
    for eid in external_userids:
        yield from customer_events(eid, now, seed=seed)


def ingest_demo_events(
    factory: sessionmaker[Session],
    external_userids: Sequence[str],
    now: datetime,
    tz: ZoneInfo,
    *,
    seed: int = 11,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Store the demo events through the same service as POST /api/v1/events; returns the
    number accepted (a re-run accepts none: event ids are stable)."""
    accepted = 0
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal accepted
        with unit_of_work(factory) as session:
            accepted += ingest_events(session, batch, tz=tz, now=now).accepted
        if progress is not None:
            progress(len(batch))
        batch.clear()

    for event in demo_events(external_userids, now, seed=seed):
        batch.append(event)
        if len(batch) >= MAX_EVENTS_PER_CALL:
            flush()
    if batch:
        flush()
    return accepted
