"""An event's object said first, as a topic (issue 19): 店也没来过 / 单也没下过 / 价都没问过 /
款也退过 — the noun (店, 单, 价, 款, 购物车) names the event and the verb after it says it
again, with 也/都 and a negation between. The pair is one event, so "店也没来过、单也没下过的"
is "never visited and never ordered", not a "没有A和B" the parser must ask about."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# Verbs that say no kind of their own after an object that does (购物车也没加过).
_GENERIC_VERBS = frozenset({"加过", "加", "来", "到", "去过", "去", "下", "做过", "搞过"})
_ALSO = frozenset({"也", "都", "亦", "都未", "也未"})


def _base(tok: Token) -> str | None:
    if tok.kind != K.EVENT:
        return None
    return str(tok.value).removesuffix(":weak")


def topic_objects(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        merged = _topic_at(tokens, i)
        if merged is None:
            out.append(tokens[i])
            i += 1
            continue
        pieces, end = merged
        out.extend(pieces)
        i = end
    return out


def _topic_at(tokens: list[Token], i: int) -> tuple[list[Token], int] | None:
    """[object][也/都][negation]?[verb] or [object][negation][verb] at `i`: the negation
    (if any) and one event token."""
    obj = tokens[i]
    if i > 0 and (tokens[i - 1].kind in (K.NUM, K.NUMWORD) or tokens[i - 1].text.endswith("连")):
        return None  # 一单都没下 / 连一次店都没到: a total negation, read as one elsewhere
    kind = _base(obj)
    if kind is None or not str(obj.value).endswith(":weak") or len(obj.text) > 3:
        return None
    j = i + 1
    if j < len(tokens) and tokens[j].text in _ALSO:
        j += 1
    elif not (j < len(tokens) and tokens[j].kind == K.NEG):
        return None  # 单没下过 needs no 也; a bare 单 before a verb is no topic
    neg = tokens[j] if j < len(tokens) and tokens[j].kind == K.NEG else None
    if neg is not None:
        j += 1
    if j >= len(tokens):
        return None
    verb = tokens[j]
    if _base(verb) != kind and verb.text not in _GENERIC_VERBS:
        return None
    event = replace(obj, value=kind, end=verb.end, text=obj.text + verb.text, extra={})
    return ([neg, event] if neg is not None else [event]), j + 1


def listed_count(tokens: list[Token]) -> list[Token]:
    """张三和李四两个人的客户 / 上海北京两个城市的: a count right after a list of names that
    only says how many were listed is dropped (a different number is left to be asked)."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.kind == K.NUM
            and tok.unit in (None, "people")
            and nxt is not None
            and nxt.kind in (K.CUSTOMER, K.DE)
            and _names_before(out) >= 2
            and tok.value == _names_before(out)
        ):
            continue
        out.append(tok)
    return out


def _names_before(out: list[Token]) -> int:
    """How many names a list just before ends with (张三和李四, 上海、北京): 0 when none."""
    names, i = 0, len(out) - 1
    while i >= 0:
        if out[i].kind != K.NAME:
            break
        names += 1
        if i == 0 or out[i - 1].kind not in (K.AND, K.SEP, K.OR):
            break
        i -= 2
    return names
