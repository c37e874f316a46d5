"""The corpus company: customers at every window boundary around NOW (2026-11-01 10:00
Asia/Shanghai), tags, staff in two departments, a saved segment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

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
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, Command, Vocabulary, build_vocabulary, parse_command
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import HasTag, Node
from segmentation.saved import save_segment

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 1, 10, 0, tzinfo=TZ)
OLD = datetime(2025, 1, 5, 9, 0, tzinfo=TZ)
DAY = timedelta(days=1)

# id: (name, gender, city, owner, tags)
CUSTOMERS = {
    "c01": ("Alice", 2, "上海", "zhangsan", ("VIP",)),
    "c02": ("Bob", 1, "上海市", "zhangsan", ()),
    "c03": ("Carol", 2, "北京", "lisi", ("金卡",)),
    "c04": ("Dan", 1, "Beijing", "lisi", ("VIP", "金卡")),
    "c05": ("Eve", 2, "广州", "zhaoliu", ("高意向",)),
    "c06": ("Frank", 1, "上海", "zhaoliu", ("VIP",)),
    "c07": ("Grace", 2, "上海", "wangwu", ()),
    "c08": ("Heidi", 0, None, "wangwu", ("金卡",)),
    "c09": ("Ivan", 1, "上海", "zhangsan", ()),
    "c10": ("Judy", 2, "苏州", "zhangsan", ("待跟进",)),
    "c11": ("Ken", 1, "北京", "lisi", ()),
    "c12": ("Lily", 2, "深圳", "zhaoliu", ("高意向",)),
    "c13": ("Mike", 1, "shanghai", "zhangsan", ("VIP",)),
    "c14": ("Nina", 2, "杭州", "lisi", ()),
    "c15": ("Omar", 1, "上海", "zhaoliu", ("待跟进",)),
    "c16": ("Pia", 2, "北京市", "wangwu", ()),
}
# (customer, kind, occurred_at, amount)
EVENTS = [
    ("c01", "inquiry", NOW - 29 * DAY, None),
    ("c02", "inquiry", NOW - 30 * DAY, None),  # exactly on the 30-day boundary: inside
    ("c03", "inquiry", NOW - 30 * DAY - timedelta(minutes=1), None),  # just outside
    ("c04", "inquiry", NOW - 10 * DAY, None),
    ("c04", "order", NOW - 5 * DAY, Decimal("500")),
    ("c05", "order", NOW - 100 * DAY, Decimal("700")),
    ("c05", "order", NOW - 120 * DAY, Decimal("800")),
    ("c06", "order", NOW - 3 * DAY, Decimal("400")),
    ("c06", "order", NOW - 8 * DAY, Decimal("400")),
    ("c06", "order", NOW - 20 * DAY, Decimal("400")),
    ("c08", "inquiry", NOW - 365 * DAY, None),
    ("c08", "order", NOW - 60 * DAY, Decimal("2000")),
    ("c09", "inquiry", NOW - 2 * DAY, None),
    ("c09", "inquiry", NOW - 4 * DAY, None),
    ("c10", "order", datetime(2026, 10, 15, 12, 0, tzinfo=TZ), Decimal("100")),
    ("c11", "order", datetime(2026, 9, 30, 23, 59, 59, tzinfo=TZ), Decimal("1000")),
    ("c12", "order", datetime(2026, 10, 1, 0, 0, tzinfo=TZ), Decimal("999.99")),
    ("c12", "inquiry", NOW - 1 * DAY, None),
    ("c12", "inquiry", NOW - 6 * DAY, None),
    ("c13", "refund", NOW - 3 * DAY, Decimal("50")),
    ("c13", "cart", NOW - 2 * DAY, None),
    ("c13", "visit", datetime(2026, 11, 1, 8, 0, tzinfo=TZ), None),
    ("c13", "order", datetime(2026, 10, 31, 18, 0, tzinfo=TZ), Decimal("1500")),
    ("c14", "visit", datetime(2026, 10, 31, 9, 0, tzinfo=TZ), None),
    ("c14", "inquiry", datetime(2026, 3, 15, 9, 0, tzinfo=TZ), None),
    ("c15", "order", datetime(2025, 8, 20, 9, 0, tzinfo=TZ), Decimal("3000")),
    ("c15", "order", datetime(2025, 9, 20, 9, 0, tzinfo=TZ), Decimal("300")),
    ("c16", "inquiry", NOW - 3 * timedelta(hours=1), None),
    (
        "c16",
        "order",
        datetime(2026, 10, 27, 9, 0, tzinfo=TZ),
        Decimal("20000"),
    ),  # Tuesday last week
]
# What some events were about (index in EVENTS → properties): products and categories in
# several spellings (Traditional script, case), for the product conditions of spec §2b.
_CREAM = {"product": "玻尿酸面霜", "category": "护肤"}
_ESSENCE = {"product": "精华液", "category": "护肤"}
_GLAZE = {"product": "唇釉", "category": "彩妆"}
PROPERTIES: dict[int, dict[str, str]] = {
    0: {"product": "玻尿酸麵霜", "category": "護膚"},  # c01 inquiry, 29 days ago
    3: _ESSENCE,  # c04 inquiry
    4: {**_CREAM, "sku": "HA-001"},  # c04 order, 5 days ago
    7: _GLAZE,  # c06: three orders, all 唇釉
    8: _GLAZE,
    9: _GLAZE,
    11: _CREAM,  # c08 order, 60 days ago
    12: {"product": "Serum X", "category": "Skincare"},  # c09 inquiry
    13: {"product": "玻尿酸面霜"},  # c09 inquiry
    14: _GLAZE,  # c10 order
    16: _ESSENCE,  # c12 order
    17: _CREAM,  # c12 inquiry
    19: _ESSENCE,  # c13 refund
    22: _ESSENCE,  # c13 order
    25: _GLAZE,  # c15 order, 2025
    28: {"product": "SERUM X", "category": "skincare"},  # c16 order, this year
}
ADDED = {  # first follow time; everyone else OLD
    "c10": datetime(2026, 10, 15, 9, 0, tzinfo=TZ),
    "c11": datetime(2026, 10, 31, 23, 0, tzinfo=TZ),
    "c12": NOW - 10 * DAY,
    "c16": datetime(2026, 9, 30, 12, 0, tzinfo=TZ),
}
# Predictive scores of the customers who ordered (docs/predictive.md): p_alive,
# expected purchases 30d / 90d, expected order value, CLV. c15 has no spend model values.
SCORES = {
    "c04": (0.95, 0.8, 2.4, "500", "6000"),
    "c05": (0.2, 0.05, 0.2, "750", "300"),
    "c06": (0.99, 1.2, 3.5, "400", "9000"),
    "c08": (0.25, 0.1, 0.3, "2000", "1500"),
    "c10": (1.0, 0.4, 1.1, "100", "800"),
    "c11": (0.5, 0.5, 1.6, "1000", "2500"),
    "c12": (0.3, 0.3, 0.9, "999.99", "5000"),
    "c13": (0.7, 0.6, 2.0, "1500", "5000.01"),
    "c15": (0.05, 0.01, 0.02, None, None),
    "c16": (0.9, 0.45, 2.1, "20000", "40000"),
    "c99": (0.1, 0.9, 3.0, "100", "100"),  # deleted: never in an answer
}
# How each customer was added (WeCom add_way, 渠道活码 state); the rest: unknown way, no code.
CHANNELS = {
    "c01": (1, "展会2026"),
    "c02": (1, "展会2026"),
    "c03": (2, None),
    "c04": (4, None),
    "c05": (1, "官网活码"),
    "c06": (3, None),
    "c07": (16, "抖音直播"),
    "c08": (201, None),
    "c09": (1, None),
    "c10": (4, None),
    "c11": (2, None),
    "c12": (1, "Expo-A"),
    "c13": (1, "EXPO-A"),  # the same code in other letters: one channel, as tags
    "c15": (5, None),
    "c16": (6, None),
    "c99": (1, "展会2026"),  # deleted
}
STAFF = [
    ("zhangsan", "张三", 1, False),
    ("lisi", "李四", 1, True),
    ("zhaoliu", "赵六", 2, False),
    ("wangwu", "王五", 2, True),
]


def load_fixture(session: Session) -> None:
    session.add_all([Department(id=1, name="销售一部"), Department(id=2, name="销售二部")])
    session.flush()
    for userid, name, dept, leader in STAFF:
        session.add(Staff(userid=userid, name=name, role="sales", active=True))
        session.flush()
        session.add(StaffDepartment(userid=userid, department_id=dept, is_leader=leader))
    for i, tag in enumerate(("VIP", "金卡", "高意向", "待跟进", "沉睡")):
        session.add(Tag(tag_id=f"t{i}", name=tag, group_name="客户等级"))
    tag_ids = {"VIP": "t0", "金卡": "t1", "高意向": "t2", "待跟进": "t3"}
    for cid, (name, gender, city, owner, tags) in CUSTOMERS.items():
        session.add(
            Customer(
                external_userid=cid,
                name=name,
                gender=gender,
                city=city,
                created_at=OLD,
                deleted=False,
            )
        )
        session.flush()
        way, state = CHANNELS.get(cid, (None, None))
        session.add(
            Follow(
                external_userid=cid,
                userid=owner,
                added_at=ADDED.get(cid, OLD),
                add_way=way,
                state=state,
            )
        )
        for tag in tags:
            session.add(CustomerTag(external_userid=cid, tag_id=tag_ids[tag], userid=owner))
    # A deleted customer who matches almost everything: never in any answer.
    session.add(Customer(external_userid="c99", name="Gone", gender=2, city="上海", deleted=True))
    session.flush()
    session.add(
        Follow(
            external_userid="c99",
            userid="zhangsan",
            added_at=NOW - DAY,
            add_way=1,
            state="展会2026",
        )
    )
    session.add(CustomerTag(external_userid="c99", tag_id="t0", userid="zhangsan"))
    for n, (cid, kind, at, amount) in enumerate([*EVENTS, ("c99", "inquiry", NOW - DAY, None)]):
        session.add(
            Event(
                event_id=f"e{n}",
                external_userid=cid,
                kind=kind,
                occurred_at=at.astimezone(UTC),
                amount=amount,
                properties=PROPERTIES.get(n),
            )
        )
    session.flush()
    save_segment(session, "跟进名单", HasTag("待跟进"), owner_userid="zhangsan", now=NOW)
    load_scores(session)
    load_campaigns(session)
    session.flush()


# Campaigns that reached the customers: (id, name, created days ago).
CAMPAIGNS = [(1, "国庆回馈", 40), (2, "双11预热", 10), (3, "老客关怀", 5)]
# Mass-message deliveries in write order: (campaign, customer, arm, status); reported at the
# campaign's time. The newest is campaign 3's: the last campaign to send mass messages.
DELIVERIES = [
    (1, "c01", "treated", "delivered"),
    (1, "c06", "treated", "delivered"),
    (2, "c02", "treated", "delivered"),
    (3, "c03", "treated", "delivered"),
    (3, "c04", "treated", "unconfirmed"),  # the salesperson has not sent it: not received
    (3, "c05", "holdout", "control"),  # the control group: never sent
    (3, "c06", "treated", "delivered"),
    (3, "c99", "treated", "delivered"),  # deleted
]
# Coupons in issue order: (campaign, customer, redeemed days ago or None). The newest is
# campaign 2's: the last campaign to issue coupons.
COUPONS = [
    (1, "c01", 35),
    (1, "c06", None),
    (2, "c02", None),
    (2, "c07", 2),
    (2, "c08", None),
]


def load_campaigns(session: Session) -> None:
    from bot.models.campaigns import Campaign, CampaignRun, Coupon, Delivery

    for cid, name, days in CAMPAIGNS:
        at = NOW - days * DAY
        session.add(
            Campaign(
                id=cid,
                name=name,
                creator_userid="zhangsan",
                schedule_kind="once",
                channel="mass_message",
                content="hi",
                created_at=at,
                updated_at=at,
            )
        )
        session.flush()
        session.add(
            CampaignRun(
                id=cid,
                campaign_id=cid,
                slot=at,
                trigger="schedule",
                planned_at=at,
                release_at=at,
                exclusions={},
                finished_at=at,
            )
        )
    session.flush()
    for n, (cid, eid, arm, status) in enumerate(DELIVERIES):
        at = NOW - CAMPAIGNS[cid - 1][2] * DAY
        session.add(
            Delivery(
                id=n + 1,
                run_id=cid,
                campaign_id=cid,
                channel="mass_message",
                external_userid=eid,
                owner_userid="zhangsan",
                arm=arm,
                status=status,
                created_at=at,
                not_before=at,
                status_at=at,
            )
        )
    for n, (cid, eid, used) in enumerate(COUPONS):
        at = NOW - CAMPAIGNS[cid - 1][2] * DAY
        session.add(
            Coupon(
                id=n + 1,
                code=f"CPN{n}",
                campaign_id=cid,
                run_id=cid,
                external_userid=eid,
                kind="no_threshold",
                issued_at=at,
                expires_at=at + 30 * DAY,
                redeemed_at=NOW - used * DAY if used is not None else None,
            )
        )
        session.flush()  # in order: ids say which coupon is the newest


def load_scores(session: Session) -> None:
    model = FittedModel(fitted_at=NOW, status="ok", reason="", n_customers=10)
    session.add(model)
    session.flush()
    for cid, (alive, e30, e90, avg, clv) in SCORES.items():
        session.add(
            CustomerScore(
                external_userid=cid,
                p_alive=alive,
                expected_purchases_30d=e30,
                expected_purchases_90d=e90,
                expected_avg_value=Decimal(avg) if avg else None,
                clv_365d=Decimal(clv) if clv else None,
                scored_at=NOW,
                model_id=model.id,
            )
        )


@cache
def small_vocabulary() -> Vocabulary:
    """A few tags, one colleague and one saved segment: a vocabulary for parser tests that
    need no database."""
    return build_vocabulary(
        tags=["VIP", "金卡", "高意向"],
        staff=[StaffInfo("zhangsan", "张三", (1,))],
        departments=[(1, "销售一部")],
        saved=["跟进名单"],
        catalog=NamedSegmentCatalog.load(),
    )


@cache
def team_vocabulary() -> Vocabulary:
    """Two colleagues of one department, a tag group and a channel code: for parser tests
    asked as the leader lisi (breakdowns, follow-ups over a team)."""
    return build_vocabulary(
        tags=["VIP", "金卡", "高意向", "待跟进"],
        staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("lisi", "李四", (1,))],
        departments=[(1, "销售一部")],
        saved=[],
        catalog=NamedSegmentCatalog.load(),
        tag_groups=["客户等级"],
        channels=["展会2026"],
    )


def parse_as_lisi(text: str) -> Command | Clarification:
    return parse_command(text, vocabulary=team_vocabulary(), asker="lisi", now=NOW, tz=TZ)


@dataclass(frozen=True)
class Reader:
    """Parser tests' questions of a sentence, for one vocabulary (as zhangsan, at NOW):
    what it parses to, the segment it must be understood as, the question it must ask."""

    vocabulary: Vocabulary

    def parse(self, text: str) -> Command | Clarification:
        return parse_command(text, vocabulary=self.vocabulary, asker="zhangsan", now=NOW, tz=TZ)

    def command(self, text: str) -> Command:
        result = self.parse(text)
        assert isinstance(result, Command), f"{text!r} was asked back: {result}"
        return result

    def segment(self, text: str) -> Node | None:
        result = self.parse(text)
        assert isinstance(result, Command), f"{text!r} was asked back: {result}"
        return result.segment

    def asked(self, text: str) -> str:
        result = self.parse(text)
        assert isinstance(result, Clarification), f"{text!r} was answered: {result}"
        return result.message
