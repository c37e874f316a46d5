"""The segment tree: typed, frozen nodes with a versioned JSON form and a canonical form.

This is the contract between the language parser (text → tree), the compiler (tree → SQL),
saved segments (tree ↔ JSON) and explanations. Meanings are those of spec/commands.md §2–§4.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Literal

FORMAT_VERSION = 1

Comparison = Literal[">", ">=", "<", "<=", "="]
COMPARISONS: tuple[str, ...] = (">", ">=", "<", "<=", "=")
RollingUnit = Literal["hours", "days", "weeks", "months"]
ScoreMetric = Literal[
    "p_alive", "expected_purchases_30d", "expected_purchases_90d", "expected_avg_value", "clv"
]
SCORE_METRICS: tuple[str, ...] = (
    "p_alive",
    "expected_purchases_30d",
    "expected_purchases_90d",
    "expected_avg_value",
    "clv",
)
ItemField = Literal["product", "category", "sku"]
ITEM_FIELDS: tuple[str, ...] = ("product", "category", "sku")
RankBy = Literal["spend", "orders", "clv", "p_alive", "expected_purchases_30d"]
RANK_BY: tuple[str, ...] = ("spend", "orders", "clv", "p_alive", "expected_purchases_30d")
# Rankings measured over the order events in a window (the total amount, the number of orders);
# the others rank by a stored score, which takes no window.
ORDER_MEASURES: tuple[str, ...] = ("spend", "orders")
CalendarUnit = Literal["day", "week", "month", "quarter", "year"]


class SegmentFormatError(ValueError):
    """A JSON segment definition that does not describe a valid tree."""


class SegmentBoundsError(SegmentFormatError):
    """A number beyond any sensible value (下单超过99999999999999999999次): asked back, in the
    asker's language, before it reaches the database, where it would overflow."""

    def __init__(self, what_zh: str, what_en: str, limit: str) -> None:
        self.zh = f"数字太大了：{what_zh}最多为{limit}。请确认要用的数字。"
        self.en = f"That number is too large: {what_en} can be at most {limit}. Please check it."
        super().__init__(self.en)

    def message(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


# Sensible bounds for the numbers of a segment (a century of history, more orders or customers
# than any company has, amounts within what an event can carry).
MAX_EVENT_COUNT = 1_000_000
MAX_AMOUNT = Decimal("1000000000000")
MAX_RANK_COUNT = 100_000_000
MAX_ROLLING = {"hours": 24 * 36_600, "days": 36_600, "weeks": 5_220, "months": 1_200}
MAX_CALENDAR_BACK = 1_000
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2099, 12, 31)
_UNIT_ZH = {"hours": "小时", "days": "天", "weeks": "周", "months": "个月"}


def _check_bound(value: Any, limit: Any, what_zh: str, what_en: str) -> None:
    # Only numbers: a value of the wrong type is reported by the type checks of from_json.
    if isinstance(value, int | Decimal) and not isinstance(value, bool) and abs(value) > limit:
        raise SegmentBoundsError(what_zh, what_en, f"{limit:,}")


# ---------------------------------------------------------------- time windows


@dataclass(frozen=True)
class RollingWindow:
    """The last N hours/days/weeks/calendar months up to now: `now - N units <= t <= now`."""

    amount: int
    unit: RollingUnit
    kind: ClassVar[str] = "rolling"

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise SegmentFormatError("a rolling window needs a positive length")
        if self.unit not in ("hours", "days", "weeks", "months"):
            raise SegmentFormatError(f"unknown rolling unit {self.unit!r}")
        limit = MAX_ROLLING[self.unit]
        _check_bound(
            self.amount, limit, f"时间窗口（{_UNIT_ZH[self.unit]}）", f"a window in {self.unit}"
        )


@dataclass(frozen=True)
class CalendarWindow:
    """A calendar period relative to now: offset 0 = this one (start to now), -1 = the previous
    whole one (上周, 上个月, 昨天), -2 = the one before (上上周, 前天, 前年)."""

    unit: CalendarUnit
    offset: int = 0
    kind: ClassVar[str] = "calendar"

    def __post_init__(self) -> None:
        if self.unit not in ("day", "week", "month", "quarter", "year"):
            raise SegmentFormatError(f"unknown calendar unit {self.unit!r}")
        if self.offset > 0:
            raise SegmentFormatError("a calendar window cannot lie in the future")
        _check_bound(self.offset, MAX_CALENDAR_BACK, "往前数的周期", "periods back")


