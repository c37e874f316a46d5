"""What an event was about: the `product`, `category` and `sku` of its properties, and the
match keys that product conditions compare.

Names are matched like tags: case, full/half width and Simplified/Traditional script aside
(“玻尿酸麵霜” is 玻尿酸面霜, "SKINCARE" is "skincare"). Every writer of events stores the key of
each name in its own column (events.product_key, category_key, sku_key), so a condition is an
equality on an indexed column, never a JSON scan; and the names themselves are kept once in
`event_item_names`, the vocabulary's list of known products, categories and SKUs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

ItemField = Literal["product", "category", "sku"]
ITEM_FIELDS: tuple[ItemField, ...] = ("product", "category", "sku")
KEY_COLUMNS: dict[str, str] = {f: f"{f}_key" for f in ITEM_FIELDS}
# Keys and names longer than this are cut (a product name is a name, not a description);
# the condition cuts the name it looks for the same way, so they still match.
MAX_NAME = 128


def item_key(name: str) -> str:
    """The match key of a product, category or SKU name ("" for a blank name)."""
    # Imported here: the text module builds OpenCC's converter (~15 ms), which the models
    # need only when an event with a product is written.
    from segmentation.text import normalize_name

    return normalize_name(name.strip())[:MAX_NAME]


def item_names(properties: Any) -> dict[str, str]:
    """{field: name as written} for the product, category and SKU an event carries (string or
    number values only; a blank one is absent)."""
    if not isinstance(properties, Mapping):
        return {}
    out: dict[str, str] = {}
    for name in ITEM_FIELDS:
        value = properties.get(name)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            continue
        text = str(value).strip()[:MAX_NAME]
        if text and item_key(text):
            out[name] = text
    return out


def item_columns(properties: Any) -> dict[str, str | None]:
    """The key columns of an event with these properties (None where it carries no name)."""
    names = item_names(properties)
    return {KEY_COLUMNS[f]: (item_key(names[f]) if f in names else None) for f in ITEM_FIELDS}


def item_name_rows(properties_list: Iterable[Any]) -> list[dict[str, str]]:
    """Rows of event_item_names (field, key, name) for these events' names, one per key."""
    seen: dict[tuple[str, str], str] = {}
    for properties in properties_list:
        for name, text in item_names(properties).items():
            seen.setdefault((name, item_key(text)), text)
    return [{"field": f, "key": k, "name": n} for (f, k), n in sorted(seen.items())]
