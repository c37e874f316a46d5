"""Shared reading helpers of the chunk interpreters (interpret.py, score_interpret.py):
the condition a chunk becomes before its window (Cond), the reading context, a ranking's
spec, and the comparison and numbers of a chunk; asking back when a chunk is not understood.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from segmentation.nlq.ask import Ask
from segmentation.nlq.chunks import Chunk
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import Node, Window


@dataclass(frozen=True)
class RankSpec:
    direction: str
    count: int | None
    percent: Decimal | None
    by: str = "spend"  # or a score: clv, p_alive, expected_purchases_30d


@dataclass
class Cond:
    """A condition waiting for its window: `build(window)` makes the node. List attributes
    (tag, city, owner…) keep their values so "上海和北京" can merge into one condition."""

    attr: str
    chunk: Chunk
    build: Callable[[Window | None], Node] | None = None
    values: list[object] = field(default_factory=list)
    windowable: bool = False
    negated: bool = False
    all_time: bool = False
    window: Window | None = None
    assigned: bool = False
    rank: RankSpec | None = None
    plain_event: str | None = None  # "咨询"-only chunks, for "没有咨询或下单"
    own_window: bool = False  # takes only a window said right before (or, English, after) it
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    vocab: Vocabulary
    asker: str | None
    # The command only counts one quoted name (“待跟进”有多少人, how many in “X”): spec §1's
    # show-saved form, where a saved segment's quoted name needs no 分群.
    counts_quoted: bool = False


def only_kinds(chunk: Chunk, allowed: set[K]) -> None:
    if any(t.kind not in allowed for t in chunk.tokens):
        raise not_understood(chunk)


def not_understood(chunk: Chunk) -> Ask:
    return Ask(
        f"没看懂“{chunk.text()}”这部分，请换个说法。",
        f"I did not understand the part “{chunk.text()}”; please rephrase it.",
    )


@dataclass
class Numbers:
    ops: list[str]
    values: list[Token]
    ranged: bool


def read_numbers(chunk: Chunk) -> Numbers:
    ops: list[str] = []
    for t in chunk.tokens:
        if t.kind == K.CMP:
            ops.append(t.value[0])
        elif t.kind == K.MOST:
            ops.append("<=" if t.value == "most" else ">=")
    values = [t for t in chunk.tokens if t.kind == K.NUM]
    ranged = any(t.kind in (K.TO, K.RANGE_TAIL) for t in chunk.tokens)
    return Numbers(ops, values, ranged)


# 千/万 (k, w) said once after a range's second number multiplies both: 3到5千 = 3000–5000.
_MULTIPLIERS = {"千": Decimal(1000), "k": Decimal(1000), "万": Decimal(10000), "w": Decimal(10000)}
_MULTIPLIED = lazy_pattern(r"(千|万|k|w)\s*(?:块钱|块|元|蚊)?$", re.I)


def _shared_multiplier(first: Token, second: Token) -> tuple[Decimal, Decimal]:
    """The two ends of "A到B万" as the speaker meant them: B's 万 applies to a bare A when A
    so multiplied is still no more than B (1.5到2.5万 = 15000–25000; 500到2万 stays 500)."""
    low, high = Decimal(first.value), Decimal(second.value)
    unit = _MULTIPLIED.search(second.text.strip())
    if unit is None or _MULTIPLIED.search(first.text.strip()):
        return low, high
    scaled = low * _MULTIPLIERS[unit.group(1).lower()]
    if scaled == scaled.to_integral_value():
        scaled = scaled.to_integral_value()  # 15000, not 15000.0
    return (scaled, high) if scaled <= high else (low, high)


def read_comparison(chunk: Chunk, nums: Numbers, what: str) -> list[tuple[str, Decimal]]:
    """[(op, value)] from the chunk's comparison words and numbers; asks when unclear."""
    if nums.ranged:
        if len(nums.values) != 2 or nums.ops:
            raise not_understood(chunk)
        low, high = sorted(_shared_multiplier(*nums.values))
        return [(">=", low), ("<=", high)]
    if len(nums.values) != 1:
        raise not_understood(chunk)
    ops = set(nums.ops)
    if len(ops) != 1:
        value = nums.values[0].text
        bare = value.removesuffix(what)  # 两次 → 正好两次, not 正好两次次
        if not ops and nums.values[0].value == 0:
            return [("=", Decimal(0))]
        if not ops:
            said = chunk.text()
            picks = [f"正好{bare}{what}", f"{bare}{what}以上"]
            if value.isascii() and not value.isdigit():  # "bought once": English picks
                picks = [said.replace(value, f"{w} {value}", 1) for w in ("exactly", "at least")]
            raise Ask(
                f"“{said}”是指正好{value}，还是至少{value}？",
                f"Does “{said}” mean exactly {value}, or at least {value}?",
                picks,
            )
        raise not_understood(chunk)
    return [(ops.pop(), nums.values[0].value)]
