"""Swaps: the previous question asked again with one thing changed (spec/commands.md §2c).

"近90天的呢" / "what about the last 90 days" after a windowed question re-asks it with the
new window on its windowed conditions; "那北京的呢" / "what about Beijing?" after a question
about Shanghai re-asks it with the new condition in place of the one that said something of
the same kind. These are tree operations only: reading the words is followup.py's, deciding
what to answer is the chat's.

A condition's *kind* is what it says something about: its node type, with event conditions
(performed, counted, of any later condition kind with an `event_kind`) grouped by event kind,
so "下过单的" and "下单3次以上" are both about orders — and so is "买过玻尿酸面霜的" (a product
condition is an order condition about one product): swapped in for "近30天下过单的" it keeps
that answer's 30 days, as it says no time of its own; "那精华液呢" after it swaps the product.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from segmentation.nodes import (
    All,
    And,
    ItemCount,
    ItemEvent,
    NewCustomer,
    Node,
    Not,
    Or,
    Performed,
    Ranked,
    Window,
    walk,
)


def kind_of(part: Node) -> str | None:
    """What one condition (not AND/OR/NOT/everyone) says something about."""
    if isinstance(part, (All, And, Or, Not)):
        return None
    event = getattr(part, "event_kind", None)
    return f"event:{event}" if event else type(part).__name__


# Whose customers they are, said by a person or by a department: one kind, so "咁我哋部門嘅
# VIP呢" after 张三's VIPs swaps the owner for the department instead of adding to it.
# A customer's class, said by a tag, "no tag" or a built-in segment, is one kind too: "那流失
# 风险的呢" after 沉睡客 (a tag), "那untagged的呢" after the VIPs ask about the other class.
_SAME_KIND = {"InDepartment": "Owner", "Untagged": "HasTag", "NamedSegment": "HasTag"}


def kinds(node: Node) -> set[str]:
    """Every kind a tree says something about (a ranking's base included)."""
    found = (kind_of(part) for part in walk(node))
    return {_SAME_KIND.get(k, k) for k in found if k is not None}


# ---------------------------------------------------------------- windows

# A new customer without a window is "new in the last 30 days": it has a window all the same.
_DEFAULT = "default"


def _has_window_field(part: Node) -> bool:
    return any(f.name == "window" for f in fields(part))


def _windowed(part: Node) -> bool:
    if isinstance(part, (And, Or, Not)) or not _has_window_field(part):
        return False
    return getattr(part, "window", None) is not None or isinstance(part, NewCustomer)


@dataclass(frozen=True)
class Windowed:
    """A condition of the previous answer that has a time window of its own."""

    part: Node
    window: Window | None  # None: a new customer's default window (the last 30 days)


def windowed_conditions(node: Node) -> list[Windowed]:
    """The conditions that carry a time window, in the order of the tree; a negated one as
    its negation ("未下单"), which is how the question said it."""
    out: list[Windowed] = []

    def visit(part: Node, negation: Node | None) -> None:
        if isinstance(part, And | Or):
            for child in part.children:
                visit(child, None)
        elif isinstance(part, Not):
            visit(part.child, part)
        elif isinstance(part, Ranked):
            if _windowed(part):
                out.append(Windowed(part, part.window))
            visit(part.base, None)
        elif _windowed(part):
            out.append(Windowed(negation or part, getattr(part, "window", None)))

    visit(node, None)
    return out


def distinct_windows(node: Node) -> list[Window | None]:
    """The different windows of the tree's windowed conditions, first seen first."""
    seen: list[Window | None] = []
    for item in windowed_conditions(node):
        if item.window not in seen:
            seen.append(item.window)
    return seen


def with_window(node: Node, new: Window, only: Window | str | None = _DEFAULT) -> Node:
    """`node` with `new` as the window of its windowed conditions — of every one, or (with
    `only`) of those whose window is `only` (None: the new customers' default window)."""

    def swap(part: Node) -> Node:
        if isinstance(part, And):
            return And(tuple(swap(c) for c in part.children))
        if isinstance(part, Or):
            return Or(tuple(swap(c) for c in part.children))
        if isinstance(part, Not):
            return Not(swap(part.child))
        if isinstance(part, Ranked):
            part = replace(part, base=swap(part.base))
        if not _windowed(part):
            return part
        if only != _DEFAULT and getattr(part, "window", None) != only:
            return part
        return replace(part, window=new)  # type: ignore[arg-type]

    return swap(node)


# ---------------------------------------------------------------- conditions


class Ambiguous(Exception):
    """The new condition's kind sits inside a larger part of the previous answer (an OR, a
    ranking) together with other things: which of them to replace is asked back."""


def swap_conditions(previous: Node, new: Node) -> Node | None:
    """`previous` with each of `new`'s conditions in place of the parts that say something
    of the same kind (the first one's place; the new kinds it lacks are added at the end).
    None: nothing in `previous` is of those kinds (the new conditions only add to it).
    Raises Ambiguous when a part of that kind also says other things."""
    if isinstance(previous, Ranked) and not isinstance(new, Ranked):
        base = swap_conditions(previous.base, new)
        return None if base is None else replace(previous, base=base)
    parts: list[Node] = list(previous.children) if isinstance(previous, And) else [previous]
    added: list[Node] = list(new.children) if isinstance(new, And) else [new]
    swapped = False
    for part in added:
        wanted = kinds(part)
        clashing = [i for i, p in enumerate(parts) if kinds(p) & wanted]
        if not clashing:
            parts.append(part)
            continue
        if any(not kinds(parts[i]) <= wanted for i in clashing):
            raise Ambiguous
        swapped = True
        first = clashing[0]
        parts[first] = _in_their_window(part, [parts[i] for i in clashing])
        parts = [p for i, p in enumerate(parts) if i == first or i not in clashing]
    if not swapped:
        return None
    kept: list[Node] = [p for p in parts if not isinstance(p, All)] or [All()]
    parts = kept
    return parts[0] if len(parts) == 1 else And(tuple(parts))


def add_alternatives(previous: Node, new: Node) -> Node | None:
    """`previous` with `new` as one more alternative for the part of the same kind ("上海的VIP"
    + "加上北京的" = (上海 or 北京) and VIP). None: `previous` says nothing of that kind, so
    there is nothing to widen. Raises Ambiguous when that part says other things too, is
    negated, or `new` is more than one condition."""
    if isinstance(previous, Ranked) and not isinstance(new, Ranked):
        base = add_alternatives(previous.base, new)
        return None if base is None else replace(previous, base=base)
    if isinstance(new, (And, Not, Ranked)):
        raise Ambiguous
    parts: list[Node] = list(previous.children) if isinstance(previous, And) else [previous]
    wanted = kinds(new)
    clashing = [i for i, p in enumerate(parts) if kinds(p) & wanted]
    if not clashing:
        return None
    if len(clashing) > 1 or not kinds(parts[clashing[0]]) <= wanted:
        raise Ambiguous
    old = parts[clashing[0]]
    if isinstance(old, Not):
        raise Ambiguous  # "不在上海的" + "加上北京的": not a list to add to
    if old == new or (isinstance(old, Or) and new in old.children):
        return previous
    alternatives = (*old.children, new) if isinstance(old, Or) else (old, new)
    parts[clashing[0]] = Or(alternatives)
    return parts[0] if len(parts) == 1 else And(tuple(parts))


_ITEMS = (ItemEvent, ItemCount)


def _in_their_window(new: Node, replaced: list[Node]) -> Node:
    """A product condition with no window of its own, in place of event conditions of its
    event kind with one window between them ("那买面霜的呢" after "近30天下单的客户"): in that
    window. Anything else stands as said ("从没下过单" keeps its all time)."""
    if not isinstance(new, _ITEMS) or new.window is not None:
        return new
    windows = {
        getattr(part, "window", None)
        for old in replaced
        for part in walk(old)
        if getattr(part, "event_kind", None) == new.event_kind and kind_of(part) is not None
    }
    negated = any(isinstance(part, Not) for old in replaced for part in walk(old))
    if negated or len(windows) != 1:
        return new
    window = next(iter(windows))
    return new if window is None else replace(new, window=window)


def renamed_items(previous: Node, item: str, names: tuple[str, ...]) -> Node | None:
    """`previous` with its product condition about `names` instead ("那精华液呢" after "近30天
    买过玻尿酸面霜的客户"): the same event, window and count. None: it has no product
    condition, or conditions about different products (which one is meant is not known)."""
    found = {(p.event_kind, p.item, p.names) for p in walk(previous) if isinstance(p, _ITEMS)}
    if len(found) != 1:
        return None

    def rename(part: Node) -> Node:
        if isinstance(part, And):
            return And(tuple(rename(c) for c in part.children))
        if isinstance(part, Or):
            return Or(tuple(rename(c) for c in part.children))
        if isinstance(part, Not):
            return Not(rename(part.child))
        if isinstance(part, Ranked):
            return replace(part, base=rename(part.base))
        if isinstance(part, _ITEMS):
            return replace(part, item=item, names=names)  # type: ignore[arg-type]
        return part

    return rename(previous)


# The events a product is said of (an order's, an inquiry's, a cart's, a refund's product).
_ITEM_EVENT_KINDS = frozenset({"order", "inquiry", "cart", "refund"})


def re_evented_items(previous: Node, new: Node) -> Node | None:
    """`previous` with its product condition about another event ("那咨询过的呢" after "买过
    玻尿酸面霜的客户": who asked about it), when `new` says only that event, with no time of
    its own: the same product, window and count. None: `new` is no bare event of that kind,
    `previous` has no product condition or several, a negated one, or already says something
    of `new`'s event (then the usual swap or narrowing reads it)."""
    if not isinstance(new, Performed) or new.window is not None:
        return None
    if new.event_kind not in _ITEM_EVENT_KINDS:
        return None
    items = [p for p in walk(previous) if isinstance(p, ItemEvent)]
    if len(items) != 1 or items[0].event_kind == new.event_kind:
        return None
    if any(isinstance(p, Not) for p in walk(previous)) and _negates(previous, items[0]):
        return None
    if f"event:{new.event_kind}" in kinds(previous):
        return None
    old = items[0]

    def move(part: Node) -> Node:
        if isinstance(part, And):
            return And(tuple(move(c) for c in part.children))
        if isinstance(part, Or):
            return Or(tuple(move(c) for c in part.children))
        if isinstance(part, Ranked):
            return replace(part, base=move(part.base))
        if part == old:
            return replace(old, event_kind=new.event_kind)
        return part

    return move(previous)


def _negates(tree: Node, part: Node) -> bool:
    """Whether `part` sits under a NOT in `tree`."""
    return any(isinstance(p, Not) and part in list(walk(p.child)) for p in walk(tree))