@dataclass(frozen=True)
class DateRangeWindow:
    """Whole days from the start of `start` to the end of `end`, in the deployment's zone.

    `end=None` means up to now ("since X"); `start=None` means from the beginning.
    The parser resolves month names and dates without a year against `now` before building it.
    """

    start: date | None
    end: date | None
    kind: ClassVar[str] = "range"

    def __post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise SegmentFormatError("a date range needs a start or an end")
        if self.start and self.end and self.start > self.end:
            raise SegmentFormatError("a date range cannot end before it starts")
        for day in (self.start, self.end):
            if isinstance(day, date) and not EARLIEST_DATE <= day <= LATEST_DATE:
                raise SegmentBoundsError("日期的年份", "a date's year", "1900–2099")


Window = RollingWindow | CalendarWindow | DateRangeWindow


# ---------------------------------------------------------------- conditions


@dataclass(frozen=True)
class All:
    """Every customer in scope."""

    type: ClassVar[str] = "all"


@dataclass(frozen=True)
class Performed:
    """At least one event of `kind` in the window (all time if none)."""

    event_kind: str
    window: Window | None = None
    type: ClassVar[str] = "performed"

    def __post_init__(self) -> None:
        _check_event_kind(self.event_kind)


@dataclass(frozen=True)
class EventCount:
    """The number of `kind` events in the window compared with `value` (zero counts count)."""

    event_kind: str
    op: Comparison
    value: int
    window: Window | None = None
    type: ClassVar[str] = "event_count"

    def __post_init__(self) -> None:
        _check_event_kind(self.event_kind)
        _check_op(self.op)
        if type(self.value) is not int or self.value < 0:
            raise SegmentFormatError("an event count must be a non-negative integer")
        _check_bound(self.value, MAX_EVENT_COUNT, "次数", "an event count")


@dataclass(frozen=True)
class Spend:
    """The sum of order amounts in the window compared with `value` (no orders = 0)."""

    op: Comparison
    value: Decimal
    window: Window | None = None
    type: ClassVar[str] = "spend"

    def __post_init__(self) -> None:
        _check_op(self.op)
        _check_bound(self.value, MAX_AMOUNT, "金额（元）", "an amount (yuan)")


@dataclass(frozen=True)
class AvgOrderValue:
    """The customer's average order amount in the window (all time if none) — the orders'
    summed amount (an order without one counts 0) over their number — compared with `value`.
    A customer without orders there has no average and is never a member (NOT includes
    them)."""

    op: Comparison
    value: Decimal
    window: Window | None = None
    type: ClassVar[str] = "avg_order_value"

    def __post_init__(self) -> None:
        _check_op(self.op)
        _check_amount(self.value)


@dataclass(frozen=True)
class RefundAmount:
    """The sum of refund-event amounts in the window compared with `value` (no refunds = 0).
    How many refunds is EventCount("refund", …)."""

    op: Comparison
    value: Decimal
    window: Window | None = None
    type: ClassVar[str] = "refund_amount"

    def __post_init__(self) -> None:
        _check_op(self.op)
        _check_amount(self.value)


@dataclass(frozen=True)
class CompanyContains:
    """The customer's company name (customers.corp_name) contains `text` in any of its
    spellings (as written, Simplified, Traditional, half-width), ignoring case; a customer
    without a company name never does. `exact`: the name is the text (spec §2b: 公司是XX /
    company is X), in any of those spellings."""

    text: str
    exact: bool = False
    type: ClassVar[str] = "company_contains"

    def __post_init__(self) -> None:
        _check_text(self.text)


@dataclass(frozen=True)
class RemarkContains:
    """A live follow's remark (follows.remark: each staff member's own note) contains `text`
    in any of its spellings, ignoring case."""

    text: str
    type: ClassVar[str] = "remark_contains"

    def __post_init__(self) -> None:
        _check_text(self.text)


