"""Trailing exclusions (issue 19): "北京的客户，李四的除外", "上海的，VIP的不算",
"上海嘅客，VIP嘅唔計", "customers in Shanghai, VIPs excepted". A condition said last with an
exclusion word after it (除外/不算/不包括/除开/唔计/excepted/excluded…) is excluded from what
comes before, as "除了X" / "except X" is: the exclusion word closes the clause, and the
的/客户 between the condition and it (李四的除外, 上海的客户不算) are no head of their own.

Only at the end of a clause: the exclusion word must be followed by nothing but fillers up to
a separator or the end, and something that can be excluded must come before it — otherwise
the words stay as they are and the grammar asks about them.
"""

from __future__ import annotations

from dataclasses import replace

from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token

_EXCLUDING = ("except", "post")
# What may stand between the excluded condition and the closing word: 的, 客户/those.
_GLUE = {K.DE, K.CUSTOMER}
# What can be excluded: the last word of a condition.
_EXCLUDABLE = {K.NAME, K.QUOTE, K.EVENT, K.GENDER, K.NEW, K.UNTAGGED, K.MY, K.MYDEPT}
_EXCLUDABLE |= {K.NUM, K.UNIT, K.TAGWORD, K.SAVEDWORD, K.ATTRIBUTE, K.CHANNEL, K.TEXTMATCH}
_EXCLUDABLE |= {K.CONTACT, K.SCORE, K.SPEND, K.FILLER, K.WINDOW}


def trailing_exclusions(tokens: list[Token]) -> list[Token]:
    """The tokens with each clause-final exclusion read as closing the condition before it."""
    out = list(tokens)
    i = 0
    while i < len(out):
        tok = out[i]
        if tok.kind == K.NEG and tok.value in _EXCLUDING and _closes_clause(out, i):
            start = i
            while start > 0 and out[start - 1].kind in _GLUE:
                start -= 1
            if start > 0 and out[start - 1].kind in _EXCLUDABLE and _condition_before(out, start):
                out[start:i] = []
                i = start
                out[i] = replace(tok, value="post")
        i += 1
    return out


def _closes_clause(tokens: list[Token], index: int) -> bool:
    """Nothing but fillers after the word, up to a separator or the end."""
    for tok in tokens[index + 1 :]:
        if tok.kind == K.SEP:
            return True
        if tok.kind != K.FILLER:
            return False
    return True


def _condition_before(tokens: list[Token], end: int) -> bool:
    """A word that makes a condition in the clause before `end` (a filler alone excludes
    nothing: "请除外" stays asked)."""
    for tok in reversed(tokens[:end]):
        if tok.kind == K.SEP:
            return False
        if tok.kind in _EXCLUDABLE and tok.kind != K.FILLER:
            return True
    return False
