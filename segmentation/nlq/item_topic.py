"""A category or product said first, as the topic, before its event (issue 19): 彩妆类下过单的,
护肤类买过的, 護膚類近30日買過嘅, 彩妆类没买过的, 玻尿酸面霜只买过一次的, 唇釉和精华液都买过的,
精华液的咨询客户, "Serum X 的 inquiry 客户". Chinese puts the object first; the item grammar
reads it after its verb (买过护肤类的), so the object moves there."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.chunks import ITEM_MEANINGS
from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# Between the topic and its verb: the verb's own window, negation, 都 (all of the names) and
# an exact or bounding count word said before it (玻尿酸面霜只买过一次, 精华液至少买过2次).
_BETWEEN = frozenset({K.WINDOW, K.NEG, K.YET, K.BOTH, K.CMP})
# Between the names of a fronted list: 唇釉和精华液都买过, 唇釉、精华液或口红买过的.
_LIST_LINKS = frozenset({("and", "list"), ("or", True)})


def item_topic_first(tokens: list[Token]) -> list[Token]:
    """[names (类), (window/negation/都/只…), event] → [(window/negation…), event, names (类)]."""
    out = _listed_categories(tokens)
    i = 0
    while i + 1 < len(out):
        topic = _topic_end(out, i)
        if topic is not None:
            j = topic + _comma_after(out, topic)  # 玻尿酸面霜，买过3次以上的
            while j < len(out) and (_between(out[j]) or _asked_who(out, j)):
                j += 1
            while (once := _not_once(out, j)) or (j < len(out) and _between(out[j])):
                j += once or 1  # 一单都没买过: the one, its measure and 都, then the negation
            if j < len(out) and out[j].kind == K.EVENT and not _english_order(out, i, j):
                out[i : j + 1] = [*out[topic : j + 1], *out[i:topic]]
                i = j + 1
                continue
            noun = _event_noun_at(out, topic)
            if noun is not None:  # 精华液的咨询客户: the inquiry customers of 精华液
                out[i : noun + 1] = [out[noun], *out[i:noun]]
                i = noun + 1
                continue
        buyers = _buyers_at(out, i)
        if buyers is not None:  # "skincare category buyers", 护肤类的 buyers: bought in it
            name, customer = out[i : buyers - 1], out[buyers - 1]
            bought = replace(customer, kind=K.EVENT, value="order", meanings=())
            out[i:buyers] = [bought, *name, customer]
            i = buyers + 1
            continue
        i += 1
    return _both_before_event(out)


def _both_before_event(tokens: list[Token]) -> list[Token]:
    """ "bought both Serum X and 精华液", 买过全都…: the 'both' said between the verb and its
    names belongs to the list; put before the verb, where 同时/都 are said, the item grammar
    reads the list as all of them (items_grammar.join_item_lists)."""
    out = list(tokens)
    for i in range(len(out) - 2):
        event, both, name = out[i], out[i + 1], out[i + 2]
        if event.kind == K.EVENT and both.kind == K.BOTH and _item_only(name):
            out[i], out[i + 1] = both, event
    return out


def _comma_after(tokens: list[Token], j: int) -> int:
    """1 when a comma sets the topic off from its verb (玻尿酸面霜，买过3次以上的), else 0."""
    return int(j < len(tokens) and tokens[j].kind == K.SEP and tokens[j].text in (",", "，"))


def _between(tok: Token) -> bool:
    if tok.kind == K.CMP:
        return tok.value[1] == "pre"
    return tok.kind in _BETWEEN


def _not_once(tokens: list[Token], j: int) -> int:
    """彩妆类一次都没买过 / 精华液一件也冇买过 / 彩妆类一单都没买过 / 一张单都冇落过: "not
    once" (one, its measure 单 if said apart, then 都/也, then a negation) stands between the
    topic and its verb as a negation does."""
    if j >= len(tokens) or tokens[j].kind != K.NUM or tokens[j].value != 1:
        return 0
    k = j + 1
    if k < len(tokens) and tokens[k].kind == K.EVENT and tokens[k].value == "order:weak":
        k += 1  # 一单 / 一张单: the measure of orders, no verb of its own
    if k + 1 >= len(tokens):
        return 0
    both, neg = tokens[k], tokens[k + 1]
    said = (both.kind == K.BOTH or both.text == "也") and neg.kind in (K.NEG, K.YET)
    return k + 1 - j if said else 0  # up to the negation, which _between passes


# 有人 / 有没有人 / 有冇人 / 有谁 / 谁 / 有哪些人 / 几个人 between the topic and its verb ask
# who did it (护肤类今年有冇人退过货, 彩妆类商品这个月有人买吗, 唇釉有谁买过): the verb's
# subject, not a condition; the item is still its object.
_SOMEONE = frozenset({"有", "有没有", "有冇", "有无", "有没", "是否有", "是不是有"})


def _asked_who(tokens: list[Token], j: int) -> bool:
    tok = tokens[j]
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if tok.kind == K.CUSTOMER:  # the 人 of 有人 (its 有 was passed just before)
        prev = tokens[j - 1] if j > 0 else None
        return prev is not None and (prev.kind == K.INTENT or prev.text in _SOMEONE)
    if nxt is None or nxt.kind not in (K.CUSTOMER, K.EVENT):
        return False
    if tok.kind == K.INTENT:  # 有谁 / 谁 / 有哪些 (人) / 几个人
        return True
    if tok.kind == K.FILLER and tok.text in ("有", "有过") and nxt.kind == K.EVENT:
        return True  # 護膚類有下訂: 有 before the verb says it happened, as 有买过 does
    return tok.kind == K.FILLER and tok.text in _SOMEONE and nxt.kind == K.CUSTOMER


def _english_order(tokens: list[Token], start: int, event: int) -> bool:
    """English says the verb first: "serum x ordered" is no fronted object."""
    return all(t.text.isascii() for t in tokens[start : event + 1])


_BUYERS = frozenset({"buyers", "purchasers", "shoppers", "buyer", "purchaser", "shopper"})


def _buyers_at(tokens: list[Token], i: int) -> int | None:
    """The end (exclusive) of [name, (item word), (的), buyers] at `i`, or None."""
    if i + 2 >= len(tokens):
        return None
    first = tokens[i]
    j = i + 1
    if tokens[j].kind == K.ITEMWORD:
        j += 1
    elif not _item_only(first):
        return None  # a bare name before "buyers" only when it is a product or category
    if j < len(tokens) and tokens[j].kind == K.DE and not tokens[j].text.isascii():
        j += 1  # 护肤类的 buyers, Serum X 的 buyers
    third = tokens[j] if j < len(tokens) else None
    found = (
        first.kind in (K.NAME, K.QUOTE)
        and j > i + 1
        and third is not None
        and third.kind == K.CUSTOMER
        and third.text.lower() in _BUYERS
        and (i == 0 or tokens[i - 1].kind not in (K.EVENT, K.NEG, K.YET))
    )
    return j + 1 if found else None


def _listed_categories(tokens: list[Token]) -> list[Token]:
    """`tokens` without the 类 of each category in a list that says it after every name
    (护肤类和彩妆类都买过 = 护肤和彩妆都买过): the names are categories either way."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        end = i
        while _category_with_word(tokens, end) and (
            end == i or tokens[end - 1].kind in (K.AND, K.OR)
        ):
            end += 3  # name, 类, then 和 (the last 和 is given back below)
        if end - i >= 6:  # two categories or more, each with its 类
            listed = tokens[i : end - 1]
            out += [t for t in listed if t.kind != K.ITEMWORD]
            i = end - 1
            continue
        out.append(tokens[i])
        i += 1
    return out


