"""English frame words mistyped: "custmers", "cusotmers", "taged", "orderd", "purchsed",
"vistied".

A word of the sentence's frame (whom it is about, the verb of a condition) typed one letter
off is read as that word, so the question back goes to the word that really is unknown
("how many custmers are taged vipp" asks about "vipp" only). Only a closed list of long frame
words is read this way — never a name, a tag or a city, which are asked back as ever — and
only when exactly one of them is one edit away (a letter added, dropped, changed, or two
swapped). The reply restates what was understood, so the reading is seen.
"""

from __future__ import annotations

import re
from functools import cache

from segmentation.nlq.lazy_re import lazy_pattern

# Frame words long enough that one edit cannot turn another English word into them.
_FRAME_WORDS = (
    "customers",
    "customer",
    "clients",
    "client",
    "tagged",
    "ordered",
    "purchased",
    "inquired",
    "inquiry",  # inqiury, inquriy, enquiry stays its own word (read by the lexicon)
    "inquiries",
    "visited",  # vistied, visted, visitted (no English word is one edit from it)
    "people",
    "female",
    "refunded",
    "received",  # recieved, recevied, receieved (i before e)
    "redeemed",  # redeemd, redemed
    "spenders",
)
# Read by whole phrases before any word is (campaign contacts: "recieved the X msg"), so their
# typos are put right in the text first.
_PHRASE_WORDS = frozenset({"received", "redeemed"})
_SHORTEST = 5


def frame_word(word: str) -> str | None:
    """The frame word `word` is a one-letter typo of, or None (also for the word itself)."""
    lowered = word.lower()
    if len(lowered) < _SHORTEST or not lowered.isalpha() or lowered in _FRAME_WORDS:
        return None
    near = [w for w in _FRAME_WORDS if abs(len(w) - len(lowered)) <= 1 and _one_edit(lowered, w)]
    # a long word with one letter carried further ("cusomters", "custoemrs"): the same letters,
    # the same first and last ones — no other English word is spelled so
    near = near or [w for w in _FRAME_WORDS if _letters_moved(lowered, w)]
    # "customer" and "customers" are both one edit from "customerz": the closer length wins
    same_length = [w for w in near if len(w) == len(lowered)]
    if len(near) == 1:
        return near[0]
    return same_length[0] if len(same_length) == 1 else None


def _letters_moved(a: str, b: str) -> bool:
    return len(a) == len(b) >= 7 and a[0] == b[0] and a[-1] == b[-1] and sorted(a) == sorted(b)


@cache
def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one insertion, deletion, substitution or transposition."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


_LATIN_WORD = lazy_pattern(r"[A-Za-z]{5,}")


# Where the words of a message may start (a quote, a colon): never corrected from there on.
_MESSAGE_START = lazy_pattern(r"[“\"「『‘:：]")


def phrase_typos_fixed(text: str) -> str:
    """`text` with each one-letter typo of a phrase's frame word ("recieved", "redeemd")
    written right, so the phrases that read it whole see it — before any quote or colon:
    what a message says is sent as typed."""

    def fixed(found: re.Match[str]) -> str:
        word = frame_word(found.group())
        return word if word in _PHRASE_WORDS else found.group()

    start = _MESSAGE_START.search(text)
    end = start.start() if start else len(text)
    return _LATIN_WORD.sub(fixed, text[:end]) + text[end:]
