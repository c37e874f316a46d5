"""ItemCount: how many events of a kind about a product, category or SKU ("买护肤品超过2次")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause, not_

from segmentation import conditions as cond
from segmentation.kinds.event_count import NONE, SOME
from segmentation.kinds.item_event import explain
from segmentation.kinds.registry import (
    Kind,
    by_leading_verb,
    event_activity,
    no_row_facts,
    reads_event_kind,
    register,
)
from segmentation.nodes import ItemCount, ItemEvent


def compile_item_count(c: Any, node: ItemCount, cust: FromClause) -> ColumnElement[bool]:
    performed = ItemEvent(node.event_kind, node.item, node.names, node.window)
    if (node.op, node.value) in SOME:  # the common cases stay EXISTS
        return c.leaf(performed, cust)
    if (node.op, node.value) in NONE:
        return not_(c.leaf(performed, cust))
    interval = c.interval(node.window)
    return cond.item_count(
        cust, node.event_kind, node.item, node.names, node.op, node.value, interval
    )


def restate(r: Any, node: ItemCount) -> str:
    # not at import: the parser is built from the finished registry (kinds/__init__)
    from segmentation.nlq.restate_items import item_count_phrase

    when = r.when(node.window) if r.zh else r.when_en(node.window)
    return item_count_phrase(node, when, r.zh)


KIND = register(
    Kind(
        node=ItemCount,
        compile=compile_item_count,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=no_row_facts,
        activity=event_activity,
        reads=reads_event_kind,
        breakdown="product",
        heads=("event",),
    )
)
