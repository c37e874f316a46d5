"""The conversation's own words (spec/commands.md §2c, #19 blind s11): a group or one
customer pointed at by place and size after a breakdown or a list ("北京那两个", "深圳嗰個",
"the one in Shanghai", "the Shenzhen one"); words that only open the next question (那, 咁,
所以) or go back by saying it again (还是回到…, back to …); an unknown department or a misspelt
tag asked back with the names it may be; a product's event swapped ("那咨询过的呢"); pushes
to the answer just given with 每人 / 群发. Near misses must stay what they were."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from segmentation.engine import default_context
from segmentation.nlq import Clarification, Command, load_vocabulary, parse_command
from segmentation.nlq.followup import AND, read_follow_up
from segmentation.nlq.leadins import drop_opener
from segmentation.nlq.swap import re_evented_items
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import (
    And,
    City,
    HasTag,
    ItemEvent,
    NewCustomer,
    Not,
    Owner,
    Performed,
    RollingWindow,
)
from tests.segmentation.nlq.fixture import NOW, TZ, load_fixture


@pytest.fixture
def vocab(session: Session) -> Vocabulary:
    load_fixture(session)
    return load_vocabulary(session, default_context(TZ).named)


def parse(text: str, vocab: Vocabulary) -> Command | Clarification:
    return parse_command(text, vocabulary=vocab, asker="zhangsan", now=NOW, tz=TZ)


# ---------------------------------------------------------------- a group by place and size


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("北京那两个是谁", "北京的是谁"),
        ("北京那3个是谁", "北京的是谁"),
        ("深圳那个是谁", "深圳的是谁"),
        ("王五那几位呢", "王五的呢"),
        ("北京那兩位是誰", "北京的是誰"),
        ("深圳嗰個係邊個", "深圳的係邊個"),
        ("北京嗰兩個", "北京的"),
        ("only the one in Shanghai", "in Shanghai"),
        ("who is the one in Shenzhen?", "who is the ones in Shenzhen?"),
        ("the two in Beijing, who are they", "the ones in Beijing, who are they"),
        ("the Shenzhen one", "the Shenzhen ones"),
        ("list the VIP one", "list the VIP ones"),
    ],
)
def test_a_group_by_place_and_size_points_back(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.mode == AND and follow.pointed
    assert follow.rest == rest


@pytest.mark.parametrize(
    "text",
    [
        "the first one",  # a pick, when a question back is pending
        "the new ones",  # new customers
        "the other one",
        "消费最多那个",  # a ranking's 那
        "那两个北京的",  # no value before 那
        "what about the ones in Beijing?",  # a swap (loose), not a group
    ],
)
def test_no_group_is_pointed_at(text: str) -> None:
    follow = read_follow_up(text)
    assert follow is None or follow.loose


def test_keep_the_ones_in_a_place_still_narrows() -> None:
    follow = read_follow_up("keep the ones in Beijing")
    assert follow is not None and follow.rest == "in Beijing"


# ---------------------------------------------------------------- openers and going back


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("那近30天新加的有几个", "近30天新加的有几个"),
        ("那么近30天新加的有几个", "近30天新加的有几个"),
        ("那，VIP客户有几个", "VIP客户有几个"),
        ("所以上海的客户有几个", "上海的客户有几个"),
        ("咁我自己啲客有幾多個", "我自己啲客有幾多個"),
        ("噉VIP客有幾多", "VIP客有幾多"),
        ("然後上海的客戶有幾個", "上海的客戶有幾個"),
        ("还是回到全部VIP客户", "全部VIP客户"),
        ("回到VIP客户", "VIP客户"),
        ("睇返全部VIP客", "全部VIP客"),
        ("還是回到全部VIP客戶", "全部VIP客戶"),
        ("go back to all VIP customers", "all VIP customers"),
        ("ok, let's go back to the VIP customers", "the VIP customers"),
    ],
)
def test_an_opener_is_dropped_before_a_question(text: str, rest: str) -> None:
    assert drop_opener(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "那些VIP客户",
        "那啥上海的客户",
        "那好吧",
        "那行",
        "那两个",
        "那天下单的",
        "那边的客户",
        "那么多客户里",
        "咁多客",
        "那3个人",
        "那",
        "回到",
    ],
)
def test_that_is_no_opener(text: str) -> None:
    assert drop_opener(text) == text


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("那近30天新加的有几个", NewCustomer(RollingWindow(30, "days"))),
        ("咁我自己啲客有幾多個", Owner(("zhangsan",))),
        ("还是回到全部VIP客户", HasTag("VIP")),
        ("go back to all VIP customers", HasTag("VIP")),
    ],
)
def test_the_question_after_the_opener_is_answered(text, segment, vocab) -> None:
    command = parse(text, vocab)
    assert isinstance(command, Command) and command.segment == segment


# ---------------------------------------------------------------- questions back with names


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("销售三部有多少客户", "销售三部"),
        ("销售3部有多少客户", "销售3部"),
        ("銷售三部有幾多客", "销售三部"),
        ("销售三组的客户", "销售三组"),
    ],
)
def test_an_unknown_department_offers_the_departments(text: str, word: str, vocab) -> None:
    asked = parse(text, vocab)
    assert isinstance(asked, Clarification)
    assert f"部门“{word}”" in asked.message
    assert set(asked.suggestions) == {"销售一部", "销售二部"}


def test_a_department_word_with_no_close_name_lists_them(vocab) -> None:
    asked = parse("市场部的客户", vocab)
    assert isinstance(asked, Clarification) and "销售一部" in asked.message
    assert not asked.suggestions  # nothing close: no pick offered


@pytest.mark.parametrize(
    ("text", "first"),
    [("金卞客户有几个", "金卡"), ("高意象客户", "高意向"), ("上晦的客户", "上海")],
)
def test_a_name_one_character_off_is_offered_first(text: str, first: str, vocab) -> None:
    asked = parse(text, vocab)
    assert isinstance(asked, Clarification) and asked.suggestions[0] == first


# ---------------------------------------------------------------- a product's event swapped

CREAM = ItemEvent("order", "product", ("玻尿酸面霜",))


@pytest.mark.parametrize(
    ("previous", "new", "expected"),
    [
        (CREAM, Performed("inquiry"), ItemEvent("inquiry", "product", ("玻尿酸面霜",))),
        (
            And((CREAM, City(("上海",)))),
            Performed("cart"),
            And((ItemEvent("cart", "product", ("玻尿酸面霜",)), City(("上海",)))),
        ),
    ],
)
def test_the_product_is_kept_for_another_event(previous, new, expected) -> None:
    assert re_evented_items(previous, new) == expected


@pytest.mark.parametrize(
    ("previous", "new"),
    [
        (CREAM, Performed("inquiry", RollingWindow(30, "days"))),  # a time of its own
        (CREAM, Performed("visit")),  # a visit has no product
        (CREAM, Performed("order")),  # the same event
        (Not(CREAM), Performed("inquiry")),  # never bought it: not read
        (And((CREAM, Performed("inquiry"))), Performed("inquiry")),  # says it already
        (City(("上海",)), Performed("inquiry")),  # no product
    ],
)
def test_no_product_event_swap(previous, new) -> None:
    assert re_evented_items(previous, new) is None


# ---------------------------------------------------------------- pushes to the answer


@pytest.mark.parametrize(
    "text",
    [
        "每人发一张满1000减100的券",
        "各发一张满100减20的券",
        "给他们群发消息“本周六VIP日”",
        "給佢哋群發訊息「本週六VIP日」",
        "群发一张满100减20的券给他们",
        "再给他们发一张满100减20的券",
        "也給他們發一張滿100減20的券",
    ],
)
def test_a_push_to_each_of_them_is_on_the_answer(text: str, vocab) -> None:
    command = parse(text, vocab)
    assert isinstance(command, Command) and command.intent == "push"
    assert command.details.get("segment_from_context")


@pytest.mark.parametrize(
    "text", ["近30天收到过群发消息的VIP", "近30天没收到过群发的VIP", "群发过消息的客户"]
)
def test_received_a_mass_message_is_still_a_condition(text: str, vocab) -> None:
    command = parse(text, vocab)
    assert not (isinstance(command, Command) and command.intent == "push")