@dataclass(frozen=True)
class Leaf:
    """The base of a condition kind's node declared in its own module (segmentation/kinds):
    a frozen dataclass with a unique `type`, its fields its JSON form, its checks in
    __post_init__. The hooks below let the JSON form and the canonical form handle it without
    naming it here."""

    type: ClassVar[str] = ""
    # Fields left out of the JSON form while they hold these values: definitions saved before
    # a field existed stay identical.
    json_defaults: ClassVar[dict[str, Any]] = {}

    @classmethod
    def field_from_json(cls, name: str, value: Any) -> Any:
        """A field's value read from JSON (a list → tuple, a string → Decimal…) before
        __post_init__ checks it; as read by default."""
        return value

    def canonical(self) -> Node:
        """The canonical form (value lists deduplicated and sorted); itself by default."""
        return self


MAX_TEXT = 64


def _check_text(text: object) -> None:
    if not isinstance(text, str) or not text.strip():
        raise SegmentFormatError("a text to look for must be a non-empty string")
    if len(text) > MAX_TEXT:
        raise SegmentBoundsError("要找的文字", "a text to look for", f"{MAX_TEXT} characters")


def _check_amount(value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise SegmentFormatError("an amount must be a non-negative number")
    _check_bound(value, MAX_AMOUNT, "金额（元）", "an amount (yuan)")


def _check_event_kind(event_kind: object) -> None:
    if not (isinstance(event_kind, str) and event_kind):
        raise SegmentFormatError("an event condition needs an event kind")


def _check_op(op: object) -> None:
    if op not in COMPARISONS:
        raise SegmentFormatError(f"unknown comparison {op!r}")


def _check_name(node: HasTag | SavedSegment) -> None:
    if not (isinstance(node.name, str) and node.name):
        raise SegmentFormatError(f"'{node.type}' needs a name")


def _check_item(node: ItemEvent | ItemCount) -> None:
    if not (isinstance(node.event_kind, str) and node.event_kind):
        raise SegmentFormatError("a product condition needs an event kind")
    if node.item not in ITEM_FIELDS:
        raise SegmentFormatError(f"unknown item field {node.item!r} (product, category or sku)")
    if not (
        isinstance(node.names, tuple)
        and node.names
        and all(isinstance(n, str) and n.strip() for n in node.names)
    ):
        raise SegmentFormatError(f"a {node.item} condition needs at least one name")


@dataclass(frozen=True)
class ItemEvent:
    """At least one event of `kind` in the window (all time if none) whose properties.`item`
    (product, category or sku) is any of `names`, matched like tags (case, width, script)."""

    event_kind: str
    item: ItemField
    names: tuple[str, ...]
    window: Window | None = None
    type: ClassVar[str] = "item_event"

    def __post_init__(self) -> None:
        _check_item(self)


@dataclass(frozen=True)
class ItemCount:
    """The number of `kind` events in the window whose properties.`item` is any of `names`,
    compared with `value` (zero counts count: "买护肤品不到2次" includes who never did)."""

    event_kind: str
    item: ItemField
    names: tuple[str, ...]
    op: Comparison
    value: int
    window: Window | None = None
    type: ClassVar[str] = "item_count"

    def __post_init__(self) -> None:
        _check_item(self)
        if self.op not in COMPARISONS:
            raise SegmentFormatError(f"unknown comparison {self.op!r}")
        if type(self.value) is not int or self.value < 0:
            raise SegmentFormatError("an event count must be a non-negative integer")
        _check_bound(self.value, MAX_EVENT_COUNT, "次数", "an event count")


@dataclass(frozen=True)
class HasTag:
    """Has a corp tag of this name (any group, case-insensitive)."""

    name: str
    type: ClassVar[str] = "has_tag"

    def __post_init__(self) -> None:
        _check_name(self)


@dataclass(frozen=True)
class Untagged:
    """Has no tag at all."""

    type: ClassVar[str] = "untagged"


@dataclass(frozen=True)
class Owner:
    """Followed by any of these staff members (userids)."""

    userids: tuple[str, ...]
    type: ClassVar[str] = "owner"


@dataclass(frozen=True)
class InDepartment:
    """Followed by any member of these departments (ids), sub-departments included."""

    department_ids: tuple[int, ...]
    type: ClassVar[str] = "department"


@dataclass(frozen=True)
class NewCustomer:
    """The customer's first follow by anyone in the company is inside the window
    (the last 30 days when no window is given)."""

    window: Window | None = None
    type: ClassVar[str] = "new_customer"


@dataclass(frozen=True)
class City:
    """`city` equals any of these values (canonical Chinese names)."""

    names: tuple[str, ...]
    type: ClassVar[str] = "city"


@dataclass(frozen=True)
class Gender:
    """WeCom gender: 1 male, 2 female."""

    value: Literal[1, 2]
    type: ClassVar[str] = "gender"

    def __post_init__(self) -> None:
        if self.value not in (1, 2):
            raise SegmentFormatError("gender must be 1 (male) or 2 (female)")


@dataclass(frozen=True)
class AddedVia:
    """Has a live follow that began one of these ways: WeCom's follow_user.add_way codes
    (segmentation/channels.py: 1 扫描二维码, 2 搜索手机号, 3 名片分享, 4 群聊…), added in the
    window when there is one (近7天扫码添加的: that follow's added_at)."""

    codes: tuple[int, ...]
    window: Window | None = None
    type: ClassVar[str] = "added_via"

    def __post_init__(self) -> None:
        if not self.codes or not all(type(c) is int and 0 <= c <= 9999 for c in self.codes):
            raise SegmentFormatError("'codes' must be a non-empty list of add_way codes")


@dataclass(frozen=True)
class ChannelCode:
    """Has a live follow whose 渠道活码 `state` is one of these codes (case-insensitive, as
    tags: the parser resolves width and script to the stored spelling), added in the window
    when there is one."""

    names: tuple[str, ...]
    window: Window | None = None
    type: ClassVar[str] = "channel_code"

    def __post_init__(self) -> None:
        if not self.names or not all(isinstance(n, str) and n.strip() for n in self.names):
            raise SegmentFormatError("'names' must be a non-empty list of channel codes")


@dataclass(frozen=True)
class CampaignMessaged:
    """Received a campaign's mass message in the window (all time if none): a delivery WeCom
    reported sent (segmentation/contacts.py says exactly which). `campaign_id` names one
    campaign; `latest` the one that sent mass messages last; neither: any campaign."""

    campaign_id: int | None = None
    latest: bool = False
    window: Window | None = None
    type: ClassVar[str] = "campaign_message"

    def __post_init__(self) -> None:
        _check_campaign(self.campaign_id, self.latest)


@dataclass(frozen=True)
class CampaignCoupon:
    """Got a coupon in the window (all time if none), and `state`: issued (any), redeemed or
    unredeemed (issued, never used). `campaign_id` / `latest` as for CampaignMessaged
    (latest: the campaign that issued a coupon last)."""

    state: Literal["issued", "redeemed", "unredeemed"] = "issued"
    campaign_id: int | None = None
    latest: bool = False
    window: Window | None = None
    type: ClassVar[str] = "campaign_coupon"

    def __post_init__(self) -> None:
        if self.state not in ("issued", "redeemed", "unredeemed"):
            raise SegmentFormatError(f"unknown coupon state {self.state!r}")
        _check_campaign(self.campaign_id, self.latest)


def _check_campaign(campaign_id: object, latest: object) -> None:
    if campaign_id is not None and (type(campaign_id) is not int or campaign_id <= 0):
        raise SegmentFormatError("a campaign id must be a positive integer")
    if type(latest) is not bool:
        raise SegmentFormatError("'latest' must be true or false")
    if campaign_id is not None and latest:
        raise SegmentFormatError("name a campaign or ask for the latest one, not both")


@dataclass(frozen=True)
class NamedSegment:
    """A built-in, configurable segment (RFM classes, 流失风险…) by its configured key."""

    key: str
    type: ClassVar[str] = "named"

    def __post_init__(self) -> None:
        if not (isinstance(self.key, str) and self.key):
            raise SegmentFormatError("'named' needs a key")


@dataclass(frozen=True)
class SavedSegment:
    """Member of a saved segment, evaluated now."""

    name: str
    type: ClassVar[str] = "saved"

    def __post_init__(self) -> None:
        _check_name(self)


@dataclass(frozen=True)
class Score:
    """A predictive score (table customer_scores, docs/predictive.md) compared with `value`:
    p_alive (0–1), expected purchase days in the next 30/90 days, expected value of one
    purchase (yuan), clv (customer_scores.clv_365d, yuan). Probabilities and expected
    purchases are stored as doubles and compared with the double nearest to `value`; amounts
    exactly, in fen. A customer without a score row (never ordered, or not scored yet) or
    without that value is never a member; NOT(Score) therefore includes them."""

    metric: ScoreMetric
    op: Comparison
    value: Decimal
    type: ClassVar[str] = "score"

    def __post_init__(self) -> None:
        _check_score(self)


@dataclass(frozen=True)
class Ranked:
    """The top (or bottom) `count` customers, or `percent` % of them, by total order amount
    in the window, among the customers in scope matching `base` with at least one order in
    the window; ties by external_userid; top p% is the first ceil(p/100 × that number).

    With `by` "orders" the ranking is by the number of orders in the window instead (the same
    customers: those with at least one). With `by` a score (clv, p_alive,
    expected_purchases_30d) the ranking is by that stored
    score instead, among the customers matching `base` that have it; a score takes no window.
    `by` is written to JSON only when it is not "spend", so older definitions are unchanged."""

    base: Node
    direction: Literal["top", "bottom"] = "top"
    count: int | None = None
    percent: Decimal | None = None
    window: Window | None = None
    by: RankBy = "spend"
    type: ClassVar[str] = "ranked"

    def __post_init__(self) -> None:
        if self.by not in RANK_BY:
            raise SegmentFormatError(f"cannot rank by {self.by!r}")
        if self.by not in ORDER_MEASURES and self.window is not None:
            raise SegmentFormatError("a ranking by a score takes no time window")
        if (self.count is None) == (self.percent is None):
            raise SegmentFormatError("a ranking needs exactly one of count and percent")
        if self.count is not None and type(self.count) is not int:
            raise SegmentFormatError("a ranking count must be an integer")
        if self.count is not None and self.count <= 0:
            raise SegmentFormatError("a ranking count must be positive")
        _check_bound(self.count, MAX_RANK_COUNT, "客户人数", "a number of customers")
        if self.percent is not None and not (0 < self.percent <= 100):
            raise SegmentFormatError("a ranking percent must be in (0, 100]")


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]
    type: ClassVar[str] = "and"


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]
    type: ClassVar[str] = "or"


