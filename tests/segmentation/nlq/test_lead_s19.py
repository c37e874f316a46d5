"""Session 19 (lead): categories found by probing before the blind sets came in, each in the
forms it has: the fused numerals 仨 / 俩 (倆) of northern speech, which carry their measure word
(仨月 is three months, never March)."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import EventCount, Not, Performed, RollingWindow
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)
READ = Reader(VOCAB)


# ---- 仨 / 俩: a number with its measure word inside


@pytest.mark.parametrize(
    ("text", "event", "amount", "unit"),
    [
        ("仨月没下单的", "order", 3, "months"),
        ("俩月没来过店的客户", "visit", 2, "months"),
        ("倆禮拜冇嚟過嘅客", "visit", 2, "weeks"),
        ("近俩周没咨询的", "inquiry", 2, "weeks"),
        ("这仨星期没下过单的", "order", 3, "weeks"),
    ],
)
def test_a_fused_numeral_before_a_period_is_that_many_periods(
    text: str, event: str, amount: int, unit: str
) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, Not)
    inner = segment.child
    assert isinstance(inner, Performed) and inner.event_kind == event
    window = inner.window
    assert isinstance(window, RollingWindow)
    assert (window.amount, window.unit) == (amount, unit)


@pytest.mark.parametrize(("text", "count"), [("下单仨次以上的", 3), ("问价俩次以上的", 2)])
def test_a_fused_numeral_before_a_count_unit_is_the_number(text: str, count: int) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, EventCount)
    assert (segment.op, segment.value) == (">=", count)


def test_a_fused_numeral_without_a_comparison_is_still_asked_exactly_or_at_least() -> None:
    assert "两次" in READ.asked("买过俩次的")


def test_march_is_still_march() -> None:
    assert normalize("三月下过单的") == "三月下过单的"
    assert normalize("仨月下过单的") == "三个月下过单的"
