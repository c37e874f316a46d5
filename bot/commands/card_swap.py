"""Another customer in place of the card's: "那Judy呢", "咁Frank呢", "what about Mike?" after
a customer's card (or after a card that found nobody) is that customer's card; so is a name
said as a correction ("不好意思打错了，是Ivan", "sorry, I meant Ivan", "唔係，我係話Ivan").

The name is looked up as any card question looks it up (bot.services.conversation.card_answer),
only among the customers the asker may see: someone out of their scope gets the same "no such
customer" as asking directly. Words that are conditions ("那上海的呢", "what about VIPs?") are
no name: the usual follow-up reads them.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.services.answer import Answer
from bot.services.customer_card import find_visible
from bot.services.query import answer_command
from segmentation.nlq import Command, load_vocabulary
from segmentation.nlq.intents_extra import (
    corrected_customer,
    is_traditional,
    names_a_segment,
    swapped_customer,
)
from segmentation.scope import Requester, resolve_requester


def swapped_card_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The card of the customer `text` names in place of the card just asked about, or None
    when the previous answer was no card or `text` names no customer in that place."""
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is None or previous.kind != conv.CUSTOMER:
        return None
    name = swapped_customer(text) or corrected_customer(text)
    if name is None or not _is_a_name(session, ctx, requester, name):
        return None
    details: dict[str, object] = {"customer": name}
    if is_traditional(text):
        details["script"] = "hant"
    command = Command("customer", None, lang, "", details)
    return answer_command(session, command, requester, ctx.now, ctx.engine)


def _is_a_name(session: Session, ctx: CommandContext, requester: Requester, name: str) -> bool:
    """A visible customer's exact name (or remark, or id) is one, whatever else it reads as;
    otherwise words the grammar knows as conditions are not (an unknown word is looked up and,
    found nowhere, answered as no such customer)."""
    if find_visible(session, requester, now=ctx.now, ctx=ctx.engine, name=name, exact=True):
        return True
    vocab = load_vocabulary(session, ctx.engine.named)
    return not names_a_segment(name, vocab, ctx.now, ctx.settings.timezone)


def swaps_in_customer(session: Session, ctx: CommandContext, userid: str, text: str) -> bool:
    """Whether `text` has a swap's shape ("那 Omar 呢", "what about Ken?") around the exact
    name of a customer the asker may see, which names no condition: another customer asked
    about, never a value given back to an older question about an unknown word (the card
    swap answers it)."""
    name = swapped_customer(text)
    requester = resolve_requester(session, userid, ctx.settings.admins) if name else None
    if name is None or requester is None:
        return False
    if not find_visible(session, requester, now=ctx.now, ctx=ctx.engine, name=name, exact=True):
        return False
    vocab = load_vocabulary(session, ctx.engine.named)
    return not names_a_segment(name, vocab, ctx.now, ctx.settings.timezone)
