"""bot.commands.said_tokens: the one way follow-up readers tokenize a message's words."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.said_tokens import readable_tokens, tokens_of
from bot.settings import Settings
from segmentation.nlq import load_vocabulary
from segmentation.nlq.token_kinds import K
from tests.segmentation.nlq.fixture import NOW, load_fixture


def _ctx() -> CommandContext:
    return CommandContext(settings=Settings(), now=NOW)


def test_words_are_normalised_before_they_are_read(session: Session) -> None:
    load_fixture(session)
    tokens = readable_tokens(session, _ctx(), "近３０天　ＶＩＰ")  # full-width, as phones type
    assert tokens is not None
    assert [t.kind for t in tokens if t.kind in (K.WINDOW, K.NAME)] == [K.WINDOW, K.NAME]


def test_a_given_vocabulary_reads_the_same(session: Session) -> None:
    load_fixture(session)
    ctx = _ctx()
    vocab = load_vocabulary(session, ctx.engine.named)
    by_session = readable_tokens(session, ctx, "上海的VIP")
    assert by_session is not None
    assert [t.kind for t in by_session] == [t.kind for t in tokens_of("上海的VIP", vocab, ctx)]


def test_a_window_beyond_the_bounds_is_no_reading(session: Session) -> None:
    load_fixture(session)
    assert readable_tokens(session, _ctx(), "近99999999天") is None
