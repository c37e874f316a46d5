"""Score: a stored predictive score compared ("仍活跃概率低于30%", "CLV above 5000")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import score_conditions as score_sql
from segmentation.fact_types import Fact, ScoreValue
from segmentation.kinds.registry import (
    Kind,
    by_leading_verb,
    order_activity,
    reads_nothing,
    register,
)
from segmentation.nodes import Score


def compile_score(c: Any, node: Score, cust: FromClause) -> ColumnElement[bool]:
    return score_sql.score_condition(cust, node.metric, node.op, node.value)


def restate(r: Any, node: Score) -> str:
    # not at import: the parser is built from the finished registry (kinds/__init__)
    from segmentation.nlq.restate_scores import score_phrase

    return score_phrase(node, r.zh)


def explain(w: Any, node: Score) -> dict[str, Any]:
    return w.score_facts(node.metric)


def row_facts(node: Score, negated: bool) -> list[Fact]:
    return [ScoreValue(node.metric)]


KIND = register(
    Kind(
        node=Score,
        compile=compile_score,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=row_facts,
        activity=order_activity,  # scores are computed from orders
        reads=reads_nothing,  # customer_scores, not the events
        breakdown=None,
        heads=("score",),
        current_only=True,
    )
)
