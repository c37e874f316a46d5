"""Crontab schedules (minute hour day month weekday) evaluated in the deployment's time zone.

Our own small evaluator, so services stay free of APScheduler and weekday numbers keep the
crontab meaning (0 and 7 = Sunday; APScheduler 3.x's from_crontab reads 0 as Monday).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class CronError(ValueError):
    """Not a crontab line we understand."""


@dataclass(frozen=True)
class CronSchedule:
    minutes: frozenset[int]
    hours: frozenset[int]
    days: frozenset[int]
    months: frozenset[int]
    weekdays: frozenset[int]  # 0 = Sunday
    day_restricted: bool
    weekday_restricted: bool

    @classmethod
    def parse(cls, expr: str) -> CronSchedule:
        parts = expr.split()
        if len(parts) != 5:
            raise CronError(f"a schedule has 5 fields (minute hour day month weekday): {expr!r}")
        weekdays = {d % 7 for d in _field(parts[4], 0, 7, WEEKDAYS)}
        return cls(
            minutes=frozenset(_field(parts[0], 0, 59)),
            hours=frozenset(_field(parts[1], 0, 23)),
            days=frozenset(_field(parts[2], 1, 31)),
            months=frozenset(_field(parts[3], 1, 12, MONTHS, offset=1)),
            weekdays=frozenset(weekdays),
            day_restricted=parts[2] != "*",
            weekday_restricted=parts[4] != "*",
        )

    def day_matches(self, day: date) -> bool:
        if day.month not in self.months:
            return False
        by_day = day.day in self.days
        by_weekday = (day.isoweekday() % 7) in self.weekdays
        # Vixie cron: when both fields are restricted, either may match.
        if self.day_restricted and self.weekday_restricted:
            return by_day or by_weekday
        return by_day and by_weekday

    def fire_times(self, day: date, tz: ZoneInfo) -> list[datetime]:
        if not self.day_matches(day):
            return []
        return [
            datetime(day.year, day.month, day.day, h, m, tzinfo=tz)
            for h in sorted(self.hours)
            for m in sorted(self.minutes)
        ]

    def next_after(self, moment: datetime, tz: ZoneInfo) -> datetime | None:
        """The first fire time strictly after `moment` (within about 4 years)."""
        local = moment.astimezone(tz)
        for offset in range(366 * 4 + 1):
            for fire in self.fire_times(local.date() + timedelta(days=offset), tz):
                if fire > moment:
                    return fire
        return None

    def latest_between(self, after: datetime, until: datetime, tz: ZoneInfo) -> datetime | None:
        """The last fire time t with after < t <= until."""
        day = until.astimezone(tz).date()
        first_day = after.astimezone(tz).date()
        while day >= first_day:
            for fire in reversed(self.fire_times(day, tz)):
                if after < fire <= until:
                    return fire
            day -= timedelta(days=1)
        return None


def _field(
    text: str, low: int, high: int, names: tuple[str, ...] = (), offset: int = 0
) -> set[int]:
    values: set[int] = set()
    for item in text.lower().split(","):
        base, _, step_text = item.partition("/")
        step = _number(step_text, names, offset) if step_text else 1
        if base == "*":
            start, stop = low, high
        elif "-" in base:
            a, b = base.split("-", 1)
            start, stop = _number(a, names, offset), _number(b, names, offset)
        else:
            start = _number(base, names, offset)
            stop = high if step_text else start
        if not (low <= start <= stop <= high) or step < 1:
            raise CronError(f"{item!r} is outside {low}-{high}")
        values.update(range(start, stop + 1, step))
    return values


def _number(token: str, names: tuple[str, ...], offset: int) -> int:
    if token in names:
        return names.index(token) + offset
    if not token.isdigit():
        raise CronError(
            f"{token!r} is not a number" + (f" or one of {','.join(names)}" if names else "")
        )
    return int(token)
