"""Hypothesis strategies: random segment trees over the names a test dataset uses."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hypothesis import strategies as st

from segmentation.kinds import KINDS
from segmentation.kinds.item_only import ItemOnly
from segmentation.nodes import (
    AddedVia,
    All,
    And,
    AvgOrderValue,
    CampaignCoupon,
    CampaignMessaged,
    ChannelCode,
    City,
    CompanyContains,
    EventCount,
    Gender,
    HasTag,
    InDepartment,
    ItemCount,
    ItemEvent,
    NamedSegment,
    NewCustomer,
    Node,
    Not,
    Or,
    Owner,
    Performed,
    Ranked,
    RefundAmount,
    RemarkContains,
    SavedSegment,
    Score,
    Spend,
    Untagged,
)
from segmentation.scope import Requester
from tests.segmentation.factory import KINDS as EVENT_KINDS
from tests.segmentation.factory import WINDOWS

NAMED_KEYS = (
    "high_value",
    "to_develop",
    "to_keep",
    "to_win_back",
    "general_value",
    "general_develop",
    "general_keep",
    "general_win_back",
    "at_risk",
    "dormant",
    "high_intent",
)
OPS = (">", ">=", "<", "<=", "=")
PURCHASE_METRICS = ("expected_purchases_30d", "expected_purchases_90d")
windows = st.sampled_from(WINDOWS)
kinds = st.sampled_from((*EVENT_KINDS, "refund"))

REQUESTERS = (
    Requester.all_access(),
    Requester("boss", "manager"),
    Requester("m1", "manager"),
    Requester("m2", "manager"),
    Requester("s1", "sales"),
    Requester("s2", "sales"),
    Requester("nobody", "sales"),
)


def leaves(saved_names: tuple[str, ...] = ()) -> st.SearchStrategy[Node]:
    options = [st.just(All()), *(strategy() for strategy in KIND_LEAVES.values())]
    options.append(st.builds(NamedSegment, st.sampled_from(NAMED_KEYS)))
    if saved_names:
        options.append(st.builds(SavedSegment, st.sampled_from(saved_names)))
    return st.one_of(*options)


def _names(values: tuple[object, ...]) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(st.sampled_from(values), min_size=1, max_size=2).map(tuple)


SPEND_VALUES = [Decimal(v) for v in ("0", "100", "250.5", "1000", "99.995", "50")]
# averages on and beside the factory's order amounts (a third of a fen included)
AVERAGES = [Decimal(v) for v in ("0", "100", "125.25", "250.5", "333.333", "1000", "50")]
# texts for company and remark matches: other cases and scripts than the stored ones
TEXTS = ("acme", "ACME", "科技", "華為", "华为", "trading", "老板", "老闆", "BOSS", "nope")
# Whole company names (an exact match, 公司是XX), in other spellings than stored too.
COMPANY_NAMES = ("华为技术", "华为技术 ", "acme trading", "小米", "上海科技", "ACME")
TAGS = ("VIP", "vip", "Vip", "金卡", "旧", "nope")
CITIES = ("上海", "北京", "Shanghai", "shanghai", "Guangzhou")
CODES = ("展会2026", "expo-a", "EXPO-A", "官网", "nope")

ITEM_NAMES = {
    "product": ("玻尿酸面霜", "玻尿酸麵霜", "serum", "ＳＥＲＵＭ", "口红", "nope"),
    "category": ("护肤", "護膚", "SKINCARE", "彩妆", "nope"),
    "sku": ("HA-001", "lr-9", "nope"),
}


def item_leaves(cls: type) -> st.SearchStrategy[Node]:
    """Product / category / SKU leaves, names in other spellings than the events'."""
    out: list[st.SearchStrategy[Node]] = []
    for item, names in ITEM_NAMES.items():
        listed = _names(names)
        if cls is ItemEvent:
            out.append(st.builds(ItemEvent, kinds, st.just(item), listed, windows))
        else:  # ItemCount, ItemOnly: (kind, item, names, op, count, window)
            ops = st.sampled_from(OPS)
            counts = st.integers(0, 3)
            out.append(st.builds(cls, kinds, st.just(item), listed, ops, counts, windows))
    return st.one_of(*out)


def contact_leaves(cls: type) -> st.SearchStrategy[Node]:
    """Campaign-contact leaves: one campaign (3 is real, 9 is not), the last one, or any."""
    which = st.sampled_from(((None, False), (None, True), (1, False), (3, False), (9, False)))
    if cls is CampaignMessaged:
        return st.builds(lambda w, win: CampaignMessaged(w[0], w[1], win), which, windows)
    return st.builds(
        lambda state, w, win: CampaignCoupon(state, w[0], w[1], win),
        st.sampled_from(("issued", "redeemed", "unredeemed")),
        which,
        windows,
    )


