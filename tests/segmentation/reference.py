"""A tiny pure-Python evaluator of segment trees, written from spec/commands.md §2–§4 and
spec/security.md, for differential tests against the SQL compiler. Slow and obvious on
purpose; shares only the window arithmetic (tested on its own) with the engine."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any

import opencc

from segmentation.kinds import KINDS, UnregisteredKind
from segmentation.kinds.item_only import ItemOnly
from segmentation.named import NamedSegmentCatalog, RfmRule
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
    RollingWindow,
    SavedSegment,
    Score,
    Spend,
    Untagged,
    Window,
)
from segmentation.scope import Requester
from segmentation.text import normalize_name
from segmentation.windows import EARLIEST, resolve_window
from tests.segmentation.factory import TZ, Dataset

COMPARE: dict[str, Callable[[object, object], bool]] = {
    ">": lambda a, b: a > b,  # type: ignore[operator]
    ">=": lambda a, b: a >= b,  # type: ignore[operator]
    "<": lambda a, b: a < b,  # type: ignore[operator]
    "<=": lambda a, b: a <= b,  # type: ignore[operator]
    "=": lambda a, b: a == b,
}


class Reference:
    def __init__(
        self,
        data: Dataset,
        now: datetime,
        catalog: NamedSegmentCatalog,
        saved: dict[str, Node] | None = None,
    ) -> None:
        self.data = data
        self.now = now
        self.catalog = catalog
        self.saved = saved or {}
        self.live = {c[0] for c in data.customers if not c[4]}
        self.by_id = {c[0]: c for c in data.customers}
        self.scores = {s[0]: s for s in data.scores}

    # ------------------------------------------------------------ public

    def members(self, node: Node, requester: Requester) -> list[str]:
        visible = self.visible(requester)
        return sorted(e for e in visible if self.holds(node, e, requester, ()))

    def visible(self, requester: Requester) -> set[str]:
        if requester.role == "admin":
            return set(self.live)
        followers = {requester.userid}
        if requester.role == "manager":
            followers |= self._team(requester.userid)
        return {
            e for e, u, _t, deleted in self.data.follows if not deleted and u in followers
        } & self.live

    # ------------------------------------------------------------ helpers

    def _team(self, userid: str) -> set[str]:
        led = {d for u, d, lead in self.data.memberships if u == userid and lead}
        seeds = led or {d for u, d, _ in self.data.memberships if u == userid}
        return self._members_of(seeds)

    def _members_of(self, seeds: set[int]) -> set[str]:
        depts = set(seeds) & {d[0] for d in self.data.departments}
        grew = True
        while grew:
            children = {i for i, _n, p in self.data.departments if p in depts}
            grew = not children <= depts
            depts |= children
        return {u for u, d, _ in self.data.memberships if d in depts}

    def _interval(self, window: Window | None) -> tuple[datetime, datetime]:
        resolved = resolve_window(window, self.now, TZ)
        if resolved is None:
            return EARLIEST, self.now
        return resolved[0], min(resolved[1], self.now)

    def _events(self, eid: str, kind: str, window: Window | None) -> list[tuple]:
        start, end = self._interval(window)
        return [
            ev
            for ev in self.data.events
            if ev[1] == eid and ev[2] == kind and start <= ev[3] <= end
        ]

    def _item_events(self, eid: str, node: ItemEvent | ItemCount) -> list[tuple]:
        """The events of the node's kind and window whose product/category/sku is one of its
        names, read like tags: case, width and script aside (spec §2b)."""
        wanted = {normalize_name(n.strip()) for n in node.names}
        out = []
        for ev in self._events(eid, node.event_kind, node.window):
            value = self.data.properties.get(ev[0], {}).get(node.item)
            if isinstance(value, str) and normalize_name(value.strip()) in wanted:
                out.append(ev)
        return out

    def attribute(self, eid: str, column: str) -> object:
        """A further customers column's value (kinds' own references read these)."""
        return self.data.attributes.get(eid, {}).get(column)

    def spend(self, eid: str, window: Window | None) -> Decimal:
        return sum((ev[4] or Decimal(0) for ev in self._events(eid, "order", window)), Decimal(0))

    # ------------------------------------------------------------ the tree

    def holds(self, node: Node, eid: str, requester: Requester, path: tuple[str, ...]) -> bool:
        if isinstance(node, All):
            return True
        if isinstance(node, And):
            return all(self.holds(c, eid, requester, path) for c in node.children)
        if isinstance(node, Or):
            return any(self.holds(c, eid, requester, path) for c in node.children)
        if isinstance(node, Not):
            return not self.holds(node.child, eid, requester, path)
        if isinstance(node, NamedSegment):
            return self._named(node.key, eid, requester, path)
        if isinstance(node, SavedSegment):
            if node.name in path:
                raise ValueError("cycle")
            return self.holds(self.saved[node.name], eid, requester, (*path, node.name))
        if isinstance(node, Ranked):
            return eid in self.ranked(node, requester, path)
        check = LEAVES.get(type(node))
        if check is None:  # every registered kind needs its reference (tests/…/test_kinds.py)
            raise UnregisteredKind(node)
        return check(self, node, eid)

    # ------------------------------------------------------------ condition kinds

    def performed(self, node: Performed, eid: str) -> bool:
        return bool(self._events(eid, node.event_kind, node.window))

    def event_count(self, node: EventCount, eid: str) -> bool:
        count = len(self._events(eid, node.event_kind, node.window))
        return COMPARE[node.op](count, node.value)

    def spends(self, node: Spend, eid: str) -> bool:
        return COMPARE[node.op](self.spend(eid, node.window), node.value)

    def avg_order_value(self, node: AvgOrderValue, eid: str) -> bool:
        """Orders' summed amount over their number; no orders: no average, never a member."""
        orders = self._events(eid, "order", node.window)
        if not orders:
            return False
        total = sum((Fraction(ev[4] or 0) for ev in orders), Fraction(0))
        return COMPARE[node.op](total / len(orders), Fraction(node.value))

    def refund_amount(self, node: RefundAmount, eid: str) -> bool:
        refunds = self._events(eid, "refund", node.window)
        total = sum((ev[4] or Decimal(0) for ev in refunds), Decimal(0))
        return COMPARE[node.op](total, node.value)

    def company(self, node: CompanyContains, eid: str) -> bool:
        value = self.data.companies.get(eid)
        if node.exact:
            return _equals(value, node.text)
        return _contains(value, node.text)

    def remark(self, node: RemarkContains, eid: str) -> bool:
        """A live follow's remark contains the text."""
        return any(
            _contains(self.data.remarks.get((e, u)), node.text)
            for e, u, _t, deleted in self.data.follows
            if e == eid and not deleted
        )

    def item_event(self, node: ItemEvent, eid: str) -> bool:
        return bool(self._item_events(eid, node))

    def item_count(self, node: ItemCount, eid: str) -> bool:
        return COMPARE[node.op](len(self._item_events(eid, node)), node.value)

    def item_only(self, node: ItemOnly, eid: str) -> bool:
        """So many events of the kind in the window, and each about one of the names (an
        event without that property is not)."""
        events = self._events(eid, node.event_kind, node.window)
        about = self._item_events(eid, node)  # type: ignore[arg-type]
        return COMPARE[node.op](len(events), node.value) and len(about) == len(events)

    def has_tag(self, node: HasTag, eid: str) -> bool:
        return _fold(node.name.strip()) in self.tag_names(eid)

    def untagged(self, node: Untagged, eid: str) -> bool:
        return not self.tag_names(eid)

    def owner(self, node: Owner, eid: str) -> bool:
        return bool(self.followers(eid) & set(node.userids))

    def department(self, node: InDepartment, eid: str) -> bool:
        return bool(self.followers(eid) & self._members_of(set(node.department_ids)))

    def new_customer(self, node: NewCustomer, eid: str) -> bool:
        return self._is_new(eid, node.window or RollingWindow(30, "days"))

    def city(self, node: City, eid: str) -> bool:
        city = self.by_id[eid][3]
        return city is not None and any(
            city == n or (n.isascii() and city.lower() == n.lower()) for n in node.names
        )

    def gender(self, node: Gender, eid: str) -> bool:
        return self.by_id[eid][2] == node.value  # type: ignore[no-any-return]

    def added_via(self, node: AddedVia, eid: str) -> bool:
        # a live follow began that way (none said: 0), inside the window if there is one
        return any((way or 0) in node.codes for way, _s in self.channels(eid, node.window))

    def channel_code(self, node: ChannelCode, eid: str) -> bool:
        # a live follow carries that code, in any case
        wanted = {_fold(n.strip()) for n in node.names}
        return any(state is not None and _fold(state) in wanted
                   for _way, state in self.channels(eid, node.window))  # fmt: skip

    def scored(self, node: Score, eid: str) -> bool:
        value = self.score(eid, node.metric)
        if value is None:  # no score row, or no spend model: never a member
            return False
        threshold = float(node.value) if isinstance(value, float) else node.value
        return COMPARE[node.op](value, threshold)

    def score(self, eid: str, metric: str) -> float | Decimal | None:
        row = self.scores.get(eid)
        if row is None:
            return None
        index = ("p_alive", "expected_purchases_30d", "expected_purchases_90d")
        index += ("expected_avg_value", "clv")
        return row[1 + index.index(metric)]

    def tag_names(self, eid: str) -> set[str]:
        live_tags = {t: _fold(n) for t, n, deleted in self.data.tags if not deleted}
        return {live_tags[t] for e, t, _u in self.data.customer_tags if e == eid and t in live_tags}

    def messaged(self, node: CampaignMessaged, eid: str) -> bool:
        """A mass message of the campaign WeCom reported delivered inside the window; the
        last campaign: the one of the newest mass-message row written by now."""
        start, end = self._interval(node.window)
        wanted = node.campaign_id
        if node.latest:
            rows = [d for d in self.data.deliveries if d[2] == "mass_message" and d[4] <= self.now]
            wanted = rows[-1][0] if rows else -1
        return any(
            e == eid and channel == "mass_message" and status == "delivered"
            and start <= at <= end and (wanted is None or c == wanted)
            for c, e, channel, status, at in self.data.deliveries
        )  # fmt: skip

    def coupon(self, node: CampaignCoupon, eid: str) -> bool:
        """A coupon of the campaign issued inside the window, redeemed by now or not."""
        start, end = self._interval(node.window)
        wanted = node.campaign_id
        if node.latest:
            issued = [c for c in self.data.coupons if c[2] <= self.now]
            wanted = issued[-1][0] if issued else -1
        for c, e, at, used in self.data.coupons:
            if e != eid or not start <= at <= end or (wanted is not None and c != wanted):
                continue
            redeemed = used is not None and used <= self.now
            if {"issued": True, "redeemed": redeemed, "unredeemed": not redeemed}[node.state]:
                return True
        return False

    def channels(
        self, eid: str, window: Window | None = None
    ) -> list[tuple[int | None, str | None]]:
        """(add_way, state) of the customer's live follows (begun inside the window, if any)."""
        start, end = self._interval(window)
        return [
            self.data.channels.get((e, u), (None, None))
            for e, u, t, deleted in self.data.follows
            if e == eid
            and not deleted
            and (window is None or (t is not None and start <= t <= end))
        ]

    def followers(self, eid: str) -> set[str]:
        return {u for e, u, _t, deleted in self.data.follows if e == eid and not deleted}

    def _is_new(self, eid: str, window: Window) -> bool:
        times = [t for e, _u, t, _d in self.data.follows if e == eid and t is not None]
        if not times:
            return False
        start, end = self._interval(window)
        return start <= min(times) <= end

    def ranked(self, node: Ranked, requester: Requester, path: tuple[str, ...]) -> set[str]:
        if node.by != "spend":
            return self._ranked_by_score(node, requester, path)
        candidates = [
            e
            for e in self.visible(requester)
            if self.holds(node.base, e, requester, path) and self._events(e, "order", node.window)
        ]
        totals = {e: self.spend(e, node.window) for e in candidates}
        sign = -1 if node.direction == "top" else 1
        ordered = sorted(candidates, key=lambda e: (sign * totals[e], e))
        if node.count is not None:
            keep = node.count
        else:
            keep = math.ceil(Fraction(node.percent) * len(ordered) / 100)  # type: ignore[arg-type]
        return set(ordered[:keep])

    def _ranked_by_score(
        self, node: Ranked, requester: Requester, path: tuple[str, ...]
    ) -> set[str]:
        values = {
            e: self.score(e, node.by)
            for e in self.visible(requester)
            if self.holds(node.base, e, requester, path)
        }
        present = {e: v for e, v in values.items() if v is not None}
        sign = -1 if node.direction == "top" else 1
        ordered = sorted(present, key=lambda e: (sign * present[e], e))  # type: ignore[operator]
        if node.count is not None:
            keep = node.count
        else:
            keep = math.ceil(Fraction(node.percent) * len(ordered) / 100)  # type: ignore[arg-type]
        return set(ordered[:keep])

    def rfm_values(self) -> dict[str, tuple[timedelta, int, Decimal]]:
        out = {}
        for eid in self.live:
            orders = [ev for ev in self.data.events if ev[1] == eid and ev[2] == "order"]
            orders = [ev for ev in orders if ev[3] <= self.now]
            if orders:
                last = max(ev[3] for ev in orders)
                amount = sum((ev[4] or Decimal(0) for ev in orders), Decimal(0))
                out[eid] = (self.now - last, len(orders), amount)
        return out

    def _named(self, key: str, eid: str, requester: Requester, path: tuple[str, ...]) -> bool:
        entry = self.catalog.get(key)
        assert entry is not None
        if not isinstance(entry.definition, RfmRule):
            return self.holds(entry.definition, eid, requester, path)
        values = self.rfm_values()
        if eid not in values:
            return False
        n = len(values)
        sum_r_us = sum(_us(v[0]) for v in values.values())
        mean_f = Fraction(sum(v[1] for v in values.values()), n)
        mean_m = Fraction(sum(v[2] for v in values.values())) / n
        r, f, m = values[eid]
        levels = (
            "high" if _us(r) * n < sum_r_us else "low",
            "high" if f > mean_f else "low",
            "high" if Fraction(m) > mean_m else "low",
        )
        rule = entry.definition
        return levels == (rule.r, rule.f, rule.m)


