"""English shorthand as sales staff type it on a phone (issue 19): "my cust who ordered in
the last 30d", "VIPs w/o an order this yr", "2 wks", "msgs".

A closed table of words, each spelled out before the command is read, and numbers glued
to a unit letter ("30d", "2wks", "24h"). Only whole Latin words are replaced, and never a
word that is a name in the company's data (a tag called "MO" stays a tag). The table is
tested word by word (tests/segmentation/nlq/test_english_wrappers.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.plain_words import outside_quotes

ABBREVIATIONS: dict[str, str] = {
    "cust": "customers",
    "custs": "customers",
    "cx": "customers",  # support and sales shorthand for the customer
    "ppl": "people",
    "acct": "account",
    "accts": "accounts",
    "msg": "message",
    "msgs": "messages",
    "yr": "year",
    "yrs": "years",
    "mo": "month",
    "mos": "months",
    "mth": "month",
    "mths": "months",
    "wk": "week",
    "wks": "weeks",
    "hr": "hour",
    "hrs": "hours",
    "qtr": "quarter",
    "yday": "yesterday",
    "yest": "yesterday",
    "tmrw": "tomorrow",
    "prev": "previous",
    "b4": "before",
    "thru": "through",
    "tho": "though",
    "abt": "about",
    "btwn": "between",
    "ytd": "this year",
    "mtd": "this month",
    "w/o": "without",
    "w/": "with",
    "ur": "your",
    "w": "with",
    "r": "are",
    "whats": "what's",
    "whos": "who's",
    "n": "and",
    "thx": "thanks",
    "tks": "thanks",
    "tnx": "thanks",
    "sth": "something",
    "smth": "something",
    "any1": "anyone",
    "every1": "everyone",
    "some1": "someone",
    # vowels dropped on a phone keyboard: "hw many", "shw me", "wht about"
    "hw": "how",
    "shw": "show",
    "wht": "what",
    "wat": "what",
    "cnt": "count",
    "lst": "list",
    "plz": "please",
    "pls": "please",
}
# A number glued to (or one space from) a unit's letters: 30d, 2 wks, 24h, 1yr, 3x. Never a
# bare "w": "spent over 1w" is 10,000 (万) in mixed Chinese-English, not one week.
_UNITS = {"d": "days", "wk": "weeks", "wks": "weeks", "h": "hours", "x": "times"}
_UNITS |= {"hr": "hours", "hrs": "hours", "mo": "months", "mos": "months"}
_UNITS |= {"mth": "months", "mths": "months", "y": "years", "yr": "years", "yrs": "years"}
_GLUED = lazy_pattern(
    r"(?<![a-z0-9.])(\d{1,4})\s?("
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")(?![a-z0-9/])"
)
# Latin words: Chinese around them is no part of them ("过的cust" once spaces are gone).
# "1 thousand", "2 grand": thousands, as "1k" and "2k" read.
_THOUSANDS = lazy_pattern(r"(?<![a-z0-9.])(\d{1,4}(?:\.\d{1,2})?) ?(?:thousand|grand)(?![a-z])")
# "no orders for 90+ days": the plus of a length adds nothing to the window it names.
_PLUS_LENGTH = lazy_pattern(r"(?<![a-z0-9.])(\d{1,4})\+ ?(?=(?:days?|weeks?|months?|years?)\b)")
# "top10", "bottom5%" typed without a space: the rank word and its count (a name in the data
# spelled so stays a name).
_RANK_GLUED = lazy_pattern(r"(?<![a-z0-9.])(top|bottom)(\d{1,4})(?![0-9])")
# A number glued to the English word before or after it ("in the last30 days", "over1000",
# "past7days", "at least3 times", "3times", "1000rmb"): the words of windows, comparisons and
# units, a closed list; a glued word that is a name in the company's data stays a name.
_LEADS = (
    "last|past|next|over|under|above|below|within|than|least|most|exactly|only|around|"
    "about|since|before|after|between|and|to|from|in|for|at|top|bottom|tops|max|min|"
    "minimum|maximum|approx|beyond|upwards of|north of|south of|shy of|excess of"
)
_TRAILS = (
    "days|day|weeks|week|months|month|years|year|hours|hour|times|time|orders|order|"
    "visits|visit|inquiries|inquiry|refunds|refund|customers|clients|people|yuan|rmb|kuai|"
    "bucks|dollars|or more|or less|or fewer|plus|tops|max|min"
)
_LEAD_GLUED = lazy_pattern(rf"(?<![a-z0-9.])({_LEADS})(\d)")
_TRAIL_GLUED = lazy_pattern(rf"(?<![a-z])(\d)({_TRAILS})(?![a-z])")
# The action asked with its -ing form, where only a request puts it: at the start of the
# message or after mind/about/try ("would u mind tagging the Shanghai VIPs 待跟进", "how about
# sending them a coupon", "tagging these as VIP pls"). Elsewhere an -ing word may describe the
# customers ("customers adding to cart") and stays as typed.
_ACTION_GERUNDS = {
    "tagging": "tag",
    "untagging": "untag",
    "labelling": "label",
    "labeling": "label",
    "marking": "mark",
    "sending": "send",
    "pushing": "push",
    "messaging": "message",
    "texting": "text",
    "saving": "save",
    "scheduling": "schedule",
    "removing": "remove",
    "describing": "describe",
    "profiling": "profile",
    "dropping": "drop",
    "giving": "give",
    "taking": "take",
    "putting": "put",
}
_GERUND_ASKED = lazy_pattern(
    r"(?P<cue>^[\s,.!:;]*|(?<![a-z])(?:mind|about|try|start|begin)\s+)"
    r"(?P<verb>" + "|".join(_ACTION_GERUNDS) + r")(?![a-z])"
)


def _base_form(m: re.Match[str]) -> str:
    """The request's verb in its base form; "mind" opening the message is "please" ("mind
    untagging 待跟进 from my VIPs?")."""
    cue = m.group("cue")
    if cue.strip() == "mind" and not m.string[: m.start()].strip():
        cue = "please "
    return cue + _ACTION_GERUNDS[m.group("verb")]


