"""Follow-ups on a campaign (issue 19, blind s17-conv2), by category, in zh-Hans, Taiwan,
Cantonese, English and mixed (the chat side is in tests/commands/conversations/
fix-campaign-followups.txt):

- the control group said with no campaign (对照组呢, 對照組入面有邊個, 控制組呢, what about the
  control group, who was held out, control group呢) is written as the campaign just discussed's,
  and read as its control group; a group that names its campaign is left alone;
- a message whose words mention a coupon (发条消息提醒下券快过期了, 發個訊息提醒佢哋張券就嚟過期,
  a message reminding them their coupon expires) is a message, never a coupon push; a coupon
  push still needs its amount (发张券 is asked);
- who has not used the coupon ("who haven't used the coupon", 没用券的) got one and did not use
  it — never "did not redeem", which takes in those never given one;
- 没用的 / 冇用嘅 with no coupon word gets it only after a coupon answer (with_coupon_word);
- a question naming campaigns of its own is not a narrowing of a campaign answer.
"""

from __future__ import annotations

import pytest

from segmentation.kinds.campaign_holdout import CampaignHeldOut
from segmentation.nlq import Command
from segmentation.nlq.campaign_followups import (
    is_about_campaigns,
    names_campaign_contact,
    unbound_coupon_parts,
    with_coupon_word,
)
from segmentation.nlq.holdout_words import with_holdout_campaign
from segmentation.nodes import (
    And,
    CampaignCoupon,
    CampaignMessaged,
    City,
    HasTag,
    Node,
    Not,
    RollingWindow,
)
from tests.segmentation.nlq.test_fix_campaign_threads import READ


def command(text: str) -> Command:
    result = READ.parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    return result


# ---- the control group of the campaign just discussed --------------------------------------

HOLDOUT_ALONE = [
    "对照组呢",
    "那对照组呢",
    "对照组有谁",
    "对照组有几个",
    "对照组里上海的有几个",
    "對照組呢",
    "對照組有哪些人",
    "控制組呢",
    "對照組入面有邊個",
    "控制组嘅客有几多个",
    "what about the control group",
    "and the control group?",
    "who was in the control group",
    "who was held out",
    "who was held out as the control group?",
    "and the holdouts?",
    "what about the holdout group",
    "Control group please",
    "control group呢",
]


@pytest.mark.parametrize("text", HOLDOUT_ALONE)
def test_the_control_group_alone_is_the_campaign_just_discussed(text: str) -> None:
    rewritten = with_holdout_campaign(text, 3)
    assert rewritten is not None, text
    segment = command(rewritten).segment
    parts = segment.children if isinstance(segment, And) else (segment,)
    assert CampaignHeldOut(3) in parts, (text, rewritten, segment)


def test_the_control_group_with_its_city_keeps_the_city() -> None:
    rewritten = with_holdout_campaign("对照组里上海的有几个", 3)
    assert rewritten is not None
    result = command(rewritten)
    assert result.intent == "count"
    assert result.segment == And((CampaignHeldOut(3), City(("上海",))))


@pytest.mark.parametrize(
    "text",
    [
        "活动#3的对照组",
        "上次活动的对照组有谁",
        "the control group of campaign #2",
        "VIP客户",
        "上海的呢",
    ],
)
def test_a_group_of_its_own_campaign_or_none_is_left_alone(text: str) -> None:
    assert with_holdout_campaign(text, 3) is None


def test_a_group_named_by_its_campaigns_name_is_left_alone() -> None:
    # 老客关怀的对照组: the campaign's name is its number by the time it is checked
    assert with_holdout_campaign("老客关怀的对照组呢", 2, named="活动#3的对照组呢") is None


@pytest.mark.parametrize("text", ["对照组呢", "對照組有邊個", "what about the control group"])
def test_the_control_group_alone_is_still_asked_without_a_campaign(text: str) -> None:
    assert READ.asked(text)


# ---- a message about a coupon is a message -------------------------------------------------

MESSAGE_ABOUT_COUPON = [
    # zh-Hans: 提醒(下/一下) after the message word, whom or not
    ("给VIP客户发条消息提醒下券快过期了", "券快过期了"),
    ("给VIP客户发个消息提醒一下优惠券快过期", "优惠券快过期"),
    ("给VIP客户发条消息提醒他们优惠券快到期了", "优惠券快到期了"),
    ("给VIP客户发消息说券快过期了", "券快过期了"),
    ("给没用券的发条消息提醒下券快过期了", "券快过期了"),
    # Taiwan
    ("給VIP客戶發個訊息提醒他們優惠券快到期了", "優惠券快到期了"),
    ("給還沒用券的發個訊息提醒他們券快到期了", "券快到期了"),
    # Cantonese
    ("给VIP发个消息提醒佢哋张券就嚟过期", "张券就嚟过期"),
    ("俾冇用券嘅發個訊息提醒佢哋：張券就嚟過期", "張券就嚟過期"),
    ("跟冇用券嗰啲講張券就嚟過期", "張券就嚟過期"),
    # English
    ("send VIP customers a message reminding them their coupon expires soon",
     "their coupon expires soon"),
    ("send VIP customers a message to remind them that their coupon expires soon",
     "their coupon expires soon"),
    ("send VIP customers a note telling them the coupon expires soon", "the coupon expires soon"),
    ("send VIP customers a reminder that the coupon expires soon", "the coupon expires soon"),
    ("send VIP customers a reminder “your coupon expires Sunday”", "your coupon expires Sunday"),
    ("message the VIP customers that their coupon is about to expire",
     "their coupon is about to expire"),
    ("send customers who didn't use the coupon a message: it expires soon", "it expires soon"),
    ("send the ones who haven't used the coupon a message: it expires soon", "it expires soon"),
    ("remind those who have not used their coupon that it expires soon", "it expires soon"),
    # mixed
    ("给VIP客户 send a message: 券快过期了", "券快过期了"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), MESSAGE_ABOUT_COUPON)
