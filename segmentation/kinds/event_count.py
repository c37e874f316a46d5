"""EventCount: how many events of a kind in a window, compared ("咨询超过3次")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause, and_, not_

from segmentation import conditions as cond
from segmentation.fact_types import EventTally, Fact, LastEvent
from segmentation.kinds.event_words import event_words
from segmentation.kinds.registry import (
    Kind,
    by_leading_verb,
    event_activity,
    reads_event_kind,
    register,
)
from segmentation.kinds.words import OP_EN, OP_ZH
from segmentation.nodes import EventCount, Performed

# count forms that only ask whether an event exists (compiled as EXISTS / NOT EXISTS)
SOME = ((">=", 1), (">", 0))
NONE = (("=", 0), ("<", 1), ("<=", 0))


def compile_event_count(c: Any, node: EventCount, cust: FromClause) -> ColumnElement[bool]:
    interval = c.interval(node.window)
    kind = node.event_kind
    if (node.op, node.value) in SOME:  # the common cases stay (NOT) EXISTS
        return c.leaf(Performed(kind, node.window), cust)
    if (node.op, node.value) in NONE:
        return not_(c.leaf(Performed(kind, node.window), cust))
    if c.coverage.answers_exists(kind, interval):
        # Counts of 1 and 2 in a window that ends after every such event: from the latest
        # and second-latest times ("咨询2次以上 in the last 30 days" reads one row).
        once = cond.performed_from_stats(cust, kind, interval)
        twice = cond.twice_from_stats(cust, kind, interval)
        if (node.op, node.value) in ((">=", 2), (">", 1)):
            return twice
        if (node.op, node.value) in (("<", 2), ("<=", 1)):
            return not_(twice)
        if (node.op, node.value) == ("=", 1):
            return and_(once, not_(twice))
    from_stats = c.coverage.answers_totals(kind, interval)
    return cond.event_count(cust, kind, node.op, node.value, interval, from_stats=from_stats)


def restate(r: Any, node: EventCount) -> str:
    words = event_words(node.event_kind)
    if r.zh:
        return f"{r.when(node.window)}{words.zh[2]}{OP_ZH[node.op]}{node.value}次"
    noun = words.label[1] if node.value == 1 else words.en[2]  # "exactly 1 order"
    return f"had {OP_EN[node.op]} {node.value} {noun}{r.when_en(node.window)}"


def explain(w: Any, node: EventCount) -> dict[str, Any]:
    return w.event_facts(node.event_kind, node.window)


def row_facts(node: EventCount, negated: bool) -> list[Fact]:
    if (node.op, node.value) in SOME + NONE:
        absent = negated != ((node.op, node.value) in NONE)
        return [LastEvent(node.event_kind, absent, None if absent else node.window)]
    return [EventTally(node.event_kind, node.window)]


KIND = register(
    Kind(
        node=EventCount,
        compile=compile_event_count,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=row_facts,
        activity=event_activity,
        reads=reads_event_kind,
        breakdown=None,
        heads=("event",),
    )
)