@dataclass(frozen=True)
class Not:
    child: Node
    type: ClassVar[str] = "not"


Node = (
    All
    | Performed
    | EventCount
    | Spend
    | AvgOrderValue
    | RefundAmount
    | ItemEvent
    | ItemCount
    | HasTag
    | Untagged
    | Owner
    | InDepartment
    | NewCustomer
    | City
    | Gender
    | AddedVia
    | ChannelCode
    | CompanyContains
    | RemarkContains
    | CampaignMessaged
    | CampaignCoupon
    | NamedSegment
    | SavedSegment
    | Score
    | Ranked
    | And
    | Or
    | Not
    | Leaf
)

# The grammar core, which the dispatchers handle structurally; every other node type is a
# condition kind (segmentation/kinds).
CORE_NODE_TYPES: tuple[type, ...] = (All, And, Or, Not, Ranked, NamedSegment, SavedSegment)
# The JSON form's names: the classes of this module, and the `Leaf` nodes of kind modules,
# which segmentation.kinds.register adds (every dispatcher imports that package, so they
# are here before any tree of theirs is read).
NODE_TYPES: dict[str, type] = {
    cls.type: cls  # type: ignore[attr-defined]
    for cls in (
        *CORE_NODE_TYPES,
        Performed,
        EventCount,
        Spend,
        AvgOrderValue,
        RefundAmount,
        ItemEvent,
        ItemCount,
        HasTag,
        Untagged,
        Owner,
        InDepartment,
        NewCustomer,
        City,
        Gender,
        AddedVia,
        ChannelCode,
        CompanyContains,
        RemarkContains,
        CampaignMessaged,
        CampaignCoupon,
        Score,
    )
}


