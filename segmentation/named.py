"""Built-in named segments (RFM classes, 流失风险, 沉睡, 高意向) read from configuration.

The defaults ship in `named_segments.json`; a deployment may load its own file. A definition is
either an RFM rule (`{"rfm": {"r": "high"|"low", "f": …, "m": …}}`) or a segment tree in the
JSON form of `segmentation.nodes`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import BigInteger, DateTime, cast, extract, func, select, type_coerce
from sqlalchemy.orm import Session

from segmentation.models import Customer, Event
from segmentation.nodes import NamedSegment, Node, SegmentFormatError, from_json, walk
from segmentation.rollups import read_coverage
from segmentation.windows import EARLIEST

DEFAULT_CATALOG_PATH = Path(__file__).with_name("named_segments.json")
Level = Literal["high", "low"]
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class RfmRule:
    """An RFM class: each of recency, frequency and monetary value high or low."""

    r: Level
    f: Level
    m: Level


@dataclass(frozen=True)
class NamedEntry:
    key: str
    names_zh: tuple[str, ...]
    names_en: tuple[str, ...]
    definition: RfmRule | Node

    @property
    def is_rfm(self) -> bool:
        return isinstance(self.definition, RfmRule)

    @property
    def display_zh(self) -> str:
        return self.names_zh[0] if self.names_zh else self.key

    @property
    def display_en(self) -> str:
        return self.names_en[0] if self.names_en else self.key

    @property
    def display_en_with_zh(self) -> str:
        """The English name with the company's own name beside it ("general development
        customers (一般发展客户)"): RFM classes are known by their Chinese names in a company, so
        an English reply lets a manager match the two."""
        if not self.names_zh or not self.names_en:
            return self.display_en
        return f"{self.display_en} ({self.display_zh})"


class NamedSegmentCatalog:
    """The configured named segments, by key (insertion order kept)."""

    def __init__(self, entries: list[NamedEntry]) -> None:
        self._entries = {e.key: e for e in entries}
        if len(self._entries) != len(entries):
            raise SegmentFormatError("duplicate named segment key")
        self._check_references()

    def get(self, key: str) -> NamedEntry | None:
        return self._entries.get(key)

    def all(self) -> list[NamedEntry]:
        return list(self._entries.values())

    def _check_references(self) -> None:
        for entry in self._entries.values():
            self._check_from(entry.key, ())

    def _check_from(self, key: str, path: tuple[str, ...]) -> None:
        if key in path:
            raise SegmentFormatError(f"named segments refer to each other: {' → '.join(path)}")
        entry = self._entries.get(key)
        if entry is None:
            raise SegmentFormatError(f"named segment {path[-1]!r} refers to unknown {key!r}")
        if isinstance(entry.definition, RfmRule):
            return
        for node in walk(entry.definition):
            if isinstance(node, NamedSegment):
                self._check_from(node.key, (*path, key))

    @classmethod
    def load(cls, path: str | Path | None = None) -> NamedSegmentCatalog:
        """Read a catalog file (the shipped defaults when `path` is None)."""
        with open(path or DEFAULT_CATALOG_PATH, encoding="utf-8") as handle:
            return cls.from_dict(json.load(handle))

    @classmethod
    def from_dict(cls, data: Any) -> NamedSegmentCatalog:
        if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
            raise SegmentFormatError("a named segment catalog needs a 'segments' list")
        return cls([_entry_from_dict(item) for item in data["segments"]])


def _entry_from_dict(item: Any) -> NamedEntry:
    if not isinstance(item, dict) or not isinstance(item.get("key"), str):
        raise SegmentFormatError("each named segment needs a string 'key'")
    definition = item.get("definition")
    if isinstance(definition, dict) and "rfm" in definition:
        rule = definition["rfm"]
        levels = {k: rule.get(k) for k in ("r", "f", "m")} if isinstance(rule, dict) else {}
        if any(v not in ("high", "low") for v in levels.values()) or len(levels) != 3:
            raise SegmentFormatError(f"{item['key']}: rfm needs r, f, m each 'high' or 'low'")
        parsed: RfmRule | Node = RfmRule(levels["r"], levels["f"], levels["m"])  # type: ignore[arg-type]
    else:
        parsed = from_json(definition)
    return NamedEntry(
        key=item["key"],
        names_zh=tuple(item.get("names_zh", ())),
        names_en=tuple(item.get("names_en", ())),
        definition=parsed,
    )


# ---------------------------------------------------------------- company-wide RFM means


@dataclass(frozen=True)
class RfmMeans:
    """Company-wide means over non-deleted customers with at least one order as of `now`,
    kept exact: sums and the customer count, plus the integer thresholds the SQL compares
    with (for an integer x, `x > sum/n` ⇔ `x > floor(sum/n)`)."""

    customers: int
    order_sum: int
    amount_sum_fen: int
    last_order_sum_us: int

    @property
    def frequency_floor(self) -> int:
        return self.order_sum // self.customers

    @property
    def amount_floor_fen(self) -> int:
        return self.amount_sum_fen // self.customers

    @property
    def last_order_floor(self) -> datetime:
        """floor(mean of last-order times). R is high ⇔ now - last < mean(now - last)
        ⇔ last > mean(last) ⇔ last > this (times are whole microseconds)."""
        mean_us = self.last_order_sum_us // self.customers
        return EPOCH + timedelta(microseconds=mean_us)

    def mean_recency(self, now: datetime) -> timedelta:
        mean_us = self.last_order_sum_us / self.customers
        return now - (EPOCH + timedelta(microseconds=mean_us))

    @property
    def mean_frequency(self) -> float:
        return self.order_sum / self.customers

    @property
    def mean_amount(self) -> float:
        return self.amount_sum_fen / self.customers / 100


def order_totals_query(now: datetime) -> Any:
    """Per non-deleted customer with orders up to `now`: last order time, count, total fen."""
    events = Event.__table__
    customers = Customer.__table__
    return (
        select(
            events.c.external_userid,
            func.max(events.c.occurred_at).label("last_order"),
            func.count().label("orders"),
            func.coalesce(func.sum(type_coerce(events.c.amount, BigInteger)), 0).label("fen"),
        )
        .join(customers, customers.c.external_userid == events.c.external_userid)
        .where(
            customers.c.deleted.is_(False),
            events.c.kind == "order",
            events.c.occurred_at <= now,
        )
        .group_by(events.c.external_userid)
    )


def order_totals_from_stats() -> Any:
    """`order_totals_query` from the customers' order columns, for a `now` after every order."""
    customers = Customer.__table__
    return select(
        customers.c.external_userid,
        customers.c.last_order_at.label("last_order"),
        customers.c.order_count.label("orders"),
        type_coerce(customers.c.order_total, BigInteger).label("fen"),
    ).where(customers.c.deleted.is_(False), customers.c.order_count > 0)


