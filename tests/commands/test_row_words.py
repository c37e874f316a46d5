"""A row of the list just shown named first, then what is asked about it: the row stands
where a pronoun would, so the question is one the customer card answers."""

from __future__ import annotations

import pytest

from bot.commands.picks import row_number


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("第一个 最近买了啥", 1),
        ("第一位的資料給我看一下", 1),
        ("第2个是谁跟的", 2),
        ("第3個嘅資料俾我睇下", 3),
        ("第二位最近买过什么", 2),
        ("第一个的情况", 1),
        ("看看第一个", 1),
        ("the second one's profile", 2),
    ],
)
def test_row_then_question(text: str, row: int) -> None:
    assert row_number(text) == row


@pytest.mark.parametrize(
    "text",
    ["第一个 打上VIP标签", "第二个发张券", "第一个名单", "第一个 和北京的", "第二位 导出"],
)
def test_row_then_an_action_or_condition_is_no_card(text: str) -> None:
    assert row_number(text) is None
