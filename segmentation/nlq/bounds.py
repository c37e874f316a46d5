"""An upper bound with 只/仅/just after it (最多只下过一次单, 至多仅买过两次, 顶多只落过一次单,
at most just once): "at most"; the 只 only stresses how few (spec §2: 最多/至多 before a number
is "at most"; 只 alone before a count is "exactly", which is kept when no bound comes before).
And "X or more than 2 refunds": a second condition, "or" then "more than"."""

from __future__ import annotations

from dataclasses import replace
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


# "or more than 2 refunds": "or" then "more than", not the "or more" of "2 or more".
_OR_THAN = {"or more": ">", "or less": "<", "or fewer": "<"}


def at_most_only(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        if out and _only(tok) and _upper_bound(out[-1]):
            continue
        if tok.kind == K.UNKNOWN and tok.text.lower() == "than" and out:
            said = out[-1].text.lower()
            if out[-1].kind == K.CMP and said in _OR_THAN:
                first = out.pop()
                # new tokens made from the old (a Token built here would import tokens.py)
                out.append(
                    replace(first, kind=K.OR, value=True, end=first.start + 2,
                            text=first.text[:2], extra={})
                )  # fmt: skip
                start = first.start + 3
                words = first.text[3:] + " " + tok.text
                out.append(
                    replace(first, kind=K.CMP, value=(_OR_THAN[said], "pre"), start=start,
                            end=tok.end, text=words, extra={})
                )  # fmt: skip
                continue
        out.append(tok)
    return out
