"""A bound swapped in the previous question: "what about at least 1000" / "那超过500的呢" /
"咁3次以上嘅呢" → that question again with the new bound on its one amount or count
(spec/commands.md §2c; reading the bound and the tree operation are segmentation.nlq's).
Which condition is meant is asked back when there are several, or none."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.context import ask_again, previous_segment
from bot.commands.said_tokens import readable_tokens
from bot.commands.texts import say
from bot.services.answer import Answer
from bot.services.query import clarify
from segmentation.nlq.bound_swap import compared, on_ranked_measure, read_bound, with_bound
from segmentation.nlq.followup import window_swap_words
from segmentation.nodes import SegmentFormatError
from segmentation.scope import Requester


def swapped_bound_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The previous question with the bound `text` says alone, or None when `text` is no
    bound alone or nothing was asked before (then it is read as it stands)."""
    words = window_swap_words(text)  # "那…的呢", "what about …", "… instead"
    if words is None or len(words) > 30:  # a bound alone is short; skip the tokenizer
        return None
    tokens = readable_tokens(session, ctx, words)
    if tokens is None:
        return None
    bound = read_bound(tokens)
    if bound is None:
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    node, previous = found
    try:
        swapped = with_bound(node, bound)
    except SegmentFormatError:  # a number beyond the bounds: the parser's question back
        return None
    if swapped is None:  # "just the ones with 2 or more" after a ranking by orders
        swapped = on_ranked_measure(node, bound)
    if swapped is not None:
        return ask_again(session, ctx, requester, swapped, previous, lang)
    key = "bound_which" if len(compared(node, bound.unit)) > 1 else "bound_no_condition"
    return clarify(say(key, lang, description=previous.description, new=words))
