"""The facts a question about one customer asks of their history ("他买过什么", "她上次詢價是
什麼時候", "what did she buy"; segmentation/nlq/card_asks): the products of their events of a
kind, the last one's date and products, read from all their events up to now. A question of
the card's own facts ("她在哪个城市", "who follows him") needs no read: the card holds them.

Products are named as the company's vocabulary names them (event_item_names, in Simplified
script): "玻尿酸麵霜" stored on one event is the company's 玻尿酸面霜. The caller has already
checked that the asker may see the customer (the card comes with these facts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from segmentation.models import Event
from segmentation.models.events import EventItemName
from segmentation.nlq.card_asks import CardAsk
from segmentation.text import simplified

MAX_PRODUCTS = 5  # the products named in one answer, most recent first


@dataclass(frozen=True)
class ProductTimes:
    name: str
    times: int
    last_at: datetime


@dataclass(frozen=True)
class AskedFact:
    """What was asked (`ask`) and the answer: how many such events, the last one's time, its
    products and amount, and every product of such events (most recent first)."""

    ask: CardAsk
    count: int
    last_at: datetime | None
    last_products: tuple[str, ...]
    last_amount: Decimal | None
    products: tuple[ProductTimes, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "ask": self.ask.to_json(),
            "count": self.count,
            "last_at": self.last_at.isoformat() if self.last_at else None,
            "last_products": list(self.last_products),
            "last_amount": None if self.last_amount is None else str(self.last_amount),
            "products": [
                {"name": p.name, "times": p.times, "last_at": p.last_at.isoformat()}
                for p in self.products
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AskedFact | None:
        ask = CardAsk.from_json(data.get("ask"))
        if ask is None:
            return None
        last_at = data.get("last_at")
        amount = data.get("last_amount")
        return cls(
            ask,
            int(data.get("count") or 0),
            datetime.fromisoformat(str(last_at)) if last_at else None,
            tuple(str(p) for p in data.get("last_products") or ()),
            None if amount is None else Decimal(str(amount)),
            tuple(
                ProductTimes(
                    str(p["name"]), int(p["times"]), datetime.fromisoformat(str(p["last_at"]))
                )
                for p in data.get("products") or ()
            ),
        )


def asked_facts(
    session: Session, eid: str, asks: tuple[CardAsk, ...], now: datetime
) -> tuple[AskedFact, ...]:
    """The answer to each ask about customer `eid`, from their events up to `now`."""
    return tuple(_fact(session, eid, ask, now) for ask in asks)


def _fact(session: Session, eid: str, ask: CardAsk, now: datetime) -> AskedFact:
    if ask.about == "field":  # the card's own fact (her city, owner…): the card says it
        return AskedFact(ask, 0, None, (), None, ())
    stmt = (
        select(Event.occurred_at, Event.amount, Event.product_key, Event.category_key)
        .where(Event.external_userid == eid, Event.kind == ask.kind, Event.occurred_at <= now)
        .order_by(Event.occurred_at.desc(), Event.event_id.desc())
    )
    rows = session.execute(stmt).all()
    if not rows:
        return AskedFact(ask, 0, None, (), None, ())
    names = _canonical_names(session, rows)
    last_at = rows[0][0]
    latest = [r for r in rows if r[0] == last_at]
    last_products = _unique(names.get(_item_of(r), "") for r in latest)
    amounts = [r[1] for r in latest if r[1] is not None]
    products: dict[str, ProductTimes] = {}
    for row in rows:  # newest first: a product's first row is its last time
        name = names.get(_item_of(row), "")
        if name:
            seen = products.get(name)
            times = seen.times + 1 if seen else 1
            products[name] = ProductTimes(name, times, seen.last_at if seen else row[0])
    return AskedFact(
        ask,
        len(rows),
        last_at,
        last_products,
        sum(amounts, Decimal(0)) if amounts else None,
        tuple(products.values())[:MAX_PRODUCTS],
    )


def _item_of(row: Any) -> tuple[str, str] | None:
    """(field, key) of what an event was about: its product, else its category."""
    if row[2]:
        return ("product", str(row[2]))
    if row[3]:
        return ("category", str(row[3]))
    return None


def _canonical_names(session: Session, rows: list[Any]) -> dict[Any, str]:
    """(field, key) → the company's name for it, in Simplified script."""
    wanted = {item for item in map(_item_of, rows) if item is not None}
    if not wanted:
        return {}
    stmt = select(EventItemName.field, EventItemName.key, EventItemName.name).where(
        EventItemName.key.in_(sorted({key for _, key in wanted}))
    )
    found = {(f, k): simplified(str(n)) for f, k, n in session.execute(stmt) if (f, k) in wanted}
    return {item: found.get(item) or item[1] for item in wanted}


def _unique(names: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))
