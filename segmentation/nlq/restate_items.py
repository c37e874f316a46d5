"""Product, category and SKU conditions in plain words (zh / en): "近30天买过“玻尿酸面霜”",
"inquired about “Serum” but did not buy it" is said as two such phrases."""

from __future__ import annotations

from segmentation.nodes import ItemCount, ItemEvent

# kind → (zh verb "did", zh verb "did not", zh verb for counts, en "did", en "did not" (+ base
# form), en noun for counts). A deployment's own kind reads as "a <kind> event about X".
_VERBS: dict[str, tuple[str, str, str, str, str, str]] = {
    "order": ("买过", "没买过", "购买", "bought", "did not buy", "purchases"),
    "inquiry": ("咨询过", "没咨询过", "咨询", "inquired about", "did not inquire about",
                "inquiries about"),
    "visit": ("到店看过", "没到店看过", "到店看", "visited for", "did not visit for",
              "visits for"),
    "cart": ("加购过", "没加购过", "加购", "added to cart", "did not add to cart",
             "add-to-carts of"),
    "refund": ("退过", "没退过", "退", "refunded", "did not refund", "refunds of"),
}  # fmt: skip
_OP_ZH = {">": "超过", ">=": "至少", "<": "少于", "<=": "不超过", "=": "正好"}
_OP_EN = {">": "more than", ">=": "at least", "<": "fewer than", "<=": "at most", "=": "exactly"}


def _verbs(kind: str) -> tuple[str, str, str, str, str, str]:
    return _VERBS.get(
        kind,
        (f"有过{kind}", f"没有过{kind}", kind, f"had a {kind} event about",
         f"had no {kind} event about", f"{kind} events about"),
    )  # fmt: skip


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
