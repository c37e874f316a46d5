"""扣掉北京的客户之后，… / 除了VIP以后 / 减去上海客户后: 之后/以后/后/过后 closing an exception
is its 以外 ("after taking away X" = except X), not a ranking (后 = bottom) nor a time. And a
taking-away word before an amount or a refund (扣除退款后的消费, 扣掉退款) is a net amount that
no condition says: the word is then left not understood, so it is asked back by name."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# The taking-away words whose object must be people (the lexicon's older except words keep
# their own readings).
_TAKE_AWAY = frozenset(
    {
        "扣掉", "扣除", "扣了", "扣走", "扣开", "减去", "减掉", "减了", "除走", "刨去", "刨掉",
        "剔走",
        "after excluding", "after removing", "once you remove", "leaving out", "taking out",
        "take out",
    }
)  # fmt: skip
_AMOUNTS = frozenset({K.SPEND, K.CMP, K.NUM, K.THRESHOLD})
_AFTER = frozenset({"之后", "以后", "后", "过后", "后嘅", "之后嘅"})
_END = frozenset({K.SEP, K.CLAUSE})


def except_after(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    opened = False  # an exception word earlier in this clause
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind in _END:
            opened = False
        if tok.kind == K.NEG and tok.value == "except":
            taken = tok.text.lower() in _TAKE_AWAY
            closed = _closed(tokens, i + 1, tok) or _named_then_de(tokens, i + 1)
            if taken and (_amount_next(tokens, i + 1) or not closed):
                tok.kind, tok.value = K.UNKNOWN, None
            else:
                opened = True
        closing = _closing_after(tokens, i) if opened and out else 0
        if closing and out[-1].kind in (K.CUSTOMER, K.DE, K.NAME, K.QUOTE, K.GENDER, K.EVENT):
            last = tokens[i + closing - 1]
            out.append(_neg_post(tok, last))
            opened = False
            i += closing
            continue
        out.append(tok)
        i += 1
    return out


def _amount_next(tokens: list[Token], i: int) -> bool:
    if i >= len(tokens):
        return True
    nxt = tokens[i]
    return nxt.kind in _AMOUNTS or (nxt.kind == K.EVENT and nxt.value == "refund")


def _closed(tokens: list[Token], i: int, word: Token) -> bool:
    """A Chinese taking-away word is "except" only in a phrase closed by 之后/以外/a comma
    (扣掉北京的客户之后，… / 扣掉北京的客户，…): "扣了积分的客户" is deducted points."""
    if word.text.isascii():
        return True
    for j in range(i, len(tokens)):
        if tokens[j].kind in _END or (tokens[j].kind == K.NEG and tokens[j].value == "post"):
            return True
        if _closing_after(tokens, j):
            return True
    return False


def _named_then_de(tokens: list[Token], i: int) -> bool:
    """刨去北京的VIP客户 / 扣掉上海的女性客人: a name (a city, a tag, a gender) and 的 right
    after the taking-away word is what is taken away, as after 除了 — never points or money
    (扣了积分的客户 names nothing)."""
    if i + 1 >= len(tokens):
        return False
    named = tokens[i].kind in (K.NAME, K.QUOTE, K.GENDER)
    # 北京的 / 金卡的客户 / 北京客户 / 沉睡那批 (HK 嗰批: that lot)
    return named and tokens[i + 1].kind in (K.DE, K.CUSTOMER, K.THIS)


def _closing_after(tokens: list[Token], i: int) -> int:
    """How many tokens from `i` spell 之后/以后/后/过后, followed by a separator or the end."""
    for size in (2, 1):
        said = "".join(t.text for t in tokens[i : i + size])
        if len(tokens[i : i + size]) == size and said in _AFTER:
            nxt = tokens[i + size] if i + size < len(tokens) else None
            if nxt is None or nxt.kind in _END or _what_remains(nxt):
                return size
    return 0


# What is left, asked right after the closing 之后 with no comma (排除趙六的客人之後還有哪些VIP,
# 扣掉北京的之后仲有几多个, 除咗VIP之后剩低边啲): the rest, the clause the comma would open.
_REMAINS = frozenset({"还", "仲", "还剩", "剩下", "剩", "剩低", "仲剩", "还有", "仲有"})


def _what_remains(tok: Token) -> bool:
    return tok.text in _REMAINS or (
        tok.kind == K.INTENT and tok.text.startswith(("还", "仲", "剩"))
    )


def _neg_post(first: Token, last: Token) -> Token:
    # made from `first` (a Token built here would import tokens.py, which imports this)
    text = first.text if first is last else "之后"
    return replace(first, kind=K.NEG, value="post", end=last.end, text=text, extra={})