def register_node_type(cls: type) -> None:
    """Called by segmentation.kinds.register: the node's JSON `type` names it from now on."""
    name = getattr(cls, "type", None)
    if not isinstance(name, str) or not name:
        raise TypeError(f"{cls.__name__} needs a `type` string (its JSON name)")
    if NODE_TYPES.get(name, cls) is not cls:
        raise ValueError(f"two node types are called {name!r}")
    NODE_TYPES[name] = cls


WINDOW_TYPES: dict[str, type] = {
    cls.kind: cls for cls in (RollingWindow, CalendarWindow, DateRangeWindow)
}


# ---------------------------------------------------------------- JSON form


def to_json(node: Node) -> dict[str, Any]:
    """The versioned JSON form of a tree: `{"version": 1, "tree": {...}}`."""
    return {"version": FORMAT_VERSION, "tree": node_to_dict(node)}


def from_json(data: Any) -> Node:
    """Parse the versioned JSON form (a bare tree dict is accepted too)."""
    if not isinstance(data, dict):
        raise SegmentFormatError("a segment definition must be a JSON object")
    if "tree" in data:
        version = data.get("version", FORMAT_VERSION)
        if version != FORMAT_VERSION:
            raise SegmentFormatError(f"unsupported segment format version {version!r}")
        return node_from_dict(data["tree"])
    return node_from_dict(data)


