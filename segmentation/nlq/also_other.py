"""A list widened by another kind of condition: "我的客户里上个月下过单的" then "加上咨询过的" /
"再加上 inquired 的" / "同埋有問價嘅" / "also include those who inquired" → the list's customers
OR the new ones (swap.add_alternatives widens by one more value of a kind the list already
has; this is for a kind it has not).

Whose customers the list is about (我的 / 张三的 / 我们部门的) stays: it says who is looked at,
not what they did, so the new ones are among the same people. The new condition said with no
window of its own takes the list's, when the list has one ("inquired" after "ordered last
month" is inquired last month); the reply says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from segmentation.nlq.swap import Ambiguous, distinct_windows, with_window_on_all_time
from segmentation.nodes import And, InDepartment, Node, Not, Or, Owner, Ranked, Window, walk

# Conditions that say whose customers a list is about: kept for the new ones too.
_WHOSE = (Owner, InDepartment)


class WhichWindow(Ambiguous):
    """The new condition has no window and the list has several: which one it takes is asked."""

    def __init__(self, windows: tuple[Window, ...]) -> None:
        super().__init__()
        self.windows = windows


@dataclass(frozen=True)
class Widened:
    node: Node
    # The list's window the new condition took (None: it had its own, or needed none).
    window_taken: Window | None


def widened_by_other(previous: Node, new: Node) -> Widened:
    """`previous` OR `new`, whose customers kept. Raises Ambiguous when that is unclear: a
    ranking or a negation at the list's top, a list that is only whose customers (nothing to
    add to); WhichWindow for a new condition with no window where the list has several."""
    if isinstance(previous, (Ranked, Not)) or isinstance(new, Ranked):
        raise Ambiguous
    parts = list(previous.children) if isinstance(previous, And) else [previous]
    whose = [p for p in parts if isinstance(p, _WHOSE)]
    rest = [p for p in parts if not isinstance(p, _WHOSE)]
    if not rest:
        raise Ambiguous  # "我的客户" + "加上咨询过的": nothing but whose, nothing to add to
    new, taken = _in_list_window(previous, new)
    if any(isinstance(part, _WHOSE) for part in walk(new)):
        return Widened(Or((previous, new)), taken)  # whose the new ones are, said anew
    listed = rest[0] if len(rest) == 1 else And(tuple(rest))
    either = Or((*listed.children, new)) if isinstance(listed, Or) else Or((listed, new))
    node = And((*whose, either)) if whose else either
    return Widened(node, taken)


def _in_list_window(previous: Node, new: Node) -> tuple[Node, Window | None]:
    """`new` with the list's window on what it said with none, when the list has one."""
    windows = [w for w in distinct_windows(previous) if w is not None]
    if not windows:
        return new, None
    placed = with_window_on_all_time(new, windows[0])
    if placed is None:
        return new, None  # a tag, a city: no window to take
    if len(set(windows)) > 1:
        raise WhichWindow(tuple(dict.fromkeys(windows)))  # which of the list's periods: asked
    return placed, windows[0]
