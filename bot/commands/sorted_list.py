"""A list just shown, sorted (spec §2c, issue 19): "按消费排一下", "照使錢多少排下",
"sort by spend", "rank them by spend, lowest first" right after an answer, saying no customers
of its own — the ranking of all (segmentation/nlq/sort_words.py) among the customers of that
answer, in the window the sort says, else all time. Said after a ranking, the ranking is asked
again sorted that way (its own base and window kept unless a window is said)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.context import ask_again, previous_segment
from bot.services.answer import Answer
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.ask import Ask
from segmentation.nlq.sort_words import order_said_alone, sorted_as_ranking
from segmentation.nodes import All, Node, Ranked
from segmentation.scope import Requester
from segmentation.text import normalize


def sorted_list_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The previous answer's customers ranked as `text` says, or None when `text` is no sort
    said alone (a sort with customers of its own is a question of its own)."""
    norm = normalize(text)
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    order = order_said_alone(norm)
    if order is not None:
        return _resorted(session, ctx, requester, found, order, lang)
    if sorted_as_ranking_safe(norm) == norm:
        return None  # no sort words: nothing here
    vocab = load_vocabulary(session, ctx.engine.named)
    command = parse_command(
        _THEM.sub(r"\1", text),  # "sort them by spend": the answer is what is sorted
        vocabulary=vocab,
        asker=requester.userid,
        now=ctx.now,
        tz=ctx.settings.timezone,
    )
    ranking = _ranking_of_all(command)
    if ranking is None or not isinstance(ranking.base, All):
        return None
    previous_node, previous = found
    node = _sorted(previous_node, ranking)
    # a count asked before is shown as the list it sorts ("有几个" then "按消费排一下")
    intent = "list" if command.intent == "count" else command.intent
    return ask_again(session, ctx, requester, node, previous, lang, intent=intent)


# The answer itself said as what to sort ("sort them by spend", "把它们按消费排一下"): no
# customers of its own.
_THEM = re.compile(
    r"\b(rank|sort|order|arrange)\s+(?:them|these|those|it|this|the\s+list|this\s+list|"
    r"these\s+customers|those\s+customers)\b",
    re.I,
)


def _resorted(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    found: tuple[Node, conv.PreviousAnswer],
    order: str,
    lang: str,
) -> Answer | None:
    """ "从低到高排", "lowest first", "reverse the order" after a ranking: the same customers in
    that order. After a list that is no ranking, the measure is unsaid: left to be asked."""
    previous_node, previous = found
    if not isinstance(previous_node, Ranked):
        return None
    direction = order
    if order == "reverse":
        direction = "bottom" if previous_node.direction == "top" else "top"
    if previous_node.percent == 100:
        node: Ranked = replace(previous_node, direction=direction)  # type: ignore[arg-type]
    else:  # the top 3, lowest first: the same three
        node = Ranked(
            previous_node,
            direction=direction,  # type: ignore[arg-type]
            percent=Decimal(100),
            window=previous_node.window,
            by=previous_node.by,
        )
    return ask_again(session, ctx, requester, node, previous, lang, intent="list")


def sorted_as_ranking_safe(norm: str) -> str:
    """`sorted_as_ranking`, with a ranking by how often (asked back by the parser) kept as it
    stands here: the parser is the one that asks."""
    try:
        return sorted_as_ranking(norm)
    except Ask:
        return norm


def _ranking_of_all(command: object) -> Ranked | None:
    """The ranking of everyone the command is (a sort said with no count), or None."""
    if not isinstance(command, Command) or command.details:
        return None
    if command.intent not in ("list", "export", "count"):
        return None
    segment = command.segment
    if not isinstance(segment, Ranked) or segment.percent != Decimal(100):
        return None
    return segment


def _sorted(previous: Node, ranking: Ranked) -> Ranked:
    """The ranking among the previous answer's customers. A ranking of all shown before is
    ranked again in the new order (and window, when one is said); a counted one (the top 3)
    keeps its members, sorted the new way."""
    if isinstance(previous, Ranked) and previous.by == ranking.by and previous.percent == 100:
        window = ranking.window if ranking.window is not None else previous.window
        return replace(previous, direction=ranking.direction, window=window)
    return replace(ranking, base=previous)
