"""A campaign said first as the topic, its contact said after the question (campaign_topic.py):
"国庆回馈这个活动有哪些客户收到消息", "上次活動邊個係對照組", "which of campaign #2's coupons
haven't been redeemed yet"; the coupon's fate said after the coupon in English; a campaign
swapped or switched to its delivered message after an answer about it (campaign_followups)."""

from __future__ import annotations

import pytest

from segmentation.kinds.campaign_holdout import CampaignHeldOut
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.campaign_followups import on_sent_campaign, said_received, sent_campaign
from segmentation.nlq.campaign_topic import holdout_topic_joined
from segmentation.nlq.holdout_words import says_holdout, with_holdout_campaign
from segmentation.nodes import And, CampaignCoupon, CampaignMessaged, HasTag, Not
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[],
    departments=[],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
    campaigns=[(1, "国庆回馈"), (2, "双11预热"), (3, "老客关怀")],
    latest_campaigns=[("coupon", 2), ("message", 3), ("coupon_before", 1)],
)
READ = Reader(VOCAB)


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("国庆回馈这个活动有哪些客户收到消息", CampaignMessaged(1)),
        ("「国庆回馈」這個活動有哪些客戶收到訊息", CampaignMessaged(1)),
        ("國慶回饋這檔活動有哪些顧客收到推播", CampaignMessaged(1)),
        ("国庆回馈嗰個活動有邊啲客收到訊息", CampaignMessaged(1)),
        ("「国庆回馈」活动有哪些客户领了券", CampaignCoupon("issued", 1)),
        ("国庆回馈活动哪些客户还没用券", CampaignCoupon("unredeemed", 1)),
        ("国庆回馈活动的客户谁没用券", CampaignCoupon("unredeemed", 1)),
        ("国庆回馈嗰次活動有幾多個客核銷咗張券", CampaignCoupon("redeemed", 1)),
        ("上次活动有哪些客户收到了群发", CampaignMessaged(None, True)),
        ("老客关怀活动有哪些客户没收到消息", Not(CampaignMessaged(3))),
        ("活动#1发的券谁还没用", CampaignCoupon("unredeemed", 1)),
        ("活动#1派嘅券边个仲未用", CampaignCoupon("unredeemed", 1)),
        ("活动#1发的消息谁收到了", CampaignMessaged(1)),
        ("活动#1嘅coupon边个已经redeem咗", CampaignCoupon("redeemed", 1)),
        ("which customers in the 国庆回馈 campaign got the message", CampaignMessaged(1)),
        ("Who received the 老客关怀 campaign's message?", CampaignMessaged(3)),
    ],
)
def test_a_campaign_said_first_is_the_contact_said_after(text, segment):
    assert READ.segment(text) == segment


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        (
            "which of campaign #2's coupons haven't been redeemed yet",
            CampaignCoupon("unredeemed", 2),
        ),
        ("which coupons from campaign #2 haven't been used", CampaignCoupon("unredeemed", 2)),
        ("campaign #2's coupons that were redeemed", CampaignCoupon("redeemed", 2)),
        ("which of campaign #2's vouchers got used", CampaignCoupon("redeemed", 2)),
        (
            "the last coupon campaign's coupons not redeemed yet",
            CampaignCoupon("unredeemed", None, True),
        ),
        ("the 双11预热 campaign's coupons that are still unused", CampaignCoupon("unredeemed", 2)),
        ("who has coupons that haven't been used", CampaignCoupon("unredeemed")),
        ("coupons haven't been redeemed", CampaignCoupon("unredeemed")),
        (
            "VIPs whose coupons have been used",
            And((HasTag("VIP"), CampaignCoupon("redeemed"))),
        ),
    ],
)
def test_a_coupons_fate_said_after_the_coupon_in_english(text, segment):
    assert READ.segment(text) == segment


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("上次個活動邊個係對照組", CampaignHeldOut(None, True)),
        ("上次活动谁是对照组", CampaignHeldOut(None, True)),
        ("上次活动哪些人在对照组", CampaignHeldOut(None, True)),
        ("上次活動有邊個喺對照組", CampaignHeldOut(None, True)),
        ("上次活动哪些客户被留作对照组", CampaignHeldOut(None, True)),
        ("双11预热活动有几个人在控制组", CampaignHeldOut(2)),
        ("老客关怀这个活动有几个客户在对照组", CampaignHeldOut(3)),
    ],
)
def test_a_campaign_said_before_who_is_in_its_control_group(text, segment):
    assert READ.segment(text) == segment


def test_the_topic_first_control_group_is_written_in_its_reading_order():
    assert holdout_topic_joined("上次活动边个系对照组") == "上次活动的对照组有边个"
    assert holdout_topic_joined("活动#2有几个人在控制组") == "活动#2的控制组有几个人"
    assert holdout_topic_joined("对照组有谁") == "对照组有谁"


@pytest.mark.parametrize(
    "text",
    [
        "双11预热的客户",  # the campaign alone: its message, its coupon, or used?
        "上次活动的客户",
        "对照组有谁",  # no campaign: which one's
        "国庆回馈活动有哪些客户收到过活动#2的消息",  # two campaigns: which one
        "上次发券活动有哪些客户收到消息",  # the last coupon campaign's message: asked
    ],
)
def test_what_stays_asked_back(text):
    READ.asked(text)


def test_a_bare_control_group_is_put_on_the_campaign_discussed():
    assert with_holdout_campaign("给对照组的人打上“待跟进”标签", 3) == (
        "给活动#3的对照组的人打上“待跟进”标签"
    )
    assert with_holdout_campaign("tag the control group 待跟进", 3) == (
        "tag the control group of campaign #3 待跟进"
    )
    assert with_holdout_campaign("给VIP发消息“对照组的朋友你好”", 3) is None  # a message's words
    assert not says_holdout("给VIP发消息“对照组的朋友你好”")
    assert says_holdout("把控制組導出")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("改睇 delivered 嘅", True),
        ("換成送達的", True),
        ("改看已送達嘅", True),
        ("只看收到消息的", True),
        ("switch to the delivered ones", True),
        ("what about the delivered ones", True),
        ("now the ones it was delivered to", True),
        ("改看没收到的", False),
        ("换成VIP", False),
        ("delivered VIPs", False),
        ("received coupons", False),
    ],
)
def test_switched_to_whom_the_message_was_delivered(text, said):
    assert said_received(text) is said


def test_another_campaign_replaces_the_one_of_a_message_answer():
    answer = Not(CampaignMessaged(3))
    assert sent_campaign(answer) == (3, False)
    assert on_sent_campaign(answer, (2, False)) == Not(CampaignMessaged(2))
    assert on_sent_campaign(CampaignHeldOut(None, True), (1, False)) == CampaignHeldOut(1)
    assert sent_campaign(And((CampaignMessaged(3), CampaignCoupon("issued", 3)))) is None
    assert sent_campaign(CampaignMessaged()) is None  # any campaign's message
