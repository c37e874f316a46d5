"""A campaign pointed at rather than named (campaign_pointer.py): the pointer written as the
campaign discussed, "上次那个活动" read as the last campaign, a pointer with nothing to point at
asked back; and what is asked of a campaign in Cantonese and mixed forms (嘅群發, 啲券, control
group inside Chinese, "that campaign's coupon — who used it?")."""

from __future__ import annotations

import pytest

from segmentation.kinds.campaign_holdout import CampaignHeldOut
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, build_vocabulary
from segmentation.nlq.campaign_pointer import (
    latest_pointer_dropped,
    one_campaign,
    pointed_campaign,
    says_pointer,
)
from segmentation.nodes import And, CampaignCoupon, CampaignMessaged, City, Not
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP"],
    staff=[],
    departments=[],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
    campaigns=[(1, "国庆回馈"), (2, "双11预热"), (3, "老客关怀")],
    latest_campaigns=[("coupon", 2), ("message", 3), ("coupon_before", 1)],
)
READ = Reader(VOCAB)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("这个活动的群发谁收到了", "活动#3的群发谁收到了"),
        ("該活動的對照組有誰", "活动#3的對照組有誰"),
        ("嗰個活動嘅群發有邊個收到", "活动#3嘅群發有邊個收到"),
        ("呢個活動嘅control group", "活动#3嘅control group"),
        ("個活動嘅control group", "活动#3嘅control group"),
        ("此活动的券谁用了", "活动#3的券谁用了"),
        ("同一个活动的对照组", "活动#3的对照组"),
        ("这个campaign的control group有谁", "活动#3的control group有谁"),
        ("这次推送谁收到了", "活动#3的群发谁收到了"),
        ("這個群發任務邊個冇收到", "活动#3的群发邊個冇收到"),
        ("that campaign's coupon — who used it?", "campaign #3's coupon — who used it?"),
        ("who's in the same campaign's control group", "who's in campaign #3's control group"),
        ("who got that broadcast", "who got campaign #3's message"),
    ],
)
def test_a_pointer_is_written_as_the_campaign_discussed(text: str, written: str) -> None:
    assert pointed_campaign(text, 3) == written


@pytest.mark.parametrize(
    "text",
    [
        "给VIP发消息“这个活动今晚截止”",  # a message's own words
        "这次群发给上海的VIP",  # a new send, not its recipients
        "上次那个活动的券谁没用",  # the last campaign
        "这个月下过单的客户",
        "that customer's orders",
    ],
)
def test_no_pointer(text: str) -> None:
    assert not says_pointer(text)


@pytest.mark.parametrize(
    "text", ["上次那个活动", "上次嗰個活動", "上次個活動", "上一个这个活动", "上次campaign"]
)
def test_a_pointer_inside_the_last_campaign_is_left_out(text: str) -> None:
    assert latest_pointer_dropped(text) in ("上次活动", "上次活動", "上一个活动", "上次campaign")


@pytest.mark.parametrize(
    "text",
    [
        "上次個活動嘅control group",
        "上次嗰個活動嘅control group",
        "上次campaign的control group有谁",
        "上次那个活动的对照组有谁",
        "上次活动嘅對照組有邊個",
        "last campaign's control group, who?",
        "the last campaign's control group — who's in it?",
    ],
)
def test_the_last_campaigns_control_group(text: str) -> None:
    assert READ.segment(text) == CampaignHeldOut(latest=True)


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("活动#3嘅群發有邊個收到", CampaignMessaged(3)),
        ("活动#3的推送谁收到了", CampaignMessaged(3)),
        ("活动#3嘅群發邊個冇收到", Not(CampaignMessaged(3))),
        ("活动#3的control group", CampaignHeldOut(3)),
        ("活动#3的control组有谁", CampaignHeldOut(3)),
        ("活动#2啲券邊個用咗", CampaignCoupon("redeemed", 2)),
        ("活动#2张券边个未用", CampaignCoupon("unredeemed", 2)),
        ("上次活动啲券边个仲未用", CampaignCoupon("unredeemed", latest=True)),
        ("campaign #2's coupon — who used it?", CampaignCoupon("redeemed", 2)),
        ("campaign #2's coupon - who hasn't used it yet?", CampaignCoupon("unredeemed", 2)),
        ("the last campaign's coupon — who used it?", CampaignCoupon("redeemed", latest=True)),
        ("campaign #3's message: who got it?", CampaignMessaged(3)),
        ("campaign #3's message — who didn't receive it?", Not(CampaignMessaged(3))),
        ("campaign #3's control group, who?", CampaignHeldOut(3)),
    ],
)
def test_what_is_asked_of_a_campaign(text: str, segment: object) -> None:
    assert READ.segment(text) == segment


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("这个活动的群发谁收到了", "“这个”活动"),
        ("這個活動嘅對照組有邊個", "“這個”活動"),
        ("個活動嘅control group", "“個”活動"),
        ("这次推送谁收到了", "“这次”推送"),
        ("该活动的券谁没用", "“该”活动"),
    ],
)
def test_a_pointer_at_nothing_is_asked_back_with_the_campaigns(text: str, said: str) -> None:
    asked = READ.asked(text)
    assert said in asked and "老客关怀" in asked and "双11预热" in asked


def test_a_pointer_at_nothing_in_english_is_asked_back() -> None:
    asked = READ.parse("that campaign's coupon — who used it?")
    assert isinstance(asked, Clarification)
    assert "“that” campaign" in asked.message
    assert asked.suggestions[:2] == ("老客关怀", "双11预热")


@pytest.mark.parametrize(
    ("segment", "number"),
    [
        (CampaignMessaged(latest=True), 3),
        (CampaignCoupon("unredeemed", latest=True), 2),
        (And((City(("上海",)), CampaignHeldOut(1))), 1),
        (And((CampaignMessaged(3), Not(CampaignHeldOut(3)))), 3),
        (And((CampaignMessaged(3), CampaignCoupon("issued", 2))), None),  # two campaigns
        (CampaignMessaged(), None),  # any campaign's message names none
        (City(("上海",)), None),
    ],
)
def test_the_one_campaign_an_answer_is_about(segment: object, number: int | None) -> None:
    assert one_campaign(segment, {"message": 3, "coupon": 2}) == number  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["国庆回馈那次活动收到群发的客户", "“国庆回馈”这个活动的券谁没用", "國慶回饋嗰個活動嘅對照組"],
)
def test_a_pointer_after_a_campaigns_name_is_that_campaign(text: str) -> None:
    assert not says_pointer(text, ["国庆回馈"])
    assert pointed_campaign(text, 3, ["国庆回馈"]) == text
    assert "#1" in READ.command(text).description


@pytest.mark.parametrize(
    "text",
    ["上次派券那次活动没核销的", "上次派券嗰次活動有邊個仲未核銷", "最近一次發優惠券的那個活動"],
)
def test_a_pointer_after_the_last_campaign_described_is_no_pointer(text: str) -> None:
    assert not says_pointer(text)
