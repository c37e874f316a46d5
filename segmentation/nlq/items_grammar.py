"""Product phrases across chunks: a list of products after one verb ("买过玻尿酸面霜或口红"),
and a contrast that leaves the object unsaid ("咨询过“X”但没买", "asked about X but didn't
buy") — the second verb is about the same product."""

from __future__ import annotations

from segmentation.nlq.chunks import Chunk, Item, names_item
from segmentation.nlq.interpret import Cond
from segmentation.nlq.items_interpret import is_item_chunk, item_builder
from segmentation.nlq.lexicon import K
from segmentation.nlq.tokens import Token

_LIST_JOINS = {(K.AND, "list"), (K.OR, True)}


def join_item_lists(items: list[Item]) -> list[Item]:
    """A chunk of product names only, joined by 和/或/、/and/or to an event-about-a-product
    chunk, is more names of that chunk: any of them (spec §2 "Lists of values")."""
    out: list[Item] = []
    for item in items:
        joiner = out[-1] if out else None
        owner = out[-2] if len(out) >= 2 else None
        if isinstance(item, Chunk) and isinstance(joiner, Token) and isinstance(owner, Chunk):
            _carry_verb(owner, joiner, item)
        if (
            isinstance(item, Chunk)
            and _names_only(item)
            and isinstance(joiner, Token)
            and (joiner.kind, joiner.value) in _LIST_JOINS
            and isinstance(owner, Chunk)
            and is_item_chunk(owner)
            and any(names_item(t) for t in owner.tokens)
        ):
            out.pop()  # the connective
            owner.tokens.extend(item.tokens)
            continue
        out.append(item)
    return out


def _carry_verb(owner: Chunk, joiner: Token, item: Chunk) -> None:
    """ "bought 唇釉 but not 精华液", "买过唇釉但没精华液": a negated name with no verb after a
    contrast takes the verb of the product just named (bought X and did not buy Y)."""
    negated = bool(item.tokens) and item.tokens[0].kind in (K.NEG, K.YET)
    rest = item.tokens[1:]
    if not (negated and rest and _names_only(Chunk(list(rest)))):
        return
    contrast = (joiner.kind, joiner.value) in {(K.AND, "clause"), (K.SEP, True)}
    events = [t for t in owner.tokens if t.kind == K.EVENT]
    if contrast and len(events) == 1 and is_item_chunk(owner) and not owner.has(K.NEG):
        item.tokens.insert(1, events[0])


def _names_only(chunk: Chunk) -> bool:
    return all(names_item(t) or t.kind == K.ITEMWORD for t in chunk.tokens)


def carry_item_object(clause: list[Item], lookup: dict[int, Cond]) -> None:
    """A negated bare event right after an event about a product, joined by a contrast or
    nothing (但/却/but/，), is about that product: "咨询过X但没买" = inquired about X and did
    not buy X (the restatement says so)."""
    previous: Cond | None = None
    link: set[object] = set()
    for item in clause:
        if not isinstance(item, Chunk):
            link.add((item.kind, item.value))
            continue
        cond = lookup[id(item)]
        item_of = previous.__dict__.get("item") if previous is not None else None
        contrast = link <= {(K.AND, "clause"), (K.SEP, True)}
        if item_of and cond.plain_event and cond.negated and contrast:
            field, names = item_of
            cond.build = item_builder(cond.plain_event, field, names, None)
            cond.attr = "item"
            cond.plain_event = None
            cond.__dict__["item"] = item_of
        previous, link = cond, set()
