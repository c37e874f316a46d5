""" "The rest" after a narrowing ("剩下的那几个呢", "其他的是谁", "其餘嗰啲呢", "and the rest?"):
the customers of the list that was narrowed, without those the narrowing kept — the list's
conditions AND NOT what the narrowing added, so the rows keep the order of the list they come
from. Only after a narrowing (the answer records the list it narrowed); otherwise the words are
left to the readers after this one (a page of the list, a question back).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.context import ask_again
from bot.commands.texts import say
from bot.services.answer import Answer, CountAnswer, SegmentAnswer
from bot.services.query import clarify
from segmentation.nlq.rest_words import read_rest
from segmentation.nodes import And, Node, Not, SegmentFormatError, from_json
from segmentation.scope import Requester


def rest_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The rest of the list the previous answer narrowed, or None when `text` does not ask it
    or the previous answer narrowed no list."""
    asked = read_rest(text)
    if asked is None:
        return None
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is None:
        return None
    previous = previous.with_list()
    if not previous.has_segment or previous.parent is None:
        return None
    try:
        parent, narrowed = from_json(previous.parent), from_json(previous.segment)
    except SegmentFormatError:
        return None
    rest = rest_of(parent, narrowed)
    if rest is None:
        return None
    intent = "count" if asked.count else ""
    answer = ask_again(session, ctx, requester, rest, previous, lang, intent=intent)
    if asked.size is None or _size_of(answer) in (None, asked.size):
        return answer
    # "剩下那俩" where the rest is not two: the list shown, when it is that many (what is left
    # after a drop), else which ones is asked — never the rest of another size.
    if previous.count == asked.size:
        return ask_again(session, ctx, requester, narrowed, previous, lang, intent=intent)
    return clarify(
        say(
            "rest_count_differs",
            lang,
            shown=_size_of(answer),
            listed=previous.count,
            count=asked.size,
        )
    )


def _size_of(answer: Answer) -> int | None:
    return answer.count if isinstance(answer, (CountAnswer, SegmentAnswer)) else None


def rest_of(parent: Node, narrowed: Node) -> Node | None:
    """`parent` without the customers `narrowed` kept, when `narrowed` is `parent` with
    conditions added (each of `parent`'s conditions still in it); None otherwise."""
    kept = parent.children if isinstance(parent, And) else (parent,)
    parts = narrowed.children if isinstance(narrowed, And) else (narrowed,)
    if not all(k in parts for k in kept):
        return None
    added = tuple(p for p in parts if p not in kept)
    if not added:
        return None
    one = added[0] if len(added) == 1 else And(added)
    other = one.child if isinstance(one, Not) else Not(one)
    return And((*kept, other))
