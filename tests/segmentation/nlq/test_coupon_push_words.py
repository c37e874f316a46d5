"""Coupon words in a send (issue 19, blind s13): 补 sends (给他补一张无门槛20元的, 补发一张券),
无门槛 names a coupon with its noun left out (一张无门槛20元的), 劵 is 券 mistyped, and
"send 她们 a coupon 满500减80" (mixed: the pronoun in Chinese, the coupon in English) —
zh-Hans, zh-Hant (Taiwan, HK) and mixed; the coupon as understood is the card's."""

from __future__ import annotations

import pytest

from segmentation.nlq import Command
from tests.segmentation.nlq.test_contact_family import parse

PUSHES = [
    ("给他们补一张无门槛20元的", "20元券"),
    # the coupon named first, then its value and that it needs no minimum (blind s22)
    ("给他们发个券，20元无门槛", "20元券"),
    ("给他们发个券 20元无门槛", "20元券"),
    ("send them a coupon, 20 yuan no minimum", "20元券"),
    ("给他们补发一张满300减50的券", "满300减50"),
    ("补发一张满300减50的券给他们", "满300减50"),
    ("给他们补个20元券", "20元券"),
    ("幫佢哋補一張無門檻20蚊嘅", "20元券"),
    ("给他们发一张无门槛20元的", "20元券"),
    ("给他们发一张满100减20的优惠劵", "满100减20"),
    ("俾佢哋一張50蚊現金券", "50元券"),
    ("發張滿千減百嘅券俾佢哋", "满1000减100"),
    ("send 她们 a coupon 满500减80", "满500减80"),
    ("send 佢哋 a coupon 满500减80", "满500减80"),
    ("send 他们 a voucher 8折", "8折"),
]


@pytest.mark.parametrize(("text", "coupon"), PUSHES)
def test_a_coupon_sent_to_the_answer_just_given(text: str, coupon: str) -> None:
    command = parse(text)
    assert isinstance(command, Command), f"{text!r} was asked back: {command.message}"
    assert command.intent == "push"
    assert command.details["coupon"] == coupon
    assert command.details.get("segment_from_context") is True


def test_a_coupon_sent_with_a_time_is_scheduled() -> None:
    command = parse("send 她们 a coupon 满500减80, 明天上午10点")
    assert isinstance(command, Command) and command.intent == "schedule"
    assert command.details["coupon"] == "满500减80"