def test_a_message_about_a_coupon_is_a_message(text: str, message: str) -> None:
    result = command(text)
    assert result.intent == "push"
    assert "coupon" not in result.details, result.details
    assert result.details["message"] == message


@pytest.mark.parametrize(
    "text",
    [
        "给VIP客户发一张满100减20的券",
        "send VIP customers a 满100减20 coupon with the message “hi”",
        "send VIP customers a ¥20 coupon and the message “hi”",
    ],
)
def test_a_coupon_with_its_amount_is_still_a_coupon(text: str) -> None:
    assert "coupon" in command(text).details


@pytest.mark.parametrize("text", ["给VIP客户发张券", "给VIP客户发券提醒下", "給VIP客戶派張券"])
def test_a_coupon_sent_with_no_amount_is_asked(text: str) -> None:
    assert "券" in READ.asked(text)


# ---- who has not used the coupon got one ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the ones who haven't used the coupon",
        "customers who haven't used the coupon",
        "VIPs that haven't used their coupon",
        "customers who haven't used any coupon",
    ],
)
def test_who_havent_used_the_coupon_got_one(text: str) -> None:
    segment = command(text).segment
    parts = segment.children if isinstance(segment, And) else (segment,)
    assert CampaignCoupon("unredeemed") in parts, segment


def test_who_havent_redeemed_the_last_campaigns_coupon_is_that_campaign() -> None:
    for text in (
        "who still hasn't redeemed the last campaign's coupon",
        "customers who haven't redeemed their coupon from the last campaign",
    ):
        assert command(text).segment == CampaignCoupon("unredeemed", None, True), text


# ---- 收到了消息 after a campaign ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "上次活动谁收到了消息",
        "上次活动收到了消息的客户",
        "上次活动哪些人收到了群发",
        "上次活動邊個收到咗訊息",
    ],
)
def test_received_with_le_after_the_campaign(text: str) -> None:
    assert command(text).segment == CampaignMessaged(None, True)


# ---- 没用的 gets its coupon word after a coupon answer ----------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("给没用的发条消息提醒下券快过期了", "给没用券的发条消息提醒下券快过期了"),
        ("俾冇用嘅發個訊息：張券就嚟過期", "俾冇用券嘅發個訊息：張券就嚟過期"),
        ("給還沒用的發個訊息", "給還沒用券的發個訊息"),
        ("给用了的打上VIP标签", "给用了券的打上VIP标签"),
        ("给没用券的发消息", "给没用券的发消息"),
        ("给上海的发消息", "给上海的发消息"),
    ],
)
def test_with_coupon_word(text: str, written: str) -> None:
    assert with_coupon_word(text) == written


# ---- a campaign question of its own --------------------------------------------------------

LAST_30 = RollingWindow(30, "days")


@pytest.mark.parametrize(
    ("node", "own"),
    [
        (And((HasTag("VIP"), Not(CampaignMessaged(None, False, LAST_30)))), True),
        (CampaignCoupon("redeemed", None, True), True),
        (CampaignHeldOut(3), True),
        (CampaignCoupon("unredeemed"), False),  # 没核销的: the answer's campaign
        (HasTag("VIP"), False),
    ],
)
def test_names_campaign_contact(node: Node, own: bool) -> None:
    assert names_campaign_contact(node) is own


def test_unbound_coupon_parts() -> None:
    assert unbound_coupon_parts(CampaignCoupon("unredeemed"))
    assert unbound_coupon_parts(And((HasTag("VIP"), CampaignCoupon("redeemed"))))
    assert not unbound_coupon_parts(CampaignCoupon("unredeemed", 2))
    assert not unbound_coupon_parts(HasTag("VIP"))
    assert is_about_campaigns(And((City(("上海",)), CampaignMessaged(3))))
    assert not is_about_campaigns(HasTag("VIP"))


# ---- tell them / let them know + the words -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tell them their coupon expires soon", "their coupon expires soon"),
        ("let them know their coupon expires soon", "their coupon expires soon"),
        ("let them know that the coupon expires Sunday", "the coupon expires Sunday"),
        ("tell 他们 券快过期了", "券快过期了"),
    ],
)
def test_telling_them_is_a_message_to_the_answer(text: str, message: str) -> None:
    result = command(text)
    assert result.intent == "push" and result.segment is None
    assert result.details["message"] == message
    assert "coupon" not in result.details


@pytest.mark.parametrize(
    "text", ["tell them about the sale", "tell them to come in", "let them buy more"]
)
def test_telling_them_without_the_words_is_asked(text: str) -> None:
    assert READ.asked(text)
