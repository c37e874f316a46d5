"""Widening words: which condition a message takes off the previous answer, and which
messages take none off (去掉上海的 excludes, 去掉VIP标签 untags)."""

from __future__ import annotations

import pytest

from segmentation.nlq.widen import WINDOW, read_widening, without_kind, without_parts
from segmentation.nodes import And, City, Gender, HasTag, Not, Performed, RollingWindow


@pytest.mark.parametrize(
    ("text", "kind", "named"),
    [
        ("不要上海这个条件了", None, "上海"),
        ("那去掉 VIP 这个条件呢", None, "VIP"),
        ("取消城市筛选", "City", ""),
        ("不限城市", "City", ""),
        ("城市不限", "City", ""),
        ("那就不要时间了", WINDOW, ""),
        ("把时间限制去掉", WINDOW, ""),
        ("把VIP這個條件拿掉", None, "VIP"),
        ("唔要城市呢個條件", "City", ""),
        ("唔理城市", "City", ""),
        ("性别无所谓", "Gender", ""),
        ("去掉标签这个条件", "HasTag", ""),
        ("ok drop the city filter", "City", ""),
        ("remove the VIP condition", None, "VIP"),
        ("forget the time limit", WINDOW, ""),
        ("without the date range", WINDOW, ""),
        ("ignore the gender filter", "Gender", ""),
        ("any city", "City", ""),
        ("regardless of city", "City", ""),
        ("the owner doesn't matter", "Owner", ""),
        ("drop the 上海 filter", None, "上海"),
        ("ok 去掉城市筛选", "City", ""),
        ("城市这个条件不要了", "City", ""),
        ("上海那个条件去掉", None, "上海"),
        ("時間限制也取消吧", WINDOW, ""),
        ("不要限制城市了", "City", ""),
        ("唔使理時間", WINDOW, ""),
        ("no city filter", "City", ""),
        ("without any date restriction", WINDOW, ""),
        # Mixed-language widening (#19): the verb in one language, the condition in the other.
        ("去掉 the city filter", "City", ""),
        ("把 city filter 去掉", "City", ""),
        ("forget 时间 这个条件", WINDOW, ""),
        ("remove the city filter 吧", "City", ""),
        ("drop 掉 上海 这个条件", None, "上海"),
        ("不要 VIP 这个 filter 了", None, "VIP"),
    ],
)
def test_widening_words(text: str, kind: str | None, named: str) -> None:
    widening = read_widening(text)
    assert widening is not None
    assert (widening.kind, widening.named, widening.rest) == (kind, named, "")


@pytest.mark.parametrize(
    "text",
    ["去掉上海的", "不要VIP的", "去掉VIP标签", "drop 上海的", "exclude 上海", "把他的VIP标签去掉",
     "without Shanghai", "remove the VIP tag", "drop them", "ok forget that", "上海的客户",
     "不要了"],
)  # fmt: skip
def test_not_a_widening(text: str) -> None:
    assert read_widening(text) is None


def test_the_question_after_a_widening() -> None:
    widening = read_widening("那就不要时间了，流失风险客户有哪些")
    assert widening is not None
    assert (widening.kind, widening.rest) == (WINDOW, "流失风险客户有哪些")


def test_taking_parts_off() -> None:
    window = RollingWindow(30, "days")
    node = And((City(("上海",)), HasTag("VIP"), Not(Performed("order", window))))
    assert without_kind(node, "City") == And((HasTag("VIP"), Not(Performed("order", window))))
    assert without_kind(node, WINDOW) == And(
        (City(("上海",)), HasTag("VIP"), Not(Performed("order")))
    )
    assert without_kind(node, "Gender") is None
    assert without_parts(node, [HasTag("VIP")]) == And(
        (City(("上海",)), Not(Performed("order", window)))
    )
    assert without_parts(node, [Gender(2)]) is None
