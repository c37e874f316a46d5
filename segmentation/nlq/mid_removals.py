"""Taking some out, said inside one message (issue 19, blind s28-1): "上海的客户 但去掉男的",
"上海的客戶，但拿掉男的", "上海嘅客 但係踢走啲男仔", "customers in Shanghai, but remove the men":
after a condition and a comma or a "but", a removal verb is "except", as 除了 / 排除 are there.

Said first, the same verbs are a follow-up on the answer before (去掉上海的: followup.py), so
here they need a condition before them in the same message and one after them; elsewhere they
stay unknown and asked.

And 的 between an excluded condition and its 以外 / 之外 (扫码加的以外的新客户, 下过单的以外的
VIP) is no head of its own: the exclusion closes the condition, as in 上海以外的.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# The removal verbs, normalised, that no table reads (去掉, HK 踢走, "remove")
_REMOVALS = frozenset(
    {"去掉", "拿掉", "拿走", "除掉", "踢走", "踢掉", "删掉", "删走", "去埋", "剔掉", "扔掉",
     "remove", "drop", "take away", "knock out", "cut out", "filter out", "strip out"}
)  # fmt: skip
# The words that may stand between the break and the verb (但係去掉: 系 read as a filler)
_BETWEEN = frozenset({K.FILLER})
# What a condition can end or start with (a filler alone is none)
_CONDITION = frozenset(
    {K.NAME, K.QUOTE, K.EVENT, K.GENDER, K.NEW, K.UNTAGGED, K.MY, K.MYDEPT, K.TAGWORD,
     K.SAVEDWORD, K.CHANNEL, K.SPEND, K.CONTACT, K.SCORE, K.ATTRIBUTE, K.TEXTMATCH}
)  # fmt: skip
_EXCLUDED_BEFORE_DE = _CONDITION | {K.CUSTOMER}


def removals_inside(tokens: list[Token]) -> list[Token]:
    """The tokens with each removal verb after a condition and a break read as "except", and the
    的 before an exclusion's 以外 dropped."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if _removal_here(out, tok, tokens[i + 1 :]):
            tok = replace(tok, kind=K.NEG, value="except")
        elif _de_before_except(out, tok, tokens[i + 1 :]):
            continue
        out.append(tok)
    return out


def _removal_here(before: list[Token], tok: Token, after: list[Token]) -> bool:
    if tok.kind != K.UNKNOWN or tok.text.lower() not in _REMOVALS:
        return False
    said = [t for t in before if t.kind not in _BETWEEN]
    at_break = bool(said) and (said[-1].kind == K.SEP or _but(said[-1]))
    condition_before = any(t.kind in _CONDITION for t in said)
    nxt = next((t for t in after if t.kind not in _BETWEEN), None)
    return at_break and condition_before and nxt is not None and nxt.kind in _CONDITION


def _but(tok: Token) -> bool:
    return tok.kind == K.AND and tok.text.lower() in ("但", "但是", "不过", "可是", "but")


def _de_before_except(before: list[Token], tok: Token, after: list[Token]) -> bool:
    nxt = after[0] if after else None
    closing = nxt is not None and nxt.kind == K.NEG and nxt.value == "post"
    return tok.kind == K.DE and closing and bool(before) and before[-1].kind in _CONDITION
