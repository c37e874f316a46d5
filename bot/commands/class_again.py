"""A class of customers said alone as a question, right after a question about another class:
"how many at-risk customers have we got" → "and high-value?" → "customers to keep?";
"流失风险客户有几个" → "重要发展客户？"; "金卡客户有幾多" → "VIP客戶？".

Said that way, with nothing but the class and a question mark, it asks the previous question
again about this class, as "what about customers to keep" / "那重要发展客户呢" do — a count
stays a count. Without a class in the previous question to stand in for, it is a question of
its own (read as it stands by the rest of the chat). Without its people word only a built-in
class after a built-in class ("high-value?" after the at-risk count) is asked again: "VIP?"
alone narrows the answer just given (bot.commands.context.subjectless_answer).
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.context import ask_again, previous_segment
from bot.commands.said_tokens import readable_tokens
from bot.services.answer import Answer
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.swap import Ambiguous, swap_conditions
from segmentation.nlq.token_kinds import K
from segmentation.nodes import HasTag, NamedSegment, Node, Untagged, walk
from segmentation.scope import Requester

# A customer's class: a built-in segment, a tag, no tag at all.
_CLASSES = (NamedSegment, HasTag, Untagged)
# Only a question mark closes it ("customers to keep" alone is a list asked for).
_ASKED = lazy_pattern(r"[?？]\s*$")
# The people word that makes the class a question of its own (without it, "VIP?" narrows
# the answer just given: bot.commands.context.subjectless_answer).
_PEOPLE = lazy_pattern(r"客户|客戶|顾客|顧客|客人|客[?？\s]*$|customer|client", re.I)
# What may stand beside the class: the people word, 的, a leading "and"/那 (read elsewhere).
_BESIDE = frozenset({K.CUSTOMER, K.DE, K.SEP, K.FILLER})


def class_again_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The previous question asked again with this class in place of its class, or None."""
    if not _ASKED.search(text):
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    tokens = readable_tokens(session, ctx, text, vocab)
    if tokens is None:
        return None
    if any(t.kind not in _BESIDE and t.kind not in (K.NAME, K.QUOTE) for t in tokens):
        return None  # an intent, a window, a second condition: a question of its own
    command = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if not isinstance(command, Command) or command.intent != "list" or command.details:
        return None
    if not isinstance(command.segment, _CLASSES):
        return None
    previous_node, previous = found
    if not _PEOPLE.search(text) and not _built_in_for_built_in(command.segment, previous_node):
        return None  # "VIP?" with no people word: a refinement of the answer (subjectless)
    swapped = _in_place_of_class(previous_node, command.segment)
    if swapped is None:
        return None
    return ask_again(session, ctx, requester, swapped, previous, lang, command.notes)


def _built_in_for_built_in(new: Node, previous: Node) -> bool:
    """ "high-value?" after a count of at-risk customers: a built-in class said after another
    one asks about it (two RFM classes at once are nobody; a refinement would answer 0)."""
    return isinstance(new, NamedSegment) and any(
        isinstance(p, NamedSegment) for p in walk(previous)
    )


def _in_place_of_class(previous: Node, new: Node) -> Node | None:
    """`previous` with `new` in place of its class; None when it says no class (or the class
    is tangled with other conditions, which a bare class cannot say how to undo)."""
    try:
        swapped = swap_conditions(previous, new)
    except Ambiguous:
        return None
    if swapped is None or swapped == previous:
        return None
    return swapped
