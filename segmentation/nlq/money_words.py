"""Colloquial ways to say money (issue 19, category 4), read before the grammar:

- 问过玻尿酸面霜几钱 / 問過精華液幾多錢 / 问了唇釉多少钱: asking what a product costs is an inquiry
  about it; the price question after the product says nothing more.
- 花最少的5位 / 花最多嘅 / 花得最多: 花 ("spend") alone before a ranking or a bound is spend.
- 买嘢最多钱 / 买最多钱 / 消费最多钱嘅: the most money in orders is the most spend.
- 每张单平均 / 每单平均使 / 每笔平均: on average per order is the order value.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.quote_words import price_noun_said
from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# What a product costs, asked (normalised: 几钱 for 幾錢)
_HOW_MUCH = frozenset(
    {"几钱", "几多钱", "多少钱", "多少钱一个", "几多钱一个", "咩价", "乜价", "几钱一支"}
)
_AVERAGE_VERBS = frozenset({"花", "使", "消费", "花费", "使咗"})
_SPEND_VERBS = frozenset({"花", "使"})
_MONEY = frozenset({"钱", "钱嘅", "银", "蚊"})
_EACH = frozenset({"每", "每一", "每个"})


def money_said(tokens: list[Token]) -> list[Token]:
    """`tokens` with each colloquial money phrase (see the module) in the form the grammar
    reads: the price question dropped, 花/使 as spend, 买嘢最多钱 as the most spend, 每张单平均
    as the order value."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if _price_asked(out, tok) or price_noun_said(out, tok):
            i += 1  # 问过X几钱 / asked about X pricing: the inquiry about X says it
            continue
        if _price_asked(out, tok, nxt):
            i += 2  # 问了X多少钱 (多少 read as "how many", 钱 after it)
            continue
        if _average_verb(out, tok):
            i += 1  # 平均每张单使多过五百: the average order, its verb said again
            continue
        if _spend_verb(tok, nxt):
            tok = replace(tok, kind=K.SPEND, value=True)  # 花最少的5位
        if (
            tok.kind == K.MOST
            and tok.value == "most"
            and nxt is not None
            and nxt.kind == K.UNKNOWN
            and nxt.text in _MONEY
            and out
            and _orders(out[-1])
        ):
            out[-1] = replace(out[-1], kind=K.SPEND, value=True)  # 买嘢最多钱: the most spent
            out.append(tok)
            i += 2
            continue
        if tok.kind == K.UNKNOWN and tok.text in _EACH and _per_order_average(tokens, i + 1):
            end = tokens[i + 2]
            text = "".join(t.text for t in tokens[i : i + 3])
            out.append(replace(tok, kind=K.SPEND, value="aov", end=end.end, text=text))
            i += 3  # 每张单平均: the average order
            continue
        out.append(tok)
        i += 1
    return out


def _average_verb(before: list[Token], tok: Token) -> bool:
    if tok.kind != K.SPEND or tok.value is not True or tok.text not in _AVERAGE_VERBS:
        return False
    return bool(before) and before[-1].kind == K.SPEND and before[-1].value == "aov"


def _spend_verb(tok: Token, nxt: Token | None) -> bool:
    if tok.kind != K.UNKNOWN or tok.text not in _SPEND_VERBS or nxt is None:
        return False
    return nxt.kind in (K.MOST, K.CMP, K.RANK) or nxt.text in ("得", "咗", "了")


def _orders(tok: Token) -> bool:
    return tok.kind == K.EVENT and str(tok.value).split(":")[0] == "order"


def _price_asked(before: list[Token], tok: Token, nxt: Token | None = None) -> bool:
    """A price question right after an inquiry and the product asked about (with `nxt`:
    多少 / 几多 then 钱, two tokens)."""
    if nxt is None:
        said = tok.kind == K.UNKNOWN and tok.text in _HOW_MUCH
    else:
        said = tok.text in ("多少", "几多") and nxt.kind == K.UNKNOWN and nxt.text in _MONEY
    if not said or len(before) < 2:
        return False
    verb, item = before[-2], before[-1]
    inquiry = verb.kind == K.EVENT and str(verb.value).split(":")[0] == "inquiry"
    return inquiry and item.kind in (K.NAME, K.QUOTE)


def _per_order_average(tokens: list[Token], i: int) -> bool:
    """An order word then 平均 (read as the unsupported bare average) at `i`."""
    if i + 1 >= len(tokens):
        return False
    order, average = tokens[i], tokens[i + 1]
    return _orders(order) and average.kind == K.UNSUPPORTED and average.value == "aov"
