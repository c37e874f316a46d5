"""An action on "the X ones" where X stands in for the previous answer's own X: "tag the at-risk
ones 金卡" after "customers to keep?", "send the 金卡 ones a coupon" after the VIPs. The
customers are the previous question's with X in place of its class (as "the at-risk ones"
alone would ask again); the action is the message's own — never dropped for a count.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.services.answer import Answer
from bot.services.query import answer_command
from segmentation.nlq import Command, Vocabulary, parse_command
from segmentation.nlq.restate import describe
from segmentation.nodes import Node
from segmentation.scope import Requester

# What a message may do to the customers it names (a list or a count is asked again instead).
_ACTS = ("tag", "untag", "push", "schedule")


def action_on_group(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    customers: Node,
    vocab: Vocabulary,
    lang: str,
) -> Answer | None:
    """The action `text` asks, on `customers` (the group it names, read against the previous
    answer); None when `text` asks no action of its own."""
    whole = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if not isinstance(whole, Command) or whole.intent not in _ACTS:
        return None
    description = describe(customers, lang, ctx.now, ctx.settings.timezone, vocab)
    command = Command(whole.intent, customers, lang, description, whole.details, whole.notes)
    return answer_command(
        session, command, requester, ctx.now, ctx.engine, with_members=ctx.count_ids
    )
