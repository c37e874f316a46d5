"""Contains-matches on stored free text (a customer's company name, a follow's remark): the
spellings a text is looked for in, and the SQL and Python tests that share them.

A text is found in any of its spellings — as written, Simplified, Traditional, half-width —
ignoring case, as a tag is named in any of them. Case is SQL's lower() (segmentation.text
.fold_case), the same on PostgreSQL, on SQLite (bot.database gives it that lower()) and here.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import opencc
from sqlalchemy import ColumnElement, and_, or_
from sqlalchemy import func as sql_func

from segmentation.text import fold_case

MAX_TEXT = 64


# Simplified, and Traditional as OpenCC, Taiwan and Hong Kong write it (华为: 華爲, 華為).
_SCRIPTS = ("t2s", "s2t", "s2tw", "s2hk")


@cache
def _converters() -> tuple[opencc.OpenCC, ...]:
    return tuple(opencc.OpenCC(name) for name in _SCRIPTS)


def spellings(text: str) -> tuple[str, ...]:
    """The lower-cased spellings of `text` a stored value may contain."""
    base = text.strip()
    found = {base, unicodedata.normalize("NFKC", base)}
    simplified = {_converters()[0].convert(t) for t in found}
    found |= simplified | {c.convert(t) for c in _converters()[1:] for t in simplified}
    return tuple(sorted({fold_case(t) for t in found if t}))


def contains_sql(column: ColumnElement[str], text: str) -> ColumnElement[bool]:
    """`column` (NULL: no) contains any spelling of `text`, ignoring case. Two-valued, so
    that NOT of it includes the customers without a value."""
    lowered = sql_func.lower(column)
    found = or_(*(lowered.contains(s, autoescape=True) for s in spellings(text)))
    return and_(column.is_not(None), found)


def equals_sql(column: ColumnElement[str], text: str) -> ColumnElement[bool]:
    """`column` (NULL: no) is any spelling of `text`, ignoring case and outer spaces."""
    lowered = sql_func.lower(sql_func.trim(column))
    return and_(column.is_not(None), lowered.in_(spellings(text)))


def equals(value: str | None, text: str) -> bool:
    return value is not None and fold_case(value.strip()) in spellings(text)


def contains(value: str | None, text: str) -> bool:
    """The same test in Python (the chat's questions back; the tests' reference)."""
    return value is not None and any(s in fold_case(value) for s in spellings(text))
