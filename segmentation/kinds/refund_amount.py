"""RefundAmount: the sum of refund amounts in a window, compared ("近90天退款超过200元的",
"refund amount over 500 this year"). No refunds count as 0, as no orders do for Spend; how
many refunds is EventCount("refund", …) ("退款两次以上的客户")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.fact_types import EventTally, Fact
from segmentation.kinds.registry import Kind, by_leading_verb, register
from segmentation.kinds.words import OP_EN, OP_ZH
from segmentation.nodes import RefundAmount


def compile_refund_amount(c: Any, node: RefundAmount, cust: FromClause) -> ColumnElement[bool]:
    interval = c.interval(node.window)
    from_stats = c.coverage.answers_totals("refund", interval)
    return cond.amount_total(cust, "refund", node.op, node.value, interval, from_stats=from_stats)


def restate(r: Any, node: RefundAmount) -> str:
    if r.zh:
        return f"{r.when(node.window)}累计退款{OP_ZH[node.op]}{node.value}元"
    op = "less than" if node.op == "<" else OP_EN[node.op]  # money is not counted
    return f"had {op} ¥{node.value} refunded in total{r.when_en(node.window)}"


def explain(w: Any, node: RefundAmount) -> dict[str, Any]:
    return w.event_facts("refund", node.window)


def row_facts(node: RefundAmount, negated: bool) -> list[Fact]:
    return [EventTally("refund", node.window)]  # how many refunds, and the last one


def activity(node: RefundAmount, negated: bool) -> list[tuple[str, bool]]:
    return [("refund", negated)]


def reads(node: RefundAmount) -> set[str]:
    return {"refund"}


KIND = register(
    Kind(
        node=RefundAmount,
        compile=compile_refund_amount,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=row_facts,
        activity=activity,
        reads=reads,
        breakdown=None,
        heads=("spend",),
        measure="refund",
    )
)
