"""An event's object said first, as a topic (issue 19): 店也没来过 / 单也没下过 / 价都没问过 /
款也退过 — the noun (店, 单, 价, 款, 购物车) names the event and the verb after it says it
again, with 也/都 and a negation between. The pair is one event, so "店也没来过、单也没下过的"
is "never visited and never ordered", not a "没有A和B" the parser must ask about."""

from __future__ import annotations

from collections.abc import Callable
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


def _rewritten(
    tokens: list[Token], at: Callable[[list[Token], int], tuple[list[Token], int] | None]
) -> list[Token]:
    """`tokens` with each run `at` finds (its tokens in place of those up to its end)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        found = at(tokens, i)
        if found is None:
            out.append(tokens[i])
            i += 1
            continue
        pieces, i = found
        out.extend(pieces)
    return out


def topic_objects(tokens: list[Token]) -> list[Token]:
    return _rewritten(tokens, _topic_at)


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


# What may be listed before 都没有: a tag, product or other name, a quoted name, an event.
_LISTABLE = frozenset({K.NAME, K.QUOTE, K.EVENT})
_LIST_JOINS = frozenset({K.AND, K.OR, K.SEP})


def neither_listed(tokens: list[Token]) -> list[Token]:
    """金卡和VIP标签都没有 / 咨询和下单都没有过 / 金卡同VIP都冇 / VIP或金卡都没有: a list
    followed by 都/也 and a negation is none of them, read as "没有A也没有B"."""
    return _rewritten(tokens, _none_of_listed)


def _none_of_listed(tokens: list[Token], i: int) -> tuple[list[Token], int] | None:
    found = _listed_then_none(tokens, i)
    if found is None:
        return None
    items, joiner, tagword, neg, end = found
    out: list[Token] = []
    for n, item in enumerate(items):
        if n:
            out.append(replace(joiner, kind=K.AND, value="clause", text="也"))
        out.append(replace(neg, extra={}))
        out.append(item)
        if tagword is not None:
            out.append(replace(tagword, extra={}))
    return out, end


def _listed_then_none(
    tokens: list[Token], i: int
) -> tuple[list[Token], Token, Token | None, Token, int] | None:
    """The items of a list at `i` (2 or more, one kind) with 都/也 + a negation after them."""
    if tokens[i].kind not in _LISTABLE or (i > 0 and tokens[i - 1].kind in _LIST_JOINS):
        return None
    items, joiner, j = [tokens[i]], None, i + 1
    while (
        j + 1 < len(tokens)
        and tokens[j].kind in _LIST_JOINS
        and tokens[j + 1].kind == tokens[i].kind
    ):
        joiner = joiner or tokens[j]
        items.append(tokens[j + 1])
        j += 2
    if joiner is None:
        return None
    tagword = tokens[j] if j < len(tokens) and tokens[j].kind == K.TAGWORD else None
    j += tagword is not None
    if j + 1 >= len(tokens) or tokens[j].text not in ("都", "也") or tokens[j + 1].kind != K.NEG:
        return None
    verb = next((t for t in tokens[j + 2 :] if t.kind != K.FILLER), None)
    if items[0].kind != K.EVENT and verb is not None and verb.kind == K.EVENT:
        return None  # 唇釉和精华液都没买过: products of the verb after, read with it
    return items, joiner, tagword, tokens[j + 1], j + 2


# How a new customer "came in" (was added), said around 新客 / new customers: no visit.
_CAME_IN_EN = frozenset({"came in", "come in", "joined", "signed up", "came on board"})
_CAME_IN_ZH = frozenset({"入", "过", "来", "进来", "进", "入来", "了"})


def came_in_new(tokens: list[Token]) -> list[Token]:
    """近30日入过嚟嘅新客 / 新进来的客户 / new customers (who) came in yesterday: the coming
    in is the adding that makes them new, not a store visit, and is dropped."""
    drop: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.kind == K.EVENT and tok.text.lower() in _CAME_IN_EN:
            back = i - 1 - (i > 0 and tokens[i - 1].kind == K.DE)
            if back >= 0 and tokens[back].kind == K.NEW:
                drop |= set(range(back + 1, i + 1))
        if tok.kind in (K.UNKNOWN, K.FILLER) and tok.text in _CAME_IN_ZH:
            run = _run(tokens, i)
            if len(run) and any(tokens[r].text not in ("过", "了") for r in run):
                after = max(run) + 1
                after += after < len(tokens) and tokens[after].kind == K.DE
                if (after < len(tokens) and tokens[after].kind == K.NEW) or (
                    min(run) > 0 and tokens[min(run) - 1].kind == K.NEW
                ):
                    drop |= set(run)
    return [t for n, t in enumerate(tokens) if n not in drop]


def _run(tokens: list[Token], i: int) -> list[int]:
    """The indexes of the run of coming-in pieces that starts at `i` (none if one starts
    before it)."""
    if i > 0 and tokens[i - 1].kind in (K.UNKNOWN, K.FILLER) and tokens[i - 1].text in _CAME_IN_ZH:
        return []
    run = [i]
    while run[-1] + 1 < len(tokens):
        nxt = tokens[run[-1] + 1]
        if nxt.kind not in (K.UNKNOWN, K.FILLER) or nxt.text not in _CAME_IN_ZH:
            break
        run.append(run[-1] + 1)
    return run