def node_to_dict(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {"type": node.type}
    for f in fields(node):
        out[f.name] = _value_to_json(getattr(node, f.name))
    if isinstance(node, Ranked) and node.by == "spend":
        del out["by"]  # the default: keeps definitions saved before `by` existed identical
    if isinstance(node, AddedVia | ChannelCode) and node.window is None:
        del out["window"]  # likewise for channels saved before they took a window
    if isinstance(node, CompanyContains) and not node.exact:
        del out["exact"]  # likewise for company conditions saved before `exact`
    if isinstance(node, Leaf):
        for name, default in node.json_defaults.items():
            if getattr(node, name) == default:
                del out[name]
    return out


def _value_to_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_value_to_json(v) for v in value]
    if isinstance(value, RollingWindow | CalendarWindow | DateRangeWindow):
        out = {"kind": value.kind}
        out.update({f.name: _value_to_json(getattr(value, f.name)) for f in fields(value)})
        return out
    if hasattr(value, "type") and type(value) in NODE_TYPES.values():
        return node_to_dict(value)
    return value


def node_from_dict(data: Any) -> Node:
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise SegmentFormatError("each segment node must be an object with a 'type'")
    cls = NODE_TYPES.get(data["type"])
    if cls is None:
        raise SegmentFormatError(f"unknown segment node type {data['type']!r}")
    kwargs: dict[str, Any] = {}
    names = {f.name for f in fields(cls)}
    unknown = set(data) - names - {"type"}
    if unknown:
        raise SegmentFormatError(f"unknown field(s) {sorted(unknown)} in a {data['type']!r} node")
    for name in names:
        if name in data:
            kwargs[name] = _field_from_json(cls, name, data[name])
    try:
        node = cls(**kwargs)
    except TypeError as exc:
        raise SegmentFormatError(f"bad {data['type']!r} node: {exc}") from None
    return node


def _field_from_json(cls: type, name: str, value: Any) -> Any:
    if value is None:
        return None
    if issubclass(cls, Leaf):
        return _leaf_field(cls, name, value)
    if name == "window":
        return window_from_dict(value)
    if name in ("base", "child"):
        return node_from_dict(value)
    if name == "children":
        if not isinstance(value, list) or not value:
            raise SegmentFormatError(f"'{cls.type}' needs a non-empty list of children")  # type: ignore[attr-defined]
        return tuple(node_from_dict(v) for v in value)
    if name in ("userids", "names"):
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise SegmentFormatError(f"'{name}' must be a non-empty list of strings")
        return tuple(value)
    if name == "codes":
        if not isinstance(value, list) or not value or not all(type(v) is int for v in value):
            raise SegmentFormatError("'codes' must be a non-empty list of integers")
        return tuple(value)
    if name == "department_ids":
        if not isinstance(value, list) or not value or not all(type(v) is int for v in value):
            raise SegmentFormatError("'department_ids' must be a non-empty list of integers")
        return tuple(value)
    if name in ("value", "percent") and cls in (Spend, AvgOrderValue, RefundAmount, Ranked, Score):
        try:
            return Decimal(str(value))
        except ArithmeticError:
            raise SegmentFormatError(f"'{name}' must be a number") from None
    return value


def _leaf_field(cls: type[Leaf], name: str, value: Any) -> Any:
    """A kind module's node: windows and sub-trees read here, the rest by the class."""
    if name == "window":
        return window_from_dict(value)
    return cls.field_from_json(name, value)


