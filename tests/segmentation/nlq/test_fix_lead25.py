"""Issue 19 (session 25, lead): a colleague's name is no coupon amount, 加上 + a tag, a
department's label, an unnamed customer looked up, a misspelt tag with a word inside. The
sentences are corpus rows (rounds/fix-lead25.tsv); the unit tests check the readers the chat
uses for a swap asked as a list, a whole period around the one asked, and rows by number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.commands.row_actions import rows_said
from segmentation.nlq.followup import list_swap_words
from segmentation.nlq.whole_periods import whole_period_around, whole_unit_alone
from segmentation.nodes import CalendarWindow, DateRangeWindow, RollingWindow
from tests.segmentation.nlq import test_corpus
from tests.segmentation.nlq.fixture import NOW, TZ

ROWS = Path(__file__).parent / "rounds" / "fix-lead25.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("said", "window"),
    [
        ("show me last month's", "last month"),
        ("list the ones from last month", "last month"),
        ("上个月的列出来", "上个月"),
        ("那上上个月的名单呢", "那上上个月"),
        ("上個月嘅list出嚟睇下", "上個月"),
        ("把上个月的列出来", "上个月"),
        ("九月的名單給我", "九月"),
        ("还是列出本周的吧", "本周"),
        ("上个月的列出来看看", "上个月"),
    ],
)
def test_a_swap_asked_as_a_list(said: str, window: str) -> None:
    assert list_swap_words(said) == window


@pytest.mark.parametrize("said", ["近7天呢", "last month", "VIP的呢", "本周的吧", "近30天的呢"])
def test_a_swap_that_asks_no_list(said: str) -> None:
    assert list_swap_words(said) is None


@pytest.mark.parametrize(
    ("said", "unit"),
    [("the whole year", "year"), ("全年", "year"), ("整年", "year"), ("整个季度", "quarter"),
     ("a whole month", "month"), ("成年", "year")],
)  # fmt: skip
def test_a_whole_unit_said_alone(said: str, unit: str) -> None:
    assert whole_unit_alone(said) == unit


def test_the_whole_period_around_the_one_asked() -> None:
    this_quarter = CalendarWindow("quarter", 0)
    assert whole_period_around(this_quarter, "year", NOW, TZ) == CalendarWindow("year", 0)
    last_month = CalendarWindow("month", -1)
    assert whole_period_around(last_month, "quarter", NOW, TZ) == CalendarWindow("quarter", 0)
    september = DateRangeWindow(date(2026, 9, 1), date(2026, 9, 30))
    assert whole_period_around(september, "quarter", NOW, TZ) == CalendarWindow("quarter", -1)
    # a rolling window, a window across two periods, or one no shorter: none
    assert whole_period_around(RollingWindow(30, "days"), "year", NOW, TZ) is None
    across = DateRangeWindow(date(2026, 9, 20), date(2026, 10, 10))
    assert whole_period_around(across, "month", NOW, TZ) is None
    assert whole_period_around(CalendarWindow("year", 0), "quarter", NOW, TZ) is None


@pytest.mark.parametrize(
    ("said", "rows"),
    [
        ("第1个跟第3个打就行", (1, 3)),
        ("第一個跟第三個幫我加高意向", (1, 3)),
        ("第一同第三個就得", (1, 3)),
        ("给第二个打上VIP", (2,)),
        ("tag the first and third one 待跟进", (1, 3)),
        ("actually only the second one", (2,)),
        ("第1、第3个", (1, 3)),
    ],
)
def test_rows_said_by_number(said: str, rows: tuple[int, ...]) -> None:
    found = rows_said(said)
    assert found is not None and found.numbers == rows


@pytest.mark.parametrize("said", ["近30天的客户", "前三名", "第一个和第一个", "VIP客户有几个"])
def test_no_rows_said(said: str) -> None:
    assert rows_said(said) is None
