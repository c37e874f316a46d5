"""Product, category and SKU conditions in plain words (zh / en): "近30天买过“玻尿酸面霜”",
"inquired about “Serum” but did not buy it" is said as two such phrases."""

from __future__ import annotations

from segmentation.kinds.event_words import event_words
from segmentation.kinds.words import OP_EN as _OP_EN
from segmentation.kinds.words import OP_ZH as _OP_ZH
from segmentation.nodes import ItemCount, ItemEvent


def _verbs(kind: str) -> tuple[str, str, str, str, str, str]:
    """zh "did", zh "did not", zh counted, en "did", en "did not" (+ base form), en counted;
    a deployment's own kind reads as "a <kind> event about X"."""
    return event_words(kind).item


def item_object(node: ItemEvent | ItemCount, zh: bool) -> str:
    """“玻尿酸面霜”, “护肤”类商品, SKU “HA-001” (several names: any of them)."""
    joiner = "或" if zh else " or "
    names = joiner.join(f"“{n}”" for n in node.names)
    if node.item == "category":
        return f"{names}类商品" if zh else f"anything in {names}"
    if node.item == "sku":
        return f"SKU {names}"
    return names


def item_phrase(node: ItemEvent, when: str, zh: bool, negated: bool = False) -> str:
    did, did_not, _, did_en, did_not_en, _ = _verbs(node.event_kind)
    thing = item_object(node, zh)
    if zh:
        if negated and node.window is None:
            return f"从没{did.removeprefix('有')}{thing}"
        return f"{when}{did_not if negated else did}{thing}"
    if negated and node.window is None:
        return f"have never {did_en} {thing}"
    return f"{did_not_en if negated else did_en} {thing}{when}"


def item_count_phrase(node: ItemCount, when: str, zh: bool) -> str:
    _, _, noun_zh, _, _, noun_en = _verbs(node.event_kind)
    thing = item_object(node, zh)
    if zh:
        return f"{when}{noun_zh}{thing}{_OP_ZH[node.op]}{node.value}次"
    return f"had {_OP_EN[node.op]} {node.value} {noun_en} {thing}{when}"
