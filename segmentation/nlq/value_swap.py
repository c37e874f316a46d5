"""The tree operations of a swap that names what it replaces (value_swap_words.py reads the
words): the previous answer with one named condition in another's place, its event kind
changed with its window kept ("把詢價換成下單"), or its gender turned to the other one.

Each returns None when the previous answer has no such part, so that the chat asks back
rather than answering a different question.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from segmentation.nlq.bound_swap import compared
from segmentation.nlq.cities import field_cities
from segmentation.nlq.swap import kinds
from segmentation.nodes import (
    And,
    City,
    EventCount,
    Gender,
    ItemCount,
    ItemEvent,
    Node,
    Not,
    Or,
    Performed,
    Ranked,
    canonical,
    walk,
)
from segmentation.text import normalize

# Conditions that say an event of one kind, whose kind a swap may change ("詢價" → "下單"),
# each keeping its window, count and product.
_EVENTS = (Performed, EventCount, ItemEvent, ItemCount)


def _rebuilt(node: Node, change: Callable[[Node], Node | None]) -> Node:
    """`node` with each condition `change` gives a new part for replaced by it."""

    def visit(part: Node) -> Node:
        if isinstance(part, And):
            return And(tuple(visit(c) for c in part.children))
        if isinstance(part, Or):
            return Or(tuple(visit(c) for c in part.children))
        if isinstance(part, Not):
            return Not(visit(part.child))
        if isinstance(part, Ranked):
            return replace(part, base=visit(part.base))
        changed = change(part)
        return part if changed is None else changed

    return visit(node)


def same_condition(a: Node, b: Node) -> bool:
    """Whether two conditions say the same thing (a city by any of its spellings)."""
    if a == b or canonical(a) == canonical(b):
        return True
    if isinstance(a, City) and isinstance(b, City):
        return _cities(a) == _cities(b)
    return False


def _cities(city: City) -> set[str]:
    return {c for n in city.names for c in field_cities(normalize(n)) or (n,)}


def with_part_replaced(node: Node, old: Node, new: Node) -> Node | None:
    """`node` with its condition `old` (named by the asker) replaced by `new`; None when it
    has no such condition or `new` says something of another kind (北京 → VIP)."""
    if not kinds(new) or kinds(new) != kinds(old):
        return None
    found = [p for p in walk(node) if same_condition(p, old)]
    if not found:
        return None
    return _rebuilt(node, lambda part: new if same_condition(part, old) else None)


def event_kind_said(node: Node) -> str | None:
    """The event kind `node` says alone ("询价" → inquiry), with no window, count or product
    of its own, else None."""
    return node.event_kind if isinstance(node, Performed) and node.window is None else None


def with_event_kind(node: Node, old_kind: str, new_kind: str) -> Node | None:
    """`node` with its conditions on `old_kind` events asking about `new_kind` events, each
    in its own window and with its own count or product ("把詢價換成下單" after "近一个月有
    询价的": ordered in that month). None when it has none, or already says `new_kind`
    (both at once would be one condition said twice)."""
    said = {p.event_kind for p in walk(node) if isinstance(p, _EVENTS)}
    if old_kind not in said or new_kind in said:
        return None
    return _rebuilt(
        node,
        lambda part: (
            replace(part, event_kind=new_kind)
            if isinstance(part, _EVENTS) and part.event_kind == old_kind
            else None
        ),
    )


def with_other_gender(node: Node) -> Node | None:
    """`node` with its one gender turned to the other; None when it says no gender, or
    both (男女都要 has no other)."""
    genders = {p.value for p in walk(node) if isinstance(p, Gender)}
    if len(genders) != 1:
        return None
    other = Gender(2 if genders == {1} else 1)  # WeCom: 1 male, 2 female
    return _rebuilt(node, lambda part: other if isinstance(part, Gender) else None)


def with_number(node: Node, old: Decimal | None, new: Decimal) -> Node | None:
    """`node` with `new` as the number of its one compared condition (an amount or a count,
    its comparison, window and event kept): "raise it to 5000" after "消费超过1000的"; with
    `old` ("把1000改成5000"), the one whose number is `old`. None: none, or several."""
    found = [p for p in compared(node, None) if old is None or Decimal(str(p.value)) == old]
    if len(found) != 1:
        return None
    part = found[0]
    if isinstance(part.value, int):
        if new != new.to_integral_value():
            return None
        changed: Node = replace(part, value=int(new))
    else:
        changed = replace(part, value=new)
    return _rebuilt(node, lambda p: changed if p is part else None)
