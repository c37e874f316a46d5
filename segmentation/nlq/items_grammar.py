"""Product phrases across chunks: a list of products after one verb ("买过玻尿酸面霜或口红"),
and a contrast that leaves the object unsaid ("咨询过“X”但没买", "asked about X but didn't
buy") — the second verb is about the same product."""

from __future__ import annotations

from segmentation.nlq.ask import Ask
from segmentation.nlq.chunks import Chunk, Item, names_item
from segmentation.nlq.interpret import Cond
from segmentation.nlq.items_interpret import is_item_chunk, item_builder
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token

_LIST_JOINS = {(K.AND, "list"), (K.OR, True)}
# The events a product is bought, asked about, carted or refunded in; a visit has none.
_ABOUT_PRODUCTS = frozenset({"order", "inquiry", "cart", "refund"})


def join_item_lists(items: list[Item]) -> list[Item]:
    """A chunk of product names only, joined by 和/或/、/and/or to an event-about-a-product
    chunk, is more names of that chunk: any of them (spec §2 "Lists of values")."""
    out: list[Item] = []
    for item in items:
        joiner = out[-1] if out else None
        owner = out[-2] if len(out) >= 2 else None
        if isinstance(item, Chunk) and isinstance(joiner, Token) and isinstance(owner, Chunk):
            _carry_verb(owner, joiner, item)
        elif isinstance(item, Chunk) and isinstance(joiner, Chunk):
            _carry_verb(joiner, None, item)  # "bought serum x not 唇釉": nothing between
        if (
            isinstance(item, Chunk)
            and _names_only(item)
            and isinstance(joiner, Token)
            and ((joiner.kind, joiner.value) in _LIST_JOINS or _comma(joiner))
            and isinstance(owner, Chunk)
            and is_item_chunk(owner)
            and any(names_item(t) for t in owner.tokens)
        ):
            out.pop()  # the connective
            owner.tokens.extend(item.tokens)
            if joiner.kind == K.AND and _all_said_before(out, owner):
                owner.__dict__["all_names"] = True  # 同时买过唇釉和精华液: every one of them
            continue
        out.append(item)
    return out


def _comma(tok: Token) -> bool:
    """A bare comma between names after one verb lists them ("bought 唇釉, 精华液 and Serum
    X"), as 、 does (grammar._comma_lists does the same for tags and cities)."""
    return tok.kind == K.SEP and tok.text in (",", "，")


# 都/同时/both said right before the verb of a list of products ("同时买过唇釉和精华液",
# "唇釉和精华液都买过", "bought both X and Y", "all of"): all of them, each its own event, as
# for tags (spec §2 "Lists of values"). A bare "all" / 所有 names the customers ("all buyers
# of X and Y"), not the list.
_ALL_OF = frozenset({"都", "同时", "都有", "同时有", "both", "all of", "全部都", "全都"})
_COUNTED_ALL = ("都", "都有", "也")  # 两样都, 三个都有: the list's size, then all of them


def _all_said_before(out: list[Item], owner: Chunk) -> bool:
    at = next(i for i in range(len(out) - 1, -1, -1) if out[i] is owner)
    before = out[at - 1] if at > 0 else None
    if any(t.kind in (K.NEG, K.YET) for t in owner.tokens):
        return False  # 都没买过唇釉和精华液: none of them (the list, negated), never "not both"
    if not (isinstance(before, Token) and before.kind == K.BOTH):
        return False
    return before.text in _ALL_OF or before.text.endswith(_COUNTED_ALL)


# Between a count of events and "都(买的)X": a contrast, a comma, or nothing.
_EVERY_LINKS: set[tuple[K, object]] = {(K.AND, "clause"), (K.AND, "list"), (K.AND, True)}
_EVERY_LINKS.add((K.SEP, True))


def join_every(items: list[Item]) -> list[Item]:
    """ "下单3次以上且都买的彩妆", "下过3次以上单，都是彩妆": a count of one kind's events, then
    都 (all of them) and a product or category (after the same verb, or none) — every one
    of those events was about it. The names join the count's chunk with the 都, which the
    item reading takes for "every one" (interpret.py `_item`)."""
    out = list(items)
    i = 0
    while i < len(out):
        end = _every_tail(out, i)
        if end is None:
            i += 1
            continue
        count, both = (
            out[i],
            next(t for t in out[i + 1 : end] if isinstance(t, Token) and t.kind == K.BOTH),
        )
        assert isinstance(count, Chunk)
        names = out[end - 1]
        assert isinstance(names, Chunk)
        count.tokens.extend([both, *names.tokens])
        del out[i + 1 : end]
        i += 1
    return out


def _every_tail(items: list[Item], i: int) -> int | None:
    """The end (exclusive) of "[且|，] 都 [verb [的]] names" after the count chunk at `i`, or
    None when it is not there."""
    count = items[i]
    if not (isinstance(count, Chunk) and _counted_event(count)):
        return None
    j = i + 1
    while j < len(items) and _is_link(items[j]):
        j += 1
    both = items[j] if j < len(items) else None
    if not (isinstance(both, Token) and both.kind == K.BOTH):
        return None
    j += 1
    verb = items[j] if j < len(items) else None
    if isinstance(verb, Chunk) and is_item_chunk(verb) and _same_verb(verb, count):
        raise _every_or_some(count, verb)
    if isinstance(verb, Chunk) and _same_verb_only(verb, count):
        j += 1
        de = items[j] if j < len(items) else None
        if isinstance(de, Token) and de.kind == K.DE:
            j += 1
    names = items[j] if j < len(items) else None
    if isinstance(names, Chunk) and names.tokens and _names_only(names):
        return j + 1
    return None


