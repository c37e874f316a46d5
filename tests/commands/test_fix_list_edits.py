"""Whom a follow-up drops from the last list (bot/commands/named_customers.py), read from the
words alone in every language form; the conversations are in conversations/fix-list-edits.txt."""

from __future__ import annotations

import pytest

from bot.commands.named_customers import dropped_words, name_words
from tests.commands.conftest import ChatRig


@pytest.mark.parametrize(
    ("text", "whom", "verb_first"),
    [
        ("去掉Bob", ["Bob"], True),
        ("不要Bob和Alice", ["Bob", "Alice"], True),
        ("把Ivan剔除", ["Ivan"], True),
        ("拿掉Bob", ["Bob"], True),
        ("唔要Frank", ["Frank"], True),
        ("除咗佢", ["佢"], True),
        ("除咗Bob之外", ["bob"], True),
        ("不要她", ["她"], True),
        ("Lily不要了", ["lily"], False),
        ("Lily唔使", ["lily"], False),
        ("without Bob", ["Bob"], True),
        ("drop Bob pls", ["Bob"], True),
        ("remove Bob", ["Bob"], True),
        ("exclude Bob and Lily", ["Bob", "Lily"], True),
        ("minus Alice", ["Alice"], True),
        ("leave Alice out", ["alice"], False),
        ("去掉 Mike", ["Mike"], True),
        ("drop 她", ["她"], True),
        ("exclude Bob 吧", ["Bob"], True),
    ],
)
def test_whom_a_drop_names(text: str, whom: list[str], verb_first: bool) -> None:
    drop = dropped_words(text)
    assert drop is not None, text
    assert (name_words(drop.whom), drop.verb_first) == (whom, verb_first)


@pytest.mark.parametrize("text", ["不要了", "不要", "without", "其中上海的", "加上Bob"])
def test_no_one_dropped(text: str) -> None:
    drop = dropped_words(text)
    assert drop is None or name_words(drop.whom) is None


def test_a_loose_negative_names_no_one_unless_a_customer_is_called_so() -> None:
    drop = dropped_words("算了不要了")
    assert drop is not None and not drop.verb_first  # asked back only when a drop verb led


def test_a_name_two_rows_share_is_asked_never_guessed(rig: ChatRig) -> None:
    """The chat company has two customers called 王芳, both on zhangsan's list."""
    [listed] = rig.tell("zhangsan", "近30天有咨询的客户")
    assert "共 7 人" in listed.text
    [asked] = rig.tell("zhangsan", "去掉王芳")
    assert "2位叫“王芳”" in asked.text and "共" not in asked.text
    [dropped] = rig.tell("zhangsan", "去掉张客户01")
    assert "共 6 人" in dropped.text and "不是张客户01" in dropped.text
