"""Yes/no tails, dotted dates and singular rankings (issue 19, blind s10), each pass alone
on the lexicon's tokens: what it changes, and what it must leave to be read or asked."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from segmentation.nlq.dates import Span
from segmentation.nlq.dotdates import dotted_date, that_day_end
from segmentation.nlq.rank_singular import singular_rankings
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token, tokenize
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nlq.yesno import yes_no_tail
from segmentation.text import normalize

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 1, 10, 0, tzinfo=TZ)
TODAY = date(2026, 11, 1)


def _tokens(text: str) -> list[Token]:
    return tokenize(normalize(text), Vocabulary(), NOW, TZ)


def _kinds(tokens: list[Token]) -> list[K]:
    return [t.kind for t in tokens]


@pytest.mark.parametrize(
    "text",
    [
        "上个月下过单没",
        "近3天有人问价没有？",
        "上个月落过单未",
        "今年加购过没有呢",
        "上周下过单还是没有",
        "上周买过还是没买",
        "did anyone order last week or not?",
    ],
)
def test_a_final_negation_after_the_event_only_asks_whether(text: str) -> None:
    tokens = yes_no_tail(_tokens(text))
    assert K.NEG not in _kinds(tokens) and K.OR not in _kinds(tokens)
    assert K.EVENT in _kinds(tokens)


@pytest.mark.parametrize(
    "text",
    [
        "咨询过但近两个月没有",  # refers back, in that window
        "下过单但没有",
        "一单都没有",
        "买过唇釉但精华液没有",  # no event in its own clause: left to be read or asked
        "上个月买过还是没咨询",  # two different events: no yes/no form
        "没下单的",
    ],
)
def test_a_negation_that_refers_back_or_negates_is_kept(text: str) -> None:
    tokens = _tokens(text)
    assert yes_no_tail(tokens) == tokens


@pytest.mark.parametrize(
    ("text", "pos", "in_range", "day"),
    [
        ("10.1到10.15之间", 0, False, date(2026, 10, 1)),
        ("10.15之间", 0, True, date(2026, 10, 15)),
        ("9.1以来", 0, False, date(2026, 9, 1)),
        ("10.8号", 0, False, date(2026, 10, 8)),
        ("12.24那天", 0, False, date(2025, 12, 24)),  # not in the future: last year's
    ],
)
def test_a_dotted_pair_where_a_date_is_meant_is_that_date(
    text: str, pos: int, in_range: bool, day: date
) -> None:
    found = dotted_date(text, pos, TODAY, in_range=in_range)
    assert found is not None and found[0] == Span(day, day)


@pytest.mark.parametrize(
    ("text", "pos"),
    [
        ("消费10.5到20.5之间", 2),  # after a money word
        ("1.5到2.5万", 4),  # the second end has a unit: amounts
        ("1.5万以上", 0),
        ("买了10.5", 2),  # nothing says a date
        ("20.5到21.5", 0),  # no month 20
    ],
)
def test_a_dotted_number_elsewhere_is_no_date(text: str, pos: int) -> None:
    assert dotted_date(text, pos, TODAY, in_range=pos > 0 and text[pos - 1] == "到") is None


def test_that_day_after_a_date_is_taken_with_it() -> None:
    assert that_day_end("10/27当日落单", 5) == 7
    assert that_day_end("sept 30 that day bought", 7) == len("sept 30 that day")
    assert that_day_end("10/27落单", 5) == 5


def _ranking_count(text: str) -> int | None:
    tokens = singular_rankings(_tokens(text))
    ones = [t for t in tokens if t.kind == K.NUM and t.value == 1 and t.text == "1"]
    return 1 if ones else None


@pytest.mark.parametrize(
    "text",
    ["消费最多的客户是谁", "谁消费最多", "北京嘅客边个使钱最少", "消费最多的是哪一位",
     "the top spender", "who's the biggest spender among VIPs", "which customer spent the most",
     "who spent the least among VIP customers", "our largest customer"],
)  # fmt: skip
def test_a_ranking_asked_in_the_singular_is_the_first_one(text: str) -> None:
    assert _ranking_count(text) == 1


@pytest.mark.parametrize(
    "text",
    ["消费最多的客户", "消费最多的客户有哪些", "消费最多的前5个是谁", "top spenders",
     "who are the top spenders", "which customers spent the most", "最多买过2次的是谁"],
)  # fmt: skip
def test_a_plural_or_counted_ranking_gets_no_count(text: str) -> None:
    assert _ranking_count(text) is None


def test_size_words_before_customers_rank_by_spend() -> None:
    tokens = singular_rankings(_tokens("最大的五个客户"))
    assert _kinds(tokens)[:2] == [K.SPEND, K.MOST]
    tokens = singular_rankings(_tokens("the 5 biggest customers"))
    assert K.SPEND in _kinds(tokens)
    tokens = singular_rankings(_tokens("最大"))  # no customers after it: left unknown
    assert _kinds(tokens) == [K.UNKNOWN]
