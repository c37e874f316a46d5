"""Small in-memory company datasets for segment tests: built by hand or at random, loaded
into the database, and read by the reference evaluator."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlalchemy.orm import Session

from segmentation.items import item_columns
from segmentation.models import (
    Customer,
    CustomerScore,
    CustomerTag,
    Department,
    Event,
    FittedModel,
    Follow,
    Staff,
    StaffDepartment,
    Tag,
)
from segmentation.nodes import CalendarWindow, DateRangeWindow, RollingWindow, Window
from segmentation.rollups import note_inserted_events
from segmentation.windows import resolve_window

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 1, 10, 0, tzinfo=TZ)
KINDS = ("inquiry", "order", "visit")
CITIES = ("上海", "北京", "Shanghai", "shanghai", "SHANGHAI", "广州", None)

WINDOWS: tuple[Window | None, ...] = (
    None,
    RollingWindow(30, "days"),
    RollingWindow(7, "days"),
    RollingWindow(2, "months"),
    RollingWindow(12, "hours"),
    RollingWindow(1, "weeks"),
    CalendarWindow("day", 0),
    CalendarWindow("day", -1),
    CalendarWindow("week", -1),
    CalendarWindow("month", 0),
    CalendarWindow("month", -1),
    CalendarWindow("quarter", -1),
    CalendarWindow("year", 0),
    DateRangeWindow(date(2026, 10, 1), date(2026, 10, 15)),
    DateRangeWindow(date(2026, 9, 1), None),
    DateRangeWindow(None, date(2026, 6, 30)),
)


@dataclass
class Dataset:
    departments: list[tuple[int, str, int | None]] = field(default_factory=list)
    staff: list[tuple[str, str, str | None, bool]] = field(default_factory=list)
    memberships: list[tuple[str, int, bool]] = field(default_factory=list)
    # external_userid, name, gender, city, deleted
    customers: list[tuple[str, str, int, str | None, bool]] = field(default_factory=list)
    # external_userid, userid, added_at, deleted
    follows: list[tuple[str, str, datetime | None, bool]] = field(default_factory=list)
    # (external_userid, userid) → (add_way, state) of the follows that have them
    channels: dict[tuple[str, str], tuple[int | None, str | None]] = field(default_factory=dict)
    # campaign deliveries in write order: campaign_id, external_userid, channel, status, at
    deliveries: list[tuple[int, str, str, str, datetime]] = field(default_factory=list)
    # coupons in issue order: campaign_id, external_userid, issued_at, redeemed_at
    coupons: list[tuple[int, str, datetime, datetime | None]] = field(default_factory=list)
    tags: list[tuple[str, str, bool]] = field(default_factory=list)
    customer_tags: list[tuple[str, str, str]] = field(default_factory=list)
    # event_id, external_userid, kind, occurred_at, amount
    events: list[tuple[str, str, str, datetime, Decimal | None]] = field(default_factory=list)
    # external_userid → further customers columns (those condition kinds declare they read:
    # Kind.stored) → value
    attributes: dict[str, dict[str, object]] = field(default_factory=dict)
    # external_userid → company name; (external_userid, userid) → the follow's remark
    companies: dict[str, str] = field(default_factory=dict)
    remarks: dict[tuple[str, str], str] = field(default_factory=dict)
    # event_id → properties (product, category, sku…) of the events that have them
    properties: dict[str, dict[str, object]] = field(default_factory=dict)
    # external_userid, p_alive, expected_purchases_30d, _90d, expected_avg_value, clv_365d
    scores: list[tuple[str, float, float, float, Decimal | None, Decimal | None]] = field(
        default_factory=list
    )


def load(session: Session, data: Dataset) -> None:
    """Insert the dataset (Core inserts: fast enough to reload per test)."""
    rows = [
        (Department, [{"id": i, "name": n, "parent_id": p} for i, n, p in data.departments]),
        (Staff, [{"userid": u, "name": n, "role": r, "active": a} for u, n, r, a in data.staff]),
        (
            StaffDepartment,
            [
                {"userid": u, "department_id": d, "is_leader": lead}
                for u, d, lead in data.memberships
            ],
        ),
        (
            Customer,
            [
                {"external_userid": e, "name": n, "gender": g, "city": c, "deleted": d}
                | {"corp_name": data.companies.get(e)}
                | data.attributes.get(e, {})
                for e, n, g, c, d in data.customers
            ],
        ),
        (
            Follow,
            [
                {"external_userid": e, "userid": u, "added_at": t, "deleted": d}
                | {"remark": data.remarks.get((e, u))}
                | dict(
                    zip(("add_way", "state"), data.channels.get((e, u), (None, None)), strict=True)
                )
                for e, u, t, d in data.follows
            ],
        ),
        (Tag, [{"tag_id": t, "name": n, "deleted": d} for t, n, d in data.tags]),
        (
            CustomerTag,
            [{"external_userid": e, "tag_id": t, "userid": u} for e, t, u in data.customer_tags],
        ),
        (
            Event,
            [
                {
                    "event_id": i,
                    "external_userid": e,
                    "kind": k,
                    "occurred_at": t,
                    "amount": a,
                    "properties": data.properties.get(i),
                    **item_columns(data.properties.get(i)),
                }
                for i, e, k, t, a in data.events
            ],
        ),
    ]
    for model, values in rows:
        if values:
            session.execute(insert(model), values)
    note_inserted_events(session, rows[-1][1])  # Core inserts: tell the rollups
    if data.scores:
        _load_scores(session, data.scores)
    if data.deliveries or data.coupons:
        _load_campaigns(session, data)
    session.flush()


def _load_campaigns(session: Session, data: Dataset) -> None:
    from bot.models.campaigns import Campaign, CampaignRun, Coupon, Delivery

    ids = sorted({d[0] for d in data.deliveries} | {c[0] for c in data.coupons})
    session.execute(insert(Campaign), [
        {"id": i, "name": f"活动{i}", "creator_userid": "s1", "schedule_kind": "once",
         "channel": "mass_message", "content": "", "holdout_percent": 0,
         "frequency_cap_days": 0, "status": "active", "created_at": NOW, "updated_at": NOW}
        for i in ids
    ])  # fmt: skip
    # A run per row: a run writes one delivery and one coupon per customer at most.
    runs = [(n + 1, d[0]) for n, d in enumerate(data.deliveries)]
    runs += [(10_000 + n, c[0]) for n, c in enumerate(data.coupons)]
    session.execute(insert(CampaignRun), [
        {"id": r, "campaign_id": c, "slot": NOW + timedelta(seconds=r), "trigger": "schedule",
         "planned_at": NOW, "release_at": NOW, "audience": 0, "exclusions": {}}
        for r, c in runs
    ])  # fmt: skip
    if data.deliveries:
        session.execute(insert(Delivery), [
            {"id": n + 1, "run_id": n + 1, "campaign_id": c, "channel": ch, "external_userid": e,
             "owner_userid": "s1", "arm": "treated", "status": st, "content": "",
             "content_key": "", "created_at": at, "not_before": at, "status_at": at,
             "attempts": 0}
            for n, (c, e, ch, st, at) in enumerate(data.deliveries)
        ])  # fmt: skip
    if data.coupons:
        session.execute(insert(Coupon), [
            {"id": n + 1, "code": f"C{n}", "campaign_id": c, "run_id": 10_000 + n,
             "external_userid": e,
             "kind": "no_threshold", "description": "", "issued_at": at, "expires_at": at,
             "redeemed_at": used}
            for n, (c, e, at, used) in enumerate(data.coupons)
        ])  # fmt: skip


def _load_scores(
    session: Session, scores: list[tuple[str, float, float, float, Decimal | None, Decimal | None]]
) -> None:
    session.execute(insert(FittedModel), [{"id": 1, "fitted_at": NOW, "status": "ok"}])
    session.execute(
        insert(CustomerScore),
        [
            {
                "external_userid": e,
                "p_alive": p,
                "expected_purchases_30d": e30,
                "expected_purchases_90d": e90,
                "expected_avg_value": avg,
                "clv_365d": clv,
                "scored_at": NOW,
                "model_id": 1,
            }
            for e, p, e30, e90, avg, clv in scores
        ],
    )


def edge_times(now: datetime = NOW) -> list[datetime]:
    """Instants on and just beside every test window's boundaries."""
    out = []
    for window in WINDOWS:
        interval = resolve_window(window, now, TZ)
        if interval is None:
            continue
        for instant in interval:
            for delta in (-1, 0, 1):
                out.append(instant + timedelta(microseconds=delta))
    return out


