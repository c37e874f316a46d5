"""Replies in Traditional characters for a question written in them. Only the bot's own words
change script: stored data (names of customers and staff, tags, cities, segments) is put back
exactly as stored."""

from __future__ import annotations

import re
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


# Quoted names (a tag, a segment, a code) are data: their script says nothing of the asker's.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|‘[^’]*’")


def script_of(text: str) -> str:
    """ "hant" when `text` is written in Traditional characters, "hans" when in Simplified, ""
    when it reads the same in both ("其中女性呢") or has none. The words around quoted names
    decide ("把所有客户保存为“重點客戶”" is Simplified); by the characters only one script
    uses, the more numerous winning."""
    plain = unicodedata.normalize("NFKC", text or "")
    return _script(_QUOTED.sub("", plain)) or _script(plain)


@cache
def _s2hk() -> opencc.OpenCC:
    return opencc.OpenCC("s2hk")


# Cantonese writes its particle 晒 (all: list晒出嚟, 睇晒) so in Traditional text too, though the
# converters take it for the Simplified 曬 (to dry): it says nothing of the script.
_CANTONESE_BOTH = frozenset("晒")


def _script(text: str) -> str:
    hant = sum(a != b for a, b in zip(text, _t2s().convert(text), strict=False))
    # A character is Simplified only when no Traditional standard keeps it: 台 (台北) and 着
    # are Hong Kong's Traditional spelling though Taiwan's standard writes 臺 and 著, so
    # "其中台北的呢" says nothing of the script and is answered in the member's last one.
    taiwan, hong_kong = _s2t().convert(text), _s2hk().convert(text)
    hans = sum(
        a != b and a != c and a not in _CANTONESE_BOTH
        for a, b, c in zip(text, taiwan, hong_kong, strict=False)
    )
    if hant and hant >= hans:
        return HANT
    return HANS if hans else ""
