"""A follow-up that swaps one part of the last question (issue #19): an event on a product in
place of the question's one event ("改成买过精华液的" after 咨询过玻尿酸面霜的, "what about
customers who inquired about Serum X" after its buyers), the words that say a swap
(变成/轉做/change it to/switch to), and a look said as a move on after a question back."""

from __future__ import annotations

import pytest

from bot.commands.picks import card_number, row_number
from bot.commands.value_answer import looks_anew
from segmentation.nlq.followup import AND, read_follow_up
from segmentation.nlq.leadins import drop_opener
from segmentation.nlq.swap import swap_conditions
from segmentation.nodes import (
    And,
    City,
    ItemEvent,
    Node,
    Not,
    Owner,
    Performed,
    RollingWindow,
)

MINE = Owner(("zhangsan",))
ASKED_CREAM = ItemEvent("inquiry", "product", ("玻尿酸面霜",))
BOUGHT_SERUM = ItemEvent("order", "product", ("精华液",))
BOUGHT_X = ItemEvent("order", "product", ("Serum X",))
ASKED_X = ItemEvent("inquiry", "product", ("Serum X",))
DAYS_30 = RollingWindow(30, "days")


@pytest.mark.parametrize(
    ("previous", "new", "swapped"),
    [
        # another event on another product: the question's one event replaced, mine kept
        (And((MINE, ASKED_CREAM)), BOUGHT_SERUM, And((MINE, BOUGHT_SERUM))),
        # another event on the same product
        (BOUGHT_X, ASKED_X, ASKED_X),
        # the replaced event's window stays when the new one says none
        (
            And((ItemEvent("inquiry", "product", ("玻尿酸面霜",), DAYS_30), City(("上海",)))),
            BOUGHT_SERUM,
            And((ItemEvent("order", "product", ("精华液",), DAYS_30), City(("上海",)))),
        ),
        # the new event's own window wins
        (
            And((MINE, ItemEvent("inquiry", "product", ("玻尿酸面霜",), DAYS_30))),
            ItemEvent("order", "product", ("精华液",), RollingWindow(7, "days")),
            And((MINE, ItemEvent("order", "product", ("精华液",), RollingWindow(7, "days")))),
        ),
    ],
)
def test_a_product_event_swaps_the_one_event(previous: Node, new: Node, swapped: Node) -> None:
    assert swap_conditions(previous, new) == swapped


def test_with_several_events_a_product_event_adds() -> None:
    # which of the two it would replace is not known: narrowing, as before
    previous = And((Performed("inquiry"), Not(Performed("refund"))))
    assert swap_conditions(previous, BOUGHT_SERUM) is None


def test_a_product_event_never_replaces_another_kind_of_condition() -> None:
    assert swap_conditions(And((MINE, City(("上海",)))), BOUGHT_SERUM) is None


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("改成买过精华液的", "买过精华液的"),
        ("换成买过精华液的", "买过精华液的"),
        ("变成买过精华液的", "买过精华液的"),
        ("變成買過精華液的", "買過精華液的"),
        ("換做買咗精華液嘅", "買咗精華液嘅"),
        ("轉做買過精華液嘅", "買過精華液嘅"),
        ("咁改咗做北京嘅", "北京嘅"),
        ("change it to customers who bought Serum X", "who bought Serum X"),
        ("change that to Beijing", "Beijing"),
        ("switch to those who bought 精华液", "who bought 精华液"),
        ("ok, swap it for the VIPs", "the VIPs"),
        ("replace it with 金卡", "金卡"),
        ("customers who bought Serum X instead", "who bought Serum X"),
    ],
)
def test_swap_words_read_as_the_last_question_again(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None
    assert (follow.mode, follow.rest, follow.loose) == (AND, rest, True)


@pytest.mark.parametrize(
    "text",
    [
        "咁睇吓上海嘅客",
        "噉睇下Ivan",
        "咁睇睇北京嘅客",
        "那看看北京的客户",
        "好，查一下VIP客户",
        "幫我睇下上海嘅客",
        "then show me Ivan",
        "ok let's look at the VIPs",
    ],
)
def test_a_look_said_as_a_move_on_is_no_value(text: str) -> None:
    assert looks_anew(text)


VALUES = ["上海", "上海嘅客", "好啦 就 VIP 的", "看VIP的", "唇釉", "Shanghai"]


@pytest.mark.parametrize("text", VALUES)
def test_a_value_alone_still_answers(text: str) -> None:
    assert not looks_anew(text)


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("第二個嘅情況", 2),
        ("第2个的详情", 2),
        ("第二個客嘅資料", 2),
        ("第二位客人的資料", 2),
        ("第三位点样", 3),
        ("第2位呢", 2),
        ("睇下第三個", 3),
        ("最后一个客人", -1),
        ("the second one's details", 2),
        ("the 2nd one", 2),
        ("2nd customer's details", 2),
        ("show me the 3rd one", 3),
        ("number 2", 2),
    ],
)
def test_a_row_of_the_list_in_every_form(text: str, row: int) -> None:
    assert row_number(text) == row


@pytest.mark.parametrize(("text", "number"), [("the 2nd one", 2), ("3rd", 3), ("第二个", 2)])
def test_a_card_pick_by_ordinal(text: str, number: int) -> None:
    assert card_number(text) == number


@pytest.mark.parametrize(
    ("text", "rest"),
    [("那一般发展的有几个", "一般发展的有几个"), ("咁一般发展嘅有几多", "一般发展嘅有几多")],
)
def test_an_opener_before_a_class_named_with_yi_ban(text: str, rest: str) -> None:
    assert drop_opener(text) == rest


@pytest.mark.parametrize("text", ["那一个客户", "那一位", "那3个"])
def test_that_one_keeps_its_that(text: str) -> None:
    assert drop_opener(text) == text
