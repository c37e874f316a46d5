"""Picking from a question back: "您是指 1.高意向 2.高雄 吗？" answered with "1", "第一个",
"高意向", "the first one", "#2", or "是/yes" when there was one suggestion.

The pick answers the original question with the chosen suggestion in place of the phrase
that was asked about; anything that is not a pick is a new question, and the question back
is forgotten either way (it is only ever about the message just before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands import conversation as conv
from bot.commands.replies import clarify
from bot.commands.texts import say
from segmentation.nlq.followup import NO, YES, read_pick
from segmentation.text import normalize

_QUOTED = re.compile(r"[“「『\"]([^”」』\"]+)[”」』\"]")


@dataclass(frozen=True)
class Picked:
    """The original question with the choice substituted, to be answered as if typed."""

    text: str
    lang: str
    pending: conv.PendingQuestion
    index: int


def question_for(
    text: str, answer: dict[str, Any], lang: str, now: datetime
) -> conv.PendingQuestion | None:
    """The question back an answer asks, when it offers suggestions to pick from."""
    if answer.get("intent") != "clarify":
        return None
    suggestions = tuple(str(s) for s in answer.get("suggestions") or [])[:3]
    if not suggestions:
        return None
    choices = answer.get("choices")
    if isinstance(choices, list) and len(choices) >= len(suggestions):
        # Each suggestion stands for a segment of its own ("which window?"): picked as it is.
        segments = tuple(c for c in choices[: len(suggestions)] if isinstance(c, dict))
        return conv.PendingQuestion(text, suggestions, None, lang, now, conv.SWAP, "", (), segments)
    word = _asked_word(text, str(answer.get("message") or ""))
    return conv.PendingQuestion(text, suggestions, word, lang, now)


def _asked_word(text: str, message: str) -> str | None:
    """The phrase of `text` the question back is about: the first one it quotes."""
    plain, norm = text, normalize(text)
    for quoted in _QUOTED.findall(message):
        if quoted in plain or normalize(quoted) in norm:
            return quoted
    return None


def substituted(pending: conv.PendingQuestion, index: int) -> str:
    """`pending.original` with suggestion `index` in place of the phrase asked about (or the
    suggestion itself when the question back was about the whole message)."""
    choice = pending.suggestions[index]
    word = pending.word
    if not word:
        return choice
    if word in pending.original:
        return pending.original.replace(word, choice, 1)
    norm = normalize(pending.original)
    return norm.replace(normalize(word), choice, 1) if normalize(word) in norm else choice


_NUMBER = re.compile(r"^\s*[#＃]?\s*(\d{1,9})\s*$")


def _campaign_number(text: str, pending: conv.PendingQuestion) -> int | None:
    """ "#5" to a campaign question that listed #5: that campaign (its id, as listed)."""
    match = _NUMBER.match(text)
    if pending.kind != conv.CAMPAIGN or match is None:
        return None
    wanted = int(match[1])
    return pending.options.index(wanted) if wanted in pending.options else None


def read_reply(
    session: Session, ctx: CommandContext, userid: str, text: str
) -> Picked | list[Reply] | None:
    """A pick from the member's pending question back (then forgotten), a question asking
    which one when "是" answers several suggestions, or None: `text` is a new question."""
    pending = conv.load(session, userid, ctx.now).pending
    if pending is None:
        return None
    choice: int | str | None = _campaign_number(text, pending)
    if choice is None:
        choice = read_pick(text, pending.suggestions)
    if choice == YES and len(pending.suggestions) > 1:
        # "是" to "1.高意向 2.高雄": which one is still open, so ask it and keep waiting.
        message = say("pick_which", pending.language)
        return [Reply(userid, clarify(message, pending.suggestions, pending.language))]
    conv.forget_pending(session, userid, ctx.now)
    if choice == NO:  # "都不是": none of the suggestions, so ask for the question again
        return [Reply(userid, say("pick_none", pending.language))]
    if choice is None:
        return None
    index = 0 if choice == YES else int(choice)
    return Picked(substituted(pending, index), pending.language, pending, index)
