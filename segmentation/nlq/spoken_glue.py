"""Words of speech that carry no condition where they stand, and are dropped only there:

- 得 between a verb and a comparison: 单子下得少于2次, 买得多过3次, 落單落得多過3次 (the
  complement of degree: "ordered fewer than twice"); before 最多 / 最少 too (邊個落得最多 is
  who ordered most). 得 anywhere else stays unknown.
- English "last" / "past" / "the last" right before a Chinese window: "last 7天到过店", "past
  两周" (a mixed sentence says the rolling window twice). Before anything else "last" keeps
  its own readings (last month, last campaign).
- 间 / 之間 right after a range of dates: 九月到十月間 ("between September and October").
- 这 / 呢 right before a rolling window: 这半年, 这30天 (the last half year, 30 days).
- 从 / (过)来 around a city customers come from: 上海来的客户, 从北京过来的.
- Cantonese 返 right after a request verb: export返啲深圳客, 睇返上個月嘅VIP ("back", "again").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K
from segmentation.nodes import RollingWindow

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

_DEGREE = frozenset({"得"})
_EN_LAST = frozenset({"last", "past", "the last", "the past", "in the last", "in the past"})
_BETWEEN = frozenset({"间", "之间", "中间"})
_BACK = frozenset({"返"})
_THIS_SPAN = frozenset({"这", "这个", "这近", "呢"})
# A one-character verb with 得 before a comparison or 最多: the verb of the event it is alone
# (落得最多 = ordered most; 嚟得多过3次 = visited more than 3 times), where no word of the
# lexicon holds the character by itself.
_VERB_DE = {"落得": "order", "问得": "inquiry", "嚟得": "visit", "来得": "visit", "退得": "refund"}


def spoken_glue(tokens: list[Token]) -> list[Token]:
    """`tokens` without the glue words above, where they are glue."""
    tokens = _from_a_place(tokens)
    out: list[Token] = []
    for index, tok in enumerate(tokens):
        prev = out[-1] if out else None
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if tok.kind == K.UNKNOWN and _is_glue(tok, prev, nxt):
            continue
        if _verb_with_de(tok, nxt):  # 嚟得多过3次: visited more than 3 times
            out.append(replace(tok, kind=K.EVENT, value=_VERB_DE[tok.text]))
            continue
        out.append(tok)
    return out


# Where a customer comes from: (从) + a city + (过)来 + 的/客户 — 上海来的客户, 从北京过来的.
_COME = frozenset({"来", "过来"})


def _from_a_place(tokens: list[Token]) -> list[Token]:
    """`tokens` without the 从 and 来 around a city said as where customers come from (the
    city is the condition): "上海来的客户" had asked back "来宾?"."""
    drop: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.kind != K.UNKNOWN or tok.text not in _COME:
            continue
        j = i - 1
        if j >= 0 and tokens[j].kind == K.FILLER and tokens[j].text == "过":
            j -= 1
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if j < 0 or not _is_city(tokens[j]) or (nxt is not None and nxt.kind not in _AFTER_COME):
            continue
        drop.update(range(j + 1, i + 1))
        if j > 0 and tokens[j - 1].kind == K.UNKNOWN and tokens[j - 1].text == "从":
            drop.add(j - 1)
    return [t for i, t in enumerate(tokens) if i not in drop] if drop else tokens


_AFTER_COME = frozenset({K.DE, K.CUSTOMER, K.SEP, K.GENDER, K.NAME})


def _is_city(tok: Token) -> bool:
    return tok.kind == K.NAME and any(m.kind == "city" for m in tok.meanings)


def _verb_with_de(tok: Token, nxt: Token | None) -> bool:
    return (
        tok.kind == K.UNKNOWN
        and tok.text in _VERB_DE
        and nxt is not None
        and nxt.kind in (K.CMP, K.MOST)
    )


def _is_glue(tok: Token, prev: Token | None, nxt: Token | None) -> bool:
    text = tok.text.lower()
    if text in _DEGREE or _verb_again_with_de(text, prev):
        verb = prev is not None and prev.kind in (K.EVENT, K.FILLER, K.SPEND)
        return verb and nxt is not None and nxt.kind in (K.CMP, K.MOST)
    if text in _EN_LAST:
        return nxt is not None and nxt.kind == K.WINDOW and not nxt.text.isascii()
    if text in _BETWEEN:
        return prev is not None and prev.kind == K.WINDOW and _is_range(prev)
    if text in _THIS_SPAN:  # 这半年没来过, 这30天问过价: "this" before a rolling window
        return nxt is not None and nxt.kind == K.WINDOW and isinstance(nxt.value, RollingWindow)
    if text in _BACK:  # export返啲深圳客, 睇返上个月嘅: Cantonese 返 completes the verb
        return prev is not None and prev.kind == K.INTENT and prev.end == tok.start
    return False


def _verb_again_with_de(text: str, prev: Token | None) -> bool:
    """落單落得多過3次: the verb said again before 得 (as 问价问了3次 says it before the count)."""
    stem = text.removesuffix("得")
    return (
        stem != text
        and prev is not None
        and prev.kind in (K.EVENT, K.SPEND)  # 使钱使得最多, 花钱花得最多: spending too
        and bool(stem)
        and prev.text.startswith(stem)
    )


def _is_range(window: Token) -> bool:
    return any(word in window.text for word in ("到", "至", "-", "~", "～"))
