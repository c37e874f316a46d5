"""Filling the demo database: schema, a full sync over HTTP, a year of events, saved segments
and their snapshots. Each step is skipped when an earlier run already did it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.demo.events import ingest_demo_events
from bot.demo.segments import backfill_snapshots, save_demo_segments
from bot.migrate import upgrade_to_head
from bot.services.sync import run_full_sync
from integrations.wecom.gateway import WeComGateway
from segmentation.engine import EngineContext
from segmentation.models import Customer, Event

log = logging.getLogger(__name__)

Tick = Callable[[int], None]


class Progress:
    """Short progress bars on the terminal (tqdm), or nothing (tests)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    @contextmanager
    def bar(self, label: str, total: int | None = None, unit: str = "") -> Iterator[Tick]:
        if not self.enabled:
            yield lambda _n: None
            return
        from tqdm import tqdm

        with tqdm(total=total, desc=label, unit=unit, dynamic_ncols=True, leave=True) as bar:
            yield bar.update


def prepare_schema(engine: Engine) -> None:
    """The schema through the same migrations as production (`segbot init`)."""
    upgrade_to_head(engine)


def sync_company(
    factory: sessionmaker[Session], gateway: WeComGateway, now: datetime, progress: Progress
) -> Any:
    with progress.bar("sync from WeCom", unit=" rows") as tick:
        report = run_full_sync(factory, gateway, now, progress=lambda _stage, n: tick(n))
    log.info(
        "synced %d staff, %d customer relations in %d pages",
        report.staff, report.follow_rows, report.pages,
    )  # fmt: skip
    return report


def live_customers(session: Session) -> list[str]:
    stmt = select(Customer.external_userid).where(Customer.deleted.is_(False))
    return sorted(session.scalars(stmt))


def seed_events(
    factory: sessionmaker[Session], now: datetime, ctx: EngineContext, progress: Progress
) -> int:
    """A year of behaviour for every synced customer, unless events are there already."""
    with unit_of_work(factory) as session:
        if session.scalar(select(func.count()).select_from(Event)):
            return 0
        customers = live_customers(session)
    with progress.bar("behaviour events", unit=" events") as tick:
        return ingest_demo_events(factory, customers, now, ctx.timezone, progress=tick)


def seed_segments(
    factory: sessionmaker[Session],
    now: datetime,
    ctx: EngineContext,
    progress: Progress,
    *,
    owner_userid: str,
    days: int,
) -> int:
    """Saved segments (created once) and a snapshot per night for the last `days` nights."""
    with unit_of_work(factory) as session:
        save_demo_segments(session, owner_userid, now)
    with progress.bar("segment snapshots", total=days, unit=" nights") as tick:
        return backfill_snapshots(factory, now, ctx, days=days, progress=tick)


def seed_scores(
    factory: sessionmaker[Session], now: datetime, ctx: EngineContext, progress: Progress
) -> Any:
    """Predictive scores (P(alive), CLV…) as the nightly job makes them, unless a fit was
    made before (a restart reuses it), so "CLV最高的10个客户" answers from the first minute."""
    from bot.services.scoring import score_customers
    from segmentation.models import FittedModel

    with unit_of_work(factory) as session:
        if session.scalar(select(func.count()).select_from(FittedModel)):
            return None
    with (
        progress.bar("predictive scores", total=1, unit=" fit") as tick,
        unit_of_work(factory) as session,
    ):
        summary = score_customers(session, now.astimezone(ctx.timezone))
        tick(1)
    log.info("predictive scores: %s, %d customers scored", summary.status, summary.n_scored)
    return summary
