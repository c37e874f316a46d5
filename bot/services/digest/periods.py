"""The calendar of a digest: local midnight boundaries and the same clock time earlier."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Periods:
    """All in SEGBOT_TIMEZONE. Flows (new / lost customers, orders) use whole local days:
    yesterday, and the 7 days before today; sizes compare now with the same wall-clock time
    one and seven days earlier."""

    now: datetime
    digest_date: date
    today_start: datetime
    yesterday_start: datetime
    week_start: datetime
    prev_week_start: datetime
    day_ago: datetime
    week_ago: datetime


def periods_at(now: datetime, tz: ZoneInfo) -> Periods:
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    local = now.astimezone(tz)
    today = local.date()

    def midnight(day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=tz)

    return Periods(
        now=now,
        digest_date=today,
        today_start=midnight(today),
        yesterday_start=midnight(today - timedelta(days=1)),
        week_start=midnight(today - timedelta(days=7)),
        prev_week_start=midnight(today - timedelta(days=14)),
        # Same-tzinfo arithmetic on aware datetimes is wall-clock arithmetic in Python.
        day_ago=local - timedelta(days=1),
        week_ago=local - timedelta(days=7),
    )
