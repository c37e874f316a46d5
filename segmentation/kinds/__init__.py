"""Condition kinds: one module per kind, each registering every facet (kinds/registry.py).

Importing this package registers them all. Dispatchers import the package
(`from segmentation import kinds`) and call `kinds.kind_of(node)` when they run, so the
registry is complete then even when the package was still loading at their import.
"""

from __future__ import annotations

# Every kind module; each registers its Kind on import.
from segmentation.kinds import (  # noqa: F401  (registration is the import's effect)
    added_via,
    avg_order_value,
    campaign_coupon,
    campaign_message,
    channel_code,
    city,
    company,
    department,
    event_count,
    gender,
    has_tag,
    item_count,
    item_event,
    new_customer,
    owner,
    performed,
    refund_amount,
    remark,
    score,
    spend,
    untagged,
)
from segmentation.kinds.registry import CORE_TYPES, KINDS, Kind, UnregisteredKind, kind_of, register

__all__ = ["CORE_TYPES", "KINDS", "Kind", "UnregisteredKind", "kind_of", "register"]
