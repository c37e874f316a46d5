"""A chunk about products, categories or SKUs → an item condition (spec §2b), or a question:
"近30天买过玻尿酸面霜", "买过护肤类的", "咨询过“X”", "bought anything from skincare",
"买玻尿酸面霜超过2次". The names come from the events (vocabulary); an unknown one is asked
back with the closest known products and categories, never dropped or guessed."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from segmentation.kinds.item_only import ItemOnly
from segmentation.nlq.ask import Ask, did_you_mean
from segmentation.nlq.chunks import ITEM_MEANINGS, Chunk, names_item
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token
from segmentation.nlq.vocabulary import Meaning, Vocabulary
from segmentation.nodes import And, ItemCount, ItemEvent, Node, Window

ITEM_ALLOWED = {K.EVENT, K.NAME, K.QUOTE, K.ITEMWORD, K.NEG, K.YET, K.CMP, K.MOST, K.NUM, K.TO}
ITEM_ALLOWED |= {K.RANGE_TAIL, K.BETWEEN}
_FIELD_ZH = {"product": "商品", "category": "品类", "sku": "SKU"}
_FIELD_EN = {"product": "product", "category": "category", "sku": "SKU"}


def is_item_chunk(chunk: Chunk) -> bool:
    """An event verb with a name or an item word in the same chunk."""
    kinds = {t.kind for t in chunk.tokens}
    named = any(names_item(t) for t in chunk.tokens)
    return K.EVENT in kinds and (named or bool(kinds & {K.NAME, K.QUOTE, K.ITEMWORD}))


def item_targets(chunk: Chunk, vocab: Vocabulary) -> tuple[str, tuple[str, ...]]:
    """(field, names) the chunk is about: every name must be a known product, category or SKU
    of one field (an item word — 类/品类/产品/sku — says which when a name is several)."""
    hints = {str(t.value) for t in chunk.tokens if t.kind == K.ITEMWORD}
    names = [t for t in chunk.tokens if t.kind in (K.NAME, K.QUOTE) or names_item(t)]
    if not names:
        raise _which_item(chunk, hints)
    chosen: list[Meaning] = []
    for tok in names:
        chosen.append(_meaning(tok, hints, vocab))
    fields = {m.kind for m in chosen}
    if len(fields) > 1:
        raise Ask(
            "“" + "”“".join(m.display for m in chosen) + "”不是同一类名称（商品/品类），请分开说。",
            "“" + "”, “".join(m.display for m in chosen) + "” are not all products or all "
            "categories; please ask about them separately.",
        )
    return fields.pop(), tuple(dict.fromkeys(str(m.value) for m in chosen))


def item_tokens_only(chunk: Chunk) -> bool:
    """Every token is one an item condition reads (names, words of the language that are a
    product's name too, the event, counts, negation)."""
    return all(t.kind in ITEM_ALLOWED or names_item(t) for t in chunk.tokens)


def _meaning(tok: Token, hints: set[str], vocab: Vocabulary) -> Meaning:
    word = str(tok.value) if tok.kind == K.QUOTE else tok.text
    items = [m for m in tok.meanings if m.kind in ITEM_MEANINGS]
    if hints:
        named = items
        items = [m for m in items if m.kind in hints]
        if not items and hints == {"product"} and {m.kind for m in named} == {"category"}:
            items = named  # "skincare products", "护肤产品": the products of that category
    unique = {(m.kind, m.value): m for m in items}
    if not unique:
        raise item_question(word, vocab, next(iter(hints)) if len(hints) == 1 else None)
    if len(unique) > 1:
        options = [f"{_FIELD_ZH[m.kind]}“{m.display}”" for m in unique.values()]
        options_en = [f"the {_FIELD_EN[m.kind]} “{m.display}”" for m in unique.values()]
        raise Ask(
            f"“{word}”可能指：" + "、".join(options) + "。请说明是哪一个，例如“买过{word}类的”。",
            f"“{word}” may mean: " + ", ".join(options_en) + ". Which one?",
            options,
        )
    return next(iter(unique.values()))


def item_question(word: str, vocab: Vocabulary, field: str | None = None) -> Ask:
    """An unknown product or category: the closest known ones (of that field, when said)."""
    fields = (field,) if field else ITEM_MEANINGS
    hints = did_you_mean(word, vocab.candidates_in(fields, word.isascii()), cutoff=50)
    what_zh = _FIELD_ZH[field] if field else "商品或品类"
    what_en = _FIELD_EN[field] if field else "product or category"
    known = [name for f, name in vocab.items if f in fields]
    if hints:
        zh_tail = "您是指" + "、".join(f"“{h}”" for h in hints) + "吗？"
        en_tail = " Did you mean " + ", ".join(f"“{h}”" for h in hints) + "?"
    elif known:
        zh_tail = "已知的有：" + "、".join(f"“{k}”" for k in known[:5]) + "。"
        en_tail = " Known ones: " + ", ".join(f"“{k}”" for k in known[:5]) + "."
    else:
        zh_tail = "事件数据里还没有商品或品类（properties 的 product/category）。"
        en_tail = " No event carries a product or category yet (properties.product/category)."
    return Ask(
        f"没有找到{what_zh}“{word}”。" + zh_tail,
        f"There is no {what_en} “{word}”." + en_tail,
        hints or known[:3],
    )


def _which_item(chunk: Chunk, hints: set[str]) -> Ask:
    field = next(iter(hints)) if len(hints) == 1 else "product"
    return Ask(
        f"“{chunk.text()}”：请说出{_FIELD_ZH[field]}名称，例如“买过“玻尿酸面霜”的客户”。",
        f"“{chunk.text()}”: which {_FIELD_EN[field]}? Name it, e.g. 'bought “Serum X”'.",
    )


def verbless_item_question(word: str, meanings: list[Meaning]) -> Ask:
    """A product or category named without what was done with it ("玻尿酸面霜的客户")."""
    display = meanings[0].display
    return Ask(
        f"“{word}”是{_FIELD_ZH[meanings[0].kind]}：是买过还是咨询过它的客户？",
        f"“{word}” is a {_FIELD_EN[meanings[0].kind]}: customers who bought it, or who "
        "asked about it?",
        [f"买过“{display}”的客户", f"咨询过“{display}”的客户"],
    )


def item_builder(
    kind: str,
    field: str,
    names: tuple[str, ...],
    counts: list[tuple[str, Decimal]] | None,
    every: bool = False,
) -> Callable[[Window | None], Node]:
    """The node maker of an item condition: performed, or counted ("3次以上"); `every`: so
    many events, each of them about the names ("下单3次以上且都买的彩妆")."""
    counted: Callable[..., Node] = ItemOnly if every else ItemCount

    def build(window: Window | None) -> Node:
        if counts is None:
            return ItemEvent(kind, field, names, window)  # type: ignore[arg-type]
        made = [counted(kind, field, names, op, int(v), window) for op, v in counts]
        return made[0] if len(made) == 1 else And(tuple(made))

    return build
