"""A share asked of one value ("VIP客户占比", "上海客户占多少比例", "what percentage of my
customers are in Shanghai", "what share of customers are women"): read as the breakdown by
that value's dimension, whose rows carry each group's share of the whole — the value asked
about among them. A value with no dimension to break down by (a window, an event) is left
to the other readings, which ask what they cannot read."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import (
    And,
    ChannelCode,
    City,
    Gender,
    HasTag,
    InDepartment,
    NamedSegment,
    Node,
    Owner,
)

_SHARE_ZH = (
    r"(?:所占的?比例|所占比重|的?占比|的?比例|的?比重|占(?:了|咗)?(?:多少|几多|几成|百分之几|多大)"
    r"(?:的)?(?:比例|比重|百分比)?)"
)
# [base 里/中] value [客户] 占比 [是多少]: "我的客户里VIP占比", "上海客户占多少比例"
_ZH = lazy_pattern(
    r"^(?:(?P<base>.+?)(?:里面|里头|当中|之中|里|中|入面))?\s*(?P<value>.+?)\s*(?:的|嘅)?"
    r"(?:客户|客人|顾客|客)?\s*" + _SHARE_ZH + r"\s*(?:是|系|有)?(?:多少|几多|几何)?[?？。]*$"
)
# "what percentage of my customers are in Shanghai", "what share of customers are VIPs"
_EN_OF = lazy_pattern(
    # (normalising takes the space out between English and Chinese: "of沉睡 customers")
    r"^(?:what|which)\s+(?:share|percentage|proportion|percent|fraction|part)\s+of"
    r"(?:\s+|(?=[\u4e00-\u9fff]))"
    r"(?P<base>.+?)\s+(?:are|is|were|come\s+from|live\s+in)\s+(?P<value>.+?)\s*[?.]*$",
    re.I,
)
# "what's the share of VIPs among my customers", "percentage of women"
_EN_AMONG = lazy_pattern(
    r"^(?:what(?:'s|\s+is)\s+)?(?:the\s+)?(?:share|percentage|proportion|percent)\s+of\s+"
    r"(?P<value>.+?)(?:\s+(?:among|in|of|within)\s+(?P<base>.+?))?\s*[?.]*$",
    re.I,
)
# A "which" that stands for the value's group, not for customers: read as the value's place.
_EN_VALUE_LEAD = lazy_pattern(r"^(?:in|from|based\s+in)\s+", re.I)


@dataclass(frozen=True)
class Share:
    """The words naming the value whose share is asked, and the whole it is a share of
    ("" when everyone)."""

    value: str
    base: str


def share_asked(norm: str) -> Share | None:
    """The share `norm` (normalised) asks for, or None."""
    for pattern in (_EN_OF, _EN_AMONG, _ZH):
        found = pattern.match(norm.strip())
        if found is None:
            continue
        value = _EN_VALUE_LEAD.sub("", found.group("value") or "").strip()
        base = (found.group("base") or "").strip()
        if value:
            return Share(value, base)
    return None


def dimension_of(node: Node, rfm_keys: Collection[str]) -> str | None:
    """The breakdown dimension one value belongs to (上海 → city, VIP → tag; a named segment
    when it is one of the catalog's RFM classes, `rfm_keys`), or None."""
    if isinstance(node, And) and len(node.children) == 1:
        node = node.children[0]
    if isinstance(node, City):  # its names are one city's spellings (上海, 上海市, shanghai)
        return "city"
    if isinstance(node, Gender):
        return "gender"
    if isinstance(node, HasTag):
        return "tag"
    if isinstance(node, Owner):
        return "owner"
    if isinstance(node, InDepartment):
        return "department"
    if isinstance(node, ChannelCode):
        return "channel"
    if isinstance(node, NamedSegment) and node.key in rfm_keys:
        return "rfm"
    return None
