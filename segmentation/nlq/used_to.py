"""Customers who used to do something, with a recent negation (issue 19): "haven't ordered in
3 months but used to", "haven't bought in 60 days but did before", "though they used to",
"who used to order but stopped in the last 90 days", "used to buy, nothing in 60 days",
"lapsed buyers", 以前幫襯過但半年冇再嚟. The reading is spec §2's 咨询过但90天内没下单: the
recent negation in its window AND the event ever (all time, no window) —
A(N(P(kind, window)), P(kind)).

English: a "but used to" tail after the negation is dropped and its kind remembered, so the
parser adds "did it ever" beside that negation (stopped_words.with_done_before); "used to X"
before the negation is said as done ("ordered"), and an elided negation after it ("but
stopped / haven't in 3 months") says its verb again. "lapsed buyers" is "stopped ordering":
without a window, since when is asked back (stopped_words.ask_since_when).

Chinese says it with 以前/之前 and 没/冇(再), read by the grammar and stopped_words (冇再嚟 after
以前帮衬过 is no order again: stopped_words.come_again_kind).
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.stopped_words import ask_since_when

# normalised text: simplified characters, lower case.
_VERB_EN = (
    r"(?P<verb>order(?:ed)?|buy|bought|purchase[d]?|shop(?:ped)?|inquire[d]?|ask(?:ed)?|"
    r"visit(?:ed)?|come\s+in|came\s+in)"
)
_KINDS_EN = (("order", r"order|buy|bought|purchas|shop"), ("inquiry", r"inquir|ask"))
_PAST_EN = {"order": "ordered", "inquiry": "inquired", "visit": "visited"}
_BASE_EN = {"order": "order", "inquiry": "inquire", "visit": "visit"}
# The tail after the negation: "but used to", "though they used to (order)", "but did before".
_USED_TO_TAIL_EN = lazy_pattern(
    r"\s*[,;]?\s*(?:but|though|although|even\s+though|yet|while)\s+(?:they|he|she|who)?\s*"
    r"(?:used\s+to(?:\s+" + _VERB_EN + r")?|did\s+(?:before|previously|in\s+the\s+past|once)|"
    r"(?:have|has|had)\s+(?:before|previously|in\s+the\s+past)|"
    r"(?:have\s+|has\s+|had\s+)?(?P<done>ordered|bought|purchased|shopped|inquired|visited)\s+"
    r"(?:before|previously|in\s+the\s+past))"
    r"(?:\s+(?:that|then))?(?![a-z])",
    re.I,
)
# The negated verb the tail refers to: "haven't ordered", "no orders", "not bought".
_NEGATED_EN = lazy_pattern(
    r"(?:n't|\bnot|\bnever|\bno)\s+(?:(?:been|yet|once|placed\s+an?|made\s+an?|made\s+any|"
    r"placed\s+any|any)\s+)*" + _VERB_EN,
    re.I,
)
# "used to order" before the negation: said as done.
_USED_TO_FIRST_EN = lazy_pattern(r"(?<![a-z])used\s+to\s+" + _VERB_EN + r"(?![a-z])", re.I)
# After it, the negation with its verb elided: "but stopped / haven't / not in 3 months".
_ELIDED_NOT_EN = lazy_pattern(
    r"(?:(?:have|has)\s+)?(?:stopped|quit|haven't|hasn't|have\s+not|has\s+not|didn't|did\s+not|not)"
    r"(?:\s+(?:been\s+back|come\s+back|returned|been\s+in))?(?:\s+(?:since|lately|recently))?(?=\s+(?:in|for|within|over|during|since|lately|recently|"
    r"the\s+(?:last|past))\b)",
    re.I,
)
_CONNECTOR_EN = lazy_pattern(
    r"^\s*(?:(?:from\s+us|from\s+me|with\s+us|here|a\s+lot|regularly|often)\s*)*[,;:\-–—]?\s*(?:but|and|yet|though|however|now)?[,\s]*"
    r"(?:(?:they|he|she)\s+)?",
    re.I,
)
_NOTHING_EN = lazy_pattern(
    r"(?:nothing|none|no\s+orders?|no\s+purchases?|not\s+once|zero|not\s+a\s+single\s+"
    r"(?:order|purchase)|no\s+more)(?:\s+(?:since|lately|recently))?"
    r"(?=\s+(?:in|for|within|over|during|since|the\s+(?:last|past))\b)",
    re.I,
)
_LAPSED_EN = lazy_pattern(
    r"(?<![a-z])lapsed\s+(?P<who>buyers|customers|clients|shoppers|purchasers|accounts)"
    r"(?![a-z])",
    re.I,
)


def used_to_said(norm: str) -> tuple[str, frozenset[str]]:
    """`norm` (normalised) with "used to" said the way the grammar and stopped_words read, and
    the kinds whose negation in a window gets "did it ever" beside it."""
    kinds: set[str] = set()
    norm = _LAPSED_EN.sub(lambda m: f"{m['who']} who stopped buying", norm)
    tail = _USED_TO_TAIL_EN.search(norm)
    if tail is not None:
        said = tail["verb"] or tail["done"]
        negated = _NEGATED_EN.search(norm, 0, tail.start())
        if said is None and negated is None:
            return norm, frozenset()
        kinds.add(_kind(said or negated["verb"]))  # type: ignore[index]
        norm = (norm[: tail.start()] + norm[tail.end() :]).strip()
    first = _USED_TO_FIRST_EN.search(norm)
    if first is not None:
        kind = _kind(first["verb"])
        kinds.add(kind)
        norm = norm[: first.start()] + _negation_after(norm[first.end() :], kind)
    return re.sub(r"\s+", " ", norm).strip(), frozenset(kinds)


def _negation_after(rest: str, kind: str) -> str:
    """What follows "used to X", from its negation on, with the verb of an elided negation
    said again ("but stopped in the last 90 days" → "did not order in the last 90 days"); the
    done before is added by the parser. No negation after it: since when is asked."""
    rest = _CONNECTOR_EN.sub("", rest, count=1)
    elided = _ELIDED_NOT_EN.match(rest) or _NOTHING_EN.match(rest)
    if elided is not None:
        return f" did not {_BASE_EN[kind]}{rest[elided.end() :]}"
    if _NEGATED_EN.search(rest) is None:
        ask_since_when(frozenset({kind}), rest or kind)
    return f" {rest}"


def _kind(verb: str) -> str:
    for kind, pattern in _KINDS_EN:
        if re.match(pattern, verb, re.I):
            return kind
    return "visit"