def random_dataset(seed: int, now: datetime = NOW, *, history_only: bool = False) -> Dataset:
    """A random small company. `history_only` leaves out events after `now`, so the engine
    may answer from the per-customer rollups (it must read the events otherwise)."""
    rng = random.Random(seed)
    data = Dataset()
    data.departments = [
        (1, "总部", None),
        (2, "销售一部", 1),
        (3, "销售二部", 1),
        (4, "一部一组", 2),
    ]
    data.staff = [
        ("boss", "老板", None, True),
        ("m1", "王经理", None, True),
        ("m2", "李经理", "manager", True),
        ("s1", "张三", None, True),
        ("s2", "李四", "sales", True),
        ("s3", "赵六", None, False),
    ]
    data.memberships = [
        ("boss", 1, True),
        ("m1", 2, True),
        ("m2", 3, False),
        ("s1", 2, False),
        ("s2", 4, False),
        ("s3", 3, False),
    ]
    data.tags = [
        ("t1", "VIP", False),
        ("t2", "vip", False),
        ("t3", "金卡", False),
        ("t4", "旧", True),
    ]
    edges = edge_times(now)
    userids = [s[0] for s in data.staff]
    for i in range(rng.randint(15, 30)):
        eid = f"c{i:02d}" if rng.random() < 0.8 else f"C{i:02d}x"
        data.customers.append(
            (eid, f"客户{i}", rng.choice((0, 1, 2)), rng.choice(CITIES), rng.random() < 0.1)
        )
        for userid in rng.sample(userids, rng.choice((0, 1, 1, 2))):
            added = rng.choice(edges) if rng.random() < 0.4 else _random_time(rng, now)
            data.follows.append(
                (eid, userid, added if rng.random() < 0.95 else None, rng.random() < 0.2)
            )
        for tag_id in rng.sample(["t1", "t2", "t3", "t4", "t9"], rng.choice((0, 0, 1, 2))):
            data.customer_tags.append((eid, tag_id, rng.choice(("", "s1"))))
        for n in range(rng.choice((0, 0, 1, 2, 3, 5))):
            kind = rng.choice((*KINDS, "order"))
            when = rng.choice(edges) if rng.random() < 0.5 else _random_time(rng, now)
            amount = Decimal(rng.choice((0, 50, 99, 100, 250, 1000, 1999))) + Decimal(
                rng.choice(("0", "0.5", "0.01"))
            )
            amount_or_none = None if rng.random() < 0.1 else amount
            if history_only and when > now:
                continue
            data.events.append((f"e{i}-{n}", eid, kind, when, amount_or_none))
    # An event for a customer who does not exist yet (behaviour data before sync).
    data.events.append(("orphan", "ghost", "order", now - timedelta(days=3), Decimal(10)))
    data.properties = random_properties(random.Random(seed + 20_000), data.events)
    data.scores = random_scores(random.Random(seed + 10_000), [c[0] for c in data.customers])
    data.channels = random_channels(random.Random(seed + 20_000), data.follows)
    random_contacts(random.Random(seed + 30_000), data, edges, now)
    random_texts(random.Random(seed + 50_000), data)
    random_attributes(random.Random(seed + 60_000), data)
    data.events += random_refunds(random.Random(seed + 40_000), data, edges, now, history_only)
    return data


