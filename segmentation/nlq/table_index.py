"""Indexes over the vocabulary's name tables, built once per table.

A question back compares an unknown word with every name of a kind — 10,000 tags in a big
company. The tables are made once per vocabulary load and then only read, so an index keyed
by the table's identity (the table kept alive beside it, so the identity is never reused)
turns each comparison into a few look-ups.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

Index = TypeVar("Index")

# (table id, what the index is) → (the table, its size when indexed, the index)
_INDEXES: dict[tuple[int, str], tuple[Mapping[str, str], int, Any]] = {}
_KEPT_AT_MOST = 64  # tables made for one question must never pile up


def table_index(
    table: Mapping[str, str], kind: str, build: Callable[[Mapping[str, str]], Index]
) -> Index:
    """`build(table)`, computed once per table and `kind` of index."""
    key = (id(table), kind)
    kept = _INDEXES.get(key)
    if kept is not None and kept[0] is table and kept[1] == len(table):
        index: Index = kept[2]
        return index
    index = build(table)
    if len(_INDEXES) >= _KEPT_AT_MOST:
        _INDEXES.clear()
    _INDEXES[key] = (table, len(table), index)
    return index
