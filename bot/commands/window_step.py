"""The previous question about the calendar period before or after the one it asked ("再往前一周
呢", "the month before that"): segmentation/nlq/window_step.py reads the step; this answers
with the question asked again on the moved window. A question with no window, with several,
or with one that does not step (近7天) is left to the other readings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.context import ask_again, stepped_question
from bot.services.answer import Answer
from segmentation.scope import Requester


def stepped_window_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    found = stepped_question(session, ctx, requester, text)
    if found is None:
        return None
    _, moved, previous = found
    return ask_again(session, ctx, requester, moved, previous, lang)
