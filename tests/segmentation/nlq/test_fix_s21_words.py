"""Issue 19 (fix-s21-words): everyday event words of spec §2's five kinds, comparison words (逾,
起跳, 不下N, "is in excess of"), owner colloquialisms (挂在我这儿, 睇開, 跟開我嘅, 我一直跟的),
request lead-ins (有劳, 有时间的话, 方便帮我…吗, 同我, export埋, "if you have time"), clause nouns
("Oct adds", "of today's carters", "out of yesterday's visitors") and numbers glued to English
words ("last30 days"). The sentences are corpus rows (rounds/fix-s21-words.tsv): every one must be
exactly right, and each category keeps its questions back; the unit tests below check the
rewrites themselves and the near misses they must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.abbrev_en import expand
from segmentation.nlq.everyday_words import everyday_rewrites
from segmentation.nlq.leadins import drop_opener
from segmentation.nlq.lexicon import LEXICON
from segmentation.nlq.token_kinds import K
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-s21-words.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("下过不下三次单的客户", "下过不少于三次单的客户"),  # zh-Hans
        ("来店不下两次嘅客", "来店不少于两次嘅客"),  # HK, as normalised (來→来)
        ("消费不下于1000的", "消费不少于1000的"),  # written 不下于
        ("不下单的客户", "不下单的客户"),  # no number: does not order
        ("一单都不下的", "一单都不下的"),
        ("麻烦你export埋上个月来过店的客", "麻烦你export上个月来过店的客"),  # mixed
        ("导出埋vip", "导出vip"),
        ("汇出埋", "汇出埋"),  # bare: the also-request on the last answer reads it
        ("睇埋上海的", "睇埋上海的"),  # also look at: a follow-up's widening, kept
        ("买埋单的客户", "买埋单的客户"),
    ],
)
def test_everyday_rewrites(typed: str, read: str) -> None:
    assert everyday_rewrites(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("customers who ordered in the last30 days", "customers who ordered in the last 30 days"),
        ("spent over1000", "spent over 1000"),
        ("ordered in the past7days", "ordered in the past 7 days"),
        ("ordered 3times", "ordered 3 times"),
        ("spent 1000rmb or more", "spent 1000 rmb or more"),
        ("at least3 times", "at least 3 times"),
    ],
)
def test_numbers_glued_to_english_words_come_apart(typed: str, read: str) -> None:
    assert expand(typed) == read


def test_a_glued_name_in_the_data_stays_whole() -> None:
    assert expand("tagged over1000", lambda: {"over1000"}) == "tagged over1000"
    assert expand("bought 3times", lambda: {"3times"}) == "bought 3times"


@pytest.mark.parametrize(
    ("typed", "rest"),
    [
        ("有劳，给杭州的客户打上待跟进标签", "给杭州的客户打上待跟进标签"),  # zh-Hans formal
        ("劳驾 把vip导出", "把vip导出"),
        ("有时间的话帮我看下vip有几个", "帮我看下vip有几个"),
        ("有时间嘅话send张券俾vip", "send张券俾vip"),  # HK, as normalised
        ("得闲嘅话帮我睇下", "帮我睇下"),
        ("如果方便的话，帮我导出vip", "帮我导出vip"),
        ("方唔方便同我export上个月的", "export上个月的"),  # HK: 方唔方便 then 同我 (for me)
        ("if you have time, export the vips", "export the vips"),  # English
        ("when you're free, tag them", "tag them"),
        ("if you've got a minute, list the vips", "list the vips"),
    ],
)
def test_lead_ins_on_the_helper_are_dropped(typed: str, rest: str) -> None:
    assert drop_opener(typed) == rest


@pytest.mark.parametrize(
    "kept",
    [
        "方便面的客户",  # a product word, not 方便 + a helping verb
        "请问vip有几个",  # 请问 is no formal opener before a comma or verb here
        "同我跟的客户",  # 同我 before no request verb: "and mine" is read by the owner words
        "有时间限制的",  # 有时间 without 的话: content
    ],
)
def test_near_misses_keep_their_words(kept: str) -> None:
    assert drop_opener(kept) == kept


@pytest.mark.parametrize(
    ("surface", "kind"),
    [
        ("丢进购物车", "cart"),
        ("扔了进购物车", "cart"),
        ("收藏过", None),  # no kind of spec §2: asked back, never read as one
        ("点赞", None),
        ("评价过", None),
        ("reviewed", None),
        ("办过退款", "refund"),
        ("退回来过", "refund"),
        ("来门市晃过", "visit"),
        ("行过铺头", "visit"),
        ("问过几钱", "inquiry"),
        ("asked how much", "inquiry"),
        ("carters", "cart"),
        ("refunders", "refund"),
    ],
)
def test_event_words_name_one_of_the_five_kinds(surface: str, kind: str | None) -> None:
    meaning = LEXICON.get(surface)
    if kind is None:
        assert meaning is None
        return
    assert meaning == (K.EVENT, kind)
