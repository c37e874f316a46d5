"""Issue 19 (session 28, lead): saying a question is coming (对了, 问一下, 顺便问下, 另外,
话说, btw) before the question, with no clause mark. The sentences are corpus rows
(rounds/fix-lead28.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-lead28.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []
