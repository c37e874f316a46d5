"""Membership changes of a segment that has a time of its own (intents_extra._changes), issue
19 blind s11-conv3: the time said before the verb (今天 / today,) is the change's period, the one
inside the segment is the segment's; one time alone stays the change's."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.parser import Command
from segmentation.nodes import CalendarWindow, NamedSegment, Performed, RollingWindow
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=[], staff=[], departments=[], saved=[], catalog=NamedSegmentCatalog.load()
)
parse = Reader(VOCAB).parse
TODAY = CalendarWindow("day", 0)
INQUIRED_30 = Performed("inquiry", RollingWindow(30, "days"))


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("今天新进入近30天有咨询客户的是谁", "entered"),
        ("今日有邊啲客離開咗近30日有查詢嘅客戶", "left"),
        ("today, who dropped out of the customers who inquired in the last 30 days?", "left"),
        ("today, who entered the customers who inquired in the last 30 days", "entered"),
    ],
)
def test_the_first_time_is_the_change_the_inner_one_the_segment(text: str, change: str) -> None:
    result = parse(text)
    assert isinstance(result, Command) and result.intent == "changes", result
    assert (result.details["change"], result.details["window"]) == (change, TODAY)
    assert result.segment == INQUIRED_30


@pytest.mark.parametrize(
    "text", ["近7天离开高价值客户的有哪些", "who entered high-value customers in the last 7 days"]
)
def test_one_time_is_the_change(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Command) and result.intent == "changes", result
    assert result.details["window"] == RollingWindow(7, "days")
    assert result.segment == NamedSegment("high_value")


def test_lost_said_in_cantonese() -> None:
    result = parse("近7日流失咗嘅客")
    assert isinstance(result, Command) and result.details["change"] == "lost"
