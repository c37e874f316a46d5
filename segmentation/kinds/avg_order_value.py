"""AvgOrderValue: the customer's average order amount in a window, compared ("客单价超过500",
"近半年客單價不到200的", "customers with an average order over 300").

The average is the orders' summed amount over their number (an order without an amount
counts as 0, as in Spend); a customer without orders in the window has no average and is
never a member, so NOT(AvgOrderValue) includes them — as for a stored score.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause, and_, func, literal

from segmentation import conditions as cond
from segmentation.fact_types import EventTally, Fact, WindowSpend
from segmentation.kinds.registry import Kind, order_activity, register
from segmentation.kinds.words import OP_EN, OP_ZH
from segmentation.nodes import AvgOrderValue


def average_holds(total_fen: Any, count: Any, op: str, value: Any) -> ColumnElement[bool]:
    """`total / count op value` in integers: value (yuan) = num/den, so the comparison is
    `total × den op num × 100 × count` (exact for any number of decimals, no division)."""
    num, den = value.as_integer_ratio()
    left = total_fen * literal(den) if den != 1 else total_fen
    return cond.OPERATORS[op](left, count * literal(num * 100))


def compile_aov(c: Any, node: AvgOrderValue, cust: FromClause) -> ColumnElement[bool]:
    interval = c.interval(node.window)
    if c.coverage.answers_totals("order", interval):  # the row's order count and total
        count = cust.c.order_count
        holds = average_holds(cond.fen(cust.c.order_total), count, node.op, node.value)
        return and_(count > 0, holds)
    ev = cond.events.alias()
    total = func.coalesce(func.sum(cond.fen(ev.c.amount)), 0)
    holds = average_holds(total, func.count(), node.op, node.value)
    return cond.per_customer(cust, ev, "order", interval, holds, zero_holds=False)


def restate(r: Any, node: AvgOrderValue) -> str:
    if r.zh:
        return f"{r.when(node.window)}客单价{OP_ZH[node.op]}{node.value}元"
    op = "less than" if node.op == "<" else OP_EN[node.op]
    return f"have an average order value of {op} ¥{node.value}{r.when_en(node.window)}"


def restate_negated(r: Any, node: AvgOrderValue) -> str:
    """Said in full: without orders there is no average, and such customers are included."""
    if r.zh:
        return f"不满足“{restate(r, node)}”（含没有订单的客户）"
    return f"do not match ({restate(r, node)}), customers without orders included"


def explain(w: Any, node: AvgOrderValue) -> dict[str, Any]:
    facts: dict[str, Any] = w.event_facts("order", node.window)
    count = facts["count"]
    facts["average"] = (facts["amount"] / count).quantize(facts["amount"]) if count else None
    return facts


def row_facts(node: AvgOrderValue, negated: bool) -> list[Fact]:
    """The window's spend and number of orders: the average is the one over the other."""
    return [WindowSpend(node.window), EventTally("order", node.window)]


def reads(node: AvgOrderValue) -> set[str]:
    return {"order"}


KIND = register(
    Kind(
        node=AvgOrderValue,
        compile=compile_aov,
        restate=restate,
        restate_negated=restate_negated,
        explain=explain,
        row_facts=row_facts,
        activity=order_activity,
        reads=reads,
        breakdown=None,
        heads=("spend",),
        measure="aov",
    )
)
