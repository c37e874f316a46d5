"""Tokens → items: chunks (one condition each: a head word plus its modifiers) in order,
with the windows and connectives between them kept for the grammar."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from segmentation.kinds import registered
from segmentation.nlq.rank_base import split_spend_verb
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token

BREAKS = {K.AND, K.OR, K.DE, K.SEP, K.BOTH, K.CUSTOMER, K.CLAUSE}
# The token kinds that head a condition's chunk: those the condition kinds declare
# (Kind.heads), and K.ATTRIBUTE for the words they declare (Kind.words).
HEADS = {K(h) for kind in registered().values() for h in kind.heads} | {K.ATTRIBUTE}
IGNORED = {K.FILLER, K.INTENT}


@dataclass(eq=False)
class Chunk:
    tokens: list[Token] = field(default_factory=list)

    def head(self) -> Token | None:
        return next((t for t in self.tokens if t.kind in HEADS), None)

    def has(self, kind: K) -> bool:
        return any(t.kind == kind for t in self.tokens)

    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


Item = Chunk | Token


def prepare(tokens: list[Token]) -> list[Token]:
    """Rankings (前10, top 20%, 消费最多的5个) and ranges (between 500 and 1000) joined first."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind in (K.MOST, K.RANK):
            ranked = _ranking(tokens, i)
            if ranked is not None:
                out.append(ranked[0])
                i = ranked[1]
                continue
        ranked_cmp = _highest_n(tokens, i)
        if ranked_cmp is not None:  # 消费最高的5个: ranks, as 最多的5个 does
            out.append(ranked_cmp)
            i += 3
            continue
        if tok.kind == K.NUM and i + 1 < len(tokens) and tokens[i + 1].kind == K.RANK:
            nxt = tokens[i + 1]  # "the 10 biggest spenders"
            # "the 5% lowest spenders": a share said before the rank word, as after it
            if "count" not in nxt.extra and tok.unit in (None, "people", "percent"):
                out.append(_rank_token(nxt, nxt.value, tok))
                i += 2
                continue
        if tok.kind == K.AND and out and out[-1].kind == K.NUM and i + 1 < len(tokens):
            between = any(t.may_be(K.BETWEEN) for t in out[-3:])
            tail = i + 2 < len(tokens) and tokens[i + 2].kind == K.RANGE_TAIL
            if tokens[i + 1].kind == K.NUM and (between or tail):
                out.append(Token(K.TO, True, tok.start, tok.end, tok.text))
                i += 1
                continue
        out.append(tok)
        i += 1
    return out


def _ranking(tokens: list[Token], i: int) -> tuple[Token, int] | None:
    tok = tokens[i]
    j = i + 1
    direction = tok.value if tok.kind == K.RANK else ("top" if tok.value == "most" else "bottom")
    while j < len(tokens) and tokens[j].kind in (K.DE, K.RANK, K.FILLER):
        j += 1
    if (
        j < len(tokens)
        and tokens[j].kind == K.NUM
        and tokens[j].unit in (None, "people", "percent")
    ):
        num = tokens[j]
        people_after = j + 1 < len(tokens) and tokens[j + 1].kind == K.CUSTOMER
        if tok.kind == K.MOST and num.unit is None and not people_after:
            return None  # 最多2次: "at most", not a ranking
        joined = not any(t.kind == K.DE for t in tokens[i + 1 : j])
        if tok.kind == K.MOST and num.unit is None and joined and not tok.text.isascii():
            return None  # 消费最多两千的客户: at most 2000 (a ranking says 最多的5个)
        return _rank_token(tok, direction, num), j + 1
    return None


_HIGHEST = {"最高": "top", "最低": "bottom"}


def _highest_n(tokens: list[Token], i: int) -> Token | None:
    """最高/最低 + 的 + a count of people ("消费最高的5个客户"): a ranking; before an amount
    they stay bounds (最高5000 = at most)."""
    tok = tokens[i]
    if tok.kind != K.CMP or tok.text not in _HIGHEST or i + 2 >= len(tokens):
        return None
    de, num = tokens[i + 1], tokens[i + 2]
    if de.kind != K.DE or num.kind != K.NUM:
        return None
    people = num.unit == "people" or (i + 3 < len(tokens) and tokens[i + 3].kind == K.CUSTOMER)
    return _rank_token(tok, _HIGHEST[tok.text], num) if people else None


