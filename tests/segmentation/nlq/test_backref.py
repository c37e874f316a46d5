"""Going back to an earlier list (#19): the words that name one by its size or its place,
in zh-Hans, zh-Hant, Cantonese, English and mixed, and what is left to ask of it."""

from __future__ import annotations

import pytest

from segmentation.nlq.backref import FIRST, JUST, PREVIOUS, RANKING, read_back_reference


@pytest.mark.parametrize(
    ("text", "count", "rest"),
    [
        ("回到刚才那6个人", 6, ""),
        ("好，回到刚才那6个人，其中北京的有几个", 6, "其中北京的有几个"),
        ("刚才那6个人里北京的有几个", 6, "这些里北京的有几个"),
        ("那4个人里女的有几个", 4, "这些里女的有几个"),
        ("好的，那4个人里女的呢", 4, "这些里女的呢"),
        ("返返頭嗰6個", 6, ""),
        ("返返頭嗰7個，入面有幾多個VIP", 7, "入面有幾多個VIP"),
        ("回到剛才那十二個人", 12, ""),
        ("导出刚才那6个人", 6, "导出这些人"),
        ("of those four, which are female?", 4, "of those, which are female?"),
        ("those 6 again", 6, ""),
        ("ok, those 6 again", 6, ""),
        ("which of those 6 are VIP", 6, "which of those are VIP"),
        ("how many of those 12 are in Shanghai", 12, "how many of those are in Shanghai"),
        ("back to those 7, which are female?", 7, "of those, which are female"),
        ("back to those 4, 只要上海的", 4, "只要上海的"),
        ("回到刚才那7个, how many are male", 7, "of those, how many are male"),
        ("the four from before, who is female?", 4, "of those, who is female"),
        ("those 6 个人 again", 6, ""),
        ("回到 those 4", 4, ""),
        ("back to 那6个人", 6, ""),
    ],
)
def test_a_list_named_by_its_size(text: str, count: int, rest: str) -> None:
    found = read_back_reference(text)
    assert found is not None and (found.count, found.position, found.rest) == (count, None, rest)


@pytest.mark.parametrize(
    ("text", "position", "rest"),
    [
        ("回到第一个名单", FIRST, ""),
        ("第一个名单", FIRST, ""),
        ("最开始那个名单里男的", FIRST, "这些里男的"),
        ("第二个名单", 2, ""),
        ("上一个结果", PREVIOUS, ""),
        ("前面那个名单", PREVIOUS, ""),
        ("回到刚才那批", PREVIOUS, ""),
        ("刚才那批", JUST, ""),
        ("剛才那幾位", JUST, ""),
        ("back to the first list", FIRST, ""),
        ("go back to the first list, without VIPs", FIRST, "without VIPs"),
        ("export the first list", FIRST, "export those"),
        ("回到 the first list, 只要男的", FIRST, "只要男的"),
        ("the previous list again", PREVIOUS, ""),
        ("show me the previous list", PREVIOUS, ""),
        ("go back to the previous results, how many are in Shanghai", PREVIOUS,
         "of those, how many are in Shanghai"),
    ],
)  # fmt: skip
def test_a_list_named_by_its_place(text: str, position: int, rest: str) -> None:
    found = read_back_reference(text)
    assert found is not None and (found.count, found.position, found.rest) == (None, position, rest)


@pytest.mark.parametrize(
    "text",
    [
        "消费最多的那3个",  # a ranking, no going back said
        "我的客户里 spend 最多的那1个",
        "那1个",  # one customer is a row, not a list
        "the 3 biggest spenders",
        "top 10 spenders",
        "上海的前3个",
        "第一个",  # a row or a pick
        "那些人",  # "these": the list just shown, no earlier one
        "刚才那个活动",  # a campaign
        "the other list",
        "上海的客户",
    ],
)
def test_no_earlier_list(text: str) -> None:
    assert read_back_reference(text) is None


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("回到刚才的排名", ""),
        ("返返去頭先嗰個排名", ""),
        ("再看一下之前的排行", ""),
        ("回到排名，其中上海的", "其中上海的"),
        ("back to the ranking", ""),
        ("the ranking again", ""),
        ("show me the earlier ranking", ""),
    ],
)
def test_the_ranking_gone_back_to(text: str, rest: str) -> None:
    found = read_back_reference(text)
    assert found is not None and found.position == RANKING and found.rest == rest


@pytest.mark.parametrize("text", ["排名", "排名前5的客户", "the ranking", "按消费排名"])
def test_a_ranking_asked_for_is_no_going_back(text: str) -> None:
    found = read_back_reference(text)
    assert found is None or found.position != RANKING
