"""头N个 / 尾N个 (Cantonese and colloquial "the first / last N"): a ranking's count, as 前N个 /
后N个 are (issue 19): 消費最多嘅頭五個客, 头十个使钱最多嘅客, 消費最少嘅尾三個客. Only before a
number: 头 and 尾 alone are no words of the language (a tag or a name may hold them)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

_RANKS = {"头": "top", "尾": "bottom", "頭": "top"}


def head_tail_counts(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    for i, tok in enumerate(out[:-1]):
        nxt = out[i + 1]
        if tok.kind == K.UNKNOWN and tok.text in _RANKS and nxt.kind == K.NUM:
            out[i] = replace(tok, kind=K.RANK, value=_RANKS[tok.text])
    return out
