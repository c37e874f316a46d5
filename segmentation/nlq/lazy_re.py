"""Regular expressions compiled on first use.

The chat language's scanners are ~150 module-level patterns, some of them large (every money
amount of a coupon, every weekday of a schedule); compiling them all at import was a fifth of
a one-shot `segbot query`, which uses about half of them. `lazy_pattern` is `re.compile` with
the compiling put off until the pattern is first used; after that, each method is the
compiled pattern's own (stored on the wrapper), so a long-running worker pays nothing per call.
"""

from __future__ import annotations

import re
import sys
from typing import Any, cast


class _LazyPattern:
    """Stands in for `re.Pattern`: attribute reads compile the pattern once, then delegate.

    `re.sub(pattern, ...)`-style module functions do not accept it: call its methods."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy/pickle probes: not a pattern's method
            raise AttributeError(name)
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
        value = getattr(compiled, name)
        if callable(value):
            setattr(self, name, value)  # the next call finds it without __getattr__
        return value

    def __repr__(self) -> str:
        return f"lazy_pattern({self.pattern!r})"


def lazy_pattern(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))


class _LatinPattern(_LazyPattern):
    """A pattern whose every match starts with an ASCII letter (English phrases). `match` at
    a position without one, or `search` in a text without one, is no match, found without
    compiling: the scanners try their English phrases on every Chinese question too."""

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        if pos >= len(string) or not string[pos].isascii() or not string[pos].isalpha():
            return None
        return self.__getattr__("match")(string, pos, endpos)  # compiled from here on

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        if _ASCII_LETTER.search(string, pos, endpos) is None:
            return None
        return self.__getattr__("search")(string, pos, endpos)


_ASCII_LETTER = lazy_pattern("[A-Za-z]")
# Every latin pattern made, for the test that checks each can only start with a letter.
LATIN_PATTERNS: list[re.Pattern[str]] = []


def latin_pattern(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`lazy_pattern` for a pattern that only matches from an ASCII letter on."""
    made = cast("re.Pattern[str]", _LatinPattern(pattern, int(flags)))
    LATIN_PATTERNS.append(made)
    return made
