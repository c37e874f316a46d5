""" "Who has both" after a swap (issue 19): "how many are tagged VIP" → "and 金卡?" → "who has
both" / "两个都有的是谁" joins the two values the last two answers were about — VIP and 金卡 —
as one question. Only where the two answers differ in exactly one condition of the same kind
(a tag for a tag, a city for a city); anything else is asked back by the parser ("both of
what?"), never answered as everyone."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.services.answer import Answer
from bot.services.query import answer_command
from segmentation.nlq import Command, load_vocabulary
from segmentation.nlq.restate import describe
from segmentation.nodes import And, City, Gender, Node, SegmentFormatError, from_json
from segmentation.scope import Requester
from segmentation.text import normalize

_BOTH = re.compile(
    r"^(?:(?:那|那么|那麼|咁|so|and|ok|okay|then)\s*)?"
    r"(?P<q>who|which(?: ones?)?|how many|哪些人?|哪几个|谁|边个|边啲|有几个|几个|多少)?\s*"
    r"(?:(?:customers?|people|clients?)\s+)?(?:has|have|are|is|got|with)?\s*"
    r"(?:both|两个都有|两个都是|两样都有|两个标签都有|两个都系|都有)(?:\s*(?:tags?|标签))?"
    r"(?:的|嘅)?(?:客户|人|客)?"
    r"(?P<q2>有哪些|是谁|有谁|是边个|有边个|有几个|有多少|几个|多少|呢|吗)?[?？!！。.\s]*$",
    re.IGNORECASE,
)
_COUNT = re.compile(r"how many|几个|多少")


def both_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The answer to "who has both" after two answers one condition apart, else None."""
    said = _BOTH.match(normalize(text).strip())
    if said is None:
        return None
    state = conv.load(session, requester.userid, ctx.now)
    previous = state.previous
    if previous is None or not previous.has_segment:
        return None
    before = _answer_before(state.history, previous)
    if before is None:
        return None
    try:
        joined = _joined(from_json(before.segment), from_json(previous.segment))
    except SegmentFormatError:
        return None
    if joined is None:
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    intent = "count" if _COUNT.search(normalize(text)) else "list"
    description = describe(joined, lang, ctx.now, ctx.settings.timezone, vocab)
    command = Command(intent, joined, lang, description, {})
    return answer_command(session, command, requester, ctx.now, ctx.engine)


def _answer_before(
    history: tuple[conv.PreviousAnswer, ...], previous: conv.PreviousAnswer
) -> conv.PreviousAnswer | None:
    at = next((i for i, h in enumerate(history) if h.segment == previous.segment), None)
    if at is None or at == 0:
        return None
    return history[at - 1]


def _parts(node: Node) -> tuple[Node, ...]:
    return node.children if isinstance(node, And) else (node,)


def _joined(first: Node, second: Node) -> Node | None:
    """`first` with the one condition `second` has in its place, both kept: VIP → 金卡 gives
    VIP AND 金卡. None unless exactly one condition differs and the two are of one kind."""
    a, b = _parts(first), _parts(second)
    only_a = [n for n in a if n not in b]
    only_b = [n for n in b if n not in a]
    if len(only_a) != 1 or len(only_b) != 1 or type(only_a[0]) is not type(only_b[0]):
        return None
    if isinstance(only_b[0], _ONE_VALUE):
        return None  # one city, one gender each: "both" of two is nobody — asked
    return And((*a, only_b[0]))


# Conditions a customer meets for one value only.
_ONE_VALUE = (City, Gender)
