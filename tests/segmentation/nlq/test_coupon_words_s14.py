"""Coupons written in words (issue 19, blind s14), zh-Hans, zh-Hant (Taiwan, HK), English
and mixed: money off at the till said 现折/现减/直减/折抵/省 is a threshold coupon; a send
with the coupon said whole and no verb ("给她们 85折 券"), 出 (issue) before a counted coupon,
a coupon with a one-off time said before its day ("at 9am tomorrow", "scheduled for …"); and a
waiting card's coupon changed by its value alone, which keeps the card's threshold, while
money alone on a threshold card is asked back."""

from __future__ import annotations

import pytest

from segmentation.nlq import Command
from segmentation.nlq.ask import Ask
from segmentation.nlq.coupons import parse_coupon_words, read_coupon, read_coupon_change
from segmentation.text import normalize
from tests.segmentation.nlq.test_contact_family import parse

TILL_OFF = [
    ("滿1000現折100的券", "满1000减100"),
    ("满1000现折100", "满1000减100"),
    ("滿1000現減100嘅券", "满1000减100"),
    ("满1000直减100的券", "满1000减100"),
    ("滿1000折抵100的折價券", "满1000减100"),
    ("满500省50的券", "满500减50"),
    ("满1000立减100的券", "满1000减100"),
    ("a 满1000现折100 coupon", "满1000减100"),
]


@pytest.mark.parametrize(("words", "coupon"), TILL_OFF)
def test_money_off_at_the_till_is_a_threshold_coupon(words: str, coupon: str) -> None:
    assert read_coupon(normalize(words)).words == coupon


@pytest.mark.parametrize("words", ["满400的券", "门槛300的券", "the minimum 250 coupon"])
def test_a_threshold_with_no_value_is_asked_never_a_plain_coupon(words: str) -> None:
    with pytest.raises(Ask):
        read_coupon(normalize(words))


@pytest.mark.parametrize("words", ["再低一点九折", "低一点 九折吧", "便宜啲 九折"])
def test_a_bit_is_never_the_one_of_a_rate(words: str) -> None:
    assert read_coupon(normalize(words)).words == "9折"


def test_a_gift_with_a_threshold_is_still_asked() -> None:
    with pytest.raises(Ask):
        read_coupon(normalize("滿1000送100的券"))


PUSHES = [
    ("給她們各發一張滿1000現折100的券", "满1000减100"),
    ("给她们 85折 券", "8.5折"),
    ("给她们85折券", "8.5折"),
    ("给她们打85折", "8.5折"),
    ("俾佢哋無門檻30蚊嘅券", "30元券"),
    ("俾佢哋滿300減50嘅券", "满300减50"),
    ("同佢哋出張滿300減50嘅券", "满300减50"),
    ("give them 10% off", "9折"),
    ("send 她们 a 满1000现折100 coupon", "满1000减100"),
]


@pytest.mark.parametrize(("text", "coupon"), PUSHES)
def test_a_coupon_said_in_words_is_sent_to_the_answer_just_given(text: str, coupon: str) -> None:
    command = parse(text)
    assert isinstance(command, Command), f"{text!r} was asked back: {command.message}"
    assert command.intent == "push"
    assert command.details["coupon"] == coupon
    assert command.details.get("segment_from_context") is True


def test_a_coupon_given_to_named_customers_without_a_verb() -> None:
    command = parse("给VIP客户85折券")
    assert isinstance(command, Command) and command.intent == "push"
    assert command.details["coupon"] == "8.5折" and command.segment is not None


def test_issue_a_coupon_with_no_amount_asks_which_coupon() -> None:
    asked = parse("同佢哋出張券")
    assert not isinstance(asked, Command)
    assert "发什么券" in asked.message


def test_the_coupon_given_out_is_no_send() -> None:
    # 出的券: which coupon a condition is about, never a send verb
    result = parse("上次活動出的券邊個未用")
    assert not (isinstance(result, Command) and result.intent == "push")


TIMED = [
    "give them 10% off, scheduled for 9am tomorrow",
    "send them a 10% off coupon, scheduled for 9am tomorrow",
    "give them 10% off at 9am tomorrow",
    "give them 10% off, scheduled for tomorrow at 9am",
    "给她们发85折券，定在明天上午9点",
    "聽朝9點俾佢哋send張85折券",
]


@pytest.mark.parametrize("text", TIMED)
def test_a_coupon_with_a_one_off_time_in_the_same_sentence(text: str) -> None:
    command = parse(text)
    assert isinstance(command, Command), f"{text!r} was asked back: {command.message}"
    assert command.intent == "schedule"
    assert command.details["schedule"] == {"every": "once", "date": "2026-11-02", "time": "09:00"}
    assert command.details["coupon"] in ("9折", "8.5折")


# (the card's coupon, the words of the change, the new coupon | None: read as a whole coupon)
CHANGES = [
    ("满500减100", "减80", "满500减80"),
    ("满500减100", "減80蚊", "满500减80"),
    ("满500减100", "减80的券吧", "满500减80"),
    ("满500减100", "立减80", "满500减80"),
    ("满500减100", "面额80", "满500减80"),
    ("满500减100", "减80就得", "满500减80"),
    ("满200减20", "25 off", "满200减25"),
    ("满200减20", "¥25 off", "满200减25"),
    ("满200减20", "only 25 off", "满200减25"),
    ("满200减20", "25 off instead", "满200减25"),
    ("满200打9折", "减30", "满200减30"),
    ("20元券", "减30", "30元券"),
    ("20元券", "25 off", "25元券"),
    ("9折", "¥25 off", "25元券"),
    ("满500减100", "满400就好", "满400减100"),
    ("满500减100", "门槛300", "满300减100"),
    ("满500减100", "门槛改做350", "满350减100"),
    ("满200减20", "minimum 250", "满250减20"),
    ("满200减20", "orders over 300", "满300减20"),
    ("9折", "满200", "满200打9折"),
    ("20元券", "满100", "满100减20"),
    ("满500减100", "无门槛100元", None),
    ("满500减100", "满300减50", None),
    ("满500减100", "85折", None),
    ("满500减100", "20 off with no minimum", None),
    ("20元券", "80元", None),
]


@pytest.mark.parametrize(("old", "words", "new"), CHANGES)
def test_a_value_alone_keeps_the_cards_threshold(old: str, words: str, new: str | None) -> None:
    card = parse_coupon_words(old)
    assert card is not None
    changed = read_coupon_change(normalize(words), card)
    assert (changed.words if changed else None) == new


ASKED = [
    ("满500减100", "80元"),  # 满500减80, or a plain ¥80 coupon?
    ("满500减100", "80元券"),
    ("满500减100", "80蚊"),
    ("满500减100", "a ¥80 coupon"),
    ("满500减100", "80"),
    ("9折", "25 off"),  # ¥25 or 25%?
    ("满500减100", "减600"),  # the value not below the threshold
    ("满500减100", "满50"),  # nor the threshold above the value
]


@pytest.mark.parametrize(("old", "words"), ASKED)
def test_a_value_whose_kind_is_unclear_is_asked(old: str, words: str) -> None:
    card = parse_coupon_words(old)
    assert card is not None
    with pytest.raises(Ask):
        read_coupon_change(normalize(words), card)
