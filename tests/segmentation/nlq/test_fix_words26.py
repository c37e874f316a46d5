"""Issue 19 (session 26, words26): words nobody listed — asking through a channel (私信问过价,
pm我問價), paying as ordering (掏腰包, 扫货, shelled out), checking in at the shop (打卡), leaving
with nothing (沒帶東西走), the cart without a preposition (丢购物车里, items sitting in their
cart), typos and IME slips (咨训, 销费, 加够, 以经, 黎過, oder). The sentences are corpus rows
(rounds/fix-words26.tsv); the unit tests check the rewrites on their own, and what they leave."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.own_words import own_words_read
from segmentation.nlq.plain_words import plain_words
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-words26.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("私信问过价的", "问过价的"),
        ("pm我问价嘅", "问价嘅"),
        ("敲我问价钱的", "问价钱的"),
        ("传讯息来询问的", "询问的"),
        ("找我退过钱的", "退过钱的"),
        ("来过店但没带东西走的", "来过店但没买的"),
        ("visited but left empty-handed", "visited but didn't buy"),
        ("一直在问价的", "问价的"),
        ("kept adding to cart", "adding to cart"),
        ("使了一千蚊有找的", "使了一千蚊以下的"),
        ("查询超过三次的", "咨询超过三次的"),
        ("购物车加了又加的", "购物车加购过的"),
        ("问了又问的", "问过的"),
        ("price问了2回以上", "价问了2回以上"),
        ("bought just the once", "bought exactly once"),
        ("打金卡标签的客户", "打上金卡标签的客户"),
        ("ig私讯问过价的", "问过价的"),
        ("一直喺度问价", "问价"),
        ("what are my vips like", "describe my vips"),
    ],
)
def test_the_channel_and_the_empty_hands_are_rewritten(said: str, read: str) -> None:
    assert own_words_read(said) == read


@pytest.mark.parametrize(
    "said",
    [
        "找问过价的客户",  # 找 with no one after it is "find"
        "私信过的客户",  # a channel with no asking verb after it stays a word to ask about
        "给他们发消息“私信问价有优惠”",  # a message's words are never rewritten
        "一直没下单的",  # all along not: "yet", read elsewhere
        "敲定了的客户",
        "查询超过3次下单的客户",  # the count is the order's: 查询 stays the list verb
        "查询vip客户",
        "给上海的客户打金卡标签",  # the tag action, not a condition
        "有找的客户",  # 有找 with no amount before it
        "what are they like",  # the answer just given, read as ever
    ],
)
def test_words_that_are_no_channel_stay(said: str) -> None:
    assert own_words_read(said) == said


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("咨训过的", "咨询过的"),
        ("销费超过5000", "消费超过5000"),
        ("加够过的", "加购过的"),
        ("以经下单的", "已经下单的"),
        ("有黎过铺头的", "有来过铺头的"),
        ("placed an oder", "placed an order"),
        ("havent oderd yet", "havent ordered yet"),
    ],
)
def test_slips_are_read_as_meant(said: str, read: str) -> None:
    assert plain_words(said) == read


@pytest.mark.parametrize("said", ["推销费用", "所以经常来的", "黎明的客户", "加够了没", "资讯"])
def test_near_slips_keep_their_words(said: str) -> None:
    assert plain_words(said) == said
