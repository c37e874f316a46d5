"""Numbers as users write them (segmentation.nlq.numbers): the part of an amount said after
its unit — 1千5, 1万2, 2w5, 1万2千 — and where each number ends."""

from __future__ import annotations

from decimal import Decimal

import pytest

from segmentation.nlq.numbers import scan_number


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        ("1千5以上", Decimal(1500), 3),
        ("1万2以上", Decimal(12000), 3),
        ("2w5以上", Decimal(25000), 3),
        ("1万2千以上", Decimal(12000), 4),
        ("1万五以上", Decimal(15000), 3),
        ("1千以上", Decimal(1000), 2),
        ("1万 5次", Decimal(10000), 2),  # a space: another number
        ("1千50", Decimal(1000), 2),  # two digits after: not one unit below, asked elsewhere
        ("5百5", Decimal(500), 2),  # only thousands and ten thousands take a digit after
    ],
)
def test_the_part_after_the_unit(text: str, value: Decimal, end: int) -> None:
    assert scan_number(text, 0) == (value, end)
