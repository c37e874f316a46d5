"""A total word between a measure and its comparison: the customer's own sum of it.

"customers whose refunds add up to at most 100", 退款加起来不超过100, 退款合共唔超过100,
"orders totaling over 5000", 消费加起来超过5000: what the customer was refunded or spent, in
all — the refunded money (as 退款金额), the spend (as 消费); a count said in times stays a
count (退货加起来超过3次). The word itself adds nothing more.

A total after a list (张三和李四的客户消费加起来超过10万) is a group's total, which no
condition says: left to combined.py, which asks. A word that only says "total" ("add up to",
"came to", 合共) anywhere else is not understood, and asked, never dropped — except right before
a how-many (共计几位, 加总有几位): the number asked, in all; or before the spend (共计消费超过
2000): the spend, a total already.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.combined import list_before
from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# Words other tables already have that say "in all" there (累计 and "in total" stay glue
# anywhere else; 一共/总共 stay "how many" before a count).
_ALSO_TOTALS = frozenset(
    {"total", "in total", "合计", "总计", "累计", "累积", "共", "一共", "总共", "altogether",
     "overall", "all together"}
)  # fmt: skip
_COMPARISONS = frozenset({K.CMP, K.THRESHOLD, K.NUM})
# A bare number of orders this big is money (买了500以上), as interpret._SIZEABLE_COUNT says.
_SIZEABLE = 100


def measure_totals(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if not _is_total(tok):
            out.append(tok)
            continue
        j = _past_copulas(tokens, i + 1)
        nxt = tokens[j] if j < len(tokens) else None
        measured = _measure(out[-1]) if out else False
        if measured and nxt is not None and nxt.kind in _COMPARISONS and not list_before(out):
            out[-1] = _summed(out[-1], _number_after(tokens, j))
            continue  # the total word: said by the measure now
        if tok.value == "total" and (_count_asked(nxt) or _opens_spend(out, tokens, i + 1)):
            tok = replace(tok, value=True)  # 共计几位 / 加总有几位: how many in all, as 一共
        elif tok.value == "total":  # a word only of totals, with no measure to sum: asked
            tok = replace(tok, kind=K.UNKNOWN, value=None)
        out.append(tok)
    return out


# Between the total and its comparison: "refunds in total are at most 100", 加起来都不超过.
_COPULAS = frozenset({"are", "is", "was", "were", "be", "是", "系", "都", "也"})


def _past_copulas(tokens: list[Token], i: int) -> int:
    while i < len(tokens) and tokens[i].text.lower() in _COPULAS:
        i += 1
    return i


def _count_asked(tok: Token | None) -> bool:
    """A how-many right after the total word (共计几位, 加总有幾位, 合共有多少个): the total is
    the number of customers asked, which says nothing more."""
    return tok is not None and tok.kind == K.INTENT and tok.value == "count"


# What may come before a total word that opens the spend's phrase (近30天共计消费…, 列出共计…)
_OPENERS = frozenset({K.SEP, K.WINDOW, K.INTENT, K.FILLER, K.CLAUSE})


def _opens_spend(before: list[Token], tokens: list[Token], i: int) -> bool:
    """The total word opening the spend (共计消费超过2000, 加总消费最多的3个): its total, as
    累计消费.
    After the customers (张三和李四的客户共计消费…, VIP共计消费…) it may be the group's sum, and
    stays asked."""
    spend = i < len(tokens) and tokens[i].kind == K.SPEND and tokens[i].value is True
    return spend and (not before or before[-1].kind in _OPENERS)


def _is_total(tok: Token) -> bool:
    if tok.kind == K.FILLER and tok.value in ("total", "combined"):
        return True
    return tok.kind in (K.FILLER, K.INTENT) and tok.text.lower() in _ALSO_TOTALS


def _measure(tok: Token) -> bool:
    return tok.kind == K.SPEND or (tok.kind == K.EVENT and tok.value in ("order", "refund"))


def _number_after(tokens: list[Token], i: int) -> Token | None:
    return next((t for t in tokens[i : i + 3] if t.kind == K.NUM), None)


def _summed(measure: Token, number: Token | None) -> Token:
    """The measure as the sum of its money, or as it was when the number counts events."""
    if measure.kind == K.SPEND or number is None or number.unit == "times":
        return measure
    money = number.unit == "money"
    if measure.value == "refund" and (money or number.unit is None):
        return replace(measure, kind=K.SPEND, value="refund")
    if measure.value == "order" and (money or (number.unit is None and number.value >= _SIZEABLE)):
        return replace(measure, kind=K.SPEND, value=True)
    return measure
