"""头N个 / 尾N个 (Cantonese and colloquial "the first / last N"): a ranking's count, as 前N个 /
后N个 are (issue 19): 消費最多嘅頭五個客, 头十个使钱最多嘅客, 消費最少嘅尾三個客. Only before a
number: 头 and 尾 alone are no words of the language (a tag or a name may hold them)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
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


# 那/这 (嗰 reads as 那) between a ranking and its count: "我的客户里消费最多的那1个",
# "使錢最多嗰一個", "消费最少的那2个". The demonstrative picks the ranked ones out and says
# nothing more: 最多的那1个 is the top 1, and 最多的那个/那位 (no number) the top one.
_THAT = frozenset({"那", "这", "這"})


def ranked_demonstratives(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.kind != K.UNKNOWN or tok.text not in _THAT or nxt is None or not _after_most(out):
            out.append(tok)
        elif nxt.kind == K.NUM:
            pass  # "最多的那3个": the count follows
        elif nxt.kind == K.UNIT and nxt.value == "people":
            one = replace(nxt, kind=K.NUM, value=Decimal(1), start=tok.start, unit="people",
                          text=tok.text + nxt.text)  # fmt: skip
            out.append(one)
            i += 1
        else:
            out.append(tok)
        i += 1
    return out


def _after_most(before: list[Token]) -> bool:
    """Whether a ranking word (最多/最少/最高的, and a 的/嘅) is just before."""
    rest = before[-1:] if before and before[-1].kind != K.DE else before[-2:-1]
    return bool(rest) and rest[0].kind in (K.MOST, K.RANK)
