"""加起来 / 合起来 / 加埋 / combined after a list of values: the customers of all of them
counted once ("上海和北京加起来有几个女客户" = city 上海 or 北京 and female, spec §2 "Lists of
values"), or right before "how many" (VIP加起来有几个: how many in all). Before an amount or
a count (张三和李四的客户加起来消费超过10万) it would be a total over a group, which no
condition says: the word is then left not understood, so the question is asked back naming
it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# What may follow the word for it to be only "counted once": the question, the people, the
# rest of the segment's description — not a measure or a number.
_MEASURES = frozenset({K.SPEND, K.CMP, K.NUM, K.THRESHOLD, K.EVENT, K.MOST, K.RANK, K.NUMWORD})
_SKIPPED = frozenset({K.FILLER, K.SEP})


def combined_lists(tokens: list[Token]) -> list[Token]:
    for i, tok in enumerate(tokens):
        if tok.kind != K.FILLER or tok.value != "combined":
            continue
        listed = list_before(tokens[:i]) or _count_after(tokens, i + 1)
        if not (listed and _no_measure_after(tokens, i + 1)):
            tok.kind, tok.value = K.UNKNOWN, None
    return tokens


def list_before(tokens: list[Token]) -> bool:
    """Two or more values joined by 和/同/、/and somewhere in `tokens`, in their last clause."""
    for tok in reversed(tokens):
        if tok.kind in (K.SEP, K.CLAUSE):
            return False
        if tok.kind == K.AND and tok.value == "list":
            return True
    return False


def _count_after(tokens: list[Token], i: int) -> bool:
    """上海客户加起来有几个: "how many in all", a count of the customers said before."""
    while i < len(tokens) and tokens[i].kind in _SKIPPED:
        i += 1
    return i < len(tokens) and tokens[i].kind == K.INTENT and tokens[i].value == "count"


def _no_measure_after(tokens: list[Token], i: int) -> bool:
    while i < len(tokens) and tokens[i].kind in _SKIPPED:
        i += 1
    return i >= len(tokens) or tokens[i].kind not in _MEASURES
