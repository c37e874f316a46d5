"""ItemEvent: an event of a kind about a product, category or SKU ("近30天买过玻尿酸面霜")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.kinds.registry import (
    Kind,
    event_activity,
    no_row_facts,
    reads_event_kind,
    register,
)
from segmentation.models import Event
from segmentation.nodes import ItemCount, ItemEvent


def compile_item_event(c: Any, node: ItemEvent, cust: FromClause) -> ColumnElement[bool]:
    interval = c.interval(node.window)
    return cond.item_performed(cust, node.event_kind, node.item, node.names, interval)


def restate(r: Any, node: ItemEvent) -> str:
    # not at import: the parser is built from the finished registry (kinds/__init__)
    from segmentation.nlq.restate_items import item_phrase

    when = r.when(node.window) if r.zh else r.when_en(node.window)
    return item_phrase(node, when, r.zh)


def restate_negated(r: Any, node: ItemEvent) -> str:
    # not at import: the parser is built from the finished registry (kinds/__init__)
    from segmentation.nlq.restate_items import item_phrase

    when = r.when(node.window) if r.zh else r.when_en(node.window)
    return item_phrase(node, when, r.zh, negated=True)


def explain(w: Any, node: ItemEvent | ItemCount) -> dict[str, Any]:
    """The customer's events of the kind about these items, and which items were asked."""
    match = cond.item_match(Event.__table__, node.item, node.names)
    facts: dict[str, Any] = w.event_facts(node.event_kind, node.window, match)
    return facts | {"item": node.item, "names": list(node.names)}


KIND = register(
    Kind(
        node=ItemEvent,
        compile=compile_item_event,
        restate=restate,
        restate_negated=restate_negated,
        explain=explain,
        row_facts=no_row_facts,  # the product is in the question; the row shows the owner
        activity=event_activity,  # about a product: still that kind of event
        reads=reads_event_kind,
        breakdown="product",
        heads=("event",),
    )
)
