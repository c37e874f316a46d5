"""Issue 19 (mgr28, a manager's week): the campaign picked by when it was with whose customers
or to whom said before it (我们部门上次活动…, 俾上次活動…), the English coupon verb with its
coupon (没 redeem 券的), 具体/到底 as no condition, the digest as where a segment was seen
(日报里说的流失风险客户), an English send whose whom ends in a Chinese tag, 里面 first with
nothing shown before, and the answer pointed at by its size (这俩按负责人分). The sentences are
corpus rows (rounds/fix-mgr28.tsv): every one must be exactly right."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.engine import default_context
from segmentation.nlq import load_vocabulary
from segmentation.nlq.change_sides import period_words
from segmentation.nlq.correction import read_correction
from segmentation.nlq.digest_pointer import drop_digest_pointer
from tests.segmentation.nlq import test_corpus
from tests.segmentation.nlq.fixture import load_fixture

ROWS = Path(__file__).parent / "rounds" / "fix-mgr28.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("reply", "value"),
    [
        ("是高意向，打错了", "高意向"),
        ("係金卡呀，打錯字", "金卡"),
        ("高意向, typo", "高意向"),
        ("北京，写错了不好意思", "北京"),
        ("上海 手滑", "上海"),
    ],
)
def test_typed_wrong_said_after_the_value_corrects(reply: str, value: str) -> None:
    said = read_correction(reply)
    assert said is not None and said.value == value


@pytest.mark.parametrize(
    "reply",
    # a value alone, a particle after it, an apology after a question: no correction
    ["是高意向啊", "高意向", "上海的有几个，不好意思", "你们搞错了", "错过活动的客户"],
)
def test_no_correction_without_a_wrong_remark(reply: str) -> None:
    assert read_correction(reply) is None


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ("今天的呢", "今天的呢"),
        ("那昨天呢", "昨天呢"),
        ("只看今天的", "今天的"),
        ("and just today?", "today?"),
        ("what about this week", "this week"),
    ],
)
def test_the_period_said_alone_after_a_change_list(said: str, words: str) -> None:
    assert period_words(said) == words


@pytest.mark.parametrize(
    ("norm", "left"),
    [
        ("日报里说的流失风险客户是哪几个", "流失风险客户是哪几个"),
        ("日报入面讲嘅沉睡客", "沉睡客"),
        ("who are the at risk customers in today's digest", "who are the at risk customers"),
        # nothing a digest shows as a segment: left as written (asked back by the parser)
        ("日报里的新增客户有哪些", "日报里的新增客户有哪些"),
        ("the new customers in the digest", "the new customers in the digest"),
    ],
)
def test_the_digest_said_as_where_a_segment_was_seen(
    session: Session, norm: str, left: str
) -> None:
    load_fixture(session)
    vocab = load_vocabulary(session, default_context(test_corpus.TZ).named)
    assert drop_digest_pointer(norm, vocab) == left