def _rank_token(tok: Token, direction: str, num: Token) -> Token:
    key = "percent" if num.unit == "percent" else "count"
    value: Decimal | int = num.value if key == "percent" else int(num.value)
    start, end = min(tok.start, num.start), max(tok.end, num.end)
    return Token(K.RANK, direction, start, end, f"{tok.text} {num.text}", extra={key: value})


# The verb left after a total negation's object (一单都没"下", 一张单都冇"落"): the object
# already names the event.
_SPLIT_VERBS = {"下", "落", "做", "买", "成交", "打", "贴"}  # 一个标签都没"打"
_SPLIT_VERBS |= {"加", "询", "问", "入", "放", "拍"}  # 一个购物车都没"加"过, 一次价都没"询"过
_SPLIT_VERBS |= {"上", "行", "踏", "去"}  # the shop's own verbs: 一次铺都未"上"过, 一次店都没"去"过


def total_negation(tokens: list[Token]) -> list[Token]:
    """一单都没下 / 一张订单都没有 / 一个标签都没有 / 一次也没来过: one + measure + 都/也 + not
    is "none at all" — the NOT of what follows, with the "one" dropped, never a count of 1."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        found = (
            _total_negation_at(tokens, i)
            or _fronted_total_negation_at(tokens, i)
            or _english_total_after_at(tokens, i)
        )
        if found is None and _any_before_none(tokens, i):
            i += 1  # 什么单都没下过 (read as 没 + 单下过): "any" adds nothing to none at all
            continue
        if found is None:
            out.append(_measured_count(tokens, i))
            i += 1
            continue
        rewritten, i = found
        out.extend(rewritten)
    return out


# Aspect words between a fronted verb and its "one" (visit 过一次都没有).
_ASPECT = {"过", "了", "咗"}
# The things a fronted object names (东西一件没买: the goods, nothing more).
_GOODS = {"东西", "货", "嘢", "野"}


def _fronted_total_negation_at(tokens: list[Token], i: int) -> tuple[list[Token], int] | None:
    """单一个没下 / 东西一件没买 / 单一张都没下过: the object said first, then one + measure
    (都/也) + not + the verb — "none at all", as 一单都没下 is."""
    tok = tokens[i]
    is_object = tok.kind == K.EVENT or (tok.kind == K.FILLER and tok.text in _GOODS)
    if not is_object or i + 2 >= len(tokens):
        return None
    k = i + 1
    while k < len(tokens) - 1 and tokens[k].kind == K.FILLER and tokens[k].text in _ASPECT:
        k += 1  # visit 过一次都没有 / 下过单一次都冇: the aspect after the verb
    one = tokens[k]
    if one.kind != K.NUM or one.value != 1 or one.unit not in (None, "people", "measure", "times"):
        return None
    j = k + 1
    if j >= len(tokens):
        return None
    if tokens[j].kind == K.BOTH or (tokens[j].kind == K.AND and tokens[j].text == "也"):
        j += 1
    elif one.unit == "times":
        return None  # 下单一次没有 without 都/也: not said as "none at all"
    neg = tokens[j] if j < len(tokens) else None
    if neg is None or not _not(neg):
        return None
    end = j + 1
    verb = tokens[end] if end < len(tokens) else None
    if verb is not None and verb.kind == K.EVENT:  # 东西一件没买: the verb says the event
        return [neg, verb], end + 1
    if tok.kind != K.EVENT:
        return None  # 东西一件没 … with no event verb: left to the rest of the grammar
    if verb is not None and verb.kind in (K.UNKNOWN, K.FILLER) and verb.text in _SPLIT_VERBS:
        end += 1  # 单一个没下: 下 is the order's own verb
    return [neg, tok], end


def _english_total_after_at(tokens: list[Token], i: int) -> tuple[list[Token], int] | None:
    """ "ordered not even once", "visited not once this year": the verb, then its total
    negation — the NOT of the verb, said as "never ordered" is."""
    if tokens[i].kind != K.EVENT or i + 1 >= len(tokens):
        return None
    neg = tokens[i + 1]
    if neg.kind != K.NEG or neg.text.lower() not in _EN_TOTAL_NOT:
        return None
    return [neg, tokens[i]], i + 2


# lexicon.py's English total negations (K.NEG)
_EN_TOTAL_NOT = frozenset(
    {"not even once", "not once", "not a single time", "not even one time", "not one time",
     "not even a single time"}
)  # fmt: skip


def _not(tok: Token | None) -> bool:
    """The negation of a total negation: 没/冇/未, or 还没/仍未 (一单都还没下: none yet, all
    time — the YET token is kept, so the reading stays "never")."""
    if tok is None:
        return False
    return (tok.kind == K.NEG and tok.value is True) or (tok.kind == K.YET and tok.value is True)


def which_most(tokens: list[Token]) -> list[Token]:
    """哪5个客户消费最多 / 边5个客使钱最多: "which N spent most" is the ranking 消费最多的N个,
    the words put in that order (the count after the ranking, as the grammar reads it)."""
    for i, tok in enumerate(tokens):
        if tok.text not in ("哪", "边") or tok.kind not in (K.INTENT, K.UNKNOWN):
            continue
        num = tokens[i + 1] if i + 1 < len(tokens) else None
        if num is None or num.kind != K.NUM or num.unit != "people":
            continue
        j = i + 2
        if j < len(tokens) and tokens[j].kind == K.CUSTOMER:
            j += 1
        # 边三个客使得最多 / 哪5个花了最多钱: the spend verb split by the ranking word
        tokens = [*tokens[:j], *split_spend_verb(tokens[j:])]
        if j + 1 >= len(tokens) or tokens[j].kind != K.SPEND or tokens[j + 1].kind != K.MOST:
            continue
        de = Token(K.DE, True, num.start, num.start, "的")
        intent = Token(K.INTENT, "list", tok.start, tok.end, tok.text)
        return [*tokens[:i], intent, tokens[j], tokens[j + 1], de, num, *tokens[j + 2 :]]
    return _our_ranking(tokens)


def _our_ranking(tokens: list[Token]) -> list[Token]:
    """ "our 3 biggest spenders": "our" before a count and a ranking word is the company's
    ranking, as "our top 3" is; "our" anywhere else stays unknown and is asked."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1 : i + 3]
        if (
            tok.kind == K.UNKNOWN
            and tok.text == "our"
            and len(nxt) == 2
            and nxt[0].kind == K.NUM
            and nxt[1].kind == K.RANK
        ):
            continue
        out.append(tok)
    return out


