"""A repeat order said with its own time after an order in an earlier time (2025年下過單、但今年
還沒回購; ordered in Q2 came back and ordered again in Q3): an order in that time. 回购 /
ordered again has no fixed meaning alone (回头客, 复购 are asked: ask.py), but after an order
in one period, "again" in another names the period and nothing else — so it reads as the order
event there, negated or not. Without both times it stays asked."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# The verbs of ordering again (not the classes of buyers: 回头客, repeat buyers stay asked).
_AGAIN = frozenset(
    {
        "回购", "回购过", "复购", "复购过", "再次购买", "再次下单", "再次下过单", "再次购买过",
        "回来买", "又来买", "二次回购", "bought again", "ordered again", "purchased again",
        "came back to buy", "came back and bought", "come back to buy", "returned to buy",
        "bought from us again", "ordered from us again", "repurchased",
    }
)  # fmt: skip
_CAME_BACK = frozenset({"came back", "come back", "回来", "返来"})
_BETWEEN = frozenset({K.NEG, K.YET, K.FILLER, K.BOTH})
_ADVERBS = frozenset({"又", "再", "也"})
# "but" said between the time and the again verb (今年却没回购, 今年但系冇回购): the time is
# still the again verb's own.
_BUT_ADVERBS = frozenset({"却", "但", "但是", "但系", "可是", "but"})


def repeat_in_window(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if _again(tok) and _own_window(tokens, i) and _earlier_order(tokens, i):
            if _came_back(out):  # "came back and ordered again": one verb
                del out[-2]
            if out and out[-1].kind == K.AND and out[-1].text in _ADVERBS:  # 今年又回购过
                out.pop()
            out.append(replace(tok, kind=K.EVENT, value="order"))
            continue
        out.append(tok)
    return out


def _again(tok: Token) -> bool:
    return tok.kind == K.UNSUPPORTED and tok.value == "repeat" and tok.text.lower() in _AGAIN


def _own_window(tokens: list[Token], i: int) -> bool:
    """A time right before (今年还没回购) or, in English, right after (again in q3)."""
    j = i - 1
    while j >= 0 and (tokens[j].kind in _BETWEEN or tokens[j].text in _ADVERBS | _BUT_ADVERBS):
        j -= 1
    if j >= 0 and tokens[j].kind == K.WINDOW:
        return True
    j = i + 1
    while j < len(tokens) and tokens[j].kind == K.FILLER:
        j += 1
    return j < len(tokens) and tokens[j].kind == K.WINDOW and tokens[i].text.isascii()


def _earlier_order(tokens: list[Token], i: int) -> bool:
    """An order said before, with a time of its own (so two times are said in all)."""
    # 有消费 / spent: spending is ordering (an amount or not), as 下过单 is
    ordered = any(_orders(t) for t in tokens[:i])
    return ordered and sum(t.kind == K.WINDOW for t in tokens) >= 2


def _orders(tok: Token) -> bool:
    return (tok.kind == K.EVENT and tok.value == "order") or tok.kind == K.SPEND


def _came_back(out: list[Token]) -> bool:
    return (
        len(out) >= 2
        and out[-1].kind == K.AND
        and out[-2].text.lower() in _CAME_BACK
        and out[-2].kind in (K.UNSUPPORTED, K.UNKNOWN, K.FILLER)
    )
