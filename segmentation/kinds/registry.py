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

from segmentation.nodes import CORE_NODE_TYPES, register_node_type

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, FromClause

    from segmentation.fact_types import Fact


# The grammar core: nodes the dispatchers handle structurally (they combine, rank or refer to
# other trees), never registered as kinds.
CORE_TYPES: tuple[type, ...] = CORE_NODE_TYPES


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
class Dimension:
    """A breakdown dimension a kind declares (a customers column, one group per value): the
    breakdown, its words and its labels come from here, not from tables elsewhere."""

    key: str  # the breakdown's `by` ("contact_type")
    column: str  # the customers column grouped on
    words: str  # a regular expression naming it in 按X分 / by X (simplified, lower case)
    label: tuple[str, str]  # the dimension's name (zh, en)
    values: dict[str, tuple[str, str]]  # a stored value (as text) → its name (zh, en)
    none: tuple[str, str]  # the name of "no value"


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
    # the breakdown dimension that splits customers by this condition's value: a built-in
    # one's key (segmentation.breakdown.BUILT_IN), or the kind's own Dimension; None: none
    breakdown: str | Dimension | None
    # The parser's token kinds (segmentation.nlq.lexicon.K values) that head a chunk saying
    # this condition: chunks.HEADS is their union.
    heads: tuple[str, ...] = ()
    # Conditions on what a customer is now (a tag, an owner, a column), not on dated events:
    # membership changes over time are read as they are now at both ends.
    current_only: bool = False
    # The value of a K.SPEND word (客单价 → "aov") that names the amount this kind compares
    # (op, value, window); the parser's measures are these.
    measure: str | None = None
    # Words read as this condition on their own: ("a|b|c", node) pairs, lexicon surfaces
    # (simplified, lower case) heading a chunk as K.ATTRIBUTE with that node as value.
    words: tuple[tuple[str, Any], ...] = ()
    # For kinds the tests' own tables (tests/segmentation/reference.py, trees.py) do not
    # list: (reference evaluator, node, external_userid) → member?, in plain Python over the
    # test dataset; the nodes the random trees draw from; and the customers columns the
    # kind reads with the values the random test data draws from.
    reference: Callable[[Any, Any, str], bool] | None = None
    samples: Callable[[], tuple[Any, ...]] | None = None
    stored: tuple[tuple[str, tuple[object, ...]], ...] = ()
    # (node, language) → the question back when the bare condition matches none of the
    # asker's customers (a company name nobody's contains): an empty answer there is a
    # misspelling far more often than an answer. None: zero is an answer.
    unmatched: Callable[[Any, str], str] | None = None


KINDS: dict[type, Kind] = {}


def register(kind: Kind) -> Kind:
    if kind.node in KINDS:
        raise ValueError(f"{kind.node.__name__} is registered twice")
    register_node_type(kind.node)
    KINDS[kind.node] = kind
    return kind


def dimensions() -> dict[str, Dimension]:
    """The breakdown dimensions kinds declare, by key."""
    return {
        k.breakdown.key: k.breakdown for k in KINDS.values() if isinstance(k.breakdown, Dimension)
    }


def measures() -> dict[str, type]:
    """K.SPEND measure value → the node class comparing that amount (op, value, window)."""
    return {k.measure: k.node for k in KINDS.values() if k.measure is not None}


def current_only_types() -> tuple[type, ...]:
    return tuple(k.node for k in KINDS.values() if k.current_only)


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


def register_plain_kind(
    node: type,
    compile: Callable[[Any, Any, FromClause], ColumnElement[bool]],
    restate: Callable[[Any, Any], str],
    restate_negated: Callable[[Any, Any], str],
    explain: Callable[[Any, Any], dict[str, Any]],
    **more: Any,
) -> Kind:
    """Register a kind that shows no fact on a list row, orders a list by no event, reads no
    event kind and splits no breakdown (a campaign's contacts, a name or a text searched);
    `more`: its other facets (heads, reference, ...)."""
    return register(
        Kind(
            node=node,
            compile=compile,
            restate=restate,
            restate_negated=restate_negated,
            explain=explain,
            row_facts=no_row_facts,
            activity=no_activity,
            reads=reads_nothing,
            breakdown=None,
            **more,
        )
    )


def event_activity(node: Any, negated: bool) -> list[tuple[str, bool]]:
    """A condition on events of the node's `event_kind`."""
    return [(node.event_kind, negated)]


def reads_event_kind(node: Any) -> set[str]:
    return {node.event_kind}


def order_activity(node: Any, negated: bool) -> list[tuple[str, bool]]:
    """A condition about orders (amounts, scores computed from orders)."""
    return [("order", negated)]
