"""Issue 19 (session 28, rank28): rankings by the business a customer brings (业绩前10, 贡献最多,
碌卡最多, 業績最差, revenue contributors, 排行前5, 醉 typed for 最), totals said as a sum before a
how-many (共计几位, 加總有幾位), departments set side by side (两个部门的客户数对比一下) and "per X"
then each one's count (VIP per 销售 各有几个), removals inside one sentence (上海的客户 但去掉男的,
扫码加的以外的, 排除X之後還有哪些), an or between a class and another kind before 的 / who
asked back (VIP或者上海的金卡客户), and quote words as the inquiry (報價嘅客, 搵我報價,
got a quote, 唇釉 pricing). The sentences are corpus rows (rounds/fix-rank28.tsv); the unit
tests check the token rewrites on their own, and what they leave."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from bot.commands.two_steps import split_in_two
from segmentation.nlq.contribution_words import RANKED_MEASURES, ranking_at
from segmentation.nlq.mid_removals import removals_inside
from segmentation.nlq.own_totals import measure_totals
from segmentation.nlq.quote_words import price_noun_said
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-rank28.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


def _tok(kind: K, text: str, value: Any = True) -> Token:
    return Token(kind, value, 0, len(text), text)


def _kinds(tokens: list[Token]) -> list[tuple[K, Any]]:
    return [(t.kind, t.value) for t in tokens]


SHANGHAI = _tok(K.NAME, "上海", None)
MEN = _tok(K.GENDER, "男的", 1)


def test_a_removal_after_a_condition_and_a_but_is_except() -> None:
    said = [SHANGHAI, _tok(K.AND, "但", "clause"), _tok(K.UNKNOWN, "去掉", None), MEN]
    assert _kinds(removals_inside(said))[2] == (K.NEG, "except")


def test_a_removal_after_a_comma_is_except_in_english_too() -> None:
    comma = _tok(K.SEP, ",")
    said = [SHANGHAI, comma, _tok(K.UNKNOWN, "remove", None), _tok(K.FILLER, "the"), MEN]
    assert _kinds(removals_inside(said))[2] == (K.NEG, "except")


@pytest.mark.parametrize(
    "said",
    [
        # said first: a follow-up on the answer before, never read here
        [_tok(K.UNKNOWN, "去掉", None), MEN],
        # no break before it: 上海去掉男的 is not said so
        [SHANGHAI, _tok(K.UNKNOWN, "去掉", None), MEN],
        # nothing to remove after it
        [SHANGHAI, _tok(K.SEP, ","), _tok(K.UNKNOWN, "去掉", None)],
    ],
)
def test_a_removal_elsewhere_stays_unknown(said: list[Token]) -> None:
    assert all(t.kind != K.NEG for t in removals_inside(said))


def test_de_before_an_exclusions_yiwai_is_dropped() -> None:
    said = [_tok(K.EVENT, "下过单", "order"), _tok(K.DE, "的"), _tok(K.NEG, "以外", "post")]
    assert _kinds(removals_inside(said)) == [(K.EVENT, "order"), (K.NEG, "post")]


def test_de_before_yiwai_with_nothing_excluded_stays() -> None:
    said = [_tok(K.FILLER, "请"), _tok(K.DE, "的"), _tok(K.NEG, "以外", "post")]
    assert len(removals_inside(said)) == 3


def test_a_total_before_a_how_many_is_the_count_asked() -> None:
    said = [
        _tok(K.NAME, "杭州", None),
        _tok(K.FILLER, "加总", "total"),
        _tok(K.INTENT, "有几位", "count"),
    ]
    assert _kinds(measure_totals(said))[1] == (K.FILLER, True)


def test_a_total_with_nothing_to_sum_stays_asked() -> None:
    said = [_tok(K.NAME, "杭州", None), _tok(K.FILLER, "加总", "total")]
    assert measure_totals(said)[1].kind == K.UNKNOWN


def test_a_total_after_the_customers_before_spend_stays_asked() -> None:
    said = [
        _tok(K.CUSTOMER, "客户"),
        _tok(K.FILLER, "共计", "total"),
        _tok(K.SPEND, "消费"),
        _tok(K.CMP, "超过", (">", "pre")),
    ]
    assert measure_totals(said)[1].kind == K.UNKNOWN


@pytest.mark.parametrize(
    ("before", "said"),
    [
        ([_tok(K.EVENT, "asked about", "inquiry"), _tok(K.NAME, "唇釉", None)], "pricing"),
        ([_tok(K.EVENT, "问过", "inquiry")], "price"),
        ([_tok(K.EVENT, "asked about", "inquiry:weak")], "prices"),
    ],
)
def test_a_price_noun_after_the_inquiry_is_what_was_asked(before: list[Token], said: str) -> None:
    assert price_noun_said(before, _tok(K.UNKNOWN, said, None))


@pytest.mark.parametrize(
    ("before", "said"),
    [
        ([_tok(K.EVENT, "bought", "order"), _tok(K.NAME, "唇釉", None)], "pricing"),
        ([], "price"),
        ([_tok(K.EVENT, "问过", "inquiry")], "color"),
    ],
)
def test_a_price_noun_elsewhere_is_not_dropped(before: list[Token], said: str) -> None:
    assert not price_noun_said(before, _tok(K.UNKNOWN, said, None))


def test_the_business_brought_is_ranked_only_before_a_ranking_word() -> None:
    assert "业绩" in RANKED_MEASURES
    assert ranking_at([_tok(K.MOST, "最多", "most")], 0)
    assert ranking_at([_tok(K.RANK, "前", "top")], 0)
    assert not ranking_at([_tok(K.CMP, "超过", (">", "pre"))], 0)
    assert not ranking_at([], 0)


@pytest.mark.parametrize(
    "said",
    [
        "是VIP，或者上海的金卡",
        "係問過價，或者落過單又係VIP嘅",
        "VIPs, or the ones in Shanghai who ordered",
    ],
)
def test_a_half_opening_with_or_is_never_a_second_step(said: str) -> None:
    assert split_in_two(said) is None


def test_a_half_with_no_or_is_still_a_second_step() -> None:
    assert split_in_two("换成北京，按销售分") == ("换成北京", "按销售分")
