"""The ones picked out of a ranking just shown (#19): which end, how many; the bare
"那一个 / that one" names no end; a row ("the first one") or a filler ("那个，…") is none."""

from __future__ import annotations

import pytest

from segmentation.nlq.rank_pick import BOTTOM, TOP, read_ranked_pick


@pytest.mark.parametrize(
    ("text", "end", "count"),
    [
        ("最多的那1个", TOP, 1),
        ("消费最多的那个呢", TOP, 1),
        ("spend 最多的那1个", TOP, 1),
        ("最少的那个", BOTTOM, 1),
        ("排第一的那位", TOP, 1),
        ("排第一嘅嗰位", TOP, 1),
        ("使錢最多嗰一個", TOP, 1),
        ("最多的那两个", TOP, 2),
        ("the top one", TOP, 1),
        ("the biggest spender", TOP, 1),
        ("who is the top spender?", TOP, 1),
        ("the top 2", TOP, 2),
        ("the bottom two", BOTTOM, 2),
        ("the lowest one", BOTTOM, 1),
        ("那一个", None, 1),
        ("嗰一個", None, 1),
        ("that one", None, 1),
        ("那两个", None, 2),
    ],
)
def test_a_pick_out_of_a_ranking(text: str, end: str | None, count: int) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and (pick.end, pick.count) == (end, count)


@pytest.mark.parametrize(
    "text",
    ["那个", "那个，帮我查下上海的金卡客户", "the first one", "the top spenders",
     "我的客户里 spend 最多的那1个", "消费最多的3个客户", "上海的客户", "top 10 spenders"],
)  # fmt: skip
def test_no_pick(text: str) -> None:
    assert read_ranked_pick(text) is None
