"""Owner: followed by any of these staff members ("王五的客户", "my customers")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.kinds.registry import (
    Kind,
    by_leading_verb,
    no_activity,
    no_row_facts,
    reads_nothing,
    register,
)
from segmentation.nodes import Owner


def compile_owner(c: Any, node: Owner, cust: FromClause) -> ColumnElement[bool]:
    return cond.followed_by(cust, list(node.userids))


def restate(r: Any, node: Owner) -> str:
    names = [r.staff_name(u) for u in node.userids]
    if r.zh:
        return "由" + "或".join(names) + "跟进"
    return "are followed by " + " or ".join(names)


def explain(w: Any, node: Any) -> dict[str, Any]:
    return {"followed_by": w.followers()}


KIND = register(
    Kind(
        node=Owner,
        compile=compile_owner,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=no_row_facts,  # owners are on every row already
        activity=no_activity,
        reads=reads_nothing,
        breakdown="owner",
        heads=("name", "quote", "my"),
        current_only=True,
    )
)
