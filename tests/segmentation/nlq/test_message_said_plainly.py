"""A message said without quotes or a colon, right after its send verb and message word, in
every language form: the words after it are the message, kept as typed. Never where the rest
names whom, or ends in a time (a schedule is asked, never sent now)."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, Command, build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("lisi", "李四", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)


_READER = Reader(VOCAB)
_parse = _READER.parse


PLAIN = [
    ("给他们发消息 新品上架了", "新品上架了"),
    ("给他们发条消息 新款到店了", "新款到店了"),
    ("给他们发消息说新品上架了", "新品上架了"),
    ("给他们发个信息 说 这周六店庆", "这周六店庆"),
    ("給他們發訊息 上次的精華液用得還好嗎", "上次的精華液用得還好嗎"),
    ("發個msg畀佢哋 聽日有新貨", "聽日有新貨"),
    ("send佢哋msg 新貨到咗", "新貨到咗"),
    ("给他们发 msg 面霜到货了 要给你们留吗", "面霜到货了 要给你们留吗"),
    ("send them a message saying New stock is in!", "New stock is in!"),
    ("message them saying we miss you", "we miss you"),
    ("text them that the sale starts Friday", "the sale starts Friday"),
    ("给他们发消息说 Happy Friday", "Happy Friday"),
]


@pytest.mark.parametrize(("text", "message"), PLAIN)
def test_the_words_after_the_message_word_are_the_message(text: str, message: str) -> None:
    result = _parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.intent == "push" and result.segment is None, text
    assert result.details["message"] == message, text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("给VIP客户发消息 新品上架", "新品上架"),
        ("send VIPs a message saying see you soon", "see you soon"),
        ("send VIP customers a message saying hi", "hi"),
    ],
)
def test_whom_named_before_the_message_stays_whom(text: str, message: str) -> None:
    result = _parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.segment is not None and result.details["message"] == message, text


@pytest.mark.parametrize(
    "text",
    [
        "发消息给上海的客户",  # whom after the message word: the words are asked
        "给他们发消息 新品上架 明天上午10点",  # a time at the end: asked, never sent now
        "给他们发消息 周末见 tomorrow 9am",
        "send them a message",
        "给他们发个消息",
    ],
)
def test_no_plain_message_is_read_where_it_could_be_something_else(text: str) -> None:
    assert isinstance(_parse(text), Clarification), text


def test_a_weekly_schedule_with_a_plain_message() -> None:
    result = _parse("schedule 逢星期五 3pm send 佢哋 msg weekend sale")
    assert isinstance(result, Command), result
    assert result.intent == "schedule" and result.details["message"] == "weekend sale"
    assert result.details["schedule"]["weekday"] == 5
