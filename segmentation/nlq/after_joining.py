"""后/之后/以后 after how or when customers were added (通过抖音直播活码进来后还没下过单, 扫码加进来
之后下过单的, 上个月新加进来之后还没下单的): "since joining", which every event of a customer is —
not a ranking (后 = bottom) nor a time. The word is dropped before a negation (all time with
还没) and, where no time was said, before an event; after a time (上个月新加进来之后下过单) the
event's window would be a guess, so the word is left to be asked about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

_AFTER = frozenset({"后", "之后", "以后", "过后"})
_AFTER_KINDS = frozenset({K.RANK, K.DE, K.UNKNOWN, K.FILLER})
_CAME_IN = frozenset({"进来", "加进来", "入来", "进嚟", "入嚟", "加入", "过来"})


def after_joining(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        size = _after_at(tokens, i)
        if size and out and _joined(out) and _then(tokens, i + size, out):
            if out[-1].kind == K.UNKNOWN:  # 新加进来之后: the 进来 is the adding's
                out.pop()
            i += size
            continue
        out.append(tokens[i])
        i += 1
    return out


def _after_at(tokens: list[Token], i: int) -> int:
    for size in (2, 1):
        part = tokens[i : i + size]
        said = "".join(t.text for t in part)
        if len(part) == size and said in _AFTER and part[-1].kind in _AFTER_KINDS:
            return size
    return 0


def _joined(out: list[Token]) -> bool:
    last = out[-1]
    if last.kind == K.UNKNOWN and last.text in _CAME_IN and len(out) > 1:
        last = out[-2]
    return last.kind in (K.CHANNEL, K.NEW)


def _then(tokens: list[Token], i: int, out: list[Token]) -> bool:
    if i >= len(tokens):
        return False
    nxt = tokens[i]
    if nxt.kind in (K.YET, K.NEG):
        return True
    timed = any(t.kind == K.WINDOW for t in out) or getattr(out[-1].value, "window", None)
    return nxt.kind == K.EVENT and not timed
