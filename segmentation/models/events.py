"""Behaviour events (inquiries, orders, visits, refunds…) from the company's own systems."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, event
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from segmentation.models.base import Base, Money, UTCDateTime, partial_index


def _item_index(column: str) -> Index:
    present = f"{column} IS NOT NULL"
    return partial_index(
        f"ix_events_{column}",
        column,
        "kind",
        "occurred_at",
        "external_userid",
        where={"postgresql": present, "sqlite": present},
    )


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        # The segment compiler's EXISTS / COUNT / SUM probes: per customer, kind and window.
        Index("ix_events_customer_kind_time", "external_userid", "kind", "occurred_at"),
        # Company-wide scans of one kind in a window (RFM means, digests, and the segment
        # compiler's grouped per-customer counts and sums). external_userid and amount make it
        # covering, so those scans never visit the table rows (index-only on PostgreSQL).
        Index(
            "ix_events_kind_time_customer_amount",
            "kind",
            "occurred_at",
            "external_userid",
            "amount",
        ),
        # When data last arrived (segment insights' freshness): one probe, not a scan.
        Index("ix_events_received_at", "received_at"),
        # Product conditions ("近30天买过玻尿酸面霜", "bought anything from skincare"): the
        # events of one product/category/SKU key, kind and window, customer included so the
        # probe never visits the table rows. Partial: only events that name one are indexed.
        *(_item_index(column) for column in ("product_key", "category_key", "sku_key")),
    )

    event_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    # Not a foreign key on purpose: behaviour data may arrive before the WeCom sync has
    # brought the customer; it joins once the customer exists.
    external_userid: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    amount: Mapped[Decimal | None] = mapped_column(Money())
    properties: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Where it came from: "csv", "api", …
    source: Mapped[str] = mapped_column(String(16), default="csv")
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The match keys of properties.product / category / sku (segmentation.items.item_key),
    # written by every writer of events with the properties they come from.
    product_key: Mapped[str | None] = mapped_column(String(128))
    category_key: Mapped[str | None] = mapped_column(String(128))
    sku_key: Mapped[str | None] = mapped_column(String(128))


@event.listens_for(Event, "before_insert")
@event.listens_for(Event, "before_update")
def _item_keys(_mapper: Mapper[Any], _connection: Any, target: Event) -> None:
    """An Event written through the ORM gets the keys of its properties (Core writers pass
    them with the row: segmentation.items.item_columns)."""
    from segmentation.items import item_columns  # the language package imports the models

    for column, value in item_columns(target.properties).items():
        setattr(target, column, value)


class EventItemName(Base):
    """Every product, category and SKU name the events carry, once per match key: the names
    a command may use ("买过护肤类的"), read by the vocabulary without scanning the events."""

    __tablename__ = "event_item_names"

    field: Mapped[str] = mapped_column(String(16), primary_key=True)  # product|category|sku
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    # The name as first written (how replies show it).
    name: Mapped[str] = mapped_column(String(128))


class EventStats(Base):
    """Per customer and kind: how many events, their total amount, the first and last time.

    Kept exact with every write to `events` (segmentation.rollups, at commit), so that
    questions about a customer's whole history (累计消费, 下单次数, RFM, "inquired in the last
    30 days" when nothing later exists) read one row per customer instead of every event.
    The engine uses it only where it gives the same answer as the events (see
    rollups.Coverage); otherwise it reads the events.
    """

    __tablename__ = "event_stats"
    __table_args__ = (
        # Covering for every per-kind scan the compiler makes (index-only on PostgreSQL).
        Index("ix_event_stats_kind_last", "kind", "last_at", "external_userid", "events", "amount"),
    )

    external_userid: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    events: Mapped[int] = mapped_column(Integer)
    # Sum of the amounts (events without one add nothing); 0 when none had an amount.
    amount: Mapped[Decimal] = mapped_column(Money())
    first_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The second-latest time (None with one event): "at least twice in the last N days" is
    # then `prev_at >= start`, as "at least once" is `last_at >= start`.
    prev_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
