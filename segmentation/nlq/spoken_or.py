"""Cantonese 定 / 定係 ("or") between two conditions of one kind: 嚟過舖頭定落過單嘅客 (visited
or ordered), 上海定北京嘅客 (in Shanghai or Beijing).

定 is no word of the lexicon: alone it is a character of many words (定金, 一定, 预定, 定期),
so it is read as "or" only where it stands alone between two conditions of the same kind —
two things done, or two names — which is the only place a Cantonese "or" can be. Anywhere
else it stays unknown and is asked about.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# The two sides of an "or": things done (events), or names (tags, cities, people).
_SIDES = frozenset({K.EVENT, K.NAME, K.QUOTE})
# 定係 (normalised 定系): the 系 of it is a filler word of its own to the tokenizer.
_IS = "系"


def spoken_or(tokens: list[Token]) -> list[Token]:
    """`tokens` with each 定 / 定系 between two conditions of one kind read as 或."""
    if not any(t.kind == K.UNKNOWN and t.text == "定" for t in tokens):
        return tokens
    out: list[Token] = []
    skip = False
    for index, tok in enumerate(tokens):
        if skip:
            skip = False
            continue
        if tok.kind == K.UNKNOWN and tok.text == "定" and out:
            after = index + 1
            said_is = after < len(tokens) and tokens[after].kind == K.FILLER
            said_is = said_is and tokens[after].text == _IS
            nxt = tokens[after + 1] if said_is and after + 1 < len(tokens) else None
            nxt = nxt if said_is else (tokens[after] if after < len(tokens) else None)
            if nxt is not None and _one_kind(out[-1], nxt):
                end = tokens[after].end if said_is else tok.end
                said = tok.text + (_IS if said_is else "")
                out.append(replace(tok, kind=K.OR, value=True, end=end, text=said))
                skip = said_is
                continue
        out.append(tok)
    return out


def _one_kind(before: Token, after: Token) -> bool:
    return before.kind in _SIDES and before.kind == after.kind
