"""Past-time adverbs that mean "ever" before an event (issue 19): 之前退過錢嘅客, 以前买过的,
customers who previously ordered, who ordered before. Spec §2: an event without a window is
all time, so they add nothing but that; they stay asked back where they are a point or a
sequence in time ("30天之前", "下单之前咨询过的", "inquired before ordering", "before 10月")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# Said before the event in Chinese, before or after it in English (the lexicon reads them as
# "ever"; 曾经 and ever were already).
PAST_ADVERBS = (
    "之前|以前|早前|以往|从前|往时|过往|之前有|以前有|先前|早先|曾经有|之前曾|以前曾|"
    "before|previously|in the past|ever before|formerly|before now|up to now|till now|until now|"
    "used to"
)
_SURFACES = frozenset(PAST_ADVERBS.split("|"))
# A preposition of time: after an event in Chinese (下单之前) or before one in English (before
# ordering) it orders two events, which the language cannot say.
_PREPOSITIONS = frozenset({"之前", "以前", "before"})
_TIME = frozenset({K.WINDOW, K.NUM, K.UNIT, K.NUMWORD})


def past_adverbs(tokens: list[Token]) -> list[Token]:
    """Each past adverb that is not plainly "ever" is marked a vague period, asked back."""
    for i, tok in enumerate(tokens):
        if tok.kind != K.YET or tok.value is not False or tok.text not in _SURFACES:
            continue
        before = tokens[i - 1].kind if i > 0 else None
        after = tokens[i + 1].kind if i + 1 < len(tokens) else None
        if _a_time(tok, before, after):
            tok.kind, tok.value = K.UNSUPPORTED, "vague"
    return tokens


def _a_time(tok: Token, before: K | None, after: K | None) -> bool:
    if before in _TIME or after in _TIME:
        return True  # 30天之前, before 10 days: a point in time
    if tok.text not in _PREPOSITIONS:
        return False
    return (before == K.EVENT) if not tok.text.isascii() else (after == K.EVENT)