def window_from_dict(data: Any) -> Window:
    if not isinstance(data, dict) or data.get("kind") not in WINDOW_TYPES:
        raise SegmentFormatError("a window must be an object with kind rolling/calendar/range")
    cls = WINDOW_TYPES[data["kind"]]
    kwargs = {k: v for k, v in data.items() if k != "kind"}
    if cls is DateRangeWindow:
        try:
            kwargs = {k: (date.fromisoformat(v) if v else None) for k, v in kwargs.items()}
        except (TypeError, ValueError):
            raise SegmentFormatError("range window dates must be YYYY-MM-DD") from None
    try:
        window = cls(**kwargs)
    except TypeError as exc:
        raise SegmentFormatError(f"bad {data['kind']} window: {exc}") from None
    if cls is not DateRangeWindow:
        number = "amount" if cls is RollingWindow else "offset"
        if type(getattr(window, number)) is not int:
            raise SegmentFormatError(f"window {number} must be an integer")
    return window


def _check_score(node: Score) -> None:
    if node.metric not in SCORE_METRICS:
        raise SegmentFormatError(f"unknown score {node.metric!r}")
    if node.op not in COMPARISONS:
        raise SegmentFormatError(f"unknown comparison {node.op!r}")
    if not isinstance(node.value, Decimal) or not node.value.is_finite() or node.value < 0:
        raise SegmentFormatError("a score threshold must be a non-negative number")
    _check_bound(node.value, MAX_AMOUNT, "分数阈值", "a score threshold")
    if node.metric == "p_alive" and node.value > 1:
        raise SegmentFormatError("p_alive is a probability: the threshold must be in [0, 1]")


# ---------------------------------------------------------------- canonical form


def without_repeats(node: Node) -> Node:
    """`node` with each AND/OR's repeated children said once (in the order first said): the
    same meaning, the same restatement order, nothing said twice."""
    if isinstance(node, And | Or):
        unique: list[Node] = []
        for child in (without_repeats(c) for c in node.children):
            if child not in unique:
                unique.append(child)
        return unique[0] if len(unique) == 1 else type(node)(tuple(unique))
    if isinstance(node, Not):
        return Not(without_repeats(node.child))
    if isinstance(node, Ranked):
        return replace(node, base=without_repeats(node.base))
    return node


def canonical(node: Node) -> Node:
    """Equal meanings compare equal: AND/OR flattened, children deduplicated and sorted,
    double negation removed, value lists deduplicated and sorted."""
    if isinstance(node, Not):
        inner = canonical(node.child)
        return inner.child if isinstance(inner, Not) else Not(inner)
    if isinstance(node, And | Or):
        flat: list[Node] = []
        for child in (canonical(c) for c in node.children):
            flat.extend(child.children if type(child) is type(node) else (child,))
        unique = {_sort_key(c): c for c in flat}
        children = tuple(unique[k] for k in sorted(unique))
        return children[0] if len(children) == 1 else type(node)(children)
    if isinstance(node, Ranked):
        return Ranked(
            canonical(node.base), node.direction, node.count, node.percent, node.window, node.by
        )
    if isinstance(node, Owner):
        return Owner(tuple(sorted(set(node.userids))))
    if isinstance(node, InDepartment):
        return InDepartment(tuple(sorted(set(node.department_ids))))
    if isinstance(node, City):
        return City(tuple(sorted(set(node.names))))
    if isinstance(node, ItemEvent | ItemCount):
        return replace(node, names=tuple(sorted({n.strip() for n in node.names})))
    if isinstance(node, HasTag):
        return HasTag(node.name.strip())
    if isinstance(node, AddedVia):
        return AddedVia(tuple(sorted(set(node.codes))), node.window)
    if isinstance(node, ChannelCode):
        return ChannelCode(tuple(sorted({n.strip() for n in node.names})), node.window)
    if isinstance(node, Leaf):
        return node.canonical()
    return node


def _sort_key(node: Node) -> str:
    import json

    return json.dumps(node_to_dict(node), sort_keys=True, ensure_ascii=False)


def walk(node: Node) -> list[Node]:
    """Every node of the tree, parents before children."""
    out: list[Node] = [node]
    if isinstance(node, And | Or):
        for child in node.children:
            out.extend(walk(child))
    elif isinstance(node, Not):
        out.extend(walk(node.child))
    elif isinstance(node, Ranked):
        out.extend(walk(node.base))
    return out
