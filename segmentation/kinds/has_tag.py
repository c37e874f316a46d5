"""HasTag: has a corp tag of this name, in any group, case-insensitively ("有VIP标签")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.fact_types import Fact, MatchingTags
from segmentation.kinds.registry import Kind, by_leading_verb, no_activity, reads_nothing, register
from segmentation.nodes import HasTag


def compile_has_tag(c: Any, node: HasTag, cust: FromClause) -> ColumnElement[bool]:
    return cond.has_tag(cust, node.name)


def restate(r: Any, node: HasTag) -> str:
    return f"有“{node.name}”标签" if r.zh else f"are tagged “{node.name}”"


def explain(w: Any, node: Any) -> dict[str, Any]:
    return {"tags": w.tag_names()}


def row_facts(node: HasTag, negated: bool) -> list[Fact]:
    return [] if negated else [MatchingTags((node.name.strip(),))]


KIND = register(
    Kind(
        node=HasTag,
        compile=compile_has_tag,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=row_facts,
        activity=no_activity,
        reads=reads_nothing,
        breakdown="tag",
        heads=("name", "quote"),
        current_only=True,
    )
)
