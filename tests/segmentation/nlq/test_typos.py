"""English frame words typed one letter off, by family: a letter dropped, added, changed or
two swapped is read as the frame word; anything else (a real word, a name, a short word, two
frame words equally near) is not."""

from __future__ import annotations

import pytest

from segmentation.nlq.typos import frame_word

TYPOS = [
    ("custmers", "customers"),  # dropped
    ("cusotmers", "customers"),  # swapped
    ("customerss", "customers"),  # added
    ("cistomers", "customers"),  # changed
    ("custmer", "customer"),
    ("clints", "clients"),
    ("taged", "tagged"),
    ("tagegd", "tagged"),
    ("orderd", "ordered"),
    ("purchsed", "purchased"),
    ("inqured", "inquired"),
    ("peopel", "people"),
    ("femal", "female"),
    ("Custmers", "customers"),
]


@pytest.mark.parametrize(("typed", "meant"), TYPOS)
def test_a_frame_word_one_letter_off(typed: str, meant: str) -> None:
    assert frame_word(typed) == meant


@pytest.mark.parametrize(
    "typed",
    ["customers", "vipp", "order", "brought", "Alice", "cust", "taggs", "shanghai", "c0stomers"],
)
def test_no_frame_word(typed: str) -> None:
    assert frame_word(typed) is None
