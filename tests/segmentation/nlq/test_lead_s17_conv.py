"""Session 17 (lead): a part of the last question dropped before the question anew (不要上个月了，
就看流失风险客户, 唔要北京喇, forget last month, …), never before an act on "them"; 找 alone
looks a customer up; her card said as 卡片 / 张卡 is a question about the one customer."""

from __future__ import annotations

import pytest

from segmentation.nlq.one_customer import asks_about_customer
from segmentation.nodes import City, HasTag, NamedSegment
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

READ = Reader(small_vocabulary())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不要上个月了，就看流失风险客户", NamedSegment("at_risk")),
        ("不看上个月了 就要流失风险客户", NamedSegment("at_risk")),
        ("唔要上個月喇，淨係睇流失風險客", NamedSegment("at_risk")),
        ("forget last month, just the at-risk customers", NamedSegment("at_risk")),
        ("drop the city, VIP customers", HasTag("VIP")),
    ],
)
def test_a_part_dropped_then_the_question_anew(text: str, expected: object) -> None:
    assert READ.segment(text) == expected


def test_dropping_a_city_then_another() -> None:
    assert isinstance(READ.segment("唔要北京喇，睇上海"), City)


def test_a_part_dropped_before_an_act_on_them_is_not_read_as_a_lead() -> None:
    # "不要VIP了，给他们发券": which customers "them" are after the drop is not said; the
    # drop stays part of the sentence (the customers without VIP), as before.
    command = READ.command("不要VIP了，给他们发券 满100减10")
    assert command.intent == "push" and command.segment is not None


@pytest.mark.parametrize("said", ["他的卡片", "佢张卡", "她的资料卡", "他的画像"])
def test_her_card_is_a_question_about_her(said: str) -> None:
    assert asks_about_customer(said)


@pytest.mark.parametrize("said", ["他们的卡片", "卡片"])
def test_not_one_customer(said: str) -> None:
    assert not asks_about_customer(said)


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("北京定上海嘅客", "在北京或上海的客户"),
        ("北京定系上海嘅客有幾多", "在北京或上海的客户"),
        ("VIP定金卡", "有“VIP”标签 或 有“金卡”标签的客户"),
    ],
)
def test_cantonese_ding_between_two_values_is_or(text: str, description: str) -> None:
    assert READ.command(text).description == description


def test_ding_elsewhere_keeps_its_sense() -> None:
    READ.asked("一定要VIP")
