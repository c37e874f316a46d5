"""A confirmation card's fixed values fit its value row (cards.MAX_VALUE) in both languages:
a longer one was cut with "…" on the card ("deleted and out-of-scope …")."""

from __future__ import annotations

import pytest

from bot.commands.cards import MAX_VALUE
from bot.commands.texts_actions import ACTION_TEXTS


@pytest.mark.parametrize("key", ["excluded_scope", "excluded_deleted"])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_excluded_row_is_never_cut(key: str, language: str) -> None:
    assert len(ACTION_TEXTS[key][language]) <= MAX_VALUE
