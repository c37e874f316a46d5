"""Words of follow-ups about one customer and one campaign (issue 19, cardfollow): what is on
him (身上), a look-up "for me", whose coupons said inside a campaign question, and "my" before
a campaign's name never taken for a campaign called "my"."""

from __future__ import annotations

import pytest

from segmentation.nlq import Command, parse_command
from segmentation.nlq.actions import find_action
from segmentation.nlq.ask import Ask
from segmentation.nlq.campaign_names import check_campaign_names
from segmentation.nlq.contact_words import asked_inside_contact
from segmentation.nlq.intents_extra import swapped_customer
from segmentation.nlq.one_customer import asks_about_customer
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import NOW, TZ, small_vocabulary

CAMPAIGNS = {1: "国庆回馈", 2: "双11预热", 3: "老客关怀"}


@pytest.mark.parametrize(
    "said", ["她身上有哪些标签", "佢身上有咩標籤", "他身上有啥tag", "她身上打了什么标签"]
)
def test_what_is_on_her_asks_about_the_card_customer(said: str) -> None:
    assert asks_about_customer(normalize(said))


@pytest.mark.parametrize("said", ["他们身上有哪些标签", "佢哋身上有咩標籤"])
def test_what_is_on_them_is_no_question_about_one_customer(said: str) -> None:
    assert not asks_about_customer(normalize(said))


@pytest.mark.parametrize(
    ("said", "name"),
    [("那 Omar 呢", "Omar"), ("咁Ken呢", "Ken"), ("what about Carol?", "Carol")],
)
def test_another_customer_is_swapped_in_by_name(said: str, name: str) -> None:
    assert swapped_customer(said) == name


@pytest.mark.parametrize(
    ("said", "whose"),
    [
        ("活动#1的券我这边有谁还没用", "我这边"),
        ("活动#1的券我手上有边个仲未用", "我手上"),
        ("活动#2的券我名下有几个没用", "我名下"),
    ],
)
def test_whose_customers_said_inside_a_coupon_question_go_first(said: str, whose: str) -> None:
    assert asked_inside_contact(said).startswith(whose)


@pytest.mark.parametrize(
    "said", ["活动#3有边啲客收到", "活动#3哪些客户收到了", "活动#3有哪些客户收到"]
)
def test_who_received_is_asked_after_the_campaign(said: str) -> None:
    assert asked_inside_contact(said).startswith("活动#3收到")


@pytest.mark.parametrize(
    "said",
    [
        "any of my campaign #1 coupons still unused?",
        "are any of your campaign #2 coupons unused",
        "which of my customers have unused campaign #1 coupons",
    ],
)
def test_my_before_a_campaign_is_whose_never_a_campaign_name(said: str) -> None:
    check_campaign_names(said, said, CAMPAIGNS)  # asks nothing back


def test_an_unknown_campaign_name_is_still_asked_back() -> None:
    with pytest.raises(Ask) as asked:
        check_campaign_names(
            "who joined the spring gala campaign", "who joined the Spring Gala campaign", CAMPAIGNS
        )
    assert "Spring Gala" in asked.value.en


def _parsed(text: str) -> Command:
    parsed = parse_command(text, vocabulary=small_vocabulary(), asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(parsed, Command), parsed
    return parsed


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("every Friday at 10am send them: weekend special", "weekend special"),
        ("every day at 10:30 push them: store opens early", "store opens early"),
        ("send them: see you Friday", "see you Friday"),
    ],
)
def test_the_words_after_a_colon_are_the_message_sent_to_them(text: str, message: str) -> None:
    parsed = _parsed(text)
    assert parsed.intent in ("push", "schedule")
    assert parsed.details["message"] == message
    assert parsed.details.get("segment_from_context")


def test_a_colon_of_a_time_is_no_message() -> None:
    parsed = _parsed("every day at 10:30 push them: hi")
    assert parsed.details["schedule"]["time"] == "10:30"
    assert parsed.details["message"] == "hi"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("look up Ken for me", "Ken"),
        ("can you look up Ken for me", "Ken"),
        ("find Ken for me please", "Ken"),
    ],
)
def test_a_look_up_for_me_is_the_customer_card(text: str, name: str) -> None:
    parsed = _parsed(text)
    assert parsed.intent == "customer"
    assert parsed.details["customer"] == name


@pytest.mark.parametrize(
    ("text", "whom", "tag"),
    [
        ("將佢個金卡標籤除咗佢", "佢", "金卡"),
        ("將佢身上個VIP標籤攞走", "佢", "VIP"),
        ("把她的VIP标签去掉", "她", "VIP"),
        ("把上个月下单客户的VIP标签去掉", "上个月下单客户", "VIP"),
    ],
)
def test_a_named_tag_off_him_by_pronoun_is_an_untagging(text: str, whom: str, tag: str) -> None:
    # 佢個 (Cantonese 個 for 的) is whose tag; the pronoun is the chat's to resolve (the card)
    action = find_action(normalize(text), {}, text)
    assert action is not None
    assert (action.intent, action.segment_text, action.details["tag"]) == ("untag", whom, tag)