def _fold(text: str) -> str:
    """Case aside as SQL's lower() sets it: every character to its own lowercase (ΣΑΣ is
    σασ, not Python's σας; İ is i)."""
    return "".join(ch.lower()[:1] for ch in text)


@cache
def _converter(config: str) -> opencc.OpenCC:
    # One per configuration: building one reads its dictionaries (~10 ms; far more under
    # hypothesis's line tracer), and the differential test checks text conditions on every
    # customer of every ranking's base — a fresh converter per check stalled it for minutes.
    return opencc.OpenCC(config)


def _contains(value: str | None, text: str) -> bool:
    """Spec §2b: the text in any of its spellings — as written, half-width, Simplified,
    Traditional (OpenCC's, Taiwan's, Hong Kong's) — inside the value, case aside."""
    if value is None:
        return False
    forms = {text.strip(), unicodedata.normalize("NFKC", text.strip())}
    simplified = {_converter("t2s").convert(f) for f in forms}
    traditional = {_converter(c).convert(f) for c in ("s2t", "s2tw", "s2hk") for f in simplified}
    return any(_fold(f) in _fold(value) for f in forms | simplified | traditional if f)


def _equals(value: str | None, text: str) -> bool:
    """Spec §2b "公司是XX": the value is the text in one of its spellings, case and outer
    spaces aside."""
    if value is None:
        return False
    forms = {text.strip(), unicodedata.normalize("NFKC", text.strip())}
    simplified = {_converter("t2s").convert(f) for f in forms}
    traditional = {_converter(c).convert(f) for c in ("s2t", "s2tw", "s2hk") for f in simplified}
    return _fold(value.strip()) in {_fold(f) for f in forms | simplified | traditional if f}


