"""An event's object said first (店也没来过, 单没下过), a count that only says how many names
were listed (张三和李四两个人的), and a channel code with its code word after a space (from
展会2026 活码加的) — segmentation/nlq/topic_objects.py and channel_words.py, issue 19 s11-4."""

from __future__ import annotations

from decimal import Decimal

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import (
    And,
    ChannelCode,
    HasTag,
    Not,
    Owner,
    Performed,
    RollingWindow,
    Spend,
)
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("lisi", "李四", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
    channels=["展会2026"],
)
_READER = Reader(VOCAB)
segment, asked = _READER.segment, _READER.asked
NEVER_VISITED, NEVER_ORDERED = Not(Performed("visit", None)), Not(Performed("order", None))


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("店也没来过、单也没下过的", And((NEVER_VISITED, NEVER_ORDERED))),
        ("店也沒來過、單也沒下過的VIP", And((And((NEVER_VISITED, NEVER_ORDERED)), HasTag("VIP")))),
        ("价都没问过的客户", Not(Performed("inquiry", None))),
        ("購物車也沒加過的客戶", Not(Performed("cart", None))),
        ("店有来过但单没下过的", And((Performed("visit", None), NEVER_ORDERED))),
        ("单没下过的VIP", And((NEVER_ORDERED, HasTag("VIP")))),
        ("店也来过的", Performed("visit", None)),
        ("款都退过的", Performed("refund", None)),
    ],
)
def test_the_object_first_is_one_event(text: str, node: object) -> None:
    assert segment(text) == node


def test_a_window_before_topics_is_theirs() -> None:
    thirty = RollingWindow(30, "days")
    assert segment("近30天单也没下、店也没到过的") == And(
        (Not(Performed("order", thirty)), Not(Performed("visit", thirty)))
    )


@pytest.mark.parametrize("text", ["张三和李四两个人的客户", "张三、李四两位的客户"])
def test_a_count_of_the_names_listed_is_dropped(text: str) -> None:
    assert segment(text) == Owner(("zhangsan", "lisi"))


def test_it_keeps_the_rest() -> None:
    assert segment("张三和李四两个人的客户里消费1000以上的") == And(
        (Owner(("zhangsan", "lisi")), Spend(">=", Decimal(1000), None))
    )


def test_a_count_that_is_not_the_names_is_asked() -> None:
    asked("张三和李四三个人的客户")


@pytest.mark.parametrize(
    "text",
    [
        "from 展会2026 活码 加的 customers",
        "from 展会2026 活码加的 customers",
        "展会2026 活码进来的客户",
    ],
)
def test_a_code_word_after_a_space(text: str) -> None:
    assert segment(text) == ChannelCode(("展会2026",))


NOT_GOLD, NOT_VIP = Not(HasTag("金卡")), Not(HasTag("VIP"))


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("金卡和VIP标签都没有的客户", And((NOT_GOLD, NOT_VIP))),
        ("金卡同VIP都冇嘅客", And((NOT_GOLD, NOT_VIP))),
        ("金卡或VIP都没有的", And((NOT_GOLD, NOT_VIP))),
        ("咨询和下单都没有过的客户", And((Not(Performed("inquiry", None)), NEVER_ORDERED))),
        ("到店、下单也没有的", And((NEVER_VISITED, NEVER_ORDERED))),
    ],
)
def test_a_list_then_none_is_none_of_them(text: str, node: object) -> None:
    assert segment(text) == node


def test_a_list_then_both_is_still_both() -> None:
    assert segment("VIP和金卡都有的客户") == And((HasTag("VIP"), HasTag("金卡")))


@pytest.mark.parametrize(
    "text",
    [
        "how many new customers came in yesterday",
        "new customers who came in yesterday",
        "昨天进来的新客户",
        "琴日入過嚟嘅新客",
        "昨天新进来的客户",
    ],
)
def test_coming_in_said_of_new_customers_is_the_adding(text: str) -> None:
    from segmentation.nodes import CalendarWindow, NewCustomer

    assert segment(text) == NewCustomer(CalendarWindow("day", -1))


def test_coming_in_alone_is_a_visit() -> None:
    from segmentation.nodes import CalendarWindow

    assert segment("customers who came in yesterday") == Performed(
        "visit", CalendarWindow("day", -1)
    )