# Company names and remarks in several spellings (case, Traditional script), so that a
# contains-match must find each spelling; ASCII capitals only (SQLite lower-cases only those).
COMPANIES = ("Acme科技有限公司", "ACME Trading", "华为技术", "華為技術", "上海科技", "小米", "acme")
REMARKS = ("老板", "大老板 VIP", "老闆娘", "Boss Li", "boss", "回头客", "采购经理")


def random_texts(rng: random.Random, data: Dataset) -> None:
    """Company names for about 60% of the customers, remarks for about half the follows."""
    for eid, *_ in data.customers:
        if rng.random() < 0.6:
            data.companies[eid] = rng.choice(COMPANIES)
    for eid, userid, *_ in data.follows:
        if rng.random() < 0.5:
            data.remarks[(eid, userid)] = rng.choice(REMARKS)


def random_attributes(rng: random.Random, data: Dataset) -> None:
    """The customers columns condition kinds declare they read (Kind.stored), each drawn from
    the values they declare (no value included), from a stream of their own."""
    from segmentation.kinds import KINDS

    columns = {column: values for kind in KINDS.values() for column, values in kind.stored}
    for eid, *_ in data.customers:
        for column, values in sorted(columns.items()):
            data.attributes.setdefault(eid, {})[column] = rng.choice(values)


def random_refunds(
    rng: random.Random, data: Dataset, edges: list[datetime], now: datetime, history_only: bool
) -> list[tuple[str, str, str, datetime, Decimal | None]]:
    """Refund events with amounts (some without) for about a third of the customers, from a
    separate random stream: the rest of a dataset stays what it was before refund amounts."""
    out: list[tuple[str, str, str, datetime, Decimal | None]] = []
    for eid, *_ in data.customers:
        if rng.random() < 0.65:
            continue
        for n in range(rng.choice((1, 1, 2, 3))):
            when = rng.choice(edges) if rng.random() < 0.5 else _random_time(rng, now)
            amount = Decimal(rng.choice((0, 50, 100, 199, 200, 1000))) + Decimal(
                rng.choice(("0", "0.5", "0.01"))
            )
            if history_only and when > now:
                continue
            out.append(
                (f"r-{eid}-{n}", eid, "refund", when, None if rng.random() < 0.1 else amount)
            )
    return out