def _us(delta: timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


# The reference meaning of every condition kind (segmentation/kinds), by node type; written
# here from the spec, independently of the kind modules it checks — or, for a kind whose
# module declares its own (Kind.reference: simple attribute kinds), that one.
LEAVES: dict[type, Callable[[Reference, Any, str], bool]] = {
    Performed: Reference.performed,
    EventCount: Reference.event_count,
    Spend: Reference.spends,
    CompanyContains: Reference.company,
    RemarkContains: Reference.remark,
    AvgOrderValue: Reference.avg_order_value,
    RefundAmount: Reference.refund_amount,
    ItemEvent: Reference.item_event,
    ItemCount: Reference.item_count,
    ItemOnly: Reference.item_only,
    HasTag: Reference.has_tag,
    Untagged: Reference.untagged,
    Owner: Reference.owner,
    InDepartment: Reference.department,
    NewCustomer: Reference.new_customer,
    City: Reference.city,
    Gender: Reference.gender,
    AddedVia: Reference.added_via,
    ChannelCode: Reference.channel_code,
    CampaignMessaged: Reference.messaged,
    CampaignCoupon: Reference.coupon,
    Score: Reference.scored,
}
LEAVES |= {
    node_type: kind.reference
    for node_type, kind in KINDS.items()
    if kind.reference is not None and node_type not in LEAVES
}
