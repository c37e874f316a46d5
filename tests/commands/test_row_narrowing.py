"""Rows of the list just shown, said by their numbers for a narrowing (bot.commands.row_narrowing):
days said alone are rows, the last row is the list's last, and a keep is said, never assumed."""

from __future__ import annotations

import pytest

from bot.commands.row_actions import drops_said_rows
from bot.commands.row_narrowing import keeps_said_rows, said_rows


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("2号和3号不要", (2, 3)),
        ("1號同3號唔要", (1, 3)),
        ("除了最后一个", (5,)),
        ("除咗尾嗰個", (5,)),
        ("drop the last one", (5,)),
        ("除了第一个", (1,)),
        ("第3同第5個唔要", (3, 5)),
        ("drop the 1st and the last", (1, 5)),
    ],
)
def test_rows_dropped(text: str, numbers: tuple[int, ...]) -> None:
    said = said_rows(text, 5)
    assert said is not None and said.numbers == numbers
    assert drops_said_rows(said) and not keeps_said_rows(said)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("只要第1跟第4个", (1, 4)),
        ("淨係要第二個", (2,)),
        ("only #2 and #5", (2, 5)),
        ("keep the last one only", (5,)),
        ("第2个就行", (2,)),
        ("只要第一位跟最後一位就好", (1, 5)),
    ],
)
def test_rows_kept(text: str, numbers: tuple[int, ...]) -> None:
    said = said_rows(text, 5)
    assert said is not None and said.numbers == numbers
    assert keeps_said_rows(said) and not drops_said_rows(said)


@pytest.mark.parametrize("text", ["第二个", "第二个是哪里的", "给第二个打上VIP"])
def test_a_row_alone_is_no_narrowing(text: str) -> None:
    said = said_rows(text, 5)
    assert said is not None
    assert not keeps_said_rows(said) and not drops_said_rows(said)


def test_a_day_after_a_month_stays_a_date() -> None:
    said = said_rows("10月1号和3号不要", 5)
    assert said is None or 1 not in said.numbers