_WORD = lazy_pattern(r"(?<![a-z0-9/'])(w/o|w/|[a-z][a-z0-9]*)(?![a-z0-9/'])")


def _unit(m: re.Match[str], text: str) -> str:
    """ "30d" → "30 days"; but next to Chinese a number's w is 万 (消费1w以上 = 10,000+)."""
    if m.group(2) == "w" and any(_cjk(text, i) for i in (m.start() - 1, m.end())):
        return m.group(0)
    return f"{m.group(1)} {_UNITS[m.group(2)]}"


def _cjk(text: str, i: int) -> bool:
    return 0 <= i < len(text) and "\u3400" <= text[i] <= "\u9fff"


def expand(text: str, names: Callable[[], Container[str]] | None = None) -> str:
    """`text` (normalised) with its shorthand spelled out. `names` gives the company's names,
    read only when a word of the table is found (reading them may load pinyin). Words in
    quotes — a segment's, a tag's or a message's own — stay as typed ("save as “30d ask”")."""
    if not any(c.isascii() and c.isalnum() for c in text):
        return text
    return outside_quotes(text, lambda part: _expanded(part, names))


def _expanded(text: str, names: Callable[[], Container[str]] | None) -> str:
    if not any(c.isascii() and c.isalnum() for c in text):
        return text
    text = _unglued(text, names)
    text = _GLUED.sub(lambda m: _unit(m, text), text)
    text = _PLUS_LENGTH.sub(lambda m: f"{m.group(1)} ", text)
    text = _THOUSANDS.sub(lambda m: f"{m.group(1)}k", text)
    text = _RANK_GLUED.sub(
        lambda m: m.group(0) if names and m.group(0) in names() else f"{m[1]} {m[2]}", text
    )
    text = _GERUND_ASKED.sub(_base_form, text)

    def spell(m: re.Match[str]) -> str:
        word = m.group(1)
        full = ABBREVIATIONS.get(word)
        if full is None or (names is not None and word in names()):
            return word
        return full

    return _WORD.sub(spell, text)


def _unglued(text: str, names: Callable[[], Container[str]] | None) -> str:
    """`text` with a space between a number and the window, comparison or unit word glued to
    it ("last30 days", "over1000", "3times"), unless the glued word is a name in the data."""

    def apart(m: re.Match[str], at: str) -> str:
        if names is not None and _whole_word(at, m.start()) in names():
            return m.group(0)
        return f"{m.group(1)} {m.group(2)}"

    text = _LEAD_GLUED.sub(lambda m: apart(m, text), text)
    return _TRAIL_GLUED.sub(lambda m: apart(m, text), text)


def _whole_word(text: str, at: int) -> str:
    """The run of Latin letters and digits around position `at` of `text`."""
    start, end = at, at
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isascii() and text[end].isalnum():
        end += 1
    return text[start:end]
