"""A tag pointed at after a customer's card (cardfollow): the pointing words found, and the
sentence with the tag's own name put in their place, as a named tag is said."""

from __future__ import annotations

import pytest

from bot.commands.card_tag import with_tag_named
from bot.commands.pointed_tag import pointed_tag_word


@pytest.mark.parametrize(
    ("said", "pointer"),
    [
        ("remove that tag from her", "that tag"),
        ("把她这个标签去掉", "这个标签"),
        ("將佢嗰個tag剷咗佢", "嗰個tag"),
        ("remove the VIP tag from her", None),
        ("把她的VIP标签去掉", None),
    ],
)
def test_the_words_pointing_at_a_tag(said: str, pointer: str | None) -> None:
    assert pointed_tag_word(said) == pointer


@pytest.mark.parametrize(
    ("said", "pointer", "named"),
    [
        ("remove that tag from her", "that tag", "remove the “高意向” tag from her"),
        ("把她这个标签去掉", "这个标签", "把她的“VIP”标签去掉"),
        ("把她的这个标签去掉", "这个标签", "把她的“VIP”标签去掉"),
        ("將佢嗰個tag剷咗佢", "嗰個tag", "將佢的“金卡”标签剷咗佢"),
    ],
)
def test_the_tag_is_named_where_it_was_pointed_at(said: str, pointer: str, named: str) -> None:
    tag = {"that tag": "高意向", "嗰個tag": "金卡"}.get(pointer, "VIP")
    assert with_tag_named(said, pointer, tag) == named
