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
    NamedSegment,
    NewCustomer,
    Node,
    Not,
    Or,
    Performed,
    Ranked,
    RollingWindow,
    Window,
    walk,
)
from segmentation.text import normalize


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


def counts_days(node: Node) -> bool:
    """Whether a windowed condition of `node` has a window of a number of days (近7日); new
    customers with no window said have one too (the last 30 days: 新客 then 转做7日)."""
    return any(
        (isinstance(w.window, RollingWindow) and w.window.unit == "days")
        or (w.window is None and isinstance(w.part, NewCustomer))
        for w in windowed_conditions(node)
    )


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


def _windowless(part: Node) -> bool:
    """A condition that could have a window and was said without one (all time)."""
    if isinstance(part, (And, Or, Not, NewCustomer)) or not _has_window_field(part):
        return False
    return getattr(part, "window", None) is None


def with_window_on_all_time(node: Node, new: Window) -> Node | None:
    """ "近半年呢" after "买过唇釉的客户" (no window anywhere): the window said after all the
    conditions, as spec §2 reads "咨询过没下单的，近30天" — on every condition that could have
    one. None: nothing in `node` takes a window (a tag, a class, a city)."""
    if not any(_windowless(part) for part in walk(node)):
        return None

    def put(part: Node) -> Node:
        if isinstance(part, And):
            return And(tuple(put(c) for c in part.children))
        if isinstance(part, Or):
            return Or(tuple(put(c) for c in part.children))
        if isinstance(part, Not):
            return Not(put(part.child))
        if isinstance(part, Ranked):
            part = replace(part, base=put(part.base))
        return replace(part, window=new) if _windowless(part) else part  # type: ignore[arg-type]

    return put(node)


# ---------------------------------------------------------------- conditions


class Ambiguous(Exception):
    """The new condition's kind sits inside a larger part of the previous answer (an OR, a
    ranking) together with other things: which of them to replace is asked back."""


def swap_conditions(
    previous: Node,
    new: Node,
    said_all_time: bool = False,
    other_event: bool = True,
    alike: bool = False,
) -> Node | None:
    """`previous` with each of `new`'s conditions in place of the parts that say something
    of the same kind (the first one's place; the new kinds it lacks are added at the end).
    None: nothing in `previous` is of those kinds (the new conditions only add to it).
    Raises Ambiguous when a part of that kind also says other things. `said_all_time`: the
    new words said "ever" (从来没/never/还没), so a bare event keeps its all time.
    `other_event`: a bare event may replace the question's only event of another kind.
    `alike` (a correction): an event replaces the question's only event of another kind said
    the same way — a negated one the negated one ("不是，我要的是近30天没下单的" after 近30天没咨询
    的), a positive one the positive one — whatever other events the question has."""
    if isinstance(previous, Ranked) and not isinstance(new, Ranked):
        base = swap_conditions(previous.base, new, said_all_time, other_event, alike)
        return None if base is None else replace(previous, base=base)
    if isinstance(previous, Ranked) and isinstance(new, Ranked) and isinstance(new.base, All):
        # "那 bottom 20% 呢" after my department's top 20%: another ranking of the same
        # customers, in the previous ranking's window unless it says its own
        window = new.window if new.window is not None else previous.window
        return replace(new, base=previous.base, window=window)
    # An AND inside the AND is the same conjunction ("我的客户里 询价过但没买过的" is mine AND
    # (inquired AND never ordered)): its parts are swapped one by one, as "那近30天有问价 但30天内
    # 没下单的呢" says them, rather than the group being asked about as a whole.
    parts: list[Node] = _conjuncts(previous)
    added: list[Node] = list(new.children) if isinstance(new, And) else [new]
    swapped = False
    for part in added:
        wanted = kinds(part)
        clashing = [i for i, p in enumerate(parts) if kinds(p) & wanted]
        if not clashing and other_event:
            clashing = _alike_event(parts, part) if alike else _other_event(parts, part)
        elif any(not kinds(parts[i]) <= wanted for i in clashing):
            raise Ambiguous
        if not clashing:
            parts.append(part)
            continue
        swapped = True
        first = clashing[0]
        parts[first] = _in_their_window(part, [parts[i] for i in clashing], said_all_time)
        parts = [p for i, p in enumerate(parts) if i == first or i not in clashing]
    if not swapped:
        return None
    kept: list[Node] = [p for p in parts if not isinstance(p, All)] or [All()]
    parts = kept
    return parts[0] if len(parts) == 1 else And(tuple(parts))