def _category_with_word(tokens: list[Token], i: int) -> bool:
    return (
        i + 1 < len(tokens)
        and _category(tokens[i])
        and tokens[i + 1].kind == K.ITEMWORD
        and tokens[i + 1].value == "category"
    )


def _category(tok: Token) -> bool:
    return tok.kind in (K.NAME, K.QUOTE) and any(m.kind == "category" for m in tok.meanings)


def _item_only(tok: Token) -> bool:
    """A name that is a product, category or SKU and nothing else (a tag 精华液 would be a
    condition of its own before the verb)."""
    return (
        tok.kind in (K.NAME, K.QUOTE)
        and bool(tok.meanings)
        and all(m.kind in ITEM_MEANINGS for m in tok.meanings)
    )


# Events said of a product (bought, asked about, refunded, carted): what a quoted unknown
# name fronted before one of them can only be (「口红」买过的是谁 asks for a product).
_ITEM_EVENTS = frozenset({"order", "inquiry", "refund", "cart"})


def _unknown_object(tokens: list[Token], i: int) -> bool:
    """A quoted name nothing is called right before a product's verb (a window may stand
    between): its object, so an unknown one is asked as a product or category."""
    tok = tokens[i]
    if tok.kind != K.QUOTE or tok.meanings:
        return False
    j = i + 1 + int(i + 1 < len(tokens) and tokens[i + 1].kind == K.WINDOW)
    verb = tokens[j] if j < len(tokens) else None
    return (
        verb is not None
        and verb.kind == K.EVENT
        and str(verb.value).split(":")[0] in _ITEM_EVENTS
        and not verb.text.isascii()
    )


