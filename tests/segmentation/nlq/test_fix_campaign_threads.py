"""A campaign named by what it did, not by its name (issue 19, blind s16-conv2), by category,
in zh-Hans, Taiwan, Cantonese, English and mixed: every "the newest campaign that issued
coupons" (上次发券那个活动, 上次派券嗰個活動, 上一次發優惠券的活動, 發過券的上一個活動, last
campaign with coupons, the latest campaign that gave out vouchers, the last time we sent
coupons, 上次 coupon campaign) is read as the last coupon campaign — never as a campaign's name,
a tag or a period — with every question around it; the one before it (上上次发券的活动, the
coupon campaign before last) is that campaign's number; 最近 alone stays a vague period."""

from __future__ import annotations

import pytest

from segmentation.kinds.campaign_holdout import CampaignHeldOut
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, Command
from segmentation.nlq.campaign_described import described_campaigns
from segmentation.nlq.campaign_followups import (
    OtherCampaign,
    answer_campaign,
    said_other_campaign,
    said_received,
)
from segmentation.nlq.coupon_status import read_coupon_status
from segmentation.nlq.vocabulary import StaffInfo, build_vocabulary
from segmentation.nodes import And, CampaignCoupon, CampaignMessaged, City, InDepartment, Node, Not
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import Reader

