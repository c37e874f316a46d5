"""Issue 19 (amounts): slang spend verbs before an amount (掏了, 刷了, 碌咗, 砸了, 贡献了, dropped,
shelled out, forked out, splashed out), totals and averages (总额未破千, 平均客单落在…之间, "whose
total is between", "still spent over"), "N dollars" read as the yuan $N is (US/HK/NT dollars
asked), and channel/campaign phrasing (还没有标签, 备注写「X」, "the X message went out to",
收到 X message, "unredeemed X coupon holders"). The sentences are corpus rows
(rounds/fix-amounts.tsv): every one must be exactly right, near misses included."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.amount_words import total_as_spend
from segmentation.nlq.contact_words import coupon_state_first
from segmentation.nlq.parser import _spaced_acknowledgement_dropped
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-amounts.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("whose total is between 1k and 3k", "whose total spend is between 1k and 3k"),
        ("with a total over ¥2,000", "with a total spend over ¥2,000"),
        # a count after the number, or no comparison: "total" keeps its meaning
        ("total of over 5 orders", "total of over 5 orders"),
        ("in total", "in total"),
        ("total orders over 3", "total orders over 3"),
    ],
)
def test_total_is_spend_only_before_an_amount(typed: str, read: str) -> None:
    assert total_as_spend(typed) == read


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("unredeemed campaign #2 coupon holders", "unredeemed coupons from campaign #2"),
        ("with used campaign #1 vouchers", "with used coupons from campaign #1"),
        ("campaign #3 coupon holders", "got the coupon from campaign #3"),
        ("campaign #3 coupons", "campaign #3 coupons"),
        # redeemed / used as the verb (never redeemed …): the contact phrases read it as it is
        ("never redeemed campaign #1 coupons", "never redeemed campaign #1 coupons"),
    ],
)
def test_coupon_state_said_before_its_campaign(said: str, read: str) -> None:
    assert coupon_state_first(said) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("收到 老客关怀 message 的", "收到 老客关怀 message 的"),
        ("收到 上次活动的券没用的", "收到 上次活动的券没用的"),
        # anything else after 收到 and a space: the acknowledgement is dropped as before
        ("收到 近30天下过单的", "近30天下过单的"),
    ],
)
def test_received_before_a_campaign_is_no_acknowledgement(typed: str, read: str) -> None:
    assert _spaced_acknowledgement_dropped(typed, ["老客关怀", "国庆回馈"]) == read