def _measured_count(tokens: list[Token], i: int) -> Token:
    """一张 / 一笔 before an event noun outside a total negation is a count of one (只下过一张
    订单 = exactly one order), as 一单 is."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if tok.kind == K.NUM and tok.unit == "measure" and nxt is not None and nxt.kind == K.EVENT:
        return Token(K.NUM, tok.value, tok.start, tok.end, tok.text)
    return tok


_ONCE = {"once", "one time", "一次"}


def _once_after_negation(tokens: list[Token], i: int) -> bool:
    """ "haven't ordered once" / "没下过一次单": once after a negation is "at all" — unless a
    comparison says otherwise ("didn't order more than once")."""
    tok = tokens[i]
    if tok.kind != K.NUM or tok.value != 1 or tok.text not in _ONCE:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.kind in (K.CMP, K.MOST):
        return False
    for back in reversed(tokens[max(0, i - 4) : i]):
        if back.kind in (K.CMP, K.MOST, K.NUM, K.SEP, K.AND, K.OR, K.DE):
            return False
        if back.kind == K.NEG and back.value is True:
            return True
    return False


def _once_not_verb(tokens: list[Token], i: int, j: int) -> bool:
    """今年一次没买 / 一次冇嚟过 / 一次未问过: "once" right before a negated event verb, with no
    都/也, is still "not even once" — nobody means "not on exactly one occasion"."""
    one, neg = tokens[i], tokens[j]
    verb = tokens[j + 1] if j + 1 < len(tokens) else None
    return (
        one.unit == "times" and j == i + 1 and _not(neg) and verb is not None
        and verb.kind == K.EVENT
    )  # fmt: skip


# "Any" before the object of a total negation: 什么标签都没有, 啥标签都没打, 任何标签都没有.
_ANY_OBJECT = frozenset({"什么", "啥", "乜", "乜嘢", "咩", "甚么", "任何", "任何的"})


def _any_before_none(tokens: list[Token], i: int) -> bool:
    tok, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    if tok.kind != K.UNKNOWN or tok.text not in _ANY_OBJECT or nxt is None:
        return False
    return nxt.kind == K.NEG and nxt.value is True


def _total_negation_at(tokens: list[Token], i: int) -> tuple[list[Token], int] | None:
    tok = tokens[i]
    if _once_after_negation(tokens, i):
        return [], i + 1
    any_word = tok.text in _ANY_OBJECT and tok.kind not in (K.NAME, K.QUOTE)
    one = tok.kind == K.NUM and tok.value == 1
    if not any_word and (not one or tok.unit not in (None, "times", "people", "measure")):
        return None
    j = i + 1
    objects: list[Token] = []
    while j < len(tokens) and tokens[j].kind in (K.EVENT, K.TAGWORD, K.UNIT, K.FILLER):
        if tokens[j].kind in (K.EVENT, K.TAGWORD):  # 一次"货"都没退过: the goods add nothing
            objects.append(tokens[j])
        j += 1
    if j >= len(tokens):
        return None
    even = tokens[j]
    if even.kind == K.BOTH or (even.kind == K.AND and even.text == "也"):
        j += 1  # 一单都没下; without 都 ("一单未下") the object must be named
    elif any_word or (not objects and not _once_not_verb(tokens, i, j)):
        return None  # 什么标签都没有: "any" needs its 都 (什么标签没有 asks which)
    if any_word and not objects:
        return None
    neg = tokens[j] if j < len(tokens) else None
    if neg is None or not _not(neg):
        return None
    if neg.kind == K.YET and any(o.kind == K.TAGWORD for o in objects):
        neg = Token(K.NEG, True, neg.start, neg.end, neg.text)  # no tag yet = no tag now
    end = j + 1
    if objects and end < len(tokens) and tokens[end].kind == K.UNKNOWN:  # noqa: SIM102
        if tokens[end].text in _SPLIT_VERBS:
            end += 1
    return [neg, *objects], end


def build_items(tokens: list[Token]) -> list[Item]:
    items: list[Item] = []
    current: Chunk | None = None
    for index, tok in enumerate(tokens):
        kind = tok.kind
        if kind == K.TAGWORD and current is not None and current.head() is not None:
            # "at-risk customers who are tagged VIP": a tag word before a name starts the
            # tag condition; after one ("VIP标签") it belongs to it.
            head = current.head()
            if (
                _names_next(tokens, index)
                and head is not None
                and head.kind in (K.NAME, K.QUOTE)
                and not _tag_then_place(head, tokens, index)
            ):
                current = None
        if kind in IGNORED:
            continue
        if kind in BREAKS:
            current = None
            items.append(tok)
            continue
        if kind == K.WINDOW:
            if current is not None and current.head() is None and current in items:
                items.insert(items.index(current), tok)
            else:
                items.append(tok)
            continue
        if kind == K.YET and tok.value is False:
            # "ever"/之前 before its verb ("who has ever ordered", "之前退過錢") is that verb's;
            # after one ("ordered ever", "never ordered before") it is the verb just said.
            target = None if _verb_follows(tokens, index) else current or _last_chunk(items)
            if target is not None:
                target.tokens.append(tok)
                continue
        if current is None or _starts_new(current, tok):
            current = Chunk()
            items.append(current)
        current.tokens.append(tok)
    return items


def _verb_follows(tokens: list[Token], index: int) -> bool:
    following = (t for t in tokens[index + 1 :] if t.kind not in IGNORED)
    return next((t.kind for t in following), None) in (K.EVENT, K.NEG)


def _tag_then_place(head: Token, tokens: list[Token], index: int) -> bool:
    """ "vip标签 北京的": the tag word closes the tag just named when the name after it can
    be no tag (a city, a colleague) — it is the next condition, not the tag word's name."""
    if head.kind != K.NAME or not any(m.kind == "tag" for m in head.meanings):
        return False
    after = next((t for t in tokens[index + 1 :] if t.kind not in IGNORED), None)
    if after is None or after.kind != K.NAME or not after.meanings:
        return False
    return all(m.kind != "tag" for m in after.meanings)


