"""Breakdowns (every dimension against a hand count) and membership changes (recorded
snapshots, the as-of comparison, lost follows) on the corpus company."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from segmentation.breakdown import breakdown, city_groups
from segmentation.engine import default_context, segment_count
from segmentation.membership import lost_customers, segment_changes
from segmentation.models import Customer, Follow
from segmentation.nodes import All, City, NamedSegment, Performed, SavedSegment
from segmentation.saved import save_segment
from segmentation.scope import Requester
from segmentation.snapshots import take_snapshots
from tests.segmentation.nlq.fixture import NOW, TZ, load_fixture

CTX = default_context(TZ)
ADMIN = Requester.all_access()
DAY = timedelta(days=1)


def counts(session: Session, node: object, by: str, requester: Requester = ADMIN, **kw: object):
    result = breakdown(session, node, by, requester=requester, now=NOW, ctx=CTX, **kw)  # type: ignore[arg-type]
    return result, {g.key: g.count for g in result.groups}


def test_each_dimension_counts_the_segment_it_is_given(session: Session) -> None:
    load_fixture(session)
    result, by_dept = counts(session, All(), "department")
    assert by_dept == {"1": 9, "2": 7} and result.total == 16
    _, by_city = counts(session, Performed("order"), "city")
    # c04 Beijing, c05 广州, c06 上海, c08 none, c10 苏州, c11 北京, c12 深圳, c13 shanghai,
    # c15 上海, c16 北京市: each city once, under its canonical name, as 上海的客户 counts it
    assert by_city == {"上海": 3, "北京": 3, "广州": 1, "苏州": 1, "深圳": 1, "": 1}
    assert sum(by_city.values()) == segment_count(
        session, Performed("order"), requester=ADMIN, now=NOW, ctx=CTX
    )
    _, by_channel = counts(session, All(), "channel")
    # the fixture's CHANNELS: a 渠道活码 code where there is one (EXPO-A/Expo-A: one code),
    # else the add_way code (c14 has none: 0, unknown)
    assert by_channel == {
        "展会2026": 2,
        "expo-a": 2,
        "add_way:2": 2,
        "add_way:4": 2,
        "官网活码": 1,
        "抖音直播": 1,
        "add_way:0": 1,
        "add_way:1": 1,
        "add_way:3": 1,
        "add_way:5": 1,
        "add_way:6": 1,
        "add_way:201": 1,
    }


def test_a_breakdown_never_counts_outside_the_scope(session: Session) -> None:
    load_fixture(session)
    zhangsan = Requester("zhangsan", "sales")
    result, by_owner = counts(session, All(), "owner", zhangsan)
    assert by_owner == {"zhangsan": 5} and result.total == 5
    _, by_tag = counts(session, All(), "tag", zhangsan, tag_group="客户等级")
    assert by_tag == {"VIP": 2, "待跟进": 1, "": 2}


def test_channels_group_by_live_code_then_add_way(session: Session) -> None:
    load_fixture(session)
    for follow in session.execute(select(Follow).where(Follow.userid == "lisi")).scalars():
        follow.state = "展会2026"
    session.flush()
    _, by_channel = counts(session, All(), "channel")
    # lisi's c03, c04, c11, c14 join c01, c02 under the code; their add ways no longer show
    assert by_channel == {
        "展会2026": 6,
        "expo-a": 2,
        "官网活码": 1,
        "抖音直播": 1,
        "add_way:1": 1,
        "add_way:3": 1,
        "add_way:4": 1,
        "add_way:5": 1,
        "add_way:6": 1,
        "add_way:201": 1,
    }


def test_changes_come_from_snapshots_when_they_cover_the_period(session: Session) -> None:
    load_fixture(session)
    save_segment(session, "上海", City(("上海",)), owner_userid="zhangsan", now=NOW - 9 * DAY)
    take_snapshots(session, NOW - 8 * DAY, CTX)
    c14 = session.get(Customer, "c14")
    assert c14 is not None
    c14.city = "上海"
    session.flush()
    take_snapshots(session, NOW - DAY, CTX)
    found = segment_changes(
        session,
        SavedSegment("上海"),
        "entered",
        start=NOW - 7 * DAY,
        requester=ADMIN,
        now=NOW,
        ctx=CTX,
    )
    assert found.source == "snapshots" and found.customers == ("c14",)
    # Without a snapshot before the start, both ends are evaluated.
    early = segment_changes(
        session,
        SavedSegment("上海"),
        "entered",
        start=NOW - 20 * DAY,
        requester=ADMIN,
        now=NOW,
        ctx=CTX,
    )
    assert early.source == "computed" and early.customers == ()


def test_changes_of_a_named_segment_compare_then_and_now(session: Session) -> None:
    load_fixture(session)
    # c16 inquired 3 hours ago and ordered last week: not high-intent; c09 inquired 2 and 4
    # days ago without orders: high-intent since its second inquiry.
    found = segment_changes(
        session,
        NamedSegment("high_intent"),
        "entered",
        start=NOW - 3 * DAY,
        requester=ADMIN,
        now=NOW,
        ctx=CTX,
    )
    assert "c09" in found.customers and found.source == "computed"
    mine = segment_changes(
        session,
        NamedSegment("high_intent"),
        "entered",
        start=NOW - 3 * DAY,
        requester=Requester("lisi", "sales"),
        now=NOW,
        ctx=CTX,
    )
    assert "c09" not in mine.customers


def test_lost_customers_skip_transfers_and_live_follows(session: Session) -> None:
    load_fixture(session)
    for eid, reason in (("c03", None), ("c04", "DELETE_BY_TRANSFER")):
        follow = session.execute(select(Follow).where(Follow.external_userid == eid)).scalar_one()
        follow.deleted, follow.deleted_at, follow.deleted_reason = True, NOW - DAY, reason
    session.add(
        Follow(
            external_userid="c11",
            userid="zhaoliu",
            added_at=NOW - 50 * DAY,
            deleted=True,
            deleted_at=NOW - DAY,
        )
    )  # c11 still followed by lisi
    session.flush()
    assert lost_customers(session, None, NOW - 7 * DAY, NOW) == ("c03",)
    # For zhaoliu alone c11 is lost (his follow ended, he has none left); not for lisi's team.
    assert lost_customers(session, select(literal("zhaoliu")), NOW - 7 * DAY, NOW) == ("c11",)
    assert lost_customers(session, select(literal("lisi")), NOW - 7 * DAY, NOW) == ("c03",)
    assert lost_customers(session, None, NOW - 7 * DAY, NOW - 2 * DAY) == ()


def test_months_are_local_calendar_months_of_the_first_follow(session: Session) -> None:
    """Counted in SQL: a first follow at 2026-09-30 16:30 UTC is 10-01 00:30 in Shanghai
    (October), one at 15:59 UTC the same day is still September; a later second follow does
    not move a customer; a customer without any follow is "no month"."""
    from datetime import UTC, datetime

    from segmentation.models import Staff

    session.add(Staff(userid="s1", name="甲", role="sales", active=True))
    session.add(Staff(userid="s2", name="乙", role="sales", active=True))
    first_follows = {
        "m1": datetime(2026, 9, 30, 16, 30, tzinfo=UTC),
        "m2": datetime(2026, 9, 30, 15, 59, tzinfo=UTC),
        "m3": datetime(2025, 12, 31, 16, 0, tzinfo=UTC),  # 2026-01-01 00:00 local
    }
    for eid in [*first_follows, "m4"]:
        session.add(Customer(external_userid=eid, name=eid))
    session.flush()  # the follows' foreign keys need their customers and staff first
    for eid, added in first_follows.items():
        session.add(Follow(external_userid=eid, userid="s1", added_at=added))
    session.add(Follow(external_userid="m2", userid="s2", added_at=NOW))
    session.flush()
    result, by_month = counts(session, All(), "month")
    assert by_month == {"2026-10": 1, "2026-09": 1, "2026-01": 1, "": 1}
    assert result.total == 4


# ---------------------------------------------------------------- cities


def test_city_groups_read_cities_as_the_city_condition_does() -> None:
    spelled = [
        ("上海", 3),
        ("上海市", 2),
        ("shanghai", 1),
        ("Shanghai", 1),
        ("ＳＨＡＮＧＨＡＩ", 1),  # full-width
        (" 上海 ", 1),
        ("廣州", 2),  # Traditional
        ("广州市", 1),
        ("suzhou", 1),  # 苏州 or 宿州: 苏州, the only one the others name
        ("苏州", 1),
        ("yichun", 2),  # 伊春 or 宜春, neither named: kept as written
        ("火星城", 1),  # not a listed city: its own group, every spelling of it together
        ("火星城 ", 1),
        (None, 2),
        ("", 1),
        ("  ", 1),
        ("未知", 1),
        ("Unknown", 1),
    ]
    groups = {key: n for key, _label, n in city_groups(spelled)}
    assert groups == {"上海": 9, "广州": 3, "苏州": 2, "yichun": 2, "火星城": 2, "": 6}
    assert sum(groups.values()) == sum(n for _, n in spelled)


def test_an_unlisted_city_is_shown_as_written_most_often() -> None:
    rows = city_groups([("Atlantis", 1), ("ATLANTIS", 3), ("atlantis", 1)])
    assert rows == [("ATLANTIS", "ATLANTIS", 5)]


def test_a_breakdown_by_city_folds_spellings_in_the_database(session: Session) -> None:
    load_fixture(session)
    for cid, city in (("c01", "Shanghai"), ("c02", "上海市"), ("c05", "廣州"), ("c08", " ")):
        customer = session.get(Customer, cid)
        assert customer is not None
        customer.city = city
    session.flush()
    result, by_city = counts(session, All(), "city")
    assert sum(by_city.values()) == result.total == 16
    spellings = City(("上海", "Shanghai", "上海市", "shanghai"))
    listed = segment_count(session, spellings, requester=ADMIN, now=NOW, ctx=CTX)
    assert by_city["上海"] == listed
    assert by_city["广州"] == 1 and "廣州" not in by_city and "Shanghai" not in by_city
    assert result.groups[0].key == "上海"
