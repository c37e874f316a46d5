"""The tokens of a chat message's words, read the way every follow-up reader reads them:
normalised, tokenized against the deployment's vocabulary at the context's time and zone.

A follow-up reader asks "is this message only a window / a bound / a name?". Words the
tokenizer refuses (a number or date beyond the bounds) are no such message: the readers get
None and the message goes on to the parser, whose question back names the problem."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from segmentation.nlq import load_vocabulary
from segmentation.nlq.loose_words import dates_read
from segmentation.nlq.tokens import Token, tokenize
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import SegmentFormatError
from segmentation.text import normalize


def tokens_of(words: str, vocab: Vocabulary, ctx: CommandContext) -> list[Token]:
    """`words` normalised and tokenized at `ctx`'s time (SegmentFormatError when unreadable)."""
    return tokenize(dates_read(normalize(words)), vocab, ctx.now, ctx.settings.timezone)


def readable_tokens(
    session: Session, ctx: CommandContext, words: str, vocab: Vocabulary | None = None
) -> list[Token] | None:
    """The tokens of `words`, or None when the tokenizer refuses them (see the module)."""
    if vocab is None:
        vocab = load_vocabulary(session, ctx.engine.named)
    try:
        return tokens_of(words, vocab, ctx)
    except SegmentFormatError:
        return None