def _has_name(chunk: Chunk) -> bool:
    return any(t.kind in (K.NAME, K.QUOTE) for t in chunk.tokens)


def _names_next(tokens: list[Token], index: int) -> bool:
    """A name follows the tag word as its own ("tag VIP"), not after a preposition that
    starts another condition ("the 待跟进 tag in Shanghai": a place)."""
    for tok in tokens[index + 1 :]:
        if tok.kind not in IGNORED:
            return tok.kind in (K.NAME, K.QUOTE)
        if tok.text.lower() in _PLACE_PREPOSITIONS:
            return False
    return False


_PLACE_PREPOSITIONS = frozenset(
    ["in", "from", "at", "based in", "located in", "living in", "who live in", "who are in",
     "who are from", "who live", "out of", "near", "around", "who are based in"]
)  # fmt: skip


def _last_chunk(items: list[Item]) -> Chunk | None:
    return next((i for i in reversed(items) if isinstance(i, Chunk)), None)


def _event_kind(tok: Token) -> str:
    return str(tok.value).split(":")[0]


ITEM_MEANINGS = ("product", "category", "sku")


def names_item(tok: Token) -> bool:
    """A name that may be a product, category or SKU, or a quoted name nothing else is:
    after an event verb it is what the event was about ("买过玻尿酸面霜", "咨询过“X”")."""
    if any(m.kind in ITEM_MEANINGS for m in tok.meanings):
        return True  # a name, or a word of the language that is also a product's name
    return tok.kind == K.QUOTE and not tok.meanings


