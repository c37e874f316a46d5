"""Who the customers of one period were, after counts of two periods (issue 19): "九月份下单的
多少个" → "十月份呢" → "9月那两个都是谁啊" / "上個月嗰三個係邊個" / "who were October's three":
the thread's question again over that period, as a list (context.swapped_window_answer reads
the period). The number said with it must be the number found: otherwise which customers is
asked back, never a list of another size.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.context import previous_segment, swapped_window_answer
from bot.commands.texts import say
from bot.services.answer import Answer, CountAnswer, SegmentAnswer
from bot.services.query import clarify
from segmentation.nlq.period_members import period_members
from segmentation.scope import Requester


def period_who_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The customers of the period `text` asks who they were; None when it asks no such thing,
    names no period, or nothing windowed was asked before."""
    asked = period_members(text)
    if asked is None or previous_segment(session, ctx, requester.userid) is None:
        return None
    listed = f"show me {asked.period}'s" if lang == "en" else f"列出{asked.period}的"
    answer = swapped_window_answer(session, ctx, requester, listed, lang)
    if answer is None or asked.size is None:
        return answer
    found = answer.count if isinstance(answer, (CountAnswer, SegmentAnswer)) else None
    if found is None or found == asked.size:
        return answer
    return clarify(say("period_count_differs", lang, period=asked.period, count=asked.size,
                       found=found))  # fmt: skip
