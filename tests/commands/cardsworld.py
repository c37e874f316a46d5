"""The chat company (chatworld) with what conversations need on top: cities, genders, a tag
group, a remark, orders with products, a visit, scores, a coupon, a lost follow, a manager and
saved segments. NOW is Sunday 2026-11-01 10:00 in Shanghai.

  wmA01 张客户01  北京, female, VIP; inquired 3 days ago and 1 hour ago   → 高意向 since today
  wmA02 张客户02  male, 普通, remark 陈姐; orders 200 and 150 days ago, and 2 days ago (面膜)
                  → was 流失风险 a week ago, is not now
  wmA03 张客户03  female; orders 150 and 93 days ago (玻尿酸面霜)        → 流失风险 since 3 days
  wmA04 张客户04  a visit 5 days ago
  wmA05 张客户05  ordered 10 days ago (88.00); scored; one coupon issued, redeemed
  wmW01, wmW02    王芳 twice (zhangsan), 杭州; the other A customers are in 上海
  wmB01 李客户01  lisi's follow ended 2 days ago                          → lost by lisi
  wangjl          王经理, manager of 销售一部 (zhangsan, lisi)
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models.campaigns import Campaign, CampaignRun, Coupon
from segmentation.models import (
    Customer,
    CustomerTag,
    Department,
    Event,
    Follow,
    Staff,
    StaffDepartment,
    Tag,
    TagGroup,
)
from segmentation.models.scores import CustomerScore, FittedModel
from segmentation.nodes import And, Not, Performed, RollingWindow
from segmentation.saved import save_segment
from tests.commands.chatworld import NOW

DAY = timedelta(days=1)
INQUIRED_NOT_ORDERED = And(
    (
        Performed("inquiry", RollingWindow(30, "days")),
        Not(Performed("order", RollingWindow(30, "days"))),
    )
)


def _order(eid: str, days: float, amount: str, product: str | None = None) -> Event:
    return Event(
        event_id=f"ord-{eid}-{days}",
        external_userid=eid,
        kind="order",
        occurred_at=NOW - days * DAY,
        amount=Decimal(amount),
        properties={"product": product} if product else None,
        source="csv",
    )


def enrich(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        _people(session)
        _tags(session)
        _events(session)
        _extras(session)
        session.commit()


def _people(session: Session) -> None:
    people = (
        ("wmA01", "北京", 2),
        ("wmA02", "上海", 1),
        ("wmA03", "上海", 2),
        ("wmA04", "上海", 0),
        ("wmA05", "上海", 0),
        ("wmW01", "杭州", 0),
        ("wmW02", "杭州", 0),
    )
    for eid, city, gender in people:
        customer = session.get(Customer, eid)
        assert customer is not None
        customer.city, customer.gender = city, gender
    remark = session.execute(
        select(Follow).where(Follow.external_userid == "wmA02", Follow.userid == "zhangsan")
    ).scalar_one()
    remark.remark = "陈姐"
    lost = session.execute(select(Follow).where(Follow.external_userid == "wmB01")).scalar_one()
    lost.deleted, lost.deleted_at = True, NOW - 2 * DAY
    dept = session.execute(select(Department).where(Department.name == "销售一部")).scalar_one()
    session.add(Staff(userid="wangjl", name="王经理", role="manager", active=True))
    session.flush()
    session.add(StaffDepartment(userid="wangjl", department_id=dept.id, is_leader=True))


def _tags(session: Session) -> None:
    session.add(TagGroup(group_id="g-level", name="客户等级"))
    session.add(Tag(tag_id="t-vip", name="VIP", group_id="g-level", group_name="客户等级"))
    session.add(Tag(tag_id="t-plain", name="普通", group_id="g-level", group_name="客户等级"))
    session.add(CustomerTag(external_userid="wmA01", tag_id="t-vip", userid="zhangsan"))
    session.add(CustomerTag(external_userid="wmA02", tag_id="t-plain", userid="zhangsan"))


def _events(session: Session) -> None:
    session.add_all(
        [
            Event(
                event_id="inq-wmA01-today",
                external_userid="wmA01",
                kind="inquiry",
                occurred_at=NOW - timedelta(hours=1),
                source="csv",
            ),
            _order("wmA02", 200, "120.00"),
            _order("wmA02", 150, "80.00"),
            _order("wmA02", 2, "300.00", "面膜"),
            _order("wmA03", 150, "60.00", "玻尿酸面霜"),
            _order("wmA03", 93, "50.00", "玻尿酸面霜"),
            Event(
                event_id="visit-wmA04",
                external_userid="wmA04",
                kind="visit",
                occurred_at=NOW - 5 * DAY,
                source="csv",
            ),
        ]
    )


def _extras(session: Session) -> None:
    model = FittedModel(fitted_at=NOW - DAY, status="ok")
    session.add(model)
    session.flush()
    session.add(
        CustomerScore(
            external_userid="wmA05",
            p_alive=0.83,
            expected_purchases_30d=0.4,
            expected_purchases_90d=1.2,
            expected_avg_value=Decimal("90"),
            clv_365d=Decimal("320.50"),
            scored_at=NOW - DAY,
            model_id=model.id,
        )
    )
    campaign = Campaign(
        name="回购券",
        creator_userid="zhangsan",
        schedule_kind="once",
        channel="message",
        content="回来看看",
        created_at=NOW - 9 * DAY,
        updated_at=NOW - 9 * DAY,
    )
    session.add(campaign)
    session.flush()
    run = CampaignRun(
        campaign_id=campaign.id,
        slot=NOW - 9 * DAY,
        trigger="manual",
        planned_at=NOW - 9 * DAY,
        release_at=NOW - 9 * DAY,
        exclusions={},
    )
    session.add(run)
    session.flush()
    session.add(
        Coupon(
            code="CPN-0001",
            campaign_id=campaign.id,
            run_id=run.id,
            external_userid="wmA05",
            kind="threshold",
            issued_at=NOW - 9 * DAY,
            expires_at=NOW + 20 * DAY,
            redeemed_at=NOW - 8 * DAY,
        )
    )
    save_segment(
        session,
        "待跟进客户",
        INQUIRED_NOT_ORDERED,
        owner_userid="zhangsan",
        now=NOW - 10 * DAY,
        description="近30天有咨询且未下单的客户",
    )
    save_segment(
        session,
        "ordered ever",
        Performed("order"),
        owner_userid="lisi",
        now=NOW - 10 * DAY,
        description="customers who ordered",
    )