def _topic_end(tokens: list[Token], i: int) -> int | None:
    """The end (exclusive) of the fronted names at `i` — one name with its 类/品类, or a list
    of product names joined by 和/、/或 — or None. Never right after a verb, which takes
    them as its object (咨询过精华液买过唇釉的)."""
    if i > 0 and tokens[i - 1].kind in (K.EVENT, K.NEG, K.YET):
        return None
    first = tokens[i]
    pointer = _pointer_before_item_word(tokens, i + 1)
    second = tokens[i + 1 + pointer] if i + 1 + pointer < len(tokens) else None
    if first.kind in (K.NAME, K.QUOTE) and second is not None and second.kind == K.ITEMWORD:
        if first.text.isascii() and second.text.isascii():
            return None  # Chinese word order only
        if second.value != "category" and not _item_only(first):
            return None  # a product's 产品 after a name of something else stays where it is
        if pointer:  # 护肤这个品类: the pointer only names the category again
            del tokens[i + 1 : i + 1 + pointer]
        return i + 2
    if not (_item_only(first) or _unknown_object(tokens, i)):
        return None
    end = i + 1
    while (
        end + 1 < len(tokens)
        and (tokens[end].kind.value, tokens[end].value) in _LIST_LINKS
        and _item_only(tokens[end + 1])
    ):
        end += 2
    return end


# 这 / 那 / 呢 (HK) with its one and measure between a name and its 类 / 品类 (护肤这个品类, 彩妆
# 那类, 護膚呢一類): they point at the category just named and say nothing more.
_POINTERS = frozenset({"这", "那", "呢", "嗰"})


def _pointer_before_item_word(tokens: list[Token], j: int) -> int:
    """How many tokens from `j` are such a pointer (0 when none is)."""
    if j >= len(tokens) or tokens[j].text not in _POINTERS:
        return 0
    k = j + 1
    if k < len(tokens) and tokens[k].kind == K.NUM and tokens[k].value == 1:
        k += 1  # 这一类
    if k < len(tokens) and tokens[k].kind == K.UNIT:
        k += 1  # 这个品类
    return k - j if k < len(tokens) and tokens[k].kind == K.ITEMWORD else 0


def _event_noun_at(tokens: list[Token], j: int) -> int | None:
    """The event word at `j` + 1 after a 的, said as a noun before 客户 (精华液的咨询客户, Serum
    X 的 inquiry 客户, 唇釉的退货客户): its index, or None."""
    if j + 2 >= len(tokens) or tokens[j].kind != K.DE or tokens[j].text.isascii():
        return None
    event, customer = tokens[j + 1], tokens[j + 2]
    # (an English "buyers" is read as the order and the customers, one span: both move)
    english = customer.text.isascii() and customer.start != event.start
    if event.kind == K.EVENT and customer.kind == K.CUSTOMER and not english:
        return j + 1
    return None
