"""Gender: WeCom's gender, 1 male, 2 female ("女性客户")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.kinds.registry import (
    Dimension,
    Kind,
    by_leading_verb,
    no_activity,
    no_row_facts,
    reads_nothing,
    register,
)
from segmentation.models import Customer
from segmentation.nodes import Gender


def compile_gender(c: Any, node: Gender, cust: FromClause) -> ColumnElement[bool]:
    return cond.gender(cust, node.value)


def restate(r: Any, node: Gender) -> str:
    if r.zh:
        return "女性" if node.value == 2 else "男性"
    return "are female" if node.value == 2 else "are male"


def explain(w: Any, node: Gender) -> dict[str, Any]:
    customer = w.session.get(Customer, w.eid)
    assert customer is not None
    return {"gender": customer.gender}


KIND = register(
    Kind(
        node=Gender,
        compile=compile_gender,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=no_row_facts,  # the question says it: a row could add nothing
        activity=no_activity,
        reads=reads_nothing,
        breakdown=Dimension(
            key="gender",
            column="gender",
            words=r"性别|男女|genders?|sex",  # and 男的多还是女的多 (nlq/intents_extra.py)
            label=("性别", "gender"),
            values={"1": ("男", "male"), "2": ("女", "female")},
            none=("未知", "unknown"),  # 0: WeCom does not know
        ),
        heads=("gender",),
        current_only=True,
    )
)
