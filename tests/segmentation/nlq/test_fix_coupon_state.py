"""A campaign's coupon and message states said every way (issue 19, spec §2b): the coupon named
by its campaign's name, by 上次 / 最近一次 / the last / most recent / latest, by what we sent
(发出去的 / 派出去的 / 派嘅 / 發出的 / we sent); its state as used (核销 / 用咗 / 兑换 / redeemed /
cashed in), unused (还没用 / 仲未用 / 冇用 / not redeemed yet / still unused); a message received
or delivered (收到消息 / 发到了谁 / 送达 / got the message / was sent / delivered to) — in
zh-Hans, Taiwan, Cantonese, English and mixed. "The last coupon" is a coupon, never a time. A
coupon or message of a campaign that does not exist is asked back naming it, offering the real
campaigns; conditions before a coupon (VIP的券, 上海客户的券) keep their own reading."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command
from segmentation.nlq.vocabulary import StaffInfo, build_vocabulary
from segmentation.nodes import And, CampaignCoupon, CampaignMessaged, City, HasTag, Node, Not
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
    campaigns=[(1, "国庆回馈"), (2, "双11预热"), (3, "老客关怀")],
)
VIP = HasTag("VIP")
_READER = Reader(VOCAB)
parse = _READER.parse
segment = _READER.segment
asked = _READER.asked


def cpn(state: str = "issued", campaign: int | None = None, latest: bool = False) -> Node:
    return CampaignCoupon(state, campaign, latest)  # type: ignore[arg-type]


def msg(campaign: int | None = None, latest: bool = False) -> Node:
    return CampaignMessaged(campaign, latest, None)  # type: ignore[arg-type]


# ---- a campaign's coupon by its name, said before what became of it ----------------------

BY_NAME = [
    ("雙11預熱的優惠券有核銷的", cpn("redeemed", 2)),
    ("双11预热的优惠券有核销的客户", cpn("redeemed", 2)),
    ("國慶回饋個券用咗嘅", cpn("redeemed", 1)),
    ("国庆回馈个券仲未用嘅客", cpn("unredeemed", 1)),
    ("双11预热发出去的券还没核销的", cpn("unredeemed", 2)),
    ("双11预热派出去的券已经核销的", cpn("redeemed", 2)),
    ("雙11預熱發出的優惠券還沒使用的客戶", cpn("unredeemed", 2)),
    ("雙11預熱的優惠券已兌換的客戶", cpn("redeemed", 2)),
    ("国庆回馈那次的券还没使用的客户", cpn("unredeemed", 1)),
    ("双11预热的券兑换了的", cpn("redeemed", 2)),
    ("双11预热券核销了的", cpn("redeemed", 2)),
    ("双11预热的劵被核销了的", cpn("redeemed", 2)),
    ("双11预热的券未被核销的", cpn("unredeemed", 2)),
    # mixed: the English word for the coupon or its state
    ("双11预热的coupon已经redeem的", cpn("redeemed", 2)),
    ("双11预热的coupon还没redeem的", cpn("unredeemed", 2)),
    ("国庆回馈的券 used 了的", cpn("redeemed", 1)),
]


@pytest.mark.parametrize(("text", "want"), BY_NAME)
def test_a_coupon_by_its_campaign_name(text: str, want: Node) -> None:
    assert segment(text) == want


# ---- the last coupon: 上次 / 最近一次 / what we sent last ------------------------------------

LAST = [
    ("上次派嘅券仲未用嘅客", cpn("unredeemed", latest=True)),
    ("上次派出去嘅券冇用嘅", cpn("unredeemed", latest=True)),
    ("上次发出去的券已经核销的", cpn("redeemed", latest=True)),
    ("最近一次派出去嘅劵冇用嘅", cpn("unredeemed", latest=True)),
    ("上次我们发的优惠券被核销了的客户", cpn("redeemed", latest=True)),
    ("上次的券未被核销的", cpn("unredeemed", latest=True)),
    ("最近一次的券已经用了的", cpn("redeemed", latest=True)),
    ("最近一次發的券已使用的", cpn("redeemed", latest=True)),
    ("上次派出嘅券用咗嘅", cpn("redeemed", latest=True)),
    ("上次派嘅coupon仲未redeem嘅", cpn("unredeemed", latest=True)),
    ("latest coupon 已经用了的", cpn("redeemed", latest=True)),
    ("上次發出的券還沒核銷的客戶", cpn("unredeemed", latest=True)),
    ("上次的coupon还没用的", cpn("unredeemed", latest=True)),
    ("the last coupon 还没核销的", cpn("unredeemed", latest=True)),
    ("VIP客户上次派嘅券仲未用嘅", And((VIP, cpn("unredeemed", latest=True)))),
]


@pytest.mark.parametrize(("text", "want"), LAST)
def test_the_last_coupon_in_chinese(text: str, want: Node) -> None:
    assert segment(text) == want


ENGLISH = [
    (
        "customers who haven't used the most recent coupon we sent yet",
        cpn("unredeemed", latest=True),
    ),
    ("customers that still haven't redeemed the latest coupon", cpn("unredeemed", latest=True)),
    ("customers who redeemed the last coupon", cpn("redeemed", latest=True)),
    ("customers who cashed in the last coupon we sent", cpn("redeemed", latest=True)),
    ("who got the latest voucher", cpn("issued", latest=True)),
    ("customers who got the last coupon but haven't used it", cpn("unredeemed", latest=True)),
    ("customers who got the last coupon and used it", cpn("redeemed", latest=True)),
    ("customers whose last coupon is still unused", cpn("unredeemed", latest=True)),
    ("customers whose coupon from the last campaign was redeemed", cpn("redeemed", latest=True)),
    ("customers whose coupon from 双11预热 hasn't been redeemed yet", cpn("unredeemed", 2)),
    ("customers who still haven't cashed in the 国庆回馈 coupon", cpn("unredeemed", 1)),
    ("customers who got a voucher from 双11预热 and cashed it in", cpn("redeemed", 2)),
    ("customers who haven't used the coupon we sent", cpn("unredeemed")),
    ("customers who used the coupon we sent", cpn("redeemed")),
    ("customers who got a coupon and used it", cpn("redeemed")),
    ("customers who haven't used the coupon we sent last time", cpn("unredeemed", latest=True)),
    ("customers who used the voucher we gave out last", cpn("redeemed", latest=True)),
    ("who hasn't cashed in the voucher from the last campaign", cpn("unredeemed", latest=True)),
    ("customers who still have an unused coupon from 双11预热", cpn("unredeemed", 2)),
]


# "we sent last month" is a time: that month's coupons, never the last campaign's
def test_a_coupon_we_sent_last_month_is_a_time() -> None:
    result = segment("customers who got the coupon we sent last month")
    assert isinstance(result, CampaignCoupon) and not result.latest and result.window


@pytest.mark.parametrize(("text", "want"), ENGLISH)
def test_a_coupon_state_in_english(text: str, want: Node) -> None:
    assert segment(text) == want


def test_the_last_coupon_in_a_push_is_no_time() -> None:
    result = parse(
        'message everyone who hasn\'t redeemed the last coupon: "Your coupon expires Sunday"'
    )
    assert isinstance(result, Command) and result.intent == "push", result
    assert result.segment == cpn("unredeemed", latest=True)
    assert result.details["message"] == "Your coupon expires Sunday"


# ---- a campaign's message received or delivered ----------------------------------------------

MESSAGES = [
    ("上次群发收到消息的客户", msg(latest=True)),
    ("上次群發收到訊息嘅客", msg(latest=True)),
    ("上次推送收到了消息的", msg(latest=True)),
    ("上次群发没收到消息的", Not(msg(latest=True))),
    ("上次群發冇收到訊息嘅客", Not(msg(latest=True))),
    ("上次群发的消息收到了的客户", msg(latest=True)),
    ("上次群发的消息没收到的", Not(msg(latest=True))),
    ("國慶回饋那次的訊息有收到的客戶", msg(1)),
    ("上次發出嘅訊息有收到嘅客", msg(latest=True)),
    ("上次发的消息没收到的", Not(msg(latest=True))),
    ("customers who were sent the 国庆回馈 message", msg(1)),
    ("国庆回馈那次消息发到了哪些人", msg(1)),
    ("国庆回馈的消息送到了谁", msg(1)),
    ("国庆回馈那次消息发给了哪些人", msg(1)),
    ("國慶回饋嗰次訊息發咗俾邊個", msg(1)),
    ("國慶回饋的訊息有送達哪些人", msg(1)),
    ("国庆回馈的群发发到了哪些客户", msg(1)),
    ("国庆回馈发到了哪些人", msg(1)),
    ("国庆回馈的消息没送到哪些人", Not(msg(1))),
    ("国庆回馈 message 发到了谁", msg(1)),
    ("customers the last campaign's message was delivered to", msg(latest=True)),
    ("who was the 国庆回馈 message sent to", msg(1)),
    ("who did the 国庆回馈 message reach", msg(1)),
    ("customers the 国庆回馈 message was delivered to", msg(1)),
    ("customers who were sent the last message", msg(latest=True)),
]


@pytest.mark.parametrize(("text", "want"), MESSAGES)
def test_a_message_received_or_delivered(text: str, want: Node) -> None:
    assert segment(text) == want


# whom a campaign's coupon went to: issued
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("国庆回馈的券发给了谁", cpn("issued", 1)),
        ("上次派嘅券发到了边个", cpn("issued", latest=True)),
    ],
)
def test_whom_a_coupon_went_to(text: str, want: Node) -> None:
    assert segment(text) == want


# ---- a campaign no campaign has: asked back naming it -------------------------------------

UNKNOWN = [
    "春季大促的券没核销的",
    "春季大促发出去的券还没核销的",
    "春季大促那次消息发到了哪些人",
    "春季大促個券用咗嘅",
    "春季大促的优惠券有核销的",
    "customers whose coupon from 春季大促 hasn't been redeemed yet",
    "customers who haven't used the 春季大促 coupon",
]


@pytest.mark.parametrize("text", UNKNOWN)
def test_a_coupon_of_no_campaign_is_asked_back(text: str) -> None:
    message = asked(text)
    assert "春季大促" in message and "双11预热" in message


def test_an_english_name_of_no_campaign_is_asked_back() -> None:
    message = asked("customers who redeemed the spring sale coupon")
    assert "spring sale" in message and "国庆回馈" in message


# Conditions said before a coupon keep their own reading: no campaign name is asked.
KEPT = [
    ("VIP的券没核销的", And((VIP, cpn("unredeemed")))),
    ("上海客户的券还没用的", And((City(("上海",)), cpn("unredeemed")))),
    ("金卡客户手上的券没用的", And((HasTag("金卡"), cpn("unredeemed")))),
]


@pytest.mark.parametrize(("text", "want"), KEPT)
def test_conditions_before_a_coupon_are_no_campaign(text: str, want: Node) -> None:
    assert segment(text) == want
