"""Untagged: has no tag at all ("没有任何标签")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.kinds.has_tag import explain
from segmentation.kinds.registry import Kind, no_activity, no_row_facts, reads_nothing, register
from segmentation.nodes import Untagged


def compile_untagged(c: Any, node: Untagged, cust: FromClause) -> ColumnElement[bool]:
    return cond.untagged(cust)


def restate(r: Any, node: Untagged) -> str:
    return "没有任何标签" if r.zh else "have no tag"


def restate_negated(r: Any, node: Untagged) -> str:
    return "有标签" if r.zh else "have at least one tag"


KIND = register(
    Kind(
        node=Untagged,
        compile=compile_untagged,
        restate=restate,
        restate_negated=restate_negated,
        explain=explain,
        row_facts=no_row_facts,  # the row's tags would be empty: nothing to add
        activity=no_activity,
        reads=reads_nothing,
        breakdown="tag",
        heads=("untagged",),
        current_only=True,
    )
)
