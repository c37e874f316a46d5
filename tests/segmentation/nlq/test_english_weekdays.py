"""English days of the week in time phrases, read as the Chinese 周五 / 上周五 are (NOW is Sunday
2026-11-01): a bare weekday is the most recent such day; "Friday last week", "last week's
Friday", "the Friday of last week" are that day of the week before this one; "last Friday"
is asked back when the most recent Friday and last week's differ, and so is a bare weekday
that is today. Every form is tried after since / after / on, and in a membership-change
question, whose window must never fall back to the default week when a time was written."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, Command, build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import And, DateRangeWindow, Node, Performed
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)

# said → the day it means (NOW is Sunday Nov 1; this week began Monday Oct 26)
CLEAR = {
    "Monday": date(2026, 10, 26),
    "Wednesday": date(2026, 10, 28),
    "Saturday": date(2026, 10, 31),
    "Friday last week": date(2026, 10, 23),
    "Friday of last week": date(2026, 10, 23),
    "last week's Tuesday": date(2026, 10, 20),
    "last Sunday": date(2026, 10, 25),  # the most recent Sunday before today is last week's
}
ASKED = ["last Friday", "last Monday", "previous Wednesday", "Sunday"]
FRAMES = ["customers who ordered since {t}", "VIP customers who inquired since {t}"]


_READER = Reader(VOCAB)
parse = _READER.parse


def _windows(node: Node) -> list[DateRangeWindow]:
    if isinstance(node, Performed) and isinstance(node.window, DateRangeWindow):
        return [node.window]
    if isinstance(node, And):
        return [w for child in node.children for w in _windows(child)]
    return []


@pytest.mark.parametrize(
    ("text", "day"),
    [(f.format(t=said), day) for f, (said, day) in itertools.product(FRAMES, CLEAR.items())],
)
def test_since_a_weekday_starts_on_that_day(text: str, day: date) -> None:
    result = parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.segment is not None
    assert [(w.start, w.end) for w in _windows(result.segment)] == [(day, None)], text


@pytest.mark.parametrize("text", [f.format(t=said) for f in FRAMES for said in ASKED])
def test_a_weekday_with_two_meanings_is_asked_with_both_dates(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification), f"{text!r} read as {result}"
    assert len(result.suggestions) == 2 and "Please give the date" in result.message


def test_on_a_weekday_of_last_week_is_that_one_day() -> None:
    result = parse("customers who ordered on Friday last week")
    assert isinstance(result, Command) and result.segment is not None
    day = date(2026, 10, 23)
    assert [(w.start, w.end) for w in _windows(result.segment)] == [(day, day)]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("who entered VIP since Wednesday", date(2026, 10, 28)),
        ("who left the at-risk customers since Friday last week", date(2026, 10, 23)),
    ],
)
def test_a_change_since_a_weekday_takes_that_window(text: str, start: date) -> None:
    result = parse(text)
    assert isinstance(result, Command) and result.intent == "changes", text
    window = result.details["window"]
    assert isinstance(window, DateRangeWindow) and window.start == start
    assert result.details["window_default"] is False


@pytest.mark.parametrize(
    "text", ["who entered VIP since last Monday", "who left VIP since the day before whenever"]
)
def test_a_change_with_a_time_it_cannot_read_is_asked_never_the_default_week(text: str) -> None:
    assert isinstance(parse(text), Clarification), text


@pytest.mark.parametrize(
    "text",
    [
        "who newly entered the inquired-in-the-last-30-days group today",
        "who entered the inquired in the last 30 days segment today",
        "who left the customers who inquired in the last 30 days today",
    ],
)
def test_a_window_inside_the_segment_entered_stays_the_segments(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Command) and result.intent == "changes", text
    assert isinstance(result.segment, Performed) and result.segment.window is not None
    assert result.details["window_default"] is False
    assert "today" in result.details["window_text"]
