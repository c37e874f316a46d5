"""English "yet" joining two conditions ("inquired this month yet never bought", "tagged 待跟进
yet not from Shanghai"): the "but" of speech, never the "so far" of "haven't ordered yet" —
read as "yet" it took the window off the condition before it and gave it to the one after
(a silently different answer). And "never … at all" ("never bought anything at all"): the
emphasis says never, ever — no window shared from the condition before stays on it.
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import latin_pattern

# "yet" right before what opens a condition of its own: a negation, "still", a subject, "also",
# or a Chinese negation in a mixed sentence ("VIP yet 没下过单"). ("yet to order" is "not yet":
# to is never in the list.)
_YET_JOINING = latin_pattern(
    # never after a negation ("have not yet had an order", "never yet ordered": not yet)
    r"(?<!not )(?<!n't )(?<!nt )(?<!never )(?<![a-z'])yet\s*(?=(?:never|not|no|didn'?t|haven'?t|"
    r"hasn'?t|don'?t|doesn'?t|aren'?t|isn'?t|wasn'?t|without|still|also|they|he|she|who|"
    r"(?:have|has|had|are|is|was|were) (?:never|not)|"
    r"(?:they|he|she) (?:have|has|had|are|is|was|were))\b|[没沒未不冇唔仲还還又])"
)
# A window word after "at all" keeps the negation inside that window ("never bought anything
# at all in the last 30 days").
_WINDOW_AFTER = (
    r"(?:in|during|since|this|last|past|within|over|for|from|between|before|after|today|"
    r"yesterday|on)\b"
)
# never / haven't (has not…) + up to four words + "at all", before no window.
_NEVER_AT_ALL = latin_pattern(
    r"\b(?P<neg>never|have never|has never|haven'?t|hasn'?t|have not|has not)"
    r"(?P<mid>(?:\s+(?!at\b|ever\b)[a-z0-9'-]+){1,4}?)\s+at all\b"
    rf"(?!\s*,?\s*{_WINDOW_AFTER})"
)


def yet_as_but(norm: str) -> str:
    """`norm` with a joining "yet" said as "but" and "never … at all" as "never ever …"."""
    if "yet" not in norm and "at all" not in norm:
        return norm
    norm = _YET_JOINING.sub("but ", norm)
    return _NEVER_AT_ALL.sub(_never_ever, norm)


def _never_ever(found: re.Match[str]) -> str:
    neg = found["neg"]
    ever = "never ever" if neg == "never" else f"{neg} ever"
    return f"{ever}{found['mid']}"
