"""One message parsed on its own, as the member who sent it (no conversation): what the
chat's readers check a message against before taking it as a change, a switch or an answer."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from segmentation.nlq import Clarification, Command, load_vocabulary, parse_command


def parse_alone(
    session: Session, ctx: CommandContext, userid: str, text: str
) -> Command | Clarification:
    vocab = load_vocabulary(session, ctx.engine.named)
    return parse_command(
        text, vocabulary=vocab, asker=userid, now=ctx.now, tz=ctx.settings.timezone
    )
