"""Replies in Traditional characters for a question written in them. Only the bot's own words
change script: stored data (names of customers and staff, tags, cities, segments) is put back
exactly as stored."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache

import opencc

HANT, HANS = "hant", "hans"


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")  # Traditional characters, Taiwan variants (群, 著)


def to_traditional(text: str, keep: Iterable[str] = ()) -> str:
    """`text` in Traditional characters, the words of `keep` as they were."""
    if not text:
        return text
    convert = _s2t().convert
    restore = {}
    for word in keep:
        converted = convert(word) if word else word
        if converted != word:
            restore[converted] = word
    out = convert(text)
    for converted in sorted(restore, key=len, reverse=True):
        out = out.replace(converted, restore[converted])
    return out


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def script_of(text: str) -> str:
    """ "hant" when `text` has characters only Traditional writing uses, "hans" when it has
    ones only Simplified uses, "" when it reads the same in both ("其中女性呢") or has none."""
    plain = unicodedata.normalize("NFKC", text or "")
    if _t2s().convert(plain) != plain:
        return HANT
    if _s2t().convert(plain) != plain:
        return HANS
    return ""
