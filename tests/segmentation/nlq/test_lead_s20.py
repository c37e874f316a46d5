"""Session 20 (lead): categories found while scoring the blind sets, each in the forms it has.

"N days ago" said after a bare length (3天前, 两周前, 一个月以前, 3日前, 十天之前) is a point in
time the spec does not define: it is asked back as that, never read as a length followed by a
ranking ("按什么排名？" named the wrong thing)."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import DateRangeWindow, Performed, Ranked, RollingWindow, walk
from tests.segmentation.nlq.fixture import Reader

READ = Reader(
    build_vocabulary(
        tags=["VIP", "金卡"],
        staff=[StaffInfo("zhangsan", "张三", (1,))],
        departments=[(1, "销售一部")],
        saved=[],
        catalog=NamedSegmentCatalog.load(),
    )
)


@pytest.mark.parametrize(
    "text",
    [
        "3天前下过单的",
        "30天前下单的客户",
        "两周前下过单的",
        "三个月前买过的客户",
        "一个月以前来过店的",
        "十天之前问过价的",
        "兩個禮拜前有落單嘅",
        "3日前有冇嚟過",
        "半年前买过的客户",
    ],
)
def test_a_length_said_before_ago_is_asked_as_a_point_in_time(text: str) -> None:
    message = READ.asked(text)
    assert "N天前" in message
    assert "排名" not in message


# "3 days ago" alone is the whole day 大前天 (timephrases_en.py); weeks and months ago are asked.
@pytest.mark.parametrize("text", ["customers who ordered 2 weeks ago", "visited 3 months ago"])
def test_english_ago_is_asked_too(text: str) -> None:
    assert "ago" in READ.asked(text)


@pytest.mark.parametrize(
    ("text", "days"),
    [("前3天下过单的", 3), ("近7天前10名消费最多的", 7), ("7天前10名消费最多的", 7)],
)
def test_a_length_before_a_ranking_or_after_qian_stays_a_length(text: str, days: int) -> None:
    segment = READ.segment(text)
    windows = [n.window for n in walk(segment) if isinstance(n, (Performed, Ranked)) and n.window]
    assert RollingWindow(days, "days") in windows


def test_a_date_before_qian_is_still_before_that_date() -> None:
    segment = READ.segment("10月1日之前下过单的")
    assert isinstance(segment, Performed)
    assert isinstance(segment.window, DateRangeWindow)
    assert segment.window.start is None
