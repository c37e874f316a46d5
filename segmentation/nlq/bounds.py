"""An upper bound with 只/仅/just after it (最多只下过一次单, 至多仅买过两次, 顶多只落过一次单,
at most just once): "at most"; the 只 only stresses how few (spec §2: 最多/至多 before a number
is "at most"; 只 alone before a count is "exactly", which is kept when no bound comes before)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token


def _upper_bound(tok: Token) -> bool:
    if tok.kind == K.MOST:
        return tok.value == "most"
    return tok.kind == K.CMP and tok.value == ("<=", "pre")


def _only(tok: Token) -> bool:
    return tok.kind == K.CMP and tok.value == ("=", "pre")


def at_most_only(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        if out and _only(tok) and _upper_bound(out[-1]):
            continue
        out.append(tok)
    return out
