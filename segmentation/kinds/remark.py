"""RemarkContains: a live follow's remark contains a text ("备注里有‘老板’的客户", "remark
contains boss"): follows.remark — each staff member's own note on the customer — in any of
the text's spellings, ignoring case (kinds/text_match.py). Nothing the asker can see
matching is asked back, never answered as 0."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause, exists, select

from segmentation.kinds.registry import by_leading_verb, register_plain_kind
from segmentation.kinds.text_match import contains_sql
from segmentation.models import Follow
from segmentation.nodes import RemarkContains

follows = Follow.__table__


def compile_remark(c: Any, node: RemarkContains, cust: FromClause) -> ColumnElement[bool]:
    fo = follows.alias()
    return (
        exists()
        .where(
            fo.c.external_userid == cust.c.external_userid,
            fo.c.deleted.is_(False),
            contains_sql(fo.c.remark, node.text),
        )
        .correlate(cust)
    )


def restate(r: Any, node: RemarkContains) -> str:
    if r.zh:
        return f"有备注包含“{node.text}”"
    return f"have a remark containing “{node.text}”"


def explain(w: Any, node: RemarkContains) -> dict[str, Any]:
    """Each live follow's remark: who wrote what."""
    stmt = (
        select(Follow.userid, Follow.remark)
        .where(Follow.external_userid == w.eid, Follow.deleted.is_(False))
        .order_by(Follow.userid)
    )
    return {"remarks": [{"userid": u, "remark": text} for u, text in w.session.execute(stmt)]}


def unmatched(node: RemarkContains, language: str) -> str:
    if language == "zh":
        return f"您能看到的客户里，没有备注包含“{node.text}”的。请换个写法再试。"
    return f"None of the customers you can see has a remark containing “{node.text}”."


KIND = register_plain_kind(
    RemarkContains,
    compile_remark,
    restate,
    by_leading_verb,
    explain,
    heads=("textmatch",),
    unmatched=unmatched,
)
