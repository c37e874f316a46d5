"""Text normalisation shared by the chat language and every name lookup (tags, saved segments,
products): Traditional → Simplified, full-width → half-width, lower-case Latin, unified quotes
and spacing, control characters removed."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_CONVERTER = opencc.OpenCC("t2s")
# Curly and CJK quote marks become one pair, so quoted names are found the same way.
_QUOTES = str.maketrans(
    {
        "“": "“",
        "”": "”",
        "「": "“",
        "」": "”",
        "『": "“",
        "』": "”",
        "《": "“",
        "》": "”",
        "‘": "'",
        "’": "'",
    }
)
# Cantonese characters OpenCC leaves as they are (or turns into a rare form): 嚟 is 来,
# 嗰 (𠮶 after OpenCC) is 那, 舖 is 铺, the aspect 咗 is 了 — so 嚟过舖头, 10/1以嚟, 嗰啲客,
# 问咗 read like 来过铺头, 10/1以来, 那啲客, 问了.
_CANTONESE = str.maketrans({"嚟": "来", "嗰": "那", "𠮶": "那", "舖": "铺", "咗": "了"})
_SPACES = re.compile(r"\s+")
# A pair of ASCII double quotes reads as the typographic pair (“…”), which is what the
# scanners look for: `send them a message "See you"` is quoted like `发消息“再见”`.
_ASCII_QUOTED = re.compile(r'"([^"]*)"')
_LETTER_HYPHEN = re.compile(r"(?<=[a-z])[-_](?=[a-z])")
# Spaces next to a CJK character separate nothing ("10/1 以来", "30 天内", "VIP 客户"): the
# Chinese the user typed reads the same without them. Spaces between Latin words stay.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The canonical form every scanner and lexicon entry is written in."""
    # NFKC maps full-width ASCII (ＶＩＰ，３０) to half-width; the CJK comma and full stop stay.
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch if _keep(ch) else " " for ch in text)
    if not text.isascii():  # OpenCC maps Chinese characters only; Latin text skips its cost
        text = _CONVERTER.convert(text).translate(_CANTONESE)
    text = _ASCII_QUOTED.sub(r"“\1”", text.translate(_QUOTES)).lower()
    text = _LETTER_HYPHEN.sub(" ", text)
    return _CJK_SPACE.sub("", _SPACES.sub(" ", text)).strip()


def prime_names(names: list[str]) -> None:
    """Normalise many names with one OpenCC call (per-name calls dominate a 10k-tag load).

    Names primed before are skipped, so a reload after a tag sync converts only new names."""
    todo = [n for n in names if "\n" not in n and n not in _PRIMED]
    if not todo:
        return
    converted = _CONVERTER.convert("\n".join(todo)).split("\n")
    if len(converted) != len(todo):
        return
    for raw, simple in zip(todo, converted, strict=True):
        if unicodedata.normalize("NFKC", raw) == raw and all(_keep(c) for c in raw):
            simple = simple.translate(_CANTONESE).translate(_QUOTES).lower()
            spaced = _SPACES.sub(" ", _LETTER_HYPHEN.sub(" ", simple))
            _PRIMED[raw] = _CJK_SPACE.sub("", spaced).strip()


_PRIMED: dict[str, str] = {}


def normalize_name(name: str) -> str:
    """A vocabulary name (tag, staff, city…) in the same form, for lookups."""
    primed = _PRIMED.get(name)
    return (primed if primed is not None else normalize(name)).replace("'", "")


@lru_cache(maxsize=65536)
def simplified(name: str) -> str:
    """A name in Simplified script, its case and width kept (how replies show a product)."""
    return str(_CONVERTER.convert(name))


def same_name(a: str, b: str) -> bool:
    """Whether two names read the same to the chat language: case, width and script aside
    (“待跟進” is 待跟进, "followup" is "FollowUp")."""
    return normalize_name(a) == normalize_name(b)


def _keep(ch: str) -> bool:
    category = unicodedata.category(ch)
    # Control, format and private-use characters carry no meaning for a command.
    return not (category.startswith("C") or category in ("Zl", "Zp"))


def language_of(text: str) -> str:
    """'zh' when the text has any CJK character, else 'en'."""
    return "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"
