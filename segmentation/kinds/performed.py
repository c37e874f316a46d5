"""Performed: at least one event of a kind in a window ("近30天有咨询", "从未下单")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.fact_types import Fact, LastEvent
from segmentation.kinds.event_words import event_words
from segmentation.kinds.registry import Kind, event_activity, reads_event_kind, register
from segmentation.nodes import Performed


def compile_performed(c: Any, node: Performed, cust: FromClause) -> ColumnElement[bool]:
    interval = c.interval(node.window)
    if c.coverage.answers_exists(node.event_kind, interval):
        return cond.performed_from_stats(cust, node.event_kind, interval)
    return cond.performed(cust, node.event_kind, interval)


def restate(r: Any, node: Performed) -> str:
    if r.zh:
        return r.when(node.window) + event_words(node.event_kind).zh[0]
    return f"{event_words(node.event_kind).en[0]}{r.when_en(node.window)}"


def restate_negated(r: Any, node: Performed) -> str:
    words = event_words(node.event_kind)
    if node.window is None:  # all time (还没/yet/从未), said so: "从未下单"
        return f"从{words.zh[1]}" if r.zh else f"have never {words.en[0]}"
    if r.zh:
        return r.when(node.window) + words.zh[1]
    return f"{words.en[1]}{r.when_en(node.window)}"


def explain(w: Any, node: Performed) -> dict[str, Any]:
    return w.event_facts(node.event_kind, node.window)


def row_facts(node: Performed, negated: bool) -> list[Fact]:
    return [LastEvent(node.event_kind, negated, None if negated else node.window)]


KIND = register(
    Kind(
        node=Performed,
        compile=compile_performed,
        restate=restate,
        restate_negated=restate_negated,
        explain=explain,
        row_facts=row_facts,
        activity=event_activity,
        reads=reads_event_kind,
        breakdown=None,
        heads=("event",),
    )
)
