"""A bound swapped in the previous question (spec/commands.md §2c): "what about at least
1000" after "spent more than 1000 in the last 90 days", "那超过500的呢", "咁3次以上嘅呢" —
the same question with the new comparison and number on its one compared condition (a sum
spent, an average order, a refund amount, a number of events). Reading the bound from the
tokens and the tree operation are here; deciding what to answer is the chat's."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from segmentation.nlq.token_kinds import K
from segmentation.nodes import (
    COMPARISONS,
    ORDER_MEASURES,
    And,
    AvgOrderValue,
    Comparison,
    EventCount,
    ItemCount,
    Node,
    Not,
    Or,
    Ranked,
    RefundAmount,
    Spend,
    walk,
)

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

_AMOUNTS = (Spend, AvgOrderValue, RefundAmount)
_COUNTS = (EventCount, ItemCount)
# What may stand beside the bound in "那超过500的客户呢": nothing that is a condition.
_COMPANIONS = (K.DE, K.FILLER, K.SEP, K.CUSTOMER)


@dataclass(frozen=True)
class Bound:
    """A comparison and its number, and what the number measures when it said so."""

    op: Comparison
    value: Decimal
    unit: str | None  # "times" | "money" | None (not said)


def read_bound(tokens: list[Token]) -> Bound | None:
    """The bound `tokens` say and nothing else ("at least 1000", "500以上", "过千", "最少3次"),
    or None."""
    nums = [t for t in tokens if t.kind == K.NUM]
    ops = [t for t in tokens if t.kind in (K.CMP, K.MOST)]
    rest = [t for t in tokens if t.kind not in (K.NUM, K.CMP, K.MOST, *_COMPANIONS)]
    if len(nums) != 1 or len(ops) != 1 or rest:
        return None
    op = _op(ops[0], before=ops[0].start < nums[0].start)
    if op is None or nums[0].unit not in (None, "times", "money"):
        return None
    return Bound(op, Decimal(str(nums[0].value)), nums[0].unit)


def _op(token: Token, *, before: bool) -> Comparison | None:
    if token.kind == K.MOST:  # 最少1000 / 最多3次: with a number, a bound, never a ranking
        most: dict[str, Comparison] = {"least": ">=", "most": "<="}
        return most.get(token.value) if before else None
    op, position = token.value
    if op not in COMPARISONS or (position == "pre") != before:
        return None
    return cast(Comparison, op)


def compared(node: Node, unit: str | None) -> list[Any]:
    """The compared conditions of `node` a bound of `unit` may be about, in tree order."""
    kinds: tuple[type, ...] = {"money": _AMOUNTS, "times": _COUNTS}.get(
        unit or "", _AMOUNTS + _COUNTS
    )
    return [part for part in walk(node) if isinstance(part, kinds)]


def with_bound(node: Node, bound: Bound) -> Node | None:
    """`node` with `bound` on its one compared condition (its window, event, product kept);
    None when it has none, several, or a count the number cannot be (1.5 times)."""
    found = compared(node, bound.unit)
    if len(found) != 1:
        return None
    old = found[0]
    if isinstance(old, _COUNTS):
        if bound.value != bound.value.to_integral_value():
            return None
        new: Node = replace(old, op=bound.op, value=int(bound.value))
    else:
        new = replace(old, op=bound.op, value=bound.value)
    return _replaced(node, old, new)


def _replaced(node: Node, old: Node, new: Node) -> Node:
    if node is old:
        return new
    if isinstance(node, And):
        return And(tuple(_replaced(c, old, new) for c in node.children))
    if isinstance(node, Or):
        return Or(tuple(_replaced(c, old, new) for c in node.children))
    if isinstance(node, Not):
        return Not(_replaced(node.child, old, new))
    if isinstance(node, Ranked):
        return replace(node, base=_replaced(node.base, old, new))
    return node


def on_ranked_measure(node: Node, bound: Bound) -> Node | None:
    """ "just the ones with 2 or more", "只要消费1000以上的" after a ranking that compares
    nothing: a threshold on the measure it ranks by (the number of orders, the spend), in the
    ranking's window — the same ranking of the ones that reach it. None when `node` is no
    such ranking, or the number cannot be of its measure (1.5 orders, ¥ for a count)."""
    if not isinstance(node, Ranked) or node.by not in ORDER_MEASURES:
        return None
    threshold: Node
    if node.by == "orders":
        whole = bound.value == bound.value.to_integral_value()
        if bound.unit not in (None, "times") or not whole:
            return None
        threshold = EventCount("order", bound.op, int(bound.value), node.window)
    else:
        if bound.unit not in (None, "money"):
            return None
        threshold = Spend(bound.op, bound.value, node.window)
    if node.percent == Decimal(100):  # everyone ranked: the ones that reach it, ranked
        return replace(node, base=And((node.base, threshold)))
    return Ranked(
        And((node, threshold)), node.direction, percent=Decimal(100), window=node.window, by=node.by
    )
