"""InDepartment: followed by a member of these departments, sub-departments included."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.kinds.owner import explain
from segmentation.kinds.registry import (
    Kind,
    by_leading_verb,
    no_activity,
    no_row_facts,
    reads_nothing,
    register,
)
from segmentation.nodes import InDepartment


def compile_department(c: Any, node: InDepartment, cust: FromClause) -> ColumnElement[bool]:
    return cond.in_departments(cust, node.department_ids, c.names)


def restate(r: Any, node: InDepartment) -> str:
    names = [r.vocab.departments.get(d, str(d)) for d in node.department_ids]
    if r.zh:
        return "属于" + "或".join(names) + "（按跟进人）"
    return "are followed by someone in " + " or ".join(names)


KIND = register(
    Kind(
        node=InDepartment,
        compile=compile_department,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=no_row_facts,  # departments are on every row already
        activity=no_activity,
        reads=reads_nothing,
        breakdown="department",
        heads=("name", "quote", "mydept"),
        current_only=True,
    )
)