def _conjuncts(node: Node) -> list[Node]:
    """The parts `node` ANDs together, nested ANDs opened."""
    if not isinstance(node, And):
        return [node]
    return [part for child in node.children for part in _conjuncts(child)]


def add_alternatives(previous: Node, new: Node) -> Node | None:
    """`previous` with `new` as one more alternative for the part of the same kind ("上海的VIP"
    + "加上北京的" = (上海 or 北京) and VIP). None: `previous` says nothing of that kind, so
    there is nothing to widen. Raises Ambiguous when that part says other things too or is
    negated; `new` of several conditions is a group of its own (_add_group)."""
    if isinstance(previous, Ranked) and not isinstance(new, Ranked):
        base = add_alternatives(previous.base, new)
        return None if base is None else replace(previous, base=base)
    if isinstance(new, And):
        return _add_group(previous, new)
    if isinstance(new, (Not, Ranked)):
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


def _add_group(previous: Node, new: And) -> Node:
    """ "北京的女客户也加上" after 上海的女客户, "add the Beijing women too": a whole group of its
    own added to the previous one. It says every kind the previous answer says, so which
    customers is certain: one more value where the two differ in one condition only ((上海 or
    北京) and 女), else either group. Raises Ambiguous when the group leaves out a kind the
    previous answer has ("北京的VIP也加上" after 近30天咨询的上海客户: asked or not?)."""
    if not kinds(previous) <= kinds(new) or isinstance(previous, (Or, Ranked)):
        raise Ambiguous
    parts: list[Node] = list(previous.children) if isinstance(previous, And) else [previous]
    others = [p for p in parts if p not in new.children]
    added = [n for n in new.children if n not in parts]
    if not added:
        return previous  # the same group again
    if len(others) == 1 and len(added) == 1 and kinds(others[0]) == kinds(added[0]):
        try:
            widened = add_alternatives(previous, added[0])
        except Ambiguous:
            widened = None
        if widened is not None:
            return widened
    return Or((previous, new))


_ITEMS = (ItemEvent, ItemCount)


def _bare_event(node: Node) -> Performed | None:
    """The event of "下过单" / "没下单" said with no window of its own, else None."""
    inner = node.child if isinstance(node, Not) else node
    return inner if isinstance(inner, Performed) and inner.window is None else None


def _event_kinds(node: Node) -> set[str]:
    return {k for k in kinds(node) if k.startswith("event:")}


def _other_event(parts: list[Node], new: Node) -> list[int]:
    """ "琴日有落單嘅呢" after "昨天有咨询的": a bare event of another kind in place of the
    question's only event condition — the same question about another activity ("那下过单
    的呢" asks in parallel; narrowing is said with 其中/这些). So is an event about a product
    ("改成买过精华液的" after 咨询过玻尿酸面霜的, "what about customers who inquired about
    Serum X" after the buyers of Serum X: both at once is no swap). So is a built-in class, which
    is made of the customers' events too ("咁我啲流失風險客呢" after "我啲客近半年邊個買過
    唇釉": my at-risk customers, not the buyers among them). The index of that condition,
    or none when the question has no event condition or several (which one is not known:
    the new one then adds to it, as before)."""
    if not isinstance(new, (Performed, NamedSegment, *_ITEMS)):
        return []  # "那没下单的呢" after inquirers: the funnel (咨询了没下单), added as before
    with_events = [i for i, p in enumerate(parts) if _event_kinds(p)]
    if len(with_events) != 1:
        return []
    old = parts[with_events[0]]
    one_event = len(_event_kinds(old)) == 1 and kinds(old) == _event_kinds(old)
    return with_events if one_event and not isinstance(old, (And, Or)) else []


def _negated_event(node: Node) -> bool:
    """ "没下单" / "没买过面霜" / "not a dormant customer": a NOT over one event condition."""
    return isinstance(node, Not) and isinstance(node.child, (Performed, NamedSegment, *_ITEMS))


