"""NewCustomer: first added by anyone in the company inside the window (30 days if none)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause, func, select

from segmentation import conditions as cond
from segmentation.fact_types import AddedAt, Fact
from segmentation.kinds.registry import Kind, by_leading_verb, reads_nothing, register
from segmentation.models import Follow
from segmentation.nodes import NewCustomer, RollingWindow

DEFAULT_WINDOW = RollingWindow(30, "days")


def compile_new_customer(c: Any, node: NewCustomer, cust: FromClause) -> ColumnElement[bool]:
    return cond.new_customer(cust, c.interval(node.window or DEFAULT_WINDOW))


def restate(r: Any, node: NewCustomer) -> str:
    window = node.window or DEFAULT_WINDOW
    return f"{r.when(window)}新添加" if r.zh else f"were newly added{r.when_en(window)}"


def explain(w: Any, node: NewCustomer) -> dict[str, Any]:
    first = w.session.execute(
        select(func.min(Follow.added_at)).where(Follow.external_userid == w.eid)
    ).scalar()
    return {"first_added_at": first}


def row_facts(node: NewCustomer, negated: bool) -> list[Fact]:
    return [AddedAt()]


def activity(node: NewCustomer, negated: bool) -> list[tuple[str, bool]]:
    return [("", negated)]  # ordered by the first follow


KIND = register(
    Kind(
        node=NewCustomer,
        compile=compile_new_customer,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=row_facts,
        activity=activity,
        reads=reads_nothing,
        breakdown="month",
        heads=("new",),
    )
)
