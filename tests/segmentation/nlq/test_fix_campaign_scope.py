"""Questions about a campaign's coupon, by category (issue 19, blind s15-conv), in zh-Hans,
Taiwan, Cantonese, English and mixed:

- a campaign named every way (那檔活動, 嗰個活動, 個活動, 「X」活动, the X campaign, campaign X,
  X campaign, 上一次活动, last campaign) with every redeem verb (核销, 用了, 用咗, 使咗, 兌換,
  redeemed, used), a pause after the campaign (國慶回饋嗰個活動，有邊個用咗張券), the campaign
  said first and the question after it ("last campaign: who didn't redeem?");
- the short follow-ups that stay on that campaign (那谁用了, 冇用嗰啲呢, 還沒核銷的是誰, who
  didn't?, and the rest?) and a narrowing that says a coupon's fate with no campaign;
- how a campaign's coupons are doing (雙11預熱那檔活動，我們部門的券核銷狀況如何, how did the X
  coupons do for my team);
- "上次活动" restated with the campaign it is.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command
from segmentation.nlq.campaign_followups import (
    coupon_campaign,
    coupon_said_again,
    said_coupon_state,
    with_coupon_state,
)
from segmentation.nlq.contact_words import name_campaigns
from segmentation.nlq.coupon_status import CouponStatus, read_coupon_status
from segmentation.nlq.restate import describe
from segmentation.nlq.vocabulary import StaffInfo, build_vocabulary
from segmentation.nodes import And, CampaignCoupon, City, Node
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
    latest_campaigns=[("coupon", 2), ("message", 3)],
    db_cities=["上海"],
)
READ = Reader(VOCAB)
NOW = datetime(2026, 11, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def cpn(state: str, campaign: int | None = None, latest: bool = False) -> Node:
    return CampaignCoupon(state, campaign, latest)  # type: ignore[arg-type]


def command(text: str) -> Command:
    result = READ.parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    return result


# ---- a campaign named every way, every redeem verb --------------------------------------------

NAMED = [
    # zh-Hans
    ("双11预热那个活动有谁用了券", cpn("redeemed", 2)),
    ("双11预热这个活动的券谁兑换了", cpn("redeemed", 2)),
    ("「双11预热」活动谁没用券", cpn("unredeemed", 2)),
    ("双11预热那次活动谁没核销", cpn("unredeemed", 2)),
    ("国庆回馈活动，用了券的有几个人", cpn("redeemed", 1)),
    ("上一次活动谁用了券", cpn("redeemed", latest=True)),
    ("最近一次活动谁没核销", cpn("unredeemed", latest=True)),
    ("上次活动，还有谁没核销", cpn("unredeemed", latest=True)),
    # Taiwan
    ("雙11預熱那檔活動誰還沒兌換", cpn("unredeemed", 2)),
    ("雙11預熱那檔活動的券誰用了", cpn("redeemed", 2)),
    ("雙11預熱那檔活動，券誰還沒用", cpn("unredeemed", 2)),
    # Cantonese
    ("國慶回饋嗰個活動，有邊個用咗張券", cpn("redeemed", 1)),
    ("國慶回饋個活動有冇人使咗張券", cpn("redeemed", 1)),
    ("双11预热个活动边个使咗张券", cpn("redeemed", 2)),
    ("国庆回馈活动边个仲未使张券", cpn("unredeemed", 1)),
    ("国庆回馈嗰个活动，冇用张券嘅有边个", cpn("unredeemed", 1)),
    ("上次活動邊個使咗張券", cpn("redeemed", latest=True)),
    # English
    ("the 国庆回馈 campaign, who redeemed", cpn("redeemed", 1)),
    ("国庆回馈 campaign: who hasn't used the coupon", cpn("unredeemed", 1)),
    ("campaign 国庆回馈 - who used theirs", cpn("redeemed", 1)),
    ("who redeemed coupons from campaign 国庆回馈", cpn("redeemed", 1)),
    ("who redeemed in the last campaign", cpn("redeemed", latest=True)),
    ("last campaign: who didn't redeem?", cpn("unredeemed", latest=True)),
    ("who didn't redeem theirs from the last campaign", cpn("unredeemed", latest=True)),
    # mixed
    ("国庆回馈 campaign 谁用了券", cpn("redeemed", 1)),
    ("国庆回馈 campaign 边个用咗张券", cpn("redeemed", 1)),
    ("国庆回馈活动 who redeemed", cpn("redeemed", 1)),
    ("双11预热活动 who hasn't used the coupon yet", cpn("unredeemed", 2)),
    ("上次活動 who didn't use it", cpn("unredeemed", latest=True)),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_a_campaign_named_every_way_with_every_redeem_verb(text: str, expected: Node) -> None:
    assert command(text).segment == expected


def test_a_count_asked_after_the_pause_is_a_count() -> None:
    assert command("国庆回馈活动，用了券的有几个人").intent == "count"


def test_a_campaign_word_after_a_name_is_no_group_of_customers() -> None:
    # 嗰個 / 那个 before 活动 says which campaign, never "that one of the last answer"
    from segmentation.nlq.followup import read_follow_up

    assert read_follow_up("國慶回饋嗰個活動，有邊個用咗張券") is None
    assert read_follow_up("国庆回馈那个活动谁用了券") is None
    assert read_follow_up("上海那个呢") is not None


# ---- the last campaign restated with its name -------------------------------------------------


@pytest.mark.parametrize(
    ("language", "said"),
    [("zh", "活动#2“双11预热”"), ("en", "#2 “双11预热”")],
)
def test_the_last_campaign_is_restated_by_its_name(language: str, said: str) -> None:
    text = describe(cpn("unredeemed", latest=True), language, NOW, NOW.tzinfo, VOCAB)  # type: ignore[arg-type]
    assert said in text


# ---- short follow-ups on the same campaign ----------------------------------------------------

FOLLOWUPS = [
    ("那谁用了", "redeemed"),
    ("用了的呢", "redeemed"),
    ("已核销的呢", "redeemed"),
    ("有边个用咗", "redeemed"),
    ("使咗嘅呢？", "redeemed"),
    ("用咗張券嘅有幾多個", "redeemed"),
    ("who did?", "redeemed"),
    ("how many redeemed?", "redeemed"),
    ("the ones who used it?", "redeemed"),
    ("冇用嗰啲呢", "unredeemed"),
    ("還沒核銷的是誰", "unredeemed"),
    ("仲未使嘅有邊個", "unredeemed"),
    ("沒兌換的呢", "unredeemed"),
    ("谁没用", "unredeemed"),
    ("And who didn't?", "unredeemed"),
    ("who hasn't used it yet?", "unredeemed"),
    ("其他人呢", "other"),
    ("剩低嗰啲呢", "other"),
    ("and the rest?", "other"),
    ("what about the others", "other"),
]


@pytest.mark.parametrize(("text", "state"), FOLLOWUPS)
def test_a_short_followup_asks_a_coupon_state(text: str, state: str) -> None:
    assert said_coupon_state(text) == state


@pytest.mark.parametrize("text", ["上海的呢", "没下单的呢", "who ordered", "用户画像", "that one"])
def test_other_followups_say_no_coupon_state(text: str) -> None:
    assert said_coupon_state(text) is None


def test_a_state_swapped_keeps_the_campaign_and_the_rest() -> None:
    answer = And((City("上海"), cpn("unredeemed", latest=True)))
    assert coupon_campaign(answer) == (None, True)
    assert with_coupon_state(answer, "redeemed") == And(
        (City("上海"), cpn("redeemed", latest=True))
    )


def test_any_campaign_is_no_campaign_to_stay_on() -> None:
    assert coupon_campaign(cpn("unredeemed")) is None
    assert coupon_campaign(And((cpn("redeemed", 1), cpn("redeemed", 2)))) is None


def test_a_narrowing_with_a_coupon_of_no_campaign_stays_on_the_campaign() -> None:
    moved = coupon_said_again(cpn("redeemed", latest=True), And((cpn("unredeemed"), City("上海"))))
    assert moved == (cpn("unredeemed", latest=True), City("上海"))
    assert coupon_said_again(cpn("redeemed", 1), City("上海")) is None
    assert coupon_said_again(City("上海"), cpn("unredeemed")) is None


# ---- how a campaign's coupons are doing -------------------------------------------------------

STATUS = [
    ("雙11預熱那檔活動，我們部門的券核銷狀況如何", CouponStatus(2, False, "我们部门", False)),
    ("上次活动的券核销情况怎么样", CouponStatus(None, True, None, False)),
    ("双11预热活动的核销率", CouponStatus(2, False, None, False)),
    ("国庆回馈个活动啲券用成点", CouponStatus(1, False, None, False)),
    ("上一檔活動我的券使用狀況如何", CouponStatus(None, True, "我的", False)),
    ("how did the 国庆回馈 coupons do for my team", CouponStatus(1, False, "my team", True)),
    ("coupon redemption status for the last campaign", CouponStatus(None, True, None, True)),
    ("the 双11预热 campaign's redemption rate", CouponStatus(2, False, None, True)),
]


@pytest.mark.parametrize(("text", "expected"), STATUS)
def test_how_a_campaigns_coupons_are_doing(text: str, expected: CouponStatus) -> None:
    norm = name_campaigns(normalize(text), dict(CAMPAIGNS))
    assert read_coupon_status(norm) == expected


@pytest.mark.parametrize(
    "text", ["上次活动效果怎么样", "双11预热活动谁没核销", "how did 双11预热 do"]
)
def test_a_report_or_a_list_is_no_coupon_status(text: str) -> None:
    assert read_coupon_status(name_campaigns(normalize(text), dict(CAMPAIGNS))) is None


# ---- whose customers inside the question; the campaign before the last ------------------------


@pytest.mark.parametrize(
    "text",
    ["上次活动的券我们部门谁还没核销", "上次活动的券我们部门有谁还没核销"],
)
def test_whose_customers_said_inside_the_question(text: str) -> None:
    segment = command(text).segment
    assert isinstance(segment, And) and segment.children[-1] == cpn("unredeemed", latest=True)


def test_my_customers_said_inside_the_question() -> None:
    segment = command("双11预热活动我的客户里有谁用了券").segment
    assert isinstance(segment, And) and segment.children[-1] == cpn("redeemed", 2)


BEFORE_LAST = build_vocabulary(
    tags=[],
    staff=[],
    departments=[],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
    campaigns=CAMPAIGNS,
    latest_campaigns=[("coupon", 2), ("coupon_before", 1)],
)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("上上次活动谁没核销", "unredeemed"),
        ("上上個活動邊個用咗張券", "redeemed"),
        ("who redeemed in the campaign before last", "redeemed"),
    ],
)
def test_the_campaign_before_the_last(text: str, state: str) -> None:
    result = Reader(BEFORE_LAST).parse(text)
    assert isinstance(result, Command) and result.segment == cpn(state, 1)
