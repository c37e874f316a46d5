"""Issue 19 (session 28, voice28): long voice-input sentences — the segment said after the
request, the tag verb and its name first, "yet" joining two conditions, one more condition said
as one, questions put before the customers, "still" before a Chinese negation, a remark said
not to hold a text, the customer noun typed with a same-sound character. The sentences are
corpus rows (rounds/fix-voice28.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-voice28.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []
