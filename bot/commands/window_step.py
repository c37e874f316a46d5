"""The previous question about the calendar period before or after the one it asked ("再往前一周
呢", "the month before that"): segmentation/nlq/window_step.py reads the step; this answers
with the question asked again on the moved window. A question with no window, with several,
or with one that does not step (近7天) is left to the other readings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.context import ask_again, previous_segment
from bot.services.answer import Answer
from segmentation.nlq.swap import distinct_windows, with_window
from segmentation.nlq.window_step import step_said, stepped
from segmentation.scope import Requester
from segmentation.text import normalize


def stepped_window_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    step = step_said(normalize(text))
    if step is None:
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    node, previous = found
    windows = distinct_windows(node)
    if len(windows) != 1 or windows[0] is None:
        return None
    moved = stepped(windows[0], step, ctx.now, ctx.settings.timezone)
    if moved is None:
        return None
    return ask_again(session, ctx, requester, with_window(node, moved), previous, lang)
