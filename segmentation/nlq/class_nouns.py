"""A buyer-class noun whose meaning the sentence itself says (issue 19): "買過兩次以上的熟客",
"下过3次单的老客户", "customers who ordered 3+ times, the regulars" — the count before it is
the definition, so 熟客 / 老客户 is only the noun for the customers, as 客户 is. Alone
("熟客有哪些", "老客户") the class has no definition and is still asked back (ask.py)."""

from __future__ import annotations

from dataclasses import replace

from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token

# The classes a count of orders defines: repeat buyers (回头客, 熟客, regulars) and the old
# customers (老客户: those who have ordered).
_COUNTED = frozenset({"repeat", "old"})
_ORDER_EVENTS = frozenset({"order", "order:weak"})


def counted_class_nouns(tokens: list[Token]) -> list[Token]:
    """`tokens` with a buyer-class noun made the customer noun when an order count before it
    says who they are, and it ends the sentence as its head (after 的, or last)."""
    out = list(tokens)
    for i, tok in enumerate(tokens):
        if tok.kind != K.UNSUPPORTED or tok.value not in _COUNTED:
            continue
        if not _is_head(tokens, i) or not _order_counted(tokens[:i]):
            continue
        out[i] = replace(tok, kind=K.CUSTOMER, value=True)
    return out


def _is_head(tokens: list[Token], i: int) -> bool:
    after = [t for t in tokens[i + 1 :] if t.kind not in (K.SEP, K.FILLER)]
    return i > 0 and tokens[i - 1].kind == K.DE and all(t.kind == K.INTENT for t in after)


def _order_counted(before: list[Token]) -> bool:
    ordered = any(t.kind == K.EVENT and t.value in _ORDER_EVENTS for t in before)
    counted = any(t.kind == K.NUM for t in before)
    return ordered and counted
