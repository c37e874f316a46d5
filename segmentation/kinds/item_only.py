"""ItemOnly: a number of events of a kind, every one of them about a product, category or SKU
("下单3次以上且都买的彩妆": at least 3 orders, each of them in the category 彩妆).

"Every one" is strict: an event without that property (an order with no category) is not
about the names, so a customer with one is not a member — the data cannot say it was 彩妆.
A customer without such events in the window is a member only when 0 satisfies the
comparison (as for ItemCount: "不到2次" includes who never did).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, FromClause, and_, case, func, literal

from segmentation import conditions as cond
from segmentation.kinds.event_words import event_words
from segmentation.kinds.registry import (
    Kind,
    event_activity,
    no_row_facts,
    reads_event_kind,
    register,
)
from segmentation.kinds.words import OP_EN, OP_ZH
from segmentation.models import Event
from segmentation.nodes import (
    COMPARISONS,
    ITEM_FIELDS,
    MAX_EVENT_COUNT,
    Leaf,
    Node,
    SegmentBoundsError,
    SegmentFormatError,
    Window,
)


@dataclass(frozen=True)
class ItemOnly(Leaf):
    """`op value` `event_kind` events in the window (all time if none), and every one of
    them has properties.`item` (product, category or sku) equal to one of `names`, matched
    like tags (case, width, script)."""

    event_kind: str
    item: str
    names: tuple[str, ...]
    op: str
    value: int
    window: Window | None = None
    type: ClassVar[str] = "item_only"

    def __post_init__(self) -> None:
        if not (isinstance(self.event_kind, str) and self.event_kind):
            raise SegmentFormatError("a product condition needs an event kind")
        if self.item not in ITEM_FIELDS:
            raise SegmentFormatError(f"unknown item field {self.item!r} (product, category or sku)")
        names = self.names
        if not (isinstance(names, tuple) and names):
            raise SegmentFormatError(f"a {self.item} condition needs at least one name")
        if not all(isinstance(n, str) and n.strip() for n in names):
            raise SegmentFormatError(f"a {self.item} condition needs at least one name")
        if self.op not in COMPARISONS:
            raise SegmentFormatError(f"unknown comparison {self.op!r}")
        if type(self.value) is not int or self.value < 0:
            raise SegmentFormatError("an event count must be a non-negative integer")
        if self.value > MAX_EVENT_COUNT:
            raise SegmentBoundsError("次数", "an event count", f"{MAX_EVENT_COUNT:,}")

    @classmethod
    def field_from_json(cls, name: str, value: Any) -> Any:
        if name == "names":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SegmentFormatError("'names' must be a non-empty list of strings")
            return tuple(value)
        return value

    def canonical(self) -> Node:
        return replace(self, names=tuple(sorted({n.strip() for n in self.names})))


def compile_item_only(c: Any, node: ItemOnly, cust: FromClause) -> ColumnElement[bool]:
    ev = Event.__table__.alias()
    about = cond.item_match(ev, node.item, node.names)
    matched = func.sum(case((about, 1), else_=0))
    counted = cond.OPERATORS[node.op](func.count(), literal(node.value))
    holds = and_(counted, matched == func.count())
    zero_holds = bool(cond.OPERATORS[node.op](0, node.value))
    return cond.per_customer(
        cust, ev, node.event_kind, c.interval(node.window), holds, zero_holds=zero_holds
    )


def _about(node: ItemOnly, zh: bool) -> str:
    joiner = "或" if zh else " or "
    names = joiner.join(f"“{n}”" for n in node.names)
    if node.item == "category":
        return f"{names}类商品" if zh else f"in {names}"
    if node.item == "sku":
        return f"SKU {names}" if zh else f"of SKU {names}"
    return names if zh else f"of {names}"


def restate(r: Any, node: ItemOnly) -> str:
    _, _, noun_zh, _, _, noun_en = event_words(node.event_kind).item
    if r.zh:
        when = r.when(node.window)
        count = f"{OP_ZH[node.op]}{node.value}次"
        return f"{when}{noun_zh}{count}且每次都是{_about(node, True)}"
    count = f"{OP_EN[node.op]} {node.value}"
    return f"had {count} {noun_en}{r.when_en(node.window)}, every one {_about(node, False)}"


def restate_negated(r: Any, node: ItemOnly) -> str:
    # said whole: "did not have 3 orders, every one in X" reads as if every one were not
    said = restate(r, node)
    return f"不满足“{said}”" if r.zh else f"do not match ({said})"


def explain(w: Any, node: ItemOnly) -> dict[str, Any]:
    """All the customer's events of the kind in the window, and how many were about the
    names."""
    facts: dict[str, Any] = w.event_facts(node.event_kind, node.window)
    match = cond.item_match(Event.__table__, node.item, node.names)
    about = w.event_facts(node.event_kind, node.window, match)["count"]
    return facts | {"about": about, "item": node.item, "names": list(node.names)}


KIND = register(
    Kind(
        node=ItemOnly,
        compile=compile_item_only,
        restate=restate,
        restate_negated=restate_negated,
        explain=explain,
        row_facts=no_row_facts,
        activity=event_activity,
        reads=reads_event_kind,
        breakdown="category",
        heads=("event",),
    )
)
