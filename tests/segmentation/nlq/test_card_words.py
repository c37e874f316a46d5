"""The shapes around a customer's card (issue 19): another name in place of the card's, and
English actions on one customer by a pronoun."""

from __future__ import annotations

import pytest

from segmentation.nlq.actions import find_action
from segmentation.nlq.ask import Ask
from segmentation.nlq.intents_extra import swapped_customer
from segmentation.text import normalize


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("那Judy呢", "Judy"),
        ("咁Frank呢", "Frank"),
        ("Judy 呢", "Judy"),
        ("那客户王静呢？", "王静"),
        ("那王静这个客户呢", "王静"),
        ("ok, what about Judy", "Judy"),
        ("how about Mike?", "Mike"),
        ("and Eve?", "Eve"),
        ("what about 王静?", "王静"),
        ("what about Wang Fang", "Wang Fang"),
        ("看看Judy呢", "Judy"),
        ("换成Mike", "Mike"),
        ("那Frank嘅呢", "Frank"),
        ("然後Eve呢", "Eve"),
        ("what about Judy's profile?", "Judy"),
    ],
)
def test_a_name_in_place_of_the_cards_customer(text: str, name: str) -> None:
    assert swapped_customer(text) == name


@pytest.mark.parametrize(
    "text",
    ["换成上海的", "其中女性呢", "换成男的", "那個客戶呢", "那第二个呢", "咁佢呢",
     "what about them", "what about female ones?", "and how many in total?", "那这些呢"],
)  # fmt: skip
def test_words_that_point_elsewhere_are_no_name(text: str) -> None:
    assert swapped_customer(text) is None


@pytest.mark.parametrize(
    ("text", "intent", "whom", "tag"),
    [
        ("tag her VIP", "tag", "her", "VIP"),
        ("tag him 待跟进", "tag", "him", "待跟进"),
        ("tag this customer 待跟进", "tag", "this customer", "待跟进"),
        ("tag that one VIP", "tag", "that one", "VIP"),
        ("give her the 待跟进 tag", "tag", "her", "待跟进"),
        ("put a VIP tag on him", "tag", "him", "VIP"),
        ("untag her VIP", "untag", "her", "VIP"),
        ("remove her VIP tag", "untag", "her", "VIP"),
        ("remove his 金卡 tag", "untag", "him", "金卡"),
        ("take his 金卡 tag off", "untag", "him", "金卡"),
        ("remove this customer's VIP tag", "untag", "this customer", "VIP"),
    ],
)
def test_an_english_action_on_one_customer(text: str, intent: str, whom: str, tag: str) -> None:
    action = find_action(normalize(text), {}, text)
    assert action is not None
    assert (action.intent, action.segment_text, action.details["tag"]) == (intent, whom, tag)


def test_untag_her_alone_asks_which_tag() -> None:
    with pytest.raises(Ask):
        find_action("untag her", {}, "untag her")


@pytest.mark.parametrize(
    "text",
    [
        "給她們每人發一張滿100減20的券",
        "给这些人每人发一张满100减20的券",
        "give them each a ¥20 coupon",
    ],
)
def test_one_each_before_a_push_is_no_condition(text: str) -> None:
    action = find_action(normalize(text), {}, text)
    assert action is not None and action.intent == "push" and action.segment_text is None


@pytest.mark.parametrize(
    ("text", "intent", "whom", "detail"),
    [
        ("幫佢剔除VIP標籤", "untag", "佢", ("tag", "VIP")),
        ("帮她拎走金卡标签", "untag", "她", ("tag", "金卡")),
        ("帮我去掉上海客户的VIP标签", "untag", "上海客户", ("tag", "VIP")),
        ("为什么Alice是VIP", "explain", "vip", ("customer", "Alice")),
        ("她为什么不是高价值客户", "explain", "高价值客户", ("customer", "她")),
    ],
)
def test_chinese_actions_on_one_customer(
    text: str, intent: str, whom: str, detail: tuple[str, str]
) -> None:
    action = find_action(normalize(text), {}, text)
    assert action is not None
    key, value = detail
    assert (action.intent, action.segment_text, action.details[key]) == (intent, whom, value)