CAMPAIGNS = [(1, "国庆回馈"), (2, "双11预热"), (3, "老客关怀")]
VOCAB = build_vocabulary(
    tags=["VIP", "金卡", "待跟进"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=["跟进名单"],
    catalog=NamedSegmentCatalog.load(),
    campaigns=CAMPAIGNS,
    # #2 issued coupons last, #3 (newer) sent messages only, #1 issued coupons before #2
    latest_campaigns=[("coupon", 2), ("message", 3), ("coupon_before", 1)],
    db_cities=["上海"],
)
READ = Reader(VOCAB)


def last(state: str) -> Node:
    return CampaignCoupon(state, None, True)  # type: ignore[arg-type]


def command(text: str) -> Command:
    result = READ.parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    return result


DESCRIBED = [
    # zh-Hans: every "last" word, every coupon verb, every "that one", with and without 活动
    ("上次发券那个活动 还有谁没核销", "unredeemed"),
    ("上次发券的活动谁没核销", "unredeemed"),
    ("上一次派券的那个活动谁用了券", "redeemed"),
    ("最近一次发了优惠券的活动，用了券的有几个", "redeemed"),
    ("最新的派券活动有几个人领了券", "issued"),
    ("最后一次送券那次活动谁还没用", "unredeemed"),
    ("上个发券活动有谁没用券", "unredeemed"),
    ("发过券的上一个活动 谁没用券", "unredeemed"),
    ("有发券的最近一次活动 谁用了", "redeemed"),
    ("上次发的券谁还没用", "unredeemed"),
    ("最近一次发券谁没用", "unredeemed"),
    ("上次派券那次 谁用了", "redeemed"),
    ("上次优惠券活动 谁没用", "unredeemed"),
    ("上次那个发券的活动 谁没用", "unredeemed"),
    ("最近一次我们给客户发券的活动 谁还没核销", "unredeemed"),
    # Taiwan
    ("上一次發優惠券的活動 有誰還沒用", "unredeemed"),
    ("最近一檔有送券的活動 領了券還沒兌換的是哪些人", "unredeemed"),
    ("上一檔發券活動 誰已經兌換了", "redeemed"),
    ("上次發放優惠券的那檔活動，領到券的有幾位", "issued"),
    # Cantonese
    ("上次派券嗰個活動 邊個仲未用張券", "unredeemed"),
    ("上個有派券嘅活動 邊個用咗張券", "redeemed"),
    ("最近嗰次送券嘅活動有幾多人未使", "unredeemed"),
    ("最新嗰次派券活動 有邊個攞咗券", "issued"),
    ("上次俾客派券嗰個活動 邊個未用", "unredeemed"),
    # English
    ("last campaign with coupons — who actually redeemed?", "redeemed"),
    ("the latest campaign that gave out vouchers: who hasn't used theirs?", "unredeemed"),
    ("the last time we sent coupons, who didn't redeem", "unredeemed"),
    ("the last time we sent coupons, how many redeemed?", "redeemed"),
    ("who got a coupon in the most recent coupon campaign", "issued"),
    ("most recent campaign with coupons who didn't redeem", "unredeemed"),
    ("who redeemed in the last campaign with coupons", "redeemed"),
    ("the latest coupon drop: who hasn't redeemed yet?", "unredeemed"),
    ("which customers still haven't used the coupon from our last coupon campaign", "unredeemed"),
    ("how many got a coupon in the latest campaign with vouchers", "issued"),
    ("last campaign w/ coupons - who redeemed", "redeemed"),
    ("the last campaign where coupons were given out: who redeemed?", "redeemed"),
    ("the most recent promo in which vouchers went out, who didn't redeem", "unredeemed"),
    # mixed
    ("上次 coupon campaign 谁没核销", "unredeemed"),
    ("the last 派券 campaign, who redeemed?", "redeemed"),
    ("上次发券那个活动 who didn't redeem", "unredeemed"),
    ("latest 发券活动 who used the coupon", "redeemed"),
]


@pytest.mark.parametrize(("text", "state"), DESCRIBED)
def test_campaign_described_by_its_coupons_is_the_last_coupon_campaign(
    text: str, state: str
) -> None:
    found = command(text)
    assert found.segment == last(state)
    assert "双11预热" in found.description  # restated by its name: the asker sees which one


@pytest.mark.parametrize(
    "text",
    [
        "上次派券嗰個活動 我哋部門有邊個仲未用張券",
        "上次發券那檔活動，我們部門誰還沒用",
        "上次发券那个活动 我们部门还有谁没核销",
    ],
)
def test_own_department_is_kept(text: str) -> None:
    assert command(text).segment == And((InDepartment((1,)), last("unredeemed")))


@pytest.mark.parametrize(
    "text",
    [
        "上上次发券的活动谁没核销",
        "上上次派券嗰個活動 邊個未用",
        "上上一次發優惠券的活動 誰還沒用",
        "the coupon campaign before last: who didn't redeem?",
        "who didn't redeem from the second-to-last coupon campaign",
    ],
)
def test_the_one_before_is_its_number(text: str) -> None:
    assert command(text).segment == CampaignCoupon("unredeemed", 1)


@pytest.mark.parametrize(
    "text",
    ["上次发券那个活动谁没核销", "上次派券嗰個活動邊個未用", "上次发券那个活动的客户"],
)
def test_never_asked_as_a_campaign_name_or_a_period(text: str) -> None:
    result = READ.parse(text)
    message = result.message if isinstance(result, Clarification) else ""
    for wrong in ("名为", "named", "time “", "时间"):
        assert wrong not in message


@pytest.mark.parametrize("text", ["最近发过券的客户", "最近送券的人有哪些"])
def test_recent_alone_stays_a_vague_period(text: str) -> None:
    assert "最近" in READ.asked(text)  # no number of days: asked, never the last campaign


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("上次发券那个活动谁没核销", "上次发券活动谁没核销"),
        ("上次派券那个活动", "上次发券活动"),
        ("上次发的券谁没用", "上次发券活动的券谁没用"),
        ("上上次发券的活动", "上上次活动"),
        ("last campaign with coupons — who redeemed?", "the last coupon campaign — who redeemed?"),
        ("上次 coupon campaign 谁没用", "上次发券活动谁没用"),
        ("the last 派券 campaign", "the last coupon campaign"),
        ("上个月发券的客户", "上个月发券的客户"),  # 上个月: a month, no campaign
        ("上次活动谁没核销", "上次活动谁没核销"),  # already the form read
    ],
)
def test_written_in_the_form_read(said: str, written: str) -> None:
    assert described_campaigns(normalize(said)) == written


@pytest.mark.parametrize(
    "text", ["那上次发券活动呢", "what about the last coupon campaign?", "上次发券活动的呢"]
)
def test_another_campaign_said_alone(text: str) -> None:
    assert said_other_campaign(normalize(text)) == OtherCampaign(latest=True)


