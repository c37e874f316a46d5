"""A category or product said first, as the topic, before its event (issue 19): 彩妆类下过单的,
护肤类买过的, 護膚類近30日買過嘅, 彩妆类没买过的. Chinese puts the object first; the item
grammar reads it after its verb (买过护肤类的), so the object moves there."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# Between the topic and its verb: the verb's own window and negation (护肤类近30天没买过的).
_BETWEEN = frozenset({K.WINDOW, K.NEG, K.YET})


def item_topic_first(tokens: list[Token]) -> list[Token]:
    """[name, 类/品类, (window/negation…), event] → [(window/negation…), event, name, 类]."""
    out = list(tokens)
    i = 0
    while i + 2 < len(out):
        if _topic_at(out, i):
            j = i + 2
            while j < len(out) and out[j].kind in _BETWEEN:
                j += 1
            if j < len(out) and out[j].kind == K.EVENT:
                out[i : j + 1] = [*out[i + 2 : j + 1], out[i], out[i + 1]]
                i = j + 1
                continue
        if _buyers_at(out, i):  # "skincare category buyers": bought in that category
            name = out[i]
            bought = replace(out[i + 2], kind=K.EVENT, value="order", meanings=())
            out[i : i + 3] = [bought, name, out[i + 1], out[i + 2]]
            i += 4
            continue
        i += 1
    return out


_BUYERS = frozenset({"buyers", "purchasers", "shoppers", "buyer", "purchaser", "shopper"})


def _buyers_at(tokens: list[Token], i: int) -> bool:
    first, second, third = tokens[i], tokens[i + 1], tokens[i + 2]
    return (
        first.kind in (K.NAME, K.QUOTE)
        and second.kind == K.ITEMWORD
        and third.kind == K.CUSTOMER
        and third.text.lower() in _BUYERS
        and (i == 0 or tokens[i - 1].kind not in (K.EVENT, K.NEG, K.YET))
    )


def _topic_at(tokens: list[Token], i: int) -> bool:
    first, second = tokens[i], tokens[i + 1]
    if first.kind not in (K.NAME, K.QUOTE) or second.kind != K.ITEMWORD:
        return False
    if second.value != "category" or (first.text.isascii() and second.text.isascii()):
        return False  # Chinese word order only; a product's 产品 is read where it stands
    return i == 0 or tokens[i - 1].kind not in (K.EVENT, K.NEG, K.YET)
