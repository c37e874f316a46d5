""" "Which group has the most / fewest …" (segmentation/nlq/intents_extra.py _which_most),
issue 19: a breakdown by that dimension whose answer names the group at the asked end; a
ranking of customers ("哪个客户消费最多") stays a ranking."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.parser import Command
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import All, HasTag, Performed, Ranked, RollingWindow
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)
parse = Reader(VOCAB).parse


@pytest.mark.parametrize(
    ("text", "by", "extreme", "segment"),
    [
        ("哪个城市的VIP最多", "city", "most", HasTag("VIP")),
        ("哪個城市嘅VIP最多", "city", "most", HasTag("VIP")),
        ("邊個城市啲客最少", "city", "fewest", All()),
        ("客户最多的是哪个销售", "owner", "most", All()),
        ("哪位同事跟的VIP最多", "owner", "most", HasTag("VIP")),
        ("哪個業務的客戶最多", "owner", "most", All()),
        (
            "哪个部门近30天下单的客户最多",
            "department",
            "most",
            Performed("order", RollingWindow(30, "days")),
        ),
        ("which rep has the most customers", "owner", "most", All()),
        ("which city has the most VIP customers", "city", "most", HasTag("VIP")),
        (
            "which department has the fewest customers who ordered in the last 30 days",
            "department",
            "fewest",
            Performed("order", RollingWindow(30, "days")),
        ),
        ("哪个渠道来的客户最多", "channel", "most", All()),
    ],
)
def test_which_group_is_a_breakdown_naming_that_end(
    text: str, by: str, extreme: str, segment: object
) -> None:
    result = parse(text)
    assert isinstance(result, Command), result
    assert (result.intent, result.details["by"], result.details["extreme"]) == (
        "breakdown",
        by,
        extreme,
    )
    assert result.segment == segment


@pytest.mark.parametrize("text", ["哪个客户消费最多", "which customer spent the most"])
def test_which_customer_is_still_a_ranking(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Command), result
    assert isinstance(result.segment, Ranked)


def test_a_plain_breakdown_names_no_end() -> None:
    result = parse("每个城市各有多少VIP")
    assert isinstance(result, Command) and "extreme" not in result.details
