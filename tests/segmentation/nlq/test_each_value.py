"""A count for each of several values named (nlq/each_value.py), in every language form: a
breakdown by the values' dimension showing just those values; one count of a list stays one."""

from __future__ import annotations

import pytest

from segmentation.nlq import Command
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

command = Reader(small_vocabulary()).command


@pytest.mark.parametrize(
    ("text", "by", "only"),
    [
        ("上海和北京各多少", "city", ["上海", "北京"]),
        ("上海和北京的客户各有多少个", "city", ["上海", "北京"]),
        ("上海的几个北京的几个", "city", ["上海", "北京"]),
        ("上海几个，北京几个？", "city", ["上海", "北京"]),
        ("近30天下过单的上海的几个北京的几个", "city", ["上海", "北京"]),
        ("上海嘅同北京嘅各有幾多", "city", ["上海", "北京"]),
        ("上海跟北京分別有幾位客戶", "city", ["上海", "北京"]),
        ("how many in shanghai and how many in beijing", "city", ["上海", "北京"]),
        ("shanghai and beijing, how many each?", "city", ["上海", "北京"]),
        ("Shanghai and Beijing customers respectively", "city", ["上海", "北京"]),
        ("上海 and 北京 各几个", "city", ["上海", "北京"]),
        ("男的几个女的几个", "gender", ["1", "2"]),
        ("男和女各多少", "gender", ["1", "2"]),
        ("多少男的多少女的", "gender", ["1", "2"]),
        ("男仔女仔各幾多", "gender", ["1", "2"]),
        ("how many men and how many women", "gender", ["1", "2"]),
        ("VIP和金卡各有多少", "tag", ["VIP", "金卡"]),
        ("how many VIP and how many 金卡", "tag", ["VIP", "金卡"]),
    ],
)
def test_each_value_is_a_breakdown_of_just_those_values(
    text: str, by: str, only: list[str]
) -> None:
    found = command(text)
    assert found.intent == "breakdown", f"{text!r}: {found.intent} {found.description}"
    assert found.details["by"] == by and found.details["only"] == only


def test_the_last_answer_is_broken_down_when_pointed_at() -> None:
    found = command("这些里上海和北京各几个")
    assert found.details.get("segment_from_context") is True
    assert found.details["only"] == ["上海", "北京"]


def test_the_conditions_of_the_first_part_stay_on_every_value() -> None:
    found = command("近30天下过单的上海的几个北京的几个")
    assert "下过单" in found.description and "上海" in found.description


@pytest.mark.parametrize(
    "text",
    ["上海和北京有多少", "上海或北京的客户有几个", "how many in shanghai or beijing", "上海有几个"],
)
def test_one_count_of_a_list_stays_one_count(text: str) -> None:
    found = command(text)
    assert isinstance(found, Command) and found.intent == "count"


@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("男女各多少", "gender"),
        ("男女分别几个", "gender"),
        ("城市各有多少", "city"),
        ("逐个销售计下", "owner"),
        ("逐個sales計下", "owner"),
        ("各人计下", "owner"),
        ("按跟进人拆一下", "owner"),
        ("按城市拆开看看", "city"),
        ("按性别拆一下", "gender"),
    ],
)
def test_more_breakdown_words(text: str, by: str) -> None:
    found = command(text)
    assert found.intent == "breakdown" and found.details["by"] == by
