"""Issue 19 (joins2, fix list blind-s25-1): since words after a date (10/8迄今 = since 10/8),
同时是/both over a list of tags (AND), except over an and-list (not A and not B), 男女边个多 /
男女比例 (a breakdown by gender), 我嘅 after an English verb, times listed before a bare
negated verb (去年和今年都没下), 回购 negated after an earlier order, 上个月初开始 (since the
1st), requirements after but (不过得是), 淨係要, 两个部门的X各有多少, 消费最高三个. The sentences
are corpus rows (rounds/fix-joins2.tsv): every one must be exactly right, near misses included."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.everyday_words import everyday_rewrites
from segmentation.text import normalize
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-joins2.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("消费不过一千的", "消费不超过一千的"),
        # 一 inside a word is no number: 不过 stays "but"
        ("vip,不过一定要是女的", "vip,不过一定要是女的"),
        ("vip不过一直没下单", "vip不过一直没下单"),
    ],
)
def test_not_over_only_before_a_number(typed: str, read: str) -> None:
    assert everyday_rewrites(normalize(typed)) == read
