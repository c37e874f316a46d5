"""Campaigns and saved segments named in chat (issue 19, blind s13/s14), by category, in
zh-Hans, Taiwan, Cantonese, English and mixed:

- the last campaign's coupon and who did or did not use it, the question word anywhere
  (上次活动的券还有谁没核销, 上次活動邊個仲未核銷張券, last campaign 谁没核销, who still hasn't
  redeemed the last campaign's coupon), and how many (还有几个人没核销);
- a campaign by its name and whom its message reached (老客关怀 reached 哪些人, 老客关怀发给了谁,
  上次活動發咗俾邊個, who did 老客关怀 reach) or did not;
- a saved segment named with its segment word around it (给十月女客分群发…: 分群 + 发, not 群发;
  十月女客这个分群, 「十月女客」呢個分組, 叫十月女客的那个分群, the 十月女客 group, group 十月女客).
"""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command
from segmentation.nlq.vocabulary import StaffInfo, build_vocabulary
from segmentation.nodes import (
    And,
    CampaignCoupon,
    CampaignMessaged,
    City,
    HasTag,
    Node,
    Not,
    SavedSegment,
)
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡", "待跟进"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=["十月女客", "new buyers", "7天询价"],
    catalog=NamedSegmentCatalog.load(),
    campaigns=[(1, "国庆回馈"), (2, "双11预热"), (3, "老客关怀")],
    db_cities=["上海"],
)
READ = Reader(VOCAB)


def cpn(state: str, campaign: int | None = None, latest: bool = False) -> Node:
    return CampaignCoupon(state, campaign, latest)  # type: ignore[arg-type]


def msg(campaign: int | None = None, latest: bool = False) -> Node:
    return CampaignMessaged(campaign, latest, None)  # type: ignore[arg-type]


def command(text: str) -> Command:
    result = READ.parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    return result


# ---- the last campaign's coupon, not used: the question word anywhere ----------------------

LAST_UNREDEEMED = [
    "上次活动的券还有谁没核销",
    "上次活动还有谁没核销券",
    "上次活动的券有哪些人还没核销",
    "上次活動的券還有誰沒核銷",
    "上一檔活動的優惠券還有誰沒用",
    "上次活動邊個仲未核銷張券",
    "上次活動嘅券邊個仲未用",
    "上次活動仲有邊個未核銷",
    "who hasn't redeemed the last campaign's coupon",
    "customers who still haven't used the last campaign's coupon",
    "last campaign's coupon, who hasn't used it yet",
    "上次活动的券 who hasn't redeemed",
    "last campaign 谁没核销",
    "last campaign 的券还有谁没用",
    "上次 campaign 还有谁没核销",
    "上次campaign的coupon谁没redeem",
]


@pytest.mark.parametrize("text", LAST_UNREDEEMED)
def test_the_last_campaigns_coupon_not_used(text: str) -> None:
    result = command(text)
    assert result.segment == cpn("unredeemed", latest=True)
    assert result.intent == "list"


LAST_UNREDEEMED_COUNT = [
    "上次活动的券还有几个人没核销",
    "上次活动还有多少人没核销",
    "上次活動仲有幾多個未核銷",
    "上次活動的券還有幾位沒用",
]


@pytest.mark.parametrize("text", LAST_UNREDEEMED_COUNT)
def test_how_many_of_the_last_campaign_did_not_use_it(text: str) -> None:
    result = command(text)
    assert (result.intent, result.segment) == ("count", cpn("unredeemed", latest=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上次活動邊個用咗張券", cpn("redeemed", latest=True)),
        ("who redeemed the last campaign's coupon", cpn("redeemed", latest=True)),
        ("上次活动的券 who used it", cpn("redeemed", latest=True)),
        ("who got the last campaign's coupon", cpn("issued", latest=True)),
        ("双11预热的券还有谁没用", cpn("unredeemed", 2)),
        ("雙11預熱活動邊個仲未核銷張券", cpn("unredeemed", 2)),
        ("双11预热 coupon 还有谁没用", cpn("unredeemed", 2)),
        ("who still hasn't redeemed the 双11预热 coupon", cpn("unredeemed", 2)),
    ],
)
def test_a_coupon_of_a_campaign_every_order(text: str, expected: Node) -> None:
    assert command(text).segment == expected


# ---- whom a campaign reached ------------------------------------------------------------------

