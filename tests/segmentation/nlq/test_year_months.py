"""A month said with a year word is that month of that year (segmentation.nlq.year_months)."""

from datetime import date

import pytest

from segmentation.nlq.year_months import months_of_years

TODAY = date(2026, 11, 1)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("今年3月以来没进过店的", "2026年3月以来没进过店的"),
        ("去年12月下过单的", "2025年12月下过单的"),
        ("今年的3月下过单的", "2026年3月下过单的"),
        ("旧年十月有落单的客", "2025年十月有落单的客"),
        ("前年5月加的", "2024年5月加的"),
        ("orders in march this year", "orders in march 2026"),
        ("ordered since march of last year", "ordered since march 2025"),
        ("last year's december buyers", "december 2025 buyers"),
    ],
)
def test_a_month_said_with_its_year_word_is_that_years(said: str, read: str) -> None:
    assert months_of_years(said, TODAY) == read


@pytest.mark.parametrize(
    "said",
    [
        "今年下过单的",  # the whole year: no month said
        "上年纪的客户",  # 上年 is no year here: no month follows
        "last year's top spenders",
        "给他们发消息“今年3月新品”",  # a message's words stay as typed
    ],
)
def test_no_month_beside_the_year_word_leaves_it(said: str) -> None:
    assert months_of_years(said, TODAY) == said
