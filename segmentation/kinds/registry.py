"""The registry of condition kinds: one `Kind` per leaf node type, declaring every facet the
dispatchers need (docs/architecture.md, "How to add a condition kind").

The grammar core — All, And, Or, Not, rankings over a sub-tree (Ranked) and references to
other trees (NamedSegment, SavedSegment) — is not a kind: the compiler, restate, explain and
the row facts handle it structurally. Every other node type must be registered here, and
tests/segmentation/test_kinds.py fails when one is not, or lacks a facet.

The facets take the dispatcher's own object (the compiler, the restater, the explain walker)
as their first argument, so a kind module needs none of those modules at import time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from segmentation.nodes import All, And, NamedSegment, Not, Or, Ranked, SavedSegment

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, FromClause

    from segmentation.fact_types import Fact


# The grammar core: nodes the dispatchers handle structurally (they combine, rank or refer to
# other trees), never registered as kinds.
CORE_TYPES: tuple[type, ...] = (All, And, Or, Not, Ranked, NamedSegment, SavedSegment)


class UnregisteredKind(TypeError):
    """A node type no kind module registered: a dispatcher refuses it rather than falling back
    (printing the node, explaining nothing)."""

    def __init__(self, node: object) -> None:
        name = type(node).__name__
        super().__init__(
            f"{name} is not a registered condition kind: add a module under segmentation/kinds "
            "(docs/architecture.md, 'How to add a condition kind')"
        )
        self.node = node


@dataclass(frozen=True)
class Kind:
    """Every facet of one condition kind. Callables take the node as their second argument
    (first for those without a dispatcher object)."""

    # The node class (segmentation/nodes.py): its fields are its JSON form, checked in
    # __post_init__ so that an invalid node cannot be built.
    node: type
    # (compiler, node, customers table) → the SQL condition on that customers table
    compile: Callable[[Any, Any, FromClause], ColumnElement[bool]]
    # (restater, node) → the zh/en phrase, and its negation ("有咨询" / "未咨询")
    restate: Callable[[Any, Any], str]
    restate_negated: Callable[[Any, Any], str]
    # (explain walker, node) → the facts explain shows for one customer
    explain: Callable[[Any, Any], dict[str, Any]]
    # (node, negated) → the facts a list row shows (owners, departments are on every row)
    row_facts: Callable[[Any, bool], list[Fact]]
    # (node, negated) → (event kind, negated) marks ordering a list; ("", negated): first follow
    activity: Callable[[Any, bool], list[tuple[str, bool]]]
    # node → the event kinds compiling it reads (rollup coverage is checked for these)
    reads: Callable[[Any], set[str]]
    # the breakdown dimension (segmentation.breakdown.DIMENSIONS) that splits customers by
    # this condition's value, None when none does
    breakdown: str | None
    # (node, language) → the question back when the bare condition matches none of the
    # asker's customers (a company name nobody's contains): an empty answer there is a
    # misspelling far more often than an answer. None: zero is an answer.
    unmatched: Callable[[Any, str], str] | None = None


KINDS: dict[type, Kind] = {}


def register(kind: Kind) -> Kind:
    if kind.node in KINDS:
        raise ValueError(f"{kind.node.__name__} is registered twice")
    KINDS[kind.node] = kind
    return kind


def kind_of(node: object) -> Kind:
    """The registered kind of `node`; UnregisteredKind when there is none."""
    found = KINDS.get(type(node))
    if found is None:
        raise UnregisteredKind(node)
    return found


# ---- facet values several kinds share


def by_leading_verb(restater: Any, node: Any) -> str:
    """The negation of a phrase by its leading verb ("在上海" → "不在上海"), else
    不满足“…” / do not match (…)."""
    return restater.by_leading_verb(node)


def no_row_facts(node: Any, negated: bool) -> list[Fact]:
    return []


def no_activity(node: Any, negated: bool) -> list[tuple[str, bool]]:
    return []


def reads_nothing(node: Any) -> set[str]:
    return set()


def event_activity(node: Any, negated: bool) -> list[tuple[str, bool]]:
    """A condition on events of the node's `event_kind`."""
    return [(node.event_kind, negated)]


def reads_event_kind(node: Any) -> set[str]:
    return {node.event_kind}


def order_activity(node: Any, negated: bool) -> list[tuple[str, bool]]:
    """A condition about orders (amounts, scores computed from orders)."""
    return [("order", negated)]
