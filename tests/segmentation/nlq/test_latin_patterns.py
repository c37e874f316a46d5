"""`latin_pattern`s answer "no match" without compiling where the text has no ASCII letter:
each must only ever match from one. Checked on the parsed pattern (what can come first)."""

from __future__ import annotations

import re
import string
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import segmentation.nlq.parser  # noqa: F401  (imports every scanner: their patterns register)
from segmentation.nlq.channel_words import _patterns
from segmentation.nlq.lazy_re import LATIN_PATTERNS, _LatinPattern

LETTERS = frozenset(string.ascii_letters)
ANY = None  # a first character that could be anything (or the pattern could match nothing)


def _first(items: Any) -> frozenset[str] | None:
    """The characters a match of the parsed sequence `items` can start with."""
    out: set[str] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero-width: what follows comes first
            continue
        if op is sre.LITERAL:
            return frozenset(out | {chr(av)})
        if op is sre.IN:
            chars = _charset(av)
            return None if chars is None else frozenset(out | chars)
        if (op is sre.SUBPATTERN and _zero_width(av[3])) or (
            op is sre.BRANCH and all(_zero_width(alt) for alt in av[1])
        ):
            continue  # a group of lookbehinds ("(?:(?<=not )|(?<=been ))"): consumes nothing
        if op is sre.SUBPATTERN:
            inner = _first(av[3])
            return None if inner is None else frozenset(out | inner)
        if op is sre.BRANCH:
            alternatives = [_first(alt) for alt in av[1]]
            if any(a is None for a in alternatives):
                return None
            return frozenset(out.union(*alternatives))  # type: ignore[arg-type]
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, inner_items = av
            inner = _first(inner_items)
            if inner is None:
                return None
            out |= inner
            if low > 0:
                return frozenset(out)
            continue  # may be skipped: the next item can come first too
        return None  # anything else (a category, any character…): unknown
    return None  # the whole sequence can match nothing


def _zero_width(items: Any) -> bool:
    """Whether the parsed sequence only asserts (lookarounds, anchors), in every branch."""
    for op, av in items:
        if op is sre.BRANCH:
            if not all(_zero_width(alt) for alt in av[1]):
                return False
        elif op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return False
    return True


def _charset(items: Any) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars


def _starts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    return _first(_parser.parse(pattern.pattern, pattern.flags))


def _unregistered(source: str) -> Any:
    return _LatinPattern(source, 0)


def test_every_latin_pattern_starts_with_an_ascii_letter() -> None:
    _patterns()  # the channel phrases are built on first use
    assert len(LATIN_PATTERNS) >= 13
    for pattern in LATIN_PATTERNS:
        starts = _starts(pattern)
        assert starts is not None and starts <= LETTERS, pattern.pattern[:80]


def test_the_check_catches_a_pattern_that_may_start_otherwise() -> None:
    assert _starts(_unregistered(r"(?:the )?(?:30|thirty) days")) == set("t3")
    assert _starts(_unregistered(r"(?:a )?")) is None  # matches nothing: anywhere
    assert _starts(_unregistered(r"\w+ days")) is None
    assert _starts(_unregistered(r"\b(?:a|the)+ (?i:x)")) == {"a", "t"}


def test_a_latin_pattern_matches_as_the_pattern_does() -> None:
    pattern = _unregistered(r"(?:got|received) (?:a )?coupons?")
    text = "上海got a coupon的客户"
    assert pattern.match(text, 0) is None and pattern.match(text, 1) is None
    found = pattern.match(text, 2)
    assert found is not None and found.group() == "got a coupon"
    assert pattern.match(text, len(text)) is None
    assert pattern.search("近30天收到券的客户") is None
    assert pattern.search(text).group() == "got a coupon"  # type: ignore[union-attr]