def _alike_event(parts: list[Node], new: Node) -> list[int]:
    """A correction's event in place of the question's only event condition of another kind
    said the same way: "不是，是近30天没下单的" after 近30天没咨询的 (a NOT for the NOT), "I meant
    the ones who visited" after 咨询过没下单的 (the positive one). The index of that condition,
    or none when there is none or several (which one is not known: asked back)."""
    negated = _negated_event(new)
    if not negated and not isinstance(new, (Performed, NamedSegment, *_ITEMS)):
        return []
    alike = [
        i
        for i, part in enumerate(parts)
        if _event_kinds(part)
        and kinds(part) == _event_kinds(part)
        and len(_event_kinds(part)) == 1
        and (_negated_event(part) if negated else not isinstance(part, (Not, And, Or)))
    ]
    return alike if len(alike) == 1 else []


def kept_a_window(new: Node, swapped: Node) -> bool:
    """Whether a negated bare event of `new` ("那没下单的呢") took a window in `swapped`: the
    reply then says how "never" is asked, so the two readings stay told apart."""
    negated = {
        bare.event_kind for p in walk(new) if isinstance(p, Not) and (bare := _bare_event(p))
    }
    return any(
        isinstance(p, Not)
        and isinstance(p.child, Performed)
        and p.child.event_kind in negated
        and p.child.window is not None
        for p in walk(swapped)
    )


def _in_their_window(new: Node, replaced: list[Node], said_all_time: bool = False) -> Node:
    """A product condition with no window of its own, in place of event conditions of its
    event kind with one window between them ("那买面霜的呢" after "近30天下单的客户"): in that
    window. So is a bare event ("那没下单的呢" after "近90天有下单的": no order in those 90
    days, the previous question with one thing changed), unless its words said "ever"
    ("从来没下过单" keeps its all time). Anything else stands as said."""
    if _bare_event(new) is not None and not said_all_time:
        return _bare_in_window(new, replaced)
    if not isinstance(new, _ITEMS) or new.window is not None:
        return new
    windows = _event_windows(replaced, new.event_kind) or _event_windows(replaced, None)
    negated = any(isinstance(part, Not) for old in replaced for part in walk(old))
    if negated or len(windows) != 1:
        return new
    window = next(iter(windows))
    return new if window is None else replace(new, window=window)


def _event_windows(replaced: list[Node], event_kind: str | None) -> set[Window | None]:
    """The windows of the event conditions in `replaced` — of `event_kind`'s, or (None) of
    any event's: "改成买过精华液的" after 近30天咨询过面霜的 asks about those 30 days too."""
    found: set[Window | None] = set()
    for old in replaced:
        for part in walk(old):
            said = getattr(part, "event_kind", None)
            if said and kind_of(part) is not None and event_kind in (None, said):
                found.add(getattr(part, "window", None))
    return found


def _bare_in_window(new: Node, replaced: list[Node]) -> Node:
    """`new` (a bare event, maybe negated) in the one window of the event conditions it
    replaces; as said when they have none or several."""
    windows = {
        getattr(part, "window", None)
        for old in replaced
        for part in walk(old)
        if getattr(part, "event_kind", None) and kind_of(part) is not None
    }
    if len(windows) != 1 or None in windows:
        return new
    window = next(iter(windows))
    bare = _bare_event(new)
    assert bare is not None
    in_window = replace(bare, window=window)
    return Not(in_window) if isinstance(new, Not) else in_window


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


def item_renamed(previous: Node, value: str, items: tuple[tuple[str, str], ...]) -> Node | None:
    """`previous` with its one product (or category, SKU) condition naming the item `value`
    names instead ("不对，是精华液" after "谁买过唇釉": who bought 精华液, in the same window and
    as often): the item alone asks "bought or asked about?", which the last question already
    said. None when `value` is not exactly one known item, or `previous` has no item condition
    or conditions about different items (renamed_items)."""
    said = normalize(value).strip()
    for tail in _ITEM_TAILS:
        said = said.removesuffix(tail)
    named = [(field, name) for field, name in items if normalize(name) == said]
    if not said or len({field for field, _name in named}) != 1:
        return None
    field, name = named[0]
    return renamed_items(previous, field, (name,))


# What may close an item said alone: 精华液的 / 精华液那个 / 精华液嘅
_ITEM_TAILS = ("的那个", "那个", "的", "嘅")
