"""Two periods together after a window swap (spec/commands.md §2c): "9月份新加的客户", "那10月
新加的呢", then "两个月一起看" / "合起来看" / "both months together" → the same conditions over
both periods: one window from the start of the first to the end of the last when they touch or
overlap (9月1日–10月31日), else the two lists together (either period).

The two periods are the last answer's and the one of the earlier list it was swapped from —
the same conditions in another window, found in the conversation's lists (newest first).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.context import ask_again, previous_segment
from bot.commands.texts import say
from bot.services.answer import Answer
from bot.services.query import clarify
from segmentation.nlq.swap import distinct_windows, with_window
from segmentation.nlq.together_words import read_together
from segmentation.nodes import (
    Node,
    Or,
    SegmentFormatError,
    canonical,
    from_json,
)
from segmentation.scope import Requester
from segmentation.windows import covering_window


def together_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The last question over both periods, or a question back when the two periods said
    ("两个月一起看") are not those of the last two lists. None: not such a message, or a bare
    "合起来" with no two periods to join (read as usual)."""
    together = read_together(text)
    if together is None:
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    node, previous = found
    earlier = _swapped_from(session, ctx, requester, node)
    if earlier is None:
        if not together.periods_said:
            return None
        return clarify(say("together_which", lang, description=previous.description))
    joined = _joined(earlier, node, ctx)
    notes = (say("together_note", lang),)
    intent = "count" if together.count else ""
    return ask_again(session, ctx, requester, joined, previous, lang, notes, intent=intent)


def _swapped_from(
    session: Session, ctx: CommandContext, requester: Requester, node: Node
) -> Node | None:
    """The latest earlier list with the same conditions as `node` in another single window."""
    windows = distinct_windows(node)
    if len(windows) != 1 or windows[0] is None:
        return None
    current = canonical(node)
    history = conv.load(session, requester.userid, ctx.now).history
    for kept in reversed(history):
        try:
            other = from_json(kept.segment)
        except SegmentFormatError:
            continue
        theirs = distinct_windows(other)
        if len(theirs) != 1 or theirs[0] in (None, windows[0]):
            continue
        if canonical(with_window(other, windows[0])) == current:
            return other
    return None


def _joined(earlier: Node, current: Node, ctx: CommandContext) -> Node:
    """`current`'s conditions over both windows: one window when they touch, else either."""
    first, second = distinct_windows(earlier)[0], distinct_windows(current)[0]
    assert first is not None and second is not None
    window = covering_window(first, second, ctx.now, ctx.settings.timezone)
    if window is None:
        return Or((earlier, current))
    return with_window(current, window)
