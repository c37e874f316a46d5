"""CompanyContains: the customer's company name contains a text ("公司是XX的客户", "公司名包含
科技的", "customers whose company is Acme"): customers.corp_name, in any of the text's
spellings, ignoring case (kinds/text_match.py). Nothing the asker can see matching is asked
back, never answered as 0."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation.kinds.registry import register_plain_kind
from segmentation.kinds.text_match import contains_sql, equals_sql
from segmentation.models import Customer
from segmentation.nodes import CompanyContains


def compile_company(c: Any, node: CompanyContains, cust: FromClause) -> ColumnElement[bool]:
    if node.exact:
        return equals_sql(cust.c.corp_name, node.text)
    return contains_sql(cust.c.corp_name, node.text)


def restate(r: Any, node: CompanyContains) -> str:
    if node.exact:
        return f"公司是“{node.text}”" if r.zh else f"are at the company “{node.text}”"
    if r.zh:
        return f"公司名包含“{node.text}”"
    return f"have a company name containing “{node.text}”"


def restate_negated(r: Any, node: CompanyContains) -> str:
    if node.exact:
        if r.zh:
            return f"公司不是“{node.text}”（含没有公司名的客户）"
        return f"are not at the company “{node.text}” (no company name included)"
    if r.zh:
        return f"公司名不包含“{node.text}”（含没有公司名的客户）"
    return f"do not have a company name containing “{node.text}” (no company name included)"


def explain(w: Any, node: CompanyContains) -> dict[str, Any]:
    customer = w.session.get(Customer, w.eid)
    assert customer is not None
    return {"company": customer.corp_name}


def unmatched(node: CompanyContains, language: str) -> str:
    if node.exact:
        if language == "zh":
            return (
                f"您能看到的客户里，没有公司名就是“{node.text}”的。"
                f"要找公司名里含有它的，请说“公司名包含{node.text}的客户”。"
            )
        return (
            f"None of the customers you can see is at a company named exactly “{node.text}”. "
            f"For names containing it, say 'customers whose company name contains {node.text}'."
        )
    if language == "zh":
        return f"您能看到的客户里，没有公司名包含“{node.text}”的。请换个写法再试。"
    return f"None of the customers you can see has a company name containing “{node.text}”."


KIND = register_plain_kind(
    CompanyContains,
    compile_company,
    restate,
    restate_negated,
    explain,
    heads=("textmatch",),
    unmatched=unmatched,
)