def scores() -> st.SearchStrategy[Node]:
    """Score leaves with thresholds on and beside the stored values (tests/…/factory.py)."""
    probability = st.sampled_from([Decimal(v) for v in ("0", "0.3", "0.5", "0.1", "1", "0.7")])
    purchases = st.sampled_from([Decimal(v) for v in ("0", "0.5", "1", "2", "0.25", "3")])
    money = st.sampled_from([Decimal(v) for v in ("0", "100", "99.995", "250.5", "1000")])
    ops = st.sampled_from(OPS)
    return st.one_of(
        st.builds(Score, st.just("p_alive"), ops, probability),
        st.builds(Score, st.sampled_from(PURCHASE_METRICS), ops, purchases),
        st.builds(Score, st.sampled_from(("expected_avg_value", "clv")), ops, money),
    )


def contacts() -> st.SearchStrategy[Node]:
    return st.one_of(contact_leaves(CampaignMessaged), contact_leaves(CampaignCoupon))


# A random-leaf strategy for every condition kind (segmentation/kinds), by node type.
KIND_LEAVES: dict[type, Callable[[], st.SearchStrategy[Node]]] = {
    Performed: lambda: st.builds(Performed, kinds, windows),
    EventCount: lambda: st.builds(
        EventCount, kinds, st.sampled_from(OPS), st.integers(0, 3), windows
    ),
    CompanyContains: lambda: st.builds(
        CompanyContains, st.sampled_from(TEXTS + COMPANY_NAMES), st.booleans()
    ),
    RemarkContains: lambda: st.builds(RemarkContains, st.sampled_from(TEXTS)),
    Spend: lambda: st.builds(Spend, st.sampled_from(OPS), st.sampled_from(SPEND_VALUES), windows),
    AvgOrderValue: lambda: st.builds(
        AvgOrderValue, st.sampled_from(OPS), st.sampled_from(AVERAGES), windows
    ),
    RefundAmount: lambda: st.builds(
        RefundAmount, st.sampled_from(OPS), st.sampled_from(SPEND_VALUES), windows
    ),
    ItemEvent: lambda: item_leaves(ItemEvent),
    ItemCount: lambda: item_leaves(ItemCount),
    ItemOnly: lambda: item_leaves(ItemOnly),
    HasTag: lambda: st.builds(HasTag, st.sampled_from(TAGS)),
    Untagged: lambda: st.just(Untagged()),
    Owner: lambda: st.builds(Owner, _names(("s1", "s2", "m1", "s3", "zz"))),
    InDepartment: lambda: st.builds(InDepartment, _names((1, 2, 3, 4, 99))),
    NewCustomer: lambda: st.builds(NewCustomer, windows),
    City: lambda: st.builds(City, _names(CITIES)),
    Gender: lambda: st.builds(Gender, st.sampled_from((1, 2))),
    AddedVia: lambda: st.builds(AddedVia, _names((0, 1, 2, 4, 16))),
    ChannelCode: lambda: st.builds(ChannelCode, _names(CODES)),
    CampaignMessaged: lambda: contact_leaves(CampaignMessaged),
    CampaignCoupon: lambda: contact_leaves(CampaignCoupon),
    Score: scores,
}


# Kinds whose modules declare the nodes to draw (Kind.samples: simple attribute kinds).
KIND_LEAVES |= {
    node_type: (lambda kind=kind: st.sampled_from(kind.samples()))  # type: ignore[misc]
    for node_type, kind in KINDS.items()
    if kind.samples is not None and node_type not in KIND_LEAVES
}


def _score_ranking(base: Node, direction: str, count: int | None, by: str) -> Node:
    percent = None if count is not None else Decimal("30")
    return Ranked(base, direction, count, percent, None, by)  # type: ignore[arg-type]


def trees(saved_names: tuple[str, ...] = (), max_leaves: int = 6) -> st.SearchStrategy[Node]:
    def extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
        ranked = st.builds(
            Ranked,
            children,
            st.sampled_from(("top", "bottom")),
            st.integers(1, 4),
            st.none(),
            windows,
        )
        ranked_pct = st.builds(
            Ranked,
            children,
            st.sampled_from(("top", "bottom")),
            st.none(),
            st.sampled_from([Decimal(v) for v in ("10", "20", "33.3", "50", "100")]),
            windows,
        )
        ranked_score = st.builds(
            _score_ranking,
            children,
            st.sampled_from(("top", "bottom")),
            st.sampled_from((1, 3, None)),
            st.sampled_from(("clv", "p_alive", "expected_purchases_30d")),
        )
        return st.one_of(
            st.lists(children, min_size=2, max_size=3).map(lambda c: And(tuple(c))),
            st.lists(children, min_size=2, max_size=3).map(lambda c: Or(tuple(c))),
            children.map(Not),
            ranked,
            ranked_pct,
            ranked_score,
        )

    # Rankings are CTEs (compiler.keep_ranked), so nesting them adds no depth to the SQL:
    # rankings four deep, in any requester's scope, stay within SQLite's fixed parser stack.
    full = st.recursive(leaves(saved_names), extend, max_leaves=max_leaves)
    return full.filter(lambda tree: rank_depth(tree) <= 4)


def rank_depth(node: Node) -> int:
    """How many rankings are nested along the deepest path of the tree."""
    if isinstance(node, Ranked):
        return 1 + rank_depth(node.base)
    if isinstance(node, And | Or):
        return max(rank_depth(c) for c in node.children)
    if isinstance(node, Not):
        return rank_depth(node.child)
    return 0
