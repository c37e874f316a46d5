"""A ranking by how often of an event other than ordering is asked back, saying rankings are
by spend or by the number of orders and offering both; 最多 before a number stays
"at most". A superlative of the number of orders ranks by orders since issue 19 (an extension
of spec §2, docs/rankings.md): those cases moved from the ask-back list below to
test_fix_rank_turns.py, and without a count they ask how many."""

from __future__ import annotations

import pytest

from segmentation.nlq.parser import Clarification
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

READ = Reader(small_vocabulary())


@pytest.mark.parametrize(
    "text",
    [
        "上个月买得最多的客户是谁",
        "问得最多的客户",
        "来店最少的5个",
        "上個月詢價最多的客戶",
        "customers who visit the least",
    ],
)
def test_count_ranking_is_asked_with_the_spend_ranking_offered(text: str) -> None:
    result = READ.parse(text)
    assert isinstance(result, Clarification)
    assert "消费金额" in result.message or "spend" in result.message
    assert result.suggestions in (
        ("消费最多的10个客户", "下单最多的10个客户"),
        ("top 10 spenders", "top 10 by number of orders"),
    )


@pytest.mark.parametrize("text", ["下单最多2次的客户", "最多下过2次单的客户", "消费最多的10个客户"])
def test_at_most_and_spend_rankings_are_read(text: str) -> None:
    assert READ.command(text).segment is not None
