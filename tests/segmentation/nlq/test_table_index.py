"""The name-table indexes behind questions back (segmentation.nlq.table_index): the same
answers as comparing the word with every name, and each table indexed once."""

from __future__ import annotations

import random
from collections.abc import Mapping

from segmentation.nlq.table_index import table_index
from segmentation.nlq.unknown import one_character_off


def _every_name_compared(word: str, names: Mapping[str, str]) -> list[str]:
    if word.isascii() or not 2 <= len(word) <= 6:
        return []
    out: list[str] = []
    for surface, display in names.items():
        if len(surface) != len(word) or display in out:
            continue
        differing = [i for i, (a, b) in enumerate(zip(word, surface, strict=True)) if a != b]
        if len(differing) == 1 and (len(word) > 2 or differing[0] > 0):
            out.append(display)
    return out


def test_one_character_off_finds_what_comparing_every_name_finds() -> None:
    chars = "金卡卞高意向象待跟进VIP客户标签"
    rng = random.Random(19)
    for trial in range(400):
        names = {
            "".join(rng.choice(chars) for _ in range(rng.randint(1, 7))): rng.choice(
                "xyz" + str(trial % 5)
            )
            for _ in range(rng.randint(0, 60))
        }
        for _ in range(5):
            word = "".join(rng.choice(chars) for _ in range(rng.randint(1, 7)))
            assert one_character_off(word, names) == _every_name_compared(word, names), word


def test_the_tag_one_character_off_and_never_the_first_of_two() -> None:
    tags = {"金卡": "金卡", "高意向": "高意向", "待跟进": "待跟进"}
    assert one_character_off("金卞", tags) == ["金卡"]
    assert one_character_off("高意象", tags) == ["高意向"]
    assert one_character_off("银卡", tags) == []  # 银 for 金: another word, not a slip


def test_a_table_is_indexed_once_and_again_when_it_grows() -> None:
    built: list[int] = []

    def build(table: Mapping[str, str]) -> int:
        built.append(len(table))
        return len(table)

    table = {"a": "A"}
    assert table_index(table, "test", build) == 1
    assert table_index(table, "test", build) == 1
    table["b"] = "B"
    assert table_index(table, "test", build) == 2
    assert built == [1, 2]
