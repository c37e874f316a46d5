"""Spend: the sum of order amounts in a window, compared ("近90天消费超过1000元")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.fact_types import Fact, WindowSpend
from segmentation.kinds.registry import Kind, by_leading_verb, order_activity, register
from segmentation.kinds.words import OP_EN, OP_ZH
from segmentation.nodes import Spend


def compile_spend(c: Any, node: Spend, cust: FromClause) -> ColumnElement[bool]:
    interval = c.interval(node.window)
    from_stats = c.coverage.answers_totals("order", interval)
    return cond.spend(cust, node.op, node.value, interval, from_stats=from_stats)


def restate(r: Any, node: Spend) -> str:
    if r.zh:
        return f"{r.when(node.window)}累计消费{OP_ZH[node.op]}{node.value}元"
    op = "less than" if node.op == "<" else OP_EN[node.op]  # money is not counted
    return f"spent {op} ¥{node.value} in total{r.when_en(node.window)}"


def explain(w: Any, node: Spend) -> dict[str, Any]:
    return w.event_facts("order", node.window)


def row_facts(node: Spend, negated: bool) -> list[Fact]:
    return [WindowSpend(node.window)]


def reads(node: Spend) -> set[str]:
    return {"order"}


KIND = register(
    Kind(
        node=Spend,
        compile=compile_spend,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=row_facts,
        activity=order_activity,
        reads=reads,
        breakdown=None,
        heads=("spend",),
        measure="spend",
    )
)