def compute_rfm_means(session: Session, now: datetime) -> RfmMeans | None:
    """Company-wide sums in one query, exact integers computed by the database (a million
    buyers never travel to Python); None when nobody has ordered yet."""
    coverage = read_coverage(session, ["order"])
    if coverage.answers_totals("order", (EARLIEST, now)):
        totals = order_totals_from_stats().subquery()
    else:
        totals = order_totals_query(now).subquery()
    dialect = session.get_bind().dialect.name
    seconds, micros = _epoch_parts_sql(totals.c.last_order, dialect)
    count, orders, fen, sum_seconds, sum_micros = session.execute(
        select(
            func.count(),
            func.sum(totals.c.orders),
            func.sum(totals.c.fen),
            func.sum(seconds),
            func.sum(micros),
        )
    ).one()
    if not count:
        return None
    # Seconds and microseconds are summed apart: a sum of whole epoch microseconds overflows
    # SQLite's 64-bit integers past a few thousand buyers.
    last_us = int(sum_seconds) * 1_000_000 + int(sum_micros)
    return RfmMeans(int(count), int(orders), int(fen), last_us)


def _epoch_parts_sql(column: Any, dialect: str) -> tuple[Any, Any]:
    """Whole seconds since 1970 and the microseconds past them, of a stored (naive UTC)
    timestamp, as exact integers (julianday would round away microseconds)."""
    raw = type_coerce(column, DateTime())
    if dialect == "sqlite":
        # SQLAlchemy stores 'YYYY-MM-DD HH:MM:SS.ffffff' on SQLite.
        # strftime rounds fractions to milliseconds (…59.9996 becomes the next second):
        # give it the whole seconds only.
        seconds = cast(func.strftime("%s", func.substr(raw, 1, 19)), BigInteger)
        return seconds, func.coalesce(cast(func.substr(raw, 21, 6), BigInteger), 0)
    seconds = cast(func.floor(extract("epoch", raw)), BigInteger)
    return seconds, cast(extract("microseconds", raw), BigInteger) % 1_000_000
