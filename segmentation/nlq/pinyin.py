"""Pinyin for names, without paying for pypinyin's phrase dictionary on every start.

pypinyin loads a dictionary of ~400k phrases at import (most of `segbot query`'s start-up);
staff names are read character by character anyway (few names are dictionary phrases), so
this module imports pypinyin with its documented PYPINYIN_NO_PHRASES switch. Built-in city
and province names are phrases (重庆 is chóng qìng, 西藏 xī zàng) and come from
`city_pinyin.json`, written once with the full dictionary (tests/segmentation/nlq/test_pinyin.py
checks it), so a vocabulary needs pypinyin only for its staff's names.
"""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from pathlib import Path

CITY_PINYIN_FILE = Path(__file__).with_name("city_pinyin.json")


def syllables(text: str) -> list[str]:
    """Toneless pinyin, one syllable per character ("赵六" → ["zhao", "liu"])."""
    if "pypinyin" not in sys.modules:  # the switch is read once, at pypinyin's import
        os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import lazy_pinyin

    return list(lazy_pinyin(text))


@lru_cache(maxsize=1)
def city_syllables() -> dict[str, list[str]]:
    """Built-in city (base) and province name → its syllables, read with the phrase dictionary."""
    with CITY_PINYIN_FILE.open(encoding="utf-8") as handle:
        return {name: spelled.split() for name, spelled in json.load(handle).items()}
