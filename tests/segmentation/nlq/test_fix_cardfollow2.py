"""Issue 19 (cardfollow2): a fact asked of the customers just shown with a plural pronoun
("他们是哪个城市的", "佢哋喺邊度", "what tags do they have") is the spread of that answer by the
fact's dimension; one customer by 她 / 佢 stays her card's question. The sentences are corpus rows
(rounds/fix-cardfollow2.tsv): every one must be exactly right. The conversations (the same tag as
the card's customer, a row asked about in English) are tests/commands/conversations/
cardfollow2.txt."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from tests.segmentation.nlq import test_corpus

CASES = test_corpus.read_cases(Path(__file__).parent / "rounds" / "fix-cardfollow2.tsv")


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"