# Product, category and SKU names as events write them: one name in several spellings
# (case, full width, Traditional script), so that conditions must match them as tags are.
PRODUCTS = ("玻尿酸面霜", "玻尿酸麵霜", "Serum", "SERUM", "ｓｅｒｕｍ", "口红", " 口红 ")
CATEGORIES = ("护肤", "護膚", "Skincare", "skincare", "彩妆")
SKUS = ("HA-001", "ha-001", "LR-9")


def random_properties(
    rng: random.Random, events: list[tuple[str, str, str, datetime, Decimal | None]]
) -> dict[str, dict[str, object]]:
    """Properties for about 70% of the events (a separate random stream: the rest of a
    dataset stays what it was before products existed)."""
    out: dict[str, dict[str, object]] = {}
    for event_id, *_ in events:
        if rng.random() < 0.3:
            continue
        props: dict[str, object] = {"channel": rng.choice(("门店", "官网"))}
        for key, names in (("product", PRODUCTS), ("category", CATEGORIES), ("sku", SKUS)):
            if rng.random() < 0.7:
                props[key] = rng.choice(names)
        if rng.random() < 0.05:
            props["product"] = 42  # not a name a product condition can mean
        out[event_id] = props
    return out


def random_contacts(
    rng: random.Random, data: Dataset, edges: list[datetime], now: datetime
) -> None:
    """Mass messages and coupons of three campaigns, at window edges and random times (some
    after `now`: not counted yet), in every status."""
    for eid, *_rest in data.customers:
        for _ in range(rng.choice((0, 0, 1, 2, 3))):
            at = rng.choice(edges) if rng.random() < 0.5 else _random_time(rng, now)
            channel = rng.choice(("mass_message", "mass_message", "reminder"))
            status = rng.choice(("delivered", "delivered", "unconfirmed", "control", "failed"))
            data.deliveries.append((rng.choice((1, 2, 3)), eid, channel, status, at))
        for _ in range(rng.choice((0, 0, 1, 2))):
            at = rng.choice(edges) if rng.random() < 0.5 else _random_time(rng, now)
            used = None if rng.random() < 0.5 else at + timedelta(days=rng.choice((0, 1, 5, 40)))
            data.coupons.append((rng.choice((1, 2, 3)), eid, at, used))
    rng.shuffle(data.deliveries)  # the newest row is any campaign's
    rng.shuffle(data.coupons)


# A few add ways and channel codes, one in two spellings (codes match as tags: any case).
ADD_WAYS = (None, 0, 1, 1, 2, 4, 201)
STATES = (None, None, "展会2026", "Expo-A", "EXPO-A", "官网")


def random_channels(
    rng: random.Random, follows: list[tuple[str, str, datetime | None, bool]]
) -> dict[tuple[str, str], tuple[int | None, str | None]]:
    return {(e, u): (rng.choice(ADD_WAYS), rng.choice(STATES)) for e, u, _t, _d in follows}


# Few distinct values, so that thresholds land exactly on stored values and rankings tie.
P_ALIVE = (0.0, 0.1, 0.3, 0.2999999999999999, 0.30000000000000004, 0.5, 0.7, 1.0, 0.123456789)
PURCHASES = (0.0, 0.25, 0.5, 1.0, 2.0, 2.5, 0.49999)
AMOUNTS = (None, Decimal("0"), Decimal("100"), Decimal("250.5"), Decimal("1000"), Decimal("99.99"))


def random_scores(
    rng: random.Random, customer_ids: list[str]
) -> list[tuple[str, float, float, float, Decimal | None, Decimal | None]]:
    """Scores for about 70% of the customers (and one for a customer not synced yet)."""
    out = []
    for eid in [*customer_ids, "ghost"]:
        if rng.random() < 0.3:
            continue
        out.append(
            (
                eid,
                rng.choice(P_ALIVE),
                rng.choice(PURCHASES),
                rng.choice(PURCHASES),
                rng.choice(AMOUNTS),
                rng.choice(AMOUNTS),
            )
        )
    return out


def _random_time(rng: random.Random, now: datetime) -> datetime:
    seconds = rng.randint(-3 * 86_400, 420 * 86_400)  # a few in the future: not counted
    return (now.astimezone(UTC) - timedelta(seconds=seconds)).astimezone(TZ)
