"""A month (or a day) said with its year as a word (issue 19): 今年3月以来 / 去年12月下过单 /
前年的10月 / 舊年3月 / "in March this year" / "last year's December" / "since March of last
year" are that month of that year, written with its number (2026年3月, "March 2025") for the
time phrases to read. Alone, 今年 / 去年 stay the whole year; 今年 beside a month said on its
own would otherwise be a second period ("时间“今年”对应哪个条件？").

Text only, normalised (simplified, lower case); `today` is the asker's date. Words in quotes
(a message's) are never touched.
"""

from __future__ import annotations

import re
from datetime import date

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.plain_words import outside_quotes

# How many years back each word is (旧年 is Cantonese for last year; 前年 the year before).
_YEARS_BACK_ZH = {"今年": 0, "本年": 0, "去年": 1, "旧年": 1, "上年": 1, "前年": 2}
_MONTH_ZH = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
_YEAR_MONTH_ZH = lazy_pattern(
    r"(?P<year>今年|本年|去年|旧年|上年|前年)\s*(?:的|嘅)?\s*(?P<month>" + _MONTH_ZH + ")"
)
_MONTHS_EN = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_YEARS_BACK_EN = {"this year": 0, "last year": 1}
# "March this year", "march of last year", "December last year"
_MONTH_YEAR_EN = lazy_pattern(
    rf"\b(?P<month>{_MONTHS_EN})\.?\s+(?:of\s+)?(?P<year>this\s+year|last\s+year)(?:'s)?\b"
)
# "last year's December", "this year's march"
_YEAR_MONTH_EN = lazy_pattern(rf"\b(?P<year>this\s+year|last\s+year)'s\s+(?P<month>{_MONTHS_EN})\b")


def months_of_years(norm: str, today: date) -> str:
    """`norm` with each month said beside a year word written with that year's number."""
    return outside_quotes(norm, lambda part: _rewritten(part, today))


def _rewritten(text: str, today: date) -> str:
    text = _YEAR_MONTH_ZH.sub(
        lambda m: f"{today.year - _YEARS_BACK_ZH[m['year']]}年{m['month']}", text
    )

    def english(m: re.Match[str]) -> str:
        back = _YEARS_BACK_EN[re.sub(r"\s+", " ", m["year"])]
        return f"{m['month']} {today.year - back}"

    text = _MONTH_YEAR_EN.sub(english, text)
    return _YEAR_MONTH_EN.sub(english, text)
