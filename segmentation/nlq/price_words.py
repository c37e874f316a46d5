"""A price said with an amount (价格超过300, 价钱高过五百蚊, 价位在500以上): the price of a product
is no condition on a customer, and the language has no price filter, so it is asked back with
the customer measures that come nearest (客单价, 累计消费). Without an amount the same words
stay what they were: the object of asking (问过价格的, 询问价格的客户 = inquired). A quote word
with an amount (报价超过1000) is the price quoted, asked alike; without one it is the inquiry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from segmentation.nlq.quote_words import QUOTED_PRICES
from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

_PRICE = frozenset({"价", "价格", "价钱", "售价", "标价", "定价"})
# Between the price and its amount: 在, 是, 都 (价位在500以上, 价格都超过300)
_BETWEEN = frozenset({K.FILLER, K.DE, K.UNIT})


def price_amounts(tokens: list[Token]) -> list[Token]:
    """Each price word followed by an amount (not a count of times) becomes a question back."""
    for i, tok in enumerate(tokens):
        quoted = tok.kind == K.EVENT and tok.value == "inquiry" and tok.text in QUOTED_PRICES
        weak_price = tok.kind == K.EVENT and tok.value == "inquiry:weak" and tok.text in _PRICE
        if not (quoted or weak_price):
            continue
        if i > 0 and tokens[i - 1].kind == K.EVENT and tokens[i - 1].value == "inquiry":
            continue  # 询问价格: what was asked about
        if _amount_follows(tokens, i + 1):
            tok.kind, tok.value = K.UNSUPPORTED, "price"
            if i + 1 < len(tokens) and tokens[i + 1].text == "位":  # 价位: one word
                tok.text, tok.end = tok.text + "位", tokens[i + 1].end
    return tokens


def _amount_follows(tokens: list[Token], start: int) -> bool:
    """Whether a comparison and a number that counts no times follow from `start`."""
    j = start
    while j < len(tokens) and tokens[j].kind in _BETWEEN:
        j += 1
    seen_cmp = False
    while j < len(tokens) and tokens[j].kind in (K.CMP, K.NUM):
        if tokens[j].kind == K.CMP:
            seen_cmp = True
        elif tokens[j].unit == "times":
            return False
        else:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is not None and nxt.kind == K.UNIT and nxt.value == "times":
                return False
            following_cmp = nxt is not None and nxt.kind == K.CMP
            return seen_cmp or following_cmp
        j += 1
    return False
