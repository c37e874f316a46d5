"""Issue 19 (rows27): rows of a card taken off by number, going back to an earlier answer while
asking one of its rows ("翻回上海那批，排第二那位归哪个销售", "back to the spenders list: what did
number 3 buy?", "back to 近7天那个, 第3个是谁在 follow"), whose customer one is said by 归 / 属于,
and a ranking's period switched ("switch that to last year", "切到上周"). The sentences alone are
corpus rows (rounds/fix-rows27.tsv): with nothing before them each is asked back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.backref import DESCRIBED, RANKING, read_back_reference
from segmentation.nlq.card_asks import field_asks
from segmentation.nlq.followup import window_swap_words
from segmentation.nlq.one_customer import asks_about_customer
from segmentation.text import normalize
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-rows27.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


@pytest.mark.parametrize(
    ("text", "label", "rest"),
    [
        ("翻回上海那批，排第二那位归哪个销售", "上海", "排第二那位归哪个销售"),
        ("翻看刚才VIP那批，第一位买了什么", "VIP", "第一位买了什么"),
        ("返去頭先問價嗰份，第一個佢問咗咩", "問價", "第一個佢問咗咩"),
        ("back to 近7天那个, 第3个是谁在 follow", "近7天", "第3个是谁在 follow"),
        ("回到上海那个，第二个是谁的客户", "上海", "第二个是谁的客户"),
    ],
)
def test_going_back_to_a_described_list_keeps_the_row_asked(
    text: str, label: str, rest: str
) -> None:
    found = read_back_reference(text)
    assert found is not None
    assert (found.position, found.label, found.rest) == (DESCRIBED, label, rest)


def test_a_list_pointed_at_without_going_back_is_no_going_back() -> None:
    # "上海那个" alone after a table opens that group (followup.py), never an earlier list
    assert read_back_reference("上海那个，第二个是谁的客户") is None


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("back to the spenders list: what did number 3 buy?", "what did number 3 buy"),
        ("go back to the top buyers, who is number 2", "who is number 2"),
        ("back to the biggest spenders, the 2nd one's tags", "the 2nd one's tags"),
    ],
)
def test_the_spenders_gone_back_to_are_the_ranking(text: str, rest: str) -> None:
    found = read_back_reference(text)
    assert found is not None
    assert (found.position, found.rest, found.back) == (RANKING, rest, True)


def test_the_ranking_again_is_no_going_back_said() -> None:
    found = read_back_reference("the ranking again")
    assert found is not None and found.position == RANKING and not found.back


@pytest.mark.parametrize(
    "said", ["她归谁", "佢归边个销售", "她现在属于哪个同事", "他归哪位管", "她归谁跟进"]
)
def test_whose_customer_by_gui_asks_her_owner(said: str) -> None:
    assert asks_about_customer(normalize(said))
    assert [a.kind for a in field_asks(normalize(said))] == ["owner"]


@pytest.mark.parametrize("said", ["归档的客户", "他们归谁", "归谁管的客户多"])
def test_other_words_are_no_owner_question(said: str) -> None:
    assert not asks_about_customer(normalize(said))


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("switch that to last year", "last year"),
        ("swap it for September", "september"),
        ("flip it to this month", "this month"),
        ("切到上周", "上周"),
        ("切換成九月", "九月"),
        ("转到今年", "今年"),
    ],
)
def test_a_period_switched_leaves_the_period(text: str, window: str) -> None:
    assert (window_swap_words(text) or "").lower() == normalize(window)
