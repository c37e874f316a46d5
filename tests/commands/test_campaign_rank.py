"""Campaign questions read by family (issue 19, blind s13): how the last campaign did, and
campaigns compared by a measure — said in zh-Hans, Taiwan, HK Cantonese, English and mixed.
A comparison without a measure is read as such (its measure None: asked back), never as one."""

from __future__ import annotations

import pytest

from bot.commands.campaign_rank import read_rank
from bot.commands.campaign_status import is_latest, read_named_status, read_status

LAST_CAMPAIGN_STATUS = [
    "上次活动效果怎么样",
    "上次活动效果如何？",
    "最近一次活动的数据",
    "上一个活动的结果",
    "帮我看看上次活动的效果",
    "上個活動成效如何",
    "上一檔活動成效",
    "上次活動效果點樣",
    "上次活動嘅成效",
    "how did the last campaign do?",
    "how did our latest campaign perform",
    "how's the last campaign doing",
    "last campaign results",
    "results of the last campaign",
    "上次campaign效果",
    "上次活动 results",
    "上次活动怎么样",
    "上次活動做得點樣",
    "最近一次活动搞得如何？",
]


@pytest.mark.parametrize("text", LAST_CAMPAIGN_STATUS)
def test_the_last_campaigns_results(text: str) -> None:
    name = read_status(text)
    assert name is not None and is_latest(name), text


@pytest.mark.parametrize(
    "text", ["这个活动效果怎么样", "刚才那个活动的数据", "how did that campaign do"]
)
def test_the_campaign_discussed(text: str) -> None:
    assert read_status(text) == ""


@pytest.mark.parametrize("text", ["上次活动没核销的客户", "上次群发没收到的", "last 30 days"])
def test_not_a_status_question(text: str) -> None:
    assert read_status(text) is None


RANKINGS = [
    ("哪个活动核销率最高", "redemption_rate", False),
    ("哪次活动用券率最高？", "redemption_rate", False),
    ("哪个活动核销率最低", "redemption_rate", True),
    ("邊個活動核銷率最高", "redemption_rate", False),
    ("邊個活動最多人用券", "redeemed", False),
    ("哪個活動核銷人數最多", "redeemed", False),
    ("哪个活动转化率最高", "conversion", False),
    ("哪个活动触达的人最多", "reached", False),
    ("which campaign had the best redemption rate", "redemption_rate", False),
    ("which campaign had the best coupon redemption rate?", "redemption_rate", False),
    ("best campaign on coupons", "redemption_rate", False),
    ("which campaign had the worst redemption rate", "redemption_rate", True),
    ("which campaign had the most redemptions", "redeemed", False),
    ("which campaign reached the most customers", "reached", False),
    ("rank campaigns by conversion", "conversion", False),
    ("哪个campaign核销率最高", "redemption_rate", False),
    ("核销率最高的活动是哪个", "redemption_rate", False),
    ("核銷率最高嘅活動係邊個", "redemption_rate", False),
    ("这几个活动里哪个转化率最高", "conversion", False),
    ("what was our best campaign by redemption rate", "redemption_rate", False),
]


@pytest.mark.parametrize(("text", "measure", "lowest"), RANKINGS)
def test_campaigns_ranked_by_a_measure(text: str, measure: str, lowest: bool) -> None:
    asked = read_rank(text)
    assert asked is not None and (asked.measure, asked.lowest) == (measure, lowest), text


@pytest.mark.parametrize(
    "text",
    [
        "哪个活动效果最好",
        "哪個活動最成功",
        "邊個活動最好",
        "which campaign did best",
        "best campaign?",
    ],
)
def test_best_with_no_measure_is_asked(text: str) -> None:
    asked = read_rank(text)
    assert asked is not None and asked.measure is None, text


@pytest.mark.parametrize(
    "text",
    [
        "上次活动没核销的客户",
        "VIP里消费最多的10个",
        "收到过国庆回馈的",
        "which customers spent the most",
    ],
)
def test_not_a_comparison(text: str) -> None:
    assert read_rank(text) is None


NAMED_STATUS = [
    ("双11预热效果怎么样", "双11预热"),
    ("国庆回馈这个活动的数据", "国庆回馈"),
    ("國慶回饋成效點樣", "国庆回馈"),
    ("“双11预热”的结果如何", "双11预热"),
    ("how did 双11预热 do", "双11预热"),
    ("how is the Spring Sale campaign doing", "spring sale"),
    ("国庆回馈 results", "国庆回馈"),
]


@pytest.mark.parametrize(("text", "name"), NAMED_STATUS)
def test_a_campaign_by_its_name(text: str, name: str) -> None:
    assert read_named_status(text) == name
