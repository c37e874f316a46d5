"""SQL for the predictive-score leaves (Score) and for rankings by a score (Ranked.by).

Scores live in customer_scores (docs/predictive.md). A customer without a row, or with a
null value (no spend model), is never a member: the probe is an EXISTS, so the condition is
two-valued and NOT(Score) includes those customers, like every other leaf.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Float, FromClause, Subquery, exists, literal, select

from segmentation.conditions import OPERATORS, compare_fen, fen
from segmentation.models import CustomerScore

scores = CustomerScore.__table__

# Node metric → (column name, stored as money in fen?)
COLUMNS: dict[str, tuple[str, bool]] = {
    "p_alive": ("p_alive", False),
    "expected_purchases_30d": ("expected_purchases_30d", False),
    "expected_purchases_90d": ("expected_purchases_90d", False),
    "expected_avg_value": ("expected_avg_value", True),
    "clv": ("clv_365d", True),
}


def score_value(table: FromClause, metric: str) -> Any:
    """The comparable SQL value of `metric`: a double, or integer fen for amounts."""
    name, money = COLUMNS[metric]
    column = table.c[name]
    return fen(column) if money else column


def score_condition(cust: FromClause, metric: str, op: str, value: Decimal) -> ColumnElement[bool]:
    """`metric op value` for the customer's stored score (absent or null: false)."""
    sc = scores.alias()
    name, money = COLUMNS[metric]
    stored = score_value(sc, metric)
    if money:
        compared = compare_fen(stored, op, value)
    else:
        # Doubles are compared with the double nearest to the threshold on every database.
        compared = OPERATORS[op](stored, literal(float(value), Float()))
    return (
        exists()
        .where(
            sc.c.external_userid == cust.c.external_userid,
            sc.c[name].is_not(None),
            compared,
        )
        .correlate(cust)
    )


def score_ranking_values(inner: FromClause, member: ColumnElement[bool], by: str) -> Subquery:
    """(eid, total) for the customers of `inner` matching `member` that have the score `by`:
    the values a ranking by that score orders."""
    sc = scores.alias()
    name, _money = COLUMNS[by]
    return (
        select(inner.c.external_userid.label("eid"), score_value(sc, by).label("total"))
        .select_from(inner.join(sc, sc.c.external_userid == inner.c.external_userid))
        .where(member, sc.c[name].is_not(None))
        .subquery()
    )
