"""Issue 19 (session 27, slang27): event, spend and owner words of the salespeople's own — 询单
(one inquiry, never "inquired and ordered"), 要报价 / quote requests / DMs, 开单 / 结单 / 败家 /
过数 / "closed a deal", the cart said before the verb (往购物车里塞), 新加微信 / 刚加好友 / 新add /
"fresh adds", 走退货流程 / 办退费, 砸 / 贡献业绩 / 单均 / 退费金额 / "forked out at least", 盘子,
跟開嗰啲, the sales team. The sentences are corpus rows (rounds/fix-slang27.tsv); the unit
tests check the rewrites on their own, and what they leave."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.slang_words import slang_read
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-slang27.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("私讯来要报价的", "要报价的"),
        ("inbox我要过报价的", "要过报价的"),
        ("dmed asking for pricing", "asking for pricing"),
        ("who forked out at least 1500", "who spent at least 1500"),
        ("shelled out over 2k", "spent over 2k"),
        ("单均500以上", "客单价500以上"),
        ("单均过千的", "客单价过千的"),
        ("新加上微信的客户", "新加的客户"),
        ("刚加了企微嘅客", "新加嘅客"),
    ],
)
def test_slang_is_rewritten(said: str, read: str) -> None:
    assert slang_read(said) == read


@pytest.mark.parametrize(
    "said",
    [
        "私信过的客户",  # a channel with no quote asked after it stays a word to ask about
        "who forked out last month",  # no amount after it: the order
        "单均是什么",  # no amount after it: asked which average
        "新加了微信群的客户",  # a WeChat group is no customer added
        "给他们发消息“单均500以上有礼”",  # a message's words are never rewritten
    ],
)
def test_words_without_their_context_stay(said: str) -> None:
    assert slang_read(said) == said
