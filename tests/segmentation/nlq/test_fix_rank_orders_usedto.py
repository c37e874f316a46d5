"""Issue 19: rankings by the number of orders read alike in every language ("top 10 by number of
orders" = 下单最多的10个), rankings by how often of another event asked back naming it, and
"used to" with a recent negation read as the negation AND the event ever. The sentences are
corpus rows (rounds/fix-rank-orders-usedto.tsv): every one must be exactly right."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq import Clarification
from tests.segmentation.nlq import test_corpus
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

ROWS = Path(__file__).parent / "rounds" / "fix-rank-orders-usedto.tsv"
CASES = test_corpus.read_cases(ROWS)
READ = Reader(small_vocabulary())


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    "text",
    ["top 10 by number of inquiries", "咨询次数前10的客户", "到店最多的5个", "top 10 by visits"],
)
def test_unsupported_count_ranking_offers_spend_and_orders(text: str) -> None:
    result = READ.parse(text)
    assert isinstance(result, Clarification)
    assert ("订单" in result.message or "下单" in result.message) or "orders" in result.message
    assert "消费" in result.message or "spend" in result.message


def test_ranking_without_measure_says_both_rankings() -> None:
    message = READ.asked("top 10 customers")
    assert "spend" in message and "number of orders" in message


@pytest.mark.parametrize(
    "text",
    [
        "下单最多2次的客户",  # at most twice, no ranking
        "customers who used to be tagged VIP",  # a past state, no event
        "customers who ordered at most 2 times",
    ],
)
def test_near_misses_keep_their_reading(text: str) -> None:
    before = READ.parse(text)
    if isinstance(before, Clarification):
        return
    assert "Ranked" not in repr(before.segment)
