"""A tag not given yet (issue 19, blind s25-1): 还没有标签 / 還沒有任何標籤 /
仲未有標籤 / 尚未有标签 / "with no tags yet" say untagged, as 没有标签 does;
还没有VIP标签 / 仲冇VIP tag say "not VIP", as 没有VIP标签 does. The 'yet' word
(还没有, 仲冇, 尚未) is only the negation there: a tag has no time. Before anything
else (还没下单) it keeps its meaning."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token


def tags_not_yet(tokens: list[Token]) -> list[Token]:
    """`tokens` with a negating 'yet' before the tag word read as the plain negation (see the
    module), and a trailing "yet" after "no tags" dropped."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        at = _past_any(tokens, i + 1)
        nxt = tokens[at] if at < len(tokens) else None
        if _negating_yet(tok) and nxt is not None and nxt.kind == K.TAGWORD:
            text = "".join(t.text for t in tokens[i : at + 1])
            out.append(replace(nxt, kind=K.UNTAGGED, value=True, start=tok.start, text=text))
            i = at + 1
            continue
        if _negating_yet(tok) and _tag_named_at(tokens, i + 1):
            tok = replace(tok, kind=K.NEG, value=True)  # 还没有VIP标签: not VIP
        elif tok.kind == K.YET and tok.text == "yet" and out and out[-1].kind == K.UNTAGGED:
            i += 1  # "with no tags yet"
            continue
        out.append(tok)
        i += 1
    return out


# "Any" between the negation and the tag word (还没有任何标签): no tag at all, as before.
_ANY = frozenset({"任何", "任何的", "一个", "any"})


def _past_any(tokens: list[Token], i: int) -> int:
    return i + 1 if i < len(tokens) and tokens[i].text in _ANY else i


def _negating_yet(tok: Token) -> bool:
    return tok.kind == K.YET and tok.value is True


def _tag_named_at(tokens: list[Token], i: int) -> bool:
    """A tag's name (a name meaning a tag, or a quoted name) then the tag word, at `i`."""
    if i + 1 >= len(tokens) or tokens[i + 1].kind != K.TAGWORD:
        return False
    named = tokens[i]
    if named.kind == K.QUOTE:
        return True
    return named.kind == K.NAME and any(m.kind == "tag" for m in named.meanings)