def _is_link(item: Item) -> bool:
    return isinstance(item, Token) and (item.kind, item.value) in _EVERY_LINKS


def _counted_event(chunk: Chunk) -> bool:
    """An event counted ("下单3次以上"), about no product yet, not negated."""
    kinds = {t.kind for t in chunk.tokens}
    named = any(names_item(t) for t in chunk.tokens)
    return K.EVENT in kinds and K.NUM in kinds and not named and not kinds & {K.NEG, K.YET}


def _event_kinds(chunk: Chunk) -> set[str]:
    return {str(t.value).split(":")[0] for t in chunk.tokens if t.kind == K.EVENT}


def _same_verb_only(verb: Chunk, count: Chunk) -> bool:
    """A chunk of only the count's event verb ("买" after "下单": both orders)."""
    kinds = _event_kinds(count)
    return all(t.kind == K.EVENT and str(t.value).split(":")[0] in kinds for t in verb.tokens)


def _same_verb(verb: Chunk, count: Chunk) -> bool:
    return bool(_event_kinds(verb)) and _event_kinds(verb) <= _event_kinds(count)


def _every_or_some(count: Chunk, verb: Chunk) -> Ask:
    """ "下单3次以上且都买过彩妆": every order was 彩妆, or each of these customers bought
    彩妆 at least once? Both are common; asked, with a way to say each."""
    said, what = _joined(count), _joined(verb)
    names = "".join(t.text for t in verb.tokens if t.kind != K.EVENT)
    english = said.isascii() and what.isascii()
    every = f"{said}, all of them {names}" if english else f"{said}且都买的{names}"
    some = f"{said} and {what}" if english else f"{said}且{what}"
    return Ask(
        f"“都{what}”是指每一次都是{names}，还是买过{names}就算？请说“{every}”或“{some}”。",
        f"Does “all {what}” mean every one of them was {names}, or that they bought "
        f"{names} at least once? Say '{every}' or '{some}'.",
        [every, some],
    )


def _joined(chunk: Chunk) -> str:
    """The chunk as said again (a count keeps its unit: 3次, 3 times)."""
    english = chunk.text().isascii()
    words = [
        (f"{t.text} times" if english else f"{t.text}次") if t.kind == K.NUM and t.unit == "times"
        else t.text
        for t in chunk.tokens
    ]  # fmt: skip
    return " ".join(words) if english else "".join(words)


# What may stand between "bought X" and "not Y" for Y to take the verb: a contrast (但, but),
# a comma, "and" (a negated name lists nothing), or nothing at all (bought X not Y, 买过X没Y).
_CARRY_JOINS = {(K.AND, "clause"), (K.SEP, True), (K.AND, "list")}


def _carry_verb(owner: Chunk, joiner: Token | None, item: Chunk) -> None:
    """ "bought 唇釉 but not 精华液", "买过唇釉但没精华液", "bought serum x not 唇釉": a negated
    name with no verb after the product just named takes its verb (bought X and did not buy
    Y)."""
    negated = bool(item.tokens) and item.tokens[0].kind in (K.NEG, K.YET)
    rest = item.tokens[1:]
    if not (negated and rest and _names_only(Chunk(list(rest)))):
        return
    contrast = joiner is None or (joiner.kind, joiner.value) in _CARRY_JOINS
    events = [t for t in owner.tokens if t.kind == K.EVENT]
    if contrast and len(events) == 1 and is_item_chunk(owner) and not owner.has(K.NEG):
        item.tokens.insert(1, events[0])


def _names_only(chunk: Chunk) -> bool:
    return all(names_item(t) or t.kind == K.ITEMWORD for t in chunk.tokens)


def carry_item_object(clause: list[Item], lookup: dict[int, Cond]) -> None:
    """A negated bare event right after an event about a product, joined by a contrast or
    nothing (但/却/but/，), is about that product where its object points back at it:
    "咨询过X但没买过它", "asked about X but hasn't bought it", "…但没买这款". Without the
    object the spec's reading holds: 未购买 / 没下单 / didn't buy is no order of any kind
    (spec §2, "event not performed"), so "咨询过X但没买" = inquired about X, never ordered."""
    previous: Cond | None = None
    link: set[object] = set()
    for item in clause:
        if not isinstance(item, Chunk):
            link.add((item.kind, item.value))
            continue
        cond = lookup[id(item)]
        item_of = previous.__dict__.get("item") if previous is not None else None
        contrast = link <= {(K.AND, "clause"), (K.SEP, True)}
        if (
            item_of
            and cond.plain_event in _ABOUT_PRODUCTS
            and cond.negated
            and contrast
            and any(t.extra.get("it_item") for t in item.tokens)
        ):
            field, names = item_of
            cond.build = item_builder(cond.plain_event, field, names, None)
            cond.attr = "item"
            cond.plain_event = None
            cond.__dict__["item"] = item_of
        previous, link = cond, set()
