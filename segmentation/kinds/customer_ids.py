"""NamedCustomers: customers picked one by one, by external_userid ("去掉Bob", "without Bob"
after a list): what a list edited by name is, so that a count, an export, a card or a saved
segment made from the edited list keeps the edit ("把这俩存成分群" after "去掉Bob" saves two).

No words say it on its own: the chat builds it from names it found among the list's rows
(bot/commands/named_customers.py). The names are kept beside the ids only to restate it
("不是Bob"); membership is by id, in the asker's scope like every condition.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, FromClause

from segmentation.kinds.registry import register_plain_kind
from segmentation.nodes import Leaf, Node, SegmentBoundsError, SegmentFormatError

# A list edited by hand names a few people; a saved definition stays small.
MAX_NAMED = 200


@dataclass(frozen=True)
class NamedCustomers(Leaf):
    """The customers whose external_userid is one of `ids`; `names`, as many, say them."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    type: ClassVar[str] = "customers"

    def __post_init__(self) -> None:
        for values, what in ((self.ids, "ids"), (self.names, "names")):
            if not (isinstance(values, tuple) and values):
                raise SegmentFormatError(f"a list of customers needs {what}")
            if not all(isinstance(v, str) and v.strip() for v in values):
                raise SegmentFormatError(f"a list of customers needs non-empty {what}")
        if len(self.ids) != len(self.names):
            raise SegmentFormatError("a list of customers needs one name per id")
        if len(self.ids) > MAX_NAMED:
            raise SegmentBoundsError("点名的客户数", "customers named", f"{MAX_NAMED:,}")

    @classmethod
    def field_from_json(cls, name: str, value: Any) -> Any:
        if name in ("ids", "names"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SegmentFormatError(f"'{name}' must be a non-empty list of strings")
            return tuple(value)
        return value

    def canonical(self) -> Node:
        pairs = sorted(dict(zip(self.ids, self.names, strict=True)).items())
        return replace(self, ids=tuple(i for i, _ in pairs), names=tuple(n for _, n in pairs))


def compile_customers(c: Any, node: NamedCustomers, cust: FromClause) -> ColumnElement[bool]:
    return cust.c.external_userid.in_(node.ids)


def _names(r: Any, node: NamedCustomers) -> str:
    return ("、" if r.zh else ", ").join(node.names)


def restate(r: Any, node: NamedCustomers) -> str:
    return f"是{_names(r, node)}" if r.zh else f"are {_names(r, node)}"


def restate_negated(r: Any, node: NamedCustomers) -> str:
    # "(… and) are not Bob, Alice": none of them, as "去掉Bob和Alice" said
    return f"不是{_names(r, node)}" if r.zh else f"are not {_names(r, node)}"


def explain(w: Any, node: NamedCustomers) -> dict[str, Any]:
    return {"named": w.eid in node.ids}


def reference(ref: Any, node: NamedCustomers, eid: str) -> bool:
    return eid in node.ids


def samples() -> tuple[NamedCustomers, ...]:
    # ids of the random test data (tests/segmentation/factory.py: c01…, C05x) and one nobody has
    return (
        NamedCustomers(("c01",), ("c01",)),
        NamedCustomers(("c02", "C03x"), ("Bob", "C03x")),
        NamedCustomers(("c04", "nope"), ("Dan", "nope")),
    )


KIND = register_plain_kind(
    NamedCustomers,
    compile_customers,
    restate,
    restate_negated,
    explain,
    heads=("name",),  # never read from words (the chat names them); a name heads it
    current_only=True,  # who is named does not change over time
    reference=reference,
    samples=samples,
)
