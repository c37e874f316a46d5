"""Two or more times joined by 和/同/、 before one event with 都 or a negation (前年买过但去年和
今年都没买, 舊年同今年都冇買, 上个月和这个月都下过单): the event in each of those times — each
time gets its own copy of the event, joined by AND ("去年没买 且 今年没买"; "都买过" = bought
in both). Without 都 a positive event stays as it was (asked: either or both?)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.bare_verbs import BARE_VERBS
from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# Where the event's words end: the head of the phrase, a new clause, the question.
_RUN_END = frozenset({K.DE, K.CUSTOMER, K.SEP, K.AND, K.OR, K.CLAUSE, K.INTENT, K.WINDOW})
_NEGATIONS = frozenset({K.NEG, K.YET})


def each_window(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        windows, after = _window_list(tokens, i)
        if len(windows) < 2:
            out.append(tokens[i])
            i += 1
            continue
        both = after < len(tokens) and tokens[after].kind == K.BOTH
        start = after + 1 if both else after
        end = start
        while end < len(tokens) and tokens[end].kind not in _RUN_END:
            end += 1
        run = tokens[start:end]
        negated = bool(run) and run[0].kind in _NEGATIONS
        measured = any(t.kind == K.EVENT for t in run) or (
            both and any(t.kind == K.SPEND for t in run)  # 今年和去年都消费超过1000
        )
        # 去年和今年都没下 / 舊年同今年都冇落: the bare verb after the negation is the event
        measured = measured or (negated and _bare_verb(run[1:]))
        if not measured or not (both or negated):
            out.append(tokens[i])
            i += 1
            continue
        joins = [t for t in tokens[i:after] if t.kind == K.AND]
        for n, window in enumerate(windows):
            if n:  # the list's 和 now joins two conditions
                out.append(replace(joins[n - 1], value="clause", extra={}))
            out.append(window)
            out.extend(replace(t, extra=dict(t.extra)) for t in run)
        i = end
    return out


def _window_list(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """The windows of a list starting at `i` (A和B, A、B和C, A同B) and the index after it."""
    windows: list[Token] = []
    j = i
    while j < len(tokens) and tokens[j].kind == K.WINDOW and not tokens[j].problem:
        windows.append(tokens[j])
        j += 1
        joined = j + 1 < len(tokens) and tokens[j].kind == K.AND and tokens[j].value == "list"
        if joined and tokens[j + 1].kind == K.WINDOW:
            j += 1
            continue
        break
    return windows, j


def _bare_verb(rest: list[Token]) -> bool:
    """A one-character verb said bare right after the negation (没下, 冇落, 没来)."""
    return bool(rest) and rest[0].kind in (K.UNKNOWN, K.FILLER) and rest[0].text in BARE_VERBS
