"""Simple attribute kinds: a customers column equal to one of a few known values (WeCom's
contact type, …). `attribute_kind` derives every facet of such a kind from one table — the
column, its values with their words and names, the breakdown by it — so that adding one is
one module: its node class and its table (kinds/contact_type.py is the worked example;
docs/architecture.md, "How to add a condition kind").

The node class is a `Leaf` (segmentation/nodes.py) with one field, `value`, checked in its
__post_init__ against the table (`check_value`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, FromClause, and_

from segmentation.kinds.registry import Dimension, Kind, no_activity, no_row_facts, reads_nothing
from segmentation.models import Customer
from segmentation.nodes import SegmentFormatError


@dataclass(frozen=True)
class Value:
    """One value of the column and how it is said."""

    stored: int | str  # the column's value
    zh: str  # its name, a noun phrase ("微信用户")
    en: str  # its name in English, plural ("WeChat users")
    words: str  # what the parser reads as it: "a|b|c", simplified, lower case
    en_one: str = ""  # singular, for one customer's facts ("WeChat user"); en if empty


@dataclass(frozen=True)
class Attribute:
    """A simple attribute: `column` of customers equals a value of `values`."""

    node: type  # a nodes.Leaf with one field `value`
    column: str  # the customers column (segmentation/models/customers.py)
    label: tuple[str, str]  # the attribute's name (zh, en): "客户类型", "contact type"
    values: tuple[Value, ...]
    unknown: tuple[str, str]  # what a customer without a value is ("类型未知", "unknown type")
    breakdown_words: str  # a regular expression naming the breakdown (按客户类型, by type)

    def value(self, stored: object) -> Value | None:
        return next((v for v in self.values if v.stored == stored), None)


def check_value(attribute_name: str, value: object, allowed: tuple[object, ...]) -> None:
    """For the node's __post_init__: one of the table's values (JSON gives ints and strings
    as they are; a bool is not an int here)."""
    if isinstance(value, bool) or value not in allowed:
        options = ", ".join(repr(a) for a in allowed)
        raise SegmentFormatError(f"{attribute_name} must be one of {options}")


def attribute_kind(a: Attribute) -> Kind:
    """Every facet of the kind, from its table."""

    def named(node: Any) -> Value:
        found = a.value(node.value)
        assert found is not None  # the node's __post_init__ checked it
        return found

    def compile_attribute(c: Any, node: Any, cust: FromClause) -> ColumnElement[bool]:
        column = cust.c[a.column]
        # never NULL: NOT(...) then includes the customers without a value, as it says
        return and_(column.is_not(None), column == node.value)

    def restate(r: Any, node: Any) -> str:
        v = named(node)
        return f"是{v.zh}" if r.zh else f"are {v.en}"

    def restate_negated(r: Any, node: Any) -> str:
        v = named(node)
        if r.zh:
            return f"不是{v.zh}（含{a.unknown[0]}的客户）"
        return f"are not {v.en} ({a.unknown[1]} included)"

    def explain(w: Any, node: Any) -> dict[str, Any]:
        customer = w.session.get(Customer, w.eid)
        assert customer is not None
        stored = getattr(customer, a.column)
        v = a.value(stored)
        zh = v.zh if v else a.unknown[0]
        en = (v.en_one or v.en) if v else a.unknown[1]
        return {
            a.column: stored,
            "said": {"zh": f"{a.label[0]}：{zh}", "en": f"{a.label[1]}: {en}"},
        }

    def reference(ref: Any, node: Any, eid: str) -> bool:
        # the test dataset's value for the customer (tests/segmentation/factory.py)
        return bool(ref.attribute(eid, a.column) == node.value)

    dimension = Dimension(
        key=a.node.type,  # type: ignore[attr-defined]
        column=a.column,
        words=a.breakdown_words,
        label=a.label,
        values={str(v.stored): (v.zh, v.en) for v in a.values},
        none=a.unknown,
    )
    return Kind(
        node=a.node,
        compile=compile_attribute,
        restate=restate,
        restate_negated=restate_negated,
        explain=explain,
        row_facts=no_row_facts,  # the question says it: a row could add nothing
        activity=no_activity,
        reads=reads_nothing,
        breakdown=dimension,
        heads=("attribute",),
        current_only=True,  # a column as it is now, with no history
        words=tuple((v.words, a.node(v.stored)) for v in a.values),
        reference=reference,
        samples=lambda: tuple(a.node(v.stored) for v in a.values),
        stored=((a.column, (*(v.stored for v in a.values), None)),),
    )
