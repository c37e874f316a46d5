"""Issue 19 (joins): words joining conditions (兼, 又, 同时又, 另外又, 加上, "and also", "as well
as"), Cantonese and colloquial threshold negations (唔过/不过/冇过 + a number = at most, 冇够 =
under, 冇少过 = at least; 不过 before anything else stays "but"), "(A or B) but C", and currency
around amounts ($300 as the yuan meant; US$/HK$ asked). The sentences are corpus rows
(rounds/fix-joins.tsv): every one must be exactly right, near misses included."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.everyday_words import everyday_rewrites
from segmentation.text import normalize
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-joins.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("消費唔過一千嘅", "消费不超过一千嘅"),
        ("下单不过两次的", "下单不超过两次的"),
        ("消费冇过$500", "消费不超过$500"),
        # 不过 before a window, a date or no number is "but"
        ("vip,不过30天内没下单", "vip,不过30天内没下单"),
        ("vip不过3个月没下单", "vip不过3个月没下单"),
        ("vip不过十月没下单", "vip不过十月没下单"),
        ("vip不过近30天没下单", "vip不过近30天没下单"),
        ("消费不过万的", "消费不过万的"),
    ],
)
def test_not_over_only_before_an_amount_or_count(typed: str, read: str) -> None:
    assert everyday_rewrites(normalize(typed)) == read