REACHED = [
    ("老客关怀 reached 哪些人", msg(3)),
    ("老客关怀发给了谁", msg(3)),
    ("老客关怀活动发给了哪些人", msg(3)),
    ("老客關懷發咗俾邊啲客", msg(3)),
    ("老客關懷觸達咗邊啲人", msg(3)),
    ("老客关怀 reach 到哪些人", msg(3)),
    ("who did 老客关怀 reach", msg(3)),
    ("who was 老客关怀 sent to", msg(3)),
    ("customers reached by 老客关怀", msg(3)),
    ("the 老客关怀 campaign reached who", msg(3)),
    ("上次活動發咗俾邊個", msg(latest=True)),
    ("上一檔活動觸及了哪些人", msg(latest=True)),
    ("Which customers did the last campaign reach?", msg(latest=True)),
    ("the last campaign 发给了谁", msg(latest=True)),
    ("上次活动 reached 哪些人", msg(latest=True)),
]


@pytest.mark.parametrize(("text", "expected"), REACHED)
def test_whom_a_campaign_reached(text: str, expected: Node) -> None:
    assert command(text).segment == expected


@pytest.mark.parametrize(
    "text", ["老客关怀 didn't reach 哪些人", "老客关怀没触达到哪些人", "who did 老客关怀 not reach"]
)
def test_whom_a_campaign_did_not_reach(text: str) -> None:
    assert command(text).segment == Not(msg(3))


@pytest.mark.parametrize("text", ["老客关怀覆盖了多少人", "老客关怀 reached 几个人"])
def test_how_many_a_campaign_reached(text: str) -> None:
    result = command(text)
    assert (result.intent, result.segment) == ("count", msg(3))


def test_a_campaign_reached_then_narrowed() -> None:
    assert command("老客关怀 reached 的人里面上海的").segment == And((msg(3), City(("上海",))))


# ---- a saved segment with its segment word around its name -----------------------------------

OCT = SavedSegment("十月女客")

SAVED_PUSH = [
    "给十月女客分群发一张85折券",
    "给“十月女客”分群发一张85折券",
    "给十月女客这个分群发一张85折券",
    "給「十月女客」分組發一張85折券",
    "給十月女客呢個分群send張85折券",
    "给叫十月女客的那个分群发一张85折券",
    "send the 十月女客 segment a 15% off coupon",
    "send segment 十月女客 a 15% off coupon",
    "send the 十月女客 group a 15% off coupon",
]


@pytest.mark.parametrize("text", SAVED_PUSH)
def test_a_push_to_a_saved_segment_named_with_its_word(text: str) -> None:
    result = command(text)
    assert (result.intent, result.segment) == ("push", OCT)


SAVED_COUNT = [
    "十月女客这个分群有多少人",
    "“十月女客”这个分群有多少人",
    "名为十月女客的分群有多少人",
    "叫十月女客的那个分群有几个",
    "十月女客群组有几个",
    "十月女客 group 有几个",
    "how many in the 十月女客 group",
    "how many in group 十月女客",
    "how many in the new buyers group",
    'how many in the "new buyers" group',
]


@pytest.mark.parametrize("text", SAVED_COUNT)
def test_a_saved_segment_counted(text: str) -> None:
    result = command(text)
    assert result.intent == "count"
    assert isinstance(result.segment, SavedSegment)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("十月女客那个分群里的VIP", And((OCT, HasTag("VIP")))),
        ("the segment called 十月女客", OCT),
        ("segment named new buyers", SavedSegment("new buyers")),
        ("给十月女客分群打上待跟进标签", OCT),
        ("tag the 十月女客 group as 待跟进", OCT),
    ],
)
def test_a_saved_segment_in_other_sentences(text: str, expected: Node) -> None:
    assert command(text).segment == expected


def test_group_by_stays_a_breakdown_word() -> None:
    """ "group … by" is a breakdown of the saved segment, never its word."""
    result = command("十月女客分群 group by city")
    assert (result.intent, result.segment) == ("breakdown", OCT)


def test_this_segment_alone_still_points_at_the_answer() -> None:
    """这个分群 with no saved name before it is the answer just given (分群 + 发, the verb)."""
    result = command("给这个分群发一张85折券")
    assert result.intent == "push"
    assert result.segment is None and result.details.get("segment_from_context")


def test_a_name_no_saved_segment_has_is_not_rewritten() -> None:
    assert command("VIP这个分群有多少人").segment == HasTag("VIP")
