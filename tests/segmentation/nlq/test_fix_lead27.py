"""Issue 19 (session 27, lead): the action asked in its -ing form, politeness whose negation
negates no condition, HK 啲 after an English verb and 我. The sentences are corpus rows
(rounds/fix-lead27.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-lead27.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []
