"""Tagged both VIP and 金卡 / tagged with all of X, Y: the 'both' belongs to the names after
the tag word, as in "both tagged VIP and 金卡" (spec §2 Lists of values). Said after the tag
word it would leave "tagged" alone, read as "has some tag" beside the list: the same
customers, but a restatement that says a condition nobody asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token


def both_before_tag_word(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    for i in range(len(out) - 2):
        tag, both, name = out[i], out[i + 1], out[i + 2]
        if tag.kind == K.TAGWORD and both.kind == K.BOTH and name.kind in (K.NAME, K.QUOTE):
            out[i], out[i + 1] = both, tag
    return out
