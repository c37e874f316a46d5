"""Words in quotes are the member's own — a saved segment's name, a tag, a message — and stay
as typed: shorthand outside quotes is spelled out ("last 30d" is 30 days), never inside them
(a segment saved as “30d ask” is called 30d ask)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from segmentation.engine import default_context
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import RollingWindow, walk
from tests.segmentation.nlq.fixture import NOW, TZ, load_fixture


@pytest.fixture
def vocab(session: Session) -> Vocabulary:
    load_fixture(session)
    return load_vocabulary(session, default_context(TZ).named)


def _command(text: str, vocab: Vocabulary) -> Command:
    result = parse_command(text, vocabulary=vocab, asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(result, Command), f"{text!r} was asked back: {result}"
    return result


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ('save these as "30d ask"', "name", "30d ask"),
        ("save VIPs as “30d ask”", "name", "30d ask"),
        ("把VIP存成分群“30d询价”", "name", "30d询价"),
        ('tag them "vip 30d"', "tag", "vip 30d"),
        ('send VIPs the message "pls come by in 2d, thx"', "message", "pls come by in 2d, thx"),
        ("給VIP發訊息「親，本週內有效喔」", "message", "親，本週內有效喔"),
    ],
)
def test_quoted_words_stay_as_typed(text: str, key: str, value: str, vocab: Vocabulary) -> None:
    assert _command(text, vocab).details[key] == value


def test_shorthand_outside_quotes_is_still_spelled_out(vocab: Vocabulary) -> None:
    command = _command("vip custs who ordered in last 30d", vocab)
    assert command.segment is not None
    assert RollingWindow(30, "days") in [
        getattr(node, "window", None) for node in walk(command.segment)
    ]
