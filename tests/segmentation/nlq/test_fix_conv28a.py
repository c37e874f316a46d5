"""Issue 19 (conv28a): the follow-ups on lists, rankings, comparisons and breakdowns of the
s28-conv fix list, as sentences: a group just opened split again (再按负责人拆, 這組再依城市分,
呢兩個再按城市分). The sentences are corpus rows (rounds/fix-conv28a.tsv): every one must be
exactly right; the conversations are tests/commands/conversations/conv28a.txt."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.backref import read_back_reference
from segmentation.nlq.rest_words import read_rest
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-conv28a.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("said", "size"),
    [
        ("剩下那俩呢", 2),
        ("剩下的那两个是谁", 2),
        ("剩低嗰兩個係邊個", 2),
        ("其他那三位呢", 3),
        ("the other two", 2),
        ("the remaining three customers", 3),
        ("剩下的呢", None),
        ("and the rest of them?", None),
    ],
)
def test_the_rest_is_asked_with_its_size(said: str, size: int | None) -> None:
    asked = read_rest(said)
    assert asked is not None and asked.size == size


@pytest.mark.parametrize(
    ("said", "count", "rest"),
    [
        ("这俩里女的", 2, "这些里女的"),
        ("剩下这仨里女的", 3, "这些里女的"),
        ("那俩人是谁", 2, "这些人是谁"),
    ],
)
def test_two_or_three_in_one_word_is_a_size(said: str, count: int, rest: str) -> None:
    found = read_back_reference(said)
    assert found is not None and (found.count, found.rest) == (count, rest)


@pytest.mark.parametrize("said", ["给这俩打上VIP", "她俩买过什么", "剩下那俩呢"])
def test_no_list_gone_back_to(said: str) -> None:
    assert read_back_reference(said) is None
