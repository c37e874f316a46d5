"""Issue 19 (session 27, loose27): words said loosely around what the grammar reads — request
wrappers (亲，/老师，/唔好意思，帮我…, "appreciate it if you could", 请协助, 按城市帮我分),
comparisons (没超一百, 三次或者以上, 不止一笔, "spend tops 5k" against "5k tops"), negation with
measure words (一通询问都没有, 半步都冇踏入, "didn't make one purchase", "zero returns"), dates
(打从, 呢个礼拜三, 9月15到9月30) and IME slips (进30天, 上各月, 到电, 退宽, 寻价, 买左野, m该, ㄇ,
cx, inqiury). The sentences are corpus rows (rounds/fix-loose27.tsv); the unit tests check the
rewrites on their own, and what they leave."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.ask import Ask
from segmentation.nlq.loose_words import loose_words_read
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-loose27.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("宝,按城市帮我分一下", "按城市分一下"),
        ("辛苦了老师,帮我数下vip", "帮我数下vip"),
        ("10月1到10月7号", "10月1号到10月7号"),
        ("老师能不能帮忙看一眼", "能不能帮忙看一眼"),
        ("vip客户有哪些,亲", "vip客户有哪些"),
        ("唔好意思,帮我send张券", "帮我send张券"),
        ("appreciate it if you could send them a coupon", "send them a coupon"),
        ("could u 帮我 save", "帮我 save"),
        ("请协助去掉", "请帮我去掉"),
        ("深圳客户的人群特征", "深圳客户的特征"),
        ("退款没超一百", "退款没超过一百"),
        ("三次或者以上", "三次或以上"),
        ("不止一笔", "不止一次"),
        ("一通询问都没有", "一次询问都没有"),
        ("半步都冇踏入过铺头", "一次都冇来过铺头"),
        ("didn't make one purchase", "didn't make a single purchase"),
        ("zero returns", "zero refunds"),
        ("打从9月20号起", "从9月20号起"),
        ("呢个礼拜三", "这个礼拜三"),
        ("9月15到9月30", "9月15号到9月30号"),
        ("喺铺头行过", "行过铺头"),
        ("spend tops 5k", "spend over 5k"),
    ],
)
def test_loose_words_are_read(said: str, read: str) -> None:
    assert loose_words_read(said) == read


@pytest.mark.parametrize(
    "said",
    [
        "老师的客户",  # no pause, no request after it: a word to ask about
        "老板要一份vip名单",  # someone else's request, read elsewhere
        "不好意思,是ivan",  # an apology before a correction, not before a request
        "没超市的客户",  # 超 not before a number
        "一通电话",
        "a return visit",
        "5k tops",  # after the amount: at most, the lexicon's
        "spending tops out at 5k",
        "“打从心底感谢”",  # a message's words
        "9月15号到9月30号",
        "协助跟进的客户",  # 协助 as a kind of follow-up, not a request: asked
    ],
)
def test_words_that_are_not_loose_stay(said: str) -> None:
    assert loose_words_read(said) == said


def test_tops_before_a_number_with_no_measure_is_asked() -> None:
    with pytest.raises(Ask):
        loose_words_read("customers tops 5k")
