"""Periods and bounds as follow-ups (spec §2c): a period given back to a question about a time,
the whole time instead of a window, a bound alone swapped into the previous question."""

from __future__ import annotations

from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from segmentation.nlq.bound_swap import Bound, read_bound, with_bound
from segmentation.nlq.period_reply import is_time_question, period_words
from segmentation.nlq.tokens import tokenize
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nlq.widen import WINDOW, read_widening, without_kind
from segmentation.nodes import All, And, City, EventCount, Ranked, RollingWindow, Spend
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import NOW

DAYS_90 = RollingWindow(90, "days")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("近3天", "近3天"),
        ("那就近5天吧", "近5天"),
        ("就30天內好了", "30天內"),
        ("咁就近14日啦", "近14日"),
        ("ok just last week then", "last week"),
        ("fine, the past 7 days", "the past 7 days"),
        ("let's say the last 2 weeks please", "the last 2 weeks"),
    ],
)
def test_the_words_around_a_period_given_back(text: str, words: str) -> None:
    assert period_words(text) == words


@pytest.mark.parametrize(
    "word", ["这两天", "國慶期間", "呢排", "last weekend", "上周末", "recently"]
)
def test_times_asked_back_are_answered_by_a_period(word: str) -> None:
    assert is_time_question(word)


@pytest.mark.parametrize("word", ["上晦", "VIP", "明天", None])
def test_other_questions_back_are_not(word: str | None) -> None:
    assert not is_time_question(word)  # 明天: another period would answer a different question


@pytest.mark.parametrize(
    "text",
    ["全部时间的呢", "所有時間呢", "全部時間嘅呢", "历史上的呢", "and over all time?", "ever?",
     "what about all time", "since the beginning"],
)  # fmt: skip
def test_the_whole_time_drops_the_window(text: str) -> None:
    found = read_widening(text)
    assert found is not None and found.kind == WINDOW


def test_not_the_whole_time() -> None:
    assert read_widening("全部的呢") is None
    assert read_widening("all customers") is None


def _bound(text: str) -> Bound | None:
    tokens = tokenize(normalize(text), Vocabulary(), NOW, ZoneInfo("Asia/Shanghai"))
    return read_bound(tokens)


@pytest.mark.parametrize(
    ("text", "op", "value"),
    [("at least 1000", ">=", 1000), ("超过500", ">", 500), ("1000以上", ">=", 1000),
     ("过千", ">", 1000), ("不到500", "<", 500), ("1500 or more", ">=", 1500),
     ("最少1000", ">=", 1000)],
)  # fmt: skip
def test_a_bound_alone(text: str, op: str, value: int) -> None:
    assert _bound(text) == Bound(op, Decimal(value), None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["上海", "消费超过500", "500到1000", "1000"])
def test_not_a_bound_alone(text: str) -> None:
    assert _bound(text) is None


def test_a_bound_swaps_the_one_compared_condition_keeping_its_window() -> None:
    node = And((City("上海"), Spend(">", Decimal(1000), DAYS_90)))
    swapped = with_bound(node, Bound(">=", Decimal(1000), None))
    assert swapped == And((City("上海"), Spend(">=", Decimal(1000), DAYS_90)))


def test_a_bound_with_times_swaps_the_count_only() -> None:
    node = And((Spend(">", Decimal(900), DAYS_90), EventCount("order", ">=", 2, DAYS_90)))
    swapped = with_bound(node, Bound(">=", Decimal(3), "times"))
    assert swapped == And(
        (Spend(">", Decimal(900), DAYS_90), EventCount("order", ">=", 3, DAYS_90))
    )
    assert with_bound(node, Bound(">", Decimal(1000), None)) is None  # which one: asked back


def test_dropping_the_window_of_a_ranking() -> None:
    ranked = Ranked(All(), "top", 3, window=RollingWindow(30, "days"))
    assert without_kind(ranked, WINDOW) == Ranked(All(), "top", 3)
