"""Questions about several rows of the list just shown, by their numbers (issue 19):
"第二同第四個係咩標籤", "第一个和第三个在哪个城市", "what tags do the 1st and the 3rd have" —
each row's answer, in the order said.

The rows are read against the stored list as a row's card is (picks.py, row_actions.py),
each customer re-checked for the asker's scope; rows past the end are said so, never guessed.
Only a question the card answers is read so (what it asks, the rows standing for "her"), and
no card is kept as "her" after it: several customers were answered, so the list is again
what follows refers to.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands import conversation as conv
from bot.commands.conversation_chat import asked_line, data_words, field_line, in_script
from bot.commands.row_actions import RowsSaid, picked_rows, rows_said, shown_rows, with_rows_as
from bot.commands.texts_cards import say_card
from bot.services.conversation import picked_card
from segmentation.nlq.card_asks import card_asks
from segmentation.nlq.one_customer import asks_about_customer, asks_card_fact
from segmentation.scope import Requester
from segmentation.text import normalize


def _question_of(said: RowsSaid, lang: str) -> str | None:
    """What is asked of each row, normalised: the rows as "her" ("她系咩标签"), or the
    question after the rows said first ("the 2nd and 3rd, which city?"); None for none."""
    question = normalize(with_rows_as(said, "she" if lang == "en" else "她")).strip()
    if asks_about_customer(question):
        return question
    first = re.match(r"^□\s*[,，:：;；\-—–]\s*(?P<q>.+)$", normalize(said.rest).strip())
    if first is not None and asks_card_fact(first["q"]):
        return first["q"]
    return None


def rows_asked_replies(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    lang: str,
    hant: bool,
) -> list[Reply] | None:
    """The answer for each row `text` asks about; None when it asks of fewer than two rows
    or is no question the card answers."""
    said = rows_said(text)
    if said is None or len(said.numbers) < 2:
        return None
    question = _question_of(said, lang)
    if question is None:
        return None
    asks = card_asks(question)
    if not asks:
        return None
    state = conv.load(session, requester.userid, ctx.now)
    if state.previous is None:
        return None
    listed = state.previous.with_list()
    if listed.kind != conv.LIST or listed.intent != "list":
        return None
    shown = shown_rows(session, ctx, requester.userid, listed.segment)
    if shown is None:
        return None
    if max(said.numbers) > len(shown):
        reply = Reply(requester.userid, say_card("pick_out_of_range", lang, count=len(shown)))
        return in_script([reply], hant)
    lines: list[str] = []
    keep: set[str] = set()
    for eid in picked_rows(session, requester, shown, said.numbers):
        answer = picked_card(session, eid, requester, ctx.now, ctx.engine, asks)
        if answer is None or answer.card is None:
            continue
        keep |= data_words(session, answer)
        lines.extend(
            field_line(answer.card, fact.ask.kind, lang)
            if fact.ask.about == "field"
            else asked_line(answer.card.name, fact, ctx, lang)
            for fact in answer.asked
        )
    if not lines:
        return None
    if state.previous.kind == conv.CUSTOMER:  # the row's card shown before: the list again
        conv.recall(session, requester.userid, listed, ctx.now)
    return in_script([Reply(requester.userid, "\n".join(lines))], hant, keep)
