"""Corrections of the last question, by family: what marks one (an apology, "wrong", "not
that", "I meant"), in zh-Hans, zh-Hant (Taiwan, HK Cantonese), English and mixed; and what
is no correction (a value alone, a question that starts with no/不是)."""

from __future__ import annotations

import pytest

from segmentation.nlq.correction import read_correction

CORRECTIONS = [
    # zh-Hans
    ("不对 我是说金卡", "金卡", ""),
    ("不是，是上海", "上海", ""),
    ("不对不对，应该是上个月", "上个月", ""),
    ("说错了，是张三的客户", "张三的客户", ""),
    ("不好意思，我的意思是北京", "北京", ""),
    ("我是说金卡", "金卡", ""),
    ("不是北京，是上海", "上海", "北京"),
    ("抱歉，是上海才对", "上海", ""),
    ("更正一下：近7天", "近7天", ""),
    # zh-Hant, Taiwan
    ("抱歉打錯 是上海", "上海", ""),
    ("不對，是台北才對", "台北", ""),
    ("我打錯字了，應該是金卡", "金卡", ""),
    # HK Cantonese
    ("唔係，係上個月", "上個月", ""),
    ("我講錯咗，係北京", "北京", ""),
    ("搞错了 係上海先啱", "上海", ""),
    ("唔好意思，我打錯字，係金卡", "金卡", ""),
    ("唔係上個月，係今個月", "今個月", "上個月"),
    # English
    ("sorry I meant Beijing", "Beijing", ""),
    ("no, I meant last month", "last month", ""),
    ("no I meant Beijing", "Beijing", ""),
    ("typo, Shanghai", "Shanghai", ""),
    ("nope - last week", "last week", ""),
    ("my bad, women not men", "women", "men"),
    ("wait, not Shanghai, Beijing", "Beijing", "Shanghai"),
    ("no that's wrong, Shanghai", "Shanghai", ""),
    ("I meant VIP", "VIP", ""),
    ("it should be last month", "last month", ""),
    # mixed
    ("唔係 I mean last month", "last month", ""),
    ("oops, VIP not 金卡", "VIP", "金卡"),
    ("Sorry, I meant 金卡 instead", "金卡", ""),
    ("sorry 打错了，是上海", "上海", ""),
]


@pytest.mark.parametrize(("text", "value", "old"), CORRECTIONS)
def test_a_correction_gives_its_value(text: str, value: str, old: str) -> None:
    said = read_correction(text)
    assert said is not None, text
    assert (said.value, said.old) == (value, old)


NOT_CORRECTIONS = [
    "上海",  # a value alone answers a question back or is a question of its own
    "是上海",
    "VIP",
    "no orders in 30 days",  # "no" before a word of its own is a condition
    "错过活动的客户",
    "不是VIP的客户",
    "不对",  # nothing to put in its place
    "sorry",
    "never mind",
    "那北京的呢",
]


@pytest.mark.parametrize("text", NOT_CORRECTIONS)
def test_no_correction(text: str) -> None:
    assert read_correction(text) is None


def test_a_not_inside_the_condition_keeps_all_the_words() -> None:
    said = read_correction("sorry, I meant the ones who are not VIP")
    assert said is not None
    assert said.said == "the ones who are not VIP"
