"""The demo's saved segments and two weeks of daily snapshots, so trends exist on day one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from segmentation.engine import EngineContext
from segmentation.nodes import (
    And,
    City,
    EventCount,
    NamedSegment,
    Node,
    Not,
    Performed,
    RollingWindow,
    Spend,
)
from segmentation.saved import list_saved_segments, save_segment
from segmentation.snapshots import take_snapshots

SNAPSHOT_DAYS = 14
DAYS_30 = RollingWindow(30, "days")
DAYS_90 = RollingWindow(90, "days")


def demo_segments() -> dict[str, tuple[Node, str]]:
    """Name → (tree, description): what a sales manager would save in the first week."""
    return {
        "近30天咨询未下单": (
            And((Performed("inquiry", DAYS_30), Not(Performed("order", DAYS_30)))),
            "近30天有咨询、近30天未下单",
        ),
        "流失风险客户": (NamedSegment("at_risk"), "下过至少2单、近90天没有下单"),
        "近90天消费满3000": (
            Spend(">=", Decimal(3000), DAYS_90),
            "近90天累计消费至少3000元",
        ),
        "上海活跃客户": (
            And((City(("上海",)), EventCount("visit", ">=", 1, DAYS_30))),
            "上海、近30天到过店",
        ),
    }


def save_demo_segments(session: Session, owner_userid: str, now: datetime) -> int:
    """Save the demo segments that do not exist yet; returns how many were created."""
    existing = {row.name for row in list_saved_segments(session)}
    created = 0
    for name, (node, description) in demo_segments().items():
        if name in existing:
            continue
        save_segment(
            session, name, node, owner_userid=owner_userid, now=now, description=description
        )
        created += 1
    return created


def snapshot_times(now: datetime, days: int = SNAPSHOT_DAYS) -> list[datetime]:
    """One snapshot per night for the last `days` nights, oldest first, at 02:30 local time
    (when the nightly job takes them); the last is the most recent 02:30 before `now`."""
    last = now.replace(hour=2, minute=30, second=0, microsecond=0)
    if last > now:
        last -= timedelta(days=1)
    return [last - timedelta(days=back) for back in range(days - 1, -1, -1)]


def backfill_snapshots(
    factory: sessionmaker[Session],
    now: datetime,
    ctx: EngineContext,
    *,
    days: int = SNAPSHOT_DAYS,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Take the nightly snapshots the demo would have taken over the last `days` nights (the
    events are already there, so each night sees the data as of that night); a night already
    snapshotted is skipped by take_snapshots itself. Returns the snapshots written."""
    written = 0
    for at in snapshot_times(now, days):
        with unit_of_work(factory) as session:
            written += len(take_snapshots(session, at, ctx))
        if progress is not None:
            progress(1)
    return written