_UNCOUNTED = {K.MY, K.MYDEPT, K.GENDER, K.UNTAGGED, K.ATTRIBUTE}


def _starts_new(chunk: Chunk, tok: Token) -> bool:
    head = chunk.head()
    kind = tok.kind
    if kind in HEADS:
        if head is None:
            return False
        if head.kind == K.EVENT and names_item(tok) and not _has_name(chunk):
            return False  # the object of the event: one chunk, one condition
        if kind == K.EVENT and head.kind == K.EVENT:
            return _event_kind(tok) != _event_kind(head)
        if kind == K.SPEND and head.kind == K.EVENT and _event_kind(head) == "order":
            return chunk.has(K.NUM)
        return not (kind == K.EVENT and head.kind == K.SPEND and _event_kind(tok) == "order")
    if kind == K.RANK:  # "my top 10 spenders": the ranking is not part of "my"
        return head is not None and head.kind not in (K.SPEND, K.EVENT, K.SCORE)
    if kind == K.NEG and tok.value == "post":  # 上海以外: excludes what it follows
        return False
    if kind == K.NEG or (kind == K.YET and tok.value is True):
        return head is not None
    if kind in (K.TAGWORD, K.SAVEDWORD):
        return head is not None and head.kind not in (K.NAME, K.QUOTE)
    if kind == K.CMP and tok.value[1] == "pre":
        # "in Shanghai with over 3 orders": a comparison starts what it compares, unless it
        # follows the count or amount it belongs to ("下单超过3次", "spent over 1000").
        countable = (K.EVENT, K.SPEND, K.SCORE)
        return head is not None and (chunk.has(K.NUM) or head.kind not in countable)
    if kind == K.NUM and head is not None and head.kind in _UNCOUNTED:
        return True  # "my accounts with 2 or more orders": the number counts what follows
    if kind == K.NUM:
        last = chunk.tokens[-1].kind if chunk.tokens else None
        return chunk.has(K.NUM) and last not in (K.TO, K.BETWEEN)
    return False