@pytest.mark.parametrize(
    ("text", "coupons_only"),
    [
        ("上次发券那个活动的客户", True),
        ("上次派券嗰個活動嘅客", True),
        ("the customers of the last campaign with coupons", True),
        ("上次活动的客户", False),
        ("上一檔活動的客戶有哪些", False),
        ("list the last campaign's customers", False),
    ],
)
def test_the_last_campaign_alone_is_asked_which_contact(text: str, coupons_only: bool) -> None:
    message = READ.asked(text)
    assert "领过它的券" in message or "got its coupon" in message
    assert ("群发消息" in message or "its message" in message) is not coupons_only


@pytest.mark.parametrize(
    "text",
    [
        "and how many actually received it",
        "who received it?",
        "how many got the message",
        "那实际收到的有几个",
        "收到消息的呢",
        "真正收到訊息的有幾位",
        "邊個收咗",
        "咁有幾多人收到",
    ],
)
def test_who_received_it_is_asked(text: str) -> None:
    assert said_received(text)


@pytest.mark.parametrize("text", ["how many got it", "那谁用了", "who didn't?", "谁没收到"])
def test_not_who_received_it(text: str) -> None:
    assert not said_received(text)  # got it (the coupon), used, a negation: not its message


def test_answer_campaign_of_coupon_and_message() -> None:
    assert answer_campaign(CampaignCoupon("redeemed", 1)) == ("coupon", (1, False))
    assert answer_campaign(CampaignMessaged(None, True)) == ("message", (None, True))
    assert answer_campaign(And((CampaignCoupon("issued", 1), CampaignMessaged(3)))) is None
    assert answer_campaign(CampaignCoupon("issued")) is None  # any campaign's coupon


# ---- a campaign's control group: one campaign's is read, of no campaign asked which ----------

HELD_OUT = [
    ("老客关怀的对照组有谁", CampaignHeldOut(3)),
    ("老客关怀活动的对照组里上海的", And((CampaignHeldOut(3), City(("上海",))))),
    ("被留作老客关怀活动对照组的客户有几个", CampaignHeldOut(3)),
    ("上次活动的对照组是哪些人", CampaignHeldOut(latest=True)),
    ("雙11預熱的對照組有誰", CampaignHeldOut(2)),
    ("上次活動嗰個對照組有邊個", CampaignHeldOut(latest=True)),
    ("for the 老客关怀 campaign, who was held out as the control group?", CampaignHeldOut(3)),
    ("the 老客关怀 campaign's holdout", CampaignHeldOut(3)),
    ("list the control group of the last campaign", CampaignHeldOut(latest=True)),
    ("who was held out from the last campaign", CampaignHeldOut(latest=True)),
    ("customers not in the 老客关怀 control group", Not(CampaignHeldOut(3))),
]


@pytest.mark.parametrize(("text", "node"), HELD_OUT)
def test_one_campaigns_control_group_is_read(text: str, node: Node) -> None:
    assert command(text).segment == node


@pytest.mark.parametrize(
    "text", ["对照组的客户", "對照組有邊個", "who was in the holdout group", "holdout customers"]
)
def test_a_control_group_of_no_campaign_is_asked_which(text: str) -> None:
    message = READ.asked(text)
    assert "老客关怀" in message  # the campaigns offered, newest first
    assert "哪个活动" in message or "which campaign" in message


def test_control_group_restated_with_its_campaign() -> None:
    assert "老客关怀" in command("上次活动的对照组是哪些人").description
    assert command("老客关怀的对照组").description.startswith("在活动#3“老客关怀”的对照组")


@pytest.mark.parametrize(
    "text",
    [
        "上次发券那个活动的券核销情况怎么样",
        "上次派券嗰個活動啲券用成點",
        "最近一檔發券活動，我們部門的券核銷狀況如何",
        "how did the latest coupon campaign's coupons do",
        "coupon redemption status for the last campaign with coupons",
    ],
)
def test_coupon_status_of_the_last_coupon_campaign(text: str) -> None:
    asked = read_coupon_status(described_campaigns(normalize(text)))
    assert asked is not None and asked.latest and asked.campaign_id is None
