"""Picks said in words after a question back with numbered suggestions, by family: ordinals,
the last one, yes for one suggestion, a pick said as a correction, the suggestion's own name
after a pointing word — zh-Hans, zh-Hant (Taiwan, HK Cantonese), English, mixed."""

from __future__ import annotations

import pytest

from segmentation.nlq.followup import NO, YES, read_pick

THREE = ("VIP", "金卡", "高意向")

PICKS = [
    ("the first one", 0),
    ("the second", 1),
    ("2nd please", 1),
    ("go with the third", 2),
    ("the last one", 2),
    ("yes, the first one", 0),
    ("I meant the second one", 1),
    ("sorry I meant the first one", 0),
    ("no, the second one", 1),
    ("第一个", 0),
    ("我是说第二个", 1),
    ("要最後那個", 2),
    ("頭一個", 0),
    ("對，第一個", 0),
    ("第二個啦", 1),
    ("最後嗰個", 2),
    ("最尾嗰個", 2),
    ("揀第二個", 1),
    ("唔係，係第二個", 1),
    ("係金卡", 1),
    ("就金卡", 1),
    ("唔係，係金卡", 1),
    ("sorry I meant 高意向", 2),
]


@pytest.mark.parametrize(("text", "index"), PICKS)
def test_a_pick_in_words(text: str, index: int) -> None:
    assert read_pick(text, THREE) == index


@pytest.mark.parametrize("text", ["对", "對", "係", "yes that one", "that one", "就係呢個", "啱"])
def test_yes_to_one_suggestion(text: str) -> None:
    assert read_pick(text, ("VIP",)) == YES


@pytest.mark.parametrize("text", ["不是", "no", "都不是", "never mind"])
def test_none_of_them(text: str) -> None:
    assert read_pick(text, THREE) == NO


@pytest.mark.parametrize("text", ["上海的客户有多少", "the fourth one", "VIP客户里女的"])
def test_no_pick(text: str) -> None:
    assert read_pick(text, THREE) is None
