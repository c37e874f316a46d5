"""Pushes through the real chat path, then the real planner and sender against the fake WeCom:
one mass-message task per sender (coupon codes still unique per customer in the ledger), the
senders inside the asker's scope, the card's facts equal to what is sent, the cost limit.

The company: 销售一部 (dept 2) led by the manager wang, with zhangsan and lisi; 销售二部
(dept 3) with zhao. zhao added c01–c10 before zhangsan did (so "the first follower" would be
zhao), c41 is zhao's alone, and c42 is followed by zhao and by a member of 销售一部 who has
left: in wang's scope, but with no active sender there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bot.cli.main import cli
from bot.commands import CommandContext, Reply
from bot.commands.outbound import send_replies
from bot.commands.router import handle_card_click, handle_text
from bot.database import make_session_factory
from bot.models.campaigns import HOLDOUT, TREATED, Campaign, Coupon, Delivery
from bot.services.campaigns.planning import PlanContext
from bot.services.campaigns.runner import campaign_tick
from bot.services.coupons import format_code, redeem_coupon
from bot.services.sync import run_full_sync
from bot.settings import Settings
from integrations.wecom.events import CardClick
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator.company import Company, SimCustomer, SimDepartment, SimMember
from integrations.wecom.simulator.state import SimConfig
from segmentation.engine import default_context
from segmentation.models import Department, Event, Follow, Staff, StaffDepartment
from tests.commands.chatworld import SETTINGS

CORP = SETTINGS.wecom.corp_id or "wwchatcorp01"
# 10:00 in Shanghai on a Monday: outside the quiet hours.
NOW = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
ZHANG = [f"c{i:02d}" for i in range(1, 31)]
LI = [f"c{i:02d}" for i in range(31, 41)]
DEPT_ONE = set(ZHANG) | set(LI) | {"c42"}


def company() -> Company:
    c = Company(corp_id=CORP)
    c.departments[1] = SimDepartment(1, "星海公司", None, 0)
    c.departments[2] = SimDepartment(2, "销售一部", 1, 1)
    c.departments[3] = SimDepartment(3, "销售二部", 1, 2)
    c.members["wang"] = SimMember("wang", "王经理", [2], [2])
    c.members["zhangsan"] = SimMember("zhangsan", "张三", [2], [])
    c.members["lisi"] = SimMember("lisi", "李四", [2], [])
    c.members["zhao"] = SimMember("zhao", "赵六", [3], [])
    c.members["boss"] = SimMember("boss", "老板", [1], [])
    early = int((NOW - timedelta(days=90)).timestamp())
    later = int((NOW - timedelta(days=60)).timestamp())
    for eid in ZHANG:
        customer = SimCustomer(eid, f"客户{eid}", city="上海")
        if eid <= "c10":
            c.add_follow(customer, "zhao", early)
        c.add_follow(customer, "zhangsan", later)
    for eid in LI:
        c.add_follow(SimCustomer(eid, f"客户{eid}", city="上海"), "lisi", later)
    for eid in ("c41", "c42"):
        c.add_follow(SimCustomer(eid, f"客户{eid}", city="上海"), "zhao", early)
    return c


@dataclass
class Rig:
    factory: sessionmaker[Session]
    gateway: FakeWeComGateway
    settings: Settings
    now: datetime = NOW

    def ctx(self) -> CommandContext:
        return CommandContext(settings=self.settings, now=self.now, gateway=self.gateway)

    def tell(self, userid: str, text: str) -> list[Reply]:
        with self.factory() as session:
            replies = handle_text(session, self.ctx(), userid, text)
            send_replies(session, self.gateway, replies)
            session.commit()
        return replies

    def click(self, userid: str, key: str = "confirm") -> list[Reply]:
        task_id = str(self.card()["task_id"])
        code = f"rc-{len(self.gateway.state.response_codes)}-{userid}"
        self.gateway.state.response_codes[code] = task_id
        click = CardClick(userid, key, task_id, "button_interaction", code, 0)
        with self.factory() as session:
            replies = handle_card_click(session, self.ctx(), click)
            send_replies(session, self.gateway, replies)
            session.commit()
        return replies

    def card(self) -> dict[str, object]:
        cards = [m["template_card"] for m in self.gateway.sent if m["msgtype"] == "template_card"]
        return dict(cards[-1])

    def rows(self) -> dict[str, str]:
        rows = self.card()["horizontal_content_list"]
        assert isinstance(rows, list)
        return {str(r["keyname"]): str(r["value"]) for r in rows}

    def send(self) -> list[dict[str, object]]:
        pctx = PlanContext(
            settings=self.settings.campaigns,
            engine=default_context(self.settings.timezone_name),
            admins=self.settings.admins,
        )
        campaign_tick(self.factory, self.gateway, self.now + timedelta(minutes=1), pctx)
        return [c.data for c in self.gateway.calls if c.api == "externalcontact/add_msg_template"]


@pytest.fixture
def rig(clean_engine: Engine) -> Rig:
    gateway = FakeWeComGateway(company(), SimConfig(corp_id=CORP))
    factory = make_session_factory(clean_engine)
    run_full_sync(factory, gateway, NOW)
    with factory() as session:
        session.add(Staff(userid="gone", name="离职", role="sales", active=False))
        session.flush()
        dept = session.scalars(select(Department.id).where(Department.name == "销售一部")).one()
        session.add(StaffDepartment(userid="gone", department_id=dept, is_leader=False))
        session.add(Follow(external_userid="c42", userid="gone", added_at=NOW - timedelta(days=5)))
        for eid in [*ZHANG, *LI, "c41", "c42"]:
            session.add(Event(event_id=f"inq-{eid}", external_userid=eid, kind="inquiry",
                              occurred_at=NOW - timedelta(days=3), source="csv"))  # fmt: skip
        session.commit()
    return Rig(factory, gateway, SETTINGS)


def deliveries(rig: Rig) -> list[Delivery]:
    with rig.factory() as session:
        return list(session.scalars(select(Delivery).order_by(Delivery.id)))


def test_a_coupon_push_is_one_task_per_sender_inside_the_managers_department(rig: Rig) -> None:
    rig.tell("wang", "给我们部门近30天有咨询的客户发一张满100减20的券")
    rows = rig.rows()
    sent, holdout = int(rows["目标人数"].split("发送 ")[1]), int(rows["对照组"].split()[0])
    assert sent + holdout == len(DEPT_ONE) - 1  # c42 has no active sender in 销售一部
    assert "无可用跟进人 1" in rows["已排除"]
    assert set(rows["企微确认"].split("、")) == {"张三1次", "李四1次"}
    message = str(rig.card()["quote_area"]["quote_text"])  # type: ignore[index]
    rig.click("wang")
    calls = rig.send()
    # One task per sender, never one per customer, never a sender of another department.
    assert sorted(str(c["sender"]) for c in calls) == ["lisi", "zhangsan"]
    treated = [d for d in deliveries(rig) if d.arm == TREATED]
    assert len(treated) == sent
    assert len([d for d in deliveries(rig) if d.arm == HOLDOUT]) == holdout
    assert sum(len(c["external_userid"]) for c in calls) == sent  # type: ignore[arg-type]
    assert {d.owner_userid for d in treated} <= {"zhangsan", "lisi"}
    # The card showed the text every recipient gets, shared code included.
    assert {c["text"]["content"] for c in calls} == {message}  # type: ignore[index]
    with rig.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
        assert campaign.shared_code and format_code(campaign.shared_code) in message
        coupons = session.scalars(select(Coupon)).all()
    # Every recipient still has a unique coupon of their own in the ledger.
    assert len({c.code for c in coupons}) == len(coupons) == sent
    assert {c.external_userid for c in coupons} == {d.external_userid for d in treated}


def test_the_shared_code_redeems_the_orders_customers_own_coupon_once(rig: Rig) -> None:
    rig.tell("wang", "给我们部门近30天有咨询的客户发一张满100减20的券")
    rig.click("wang")
    rig.send()
    with rig.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
        shared = campaign.shared_code
        customer = session.scalars(select(Coupon.external_userid).order_by(Coupon.id)).first()
        session.add(Event(event_id="order-1", external_userid=customer, kind="order",
                          occurred_at=NOW + timedelta(hours=1), amount=Decimal(150),
                          source="api"))  # fmt: skip
        session.commit()
    assert shared is not None and customer is not None
    with rig.factory() as session:
        first = redeem_coupon(session, format_code(shared), "order-1", NOW + timedelta(hours=2))
        session.commit()
    assert first.ok and first.external_userid == customer and first.code != shared
    with rig.factory() as session:
        again = redeem_coupon(session, shared, "order-1", NOW + timedelta(hours=3))
        assert not again.ok
        assert not redeem_coupon(session, shared, None, NOW + timedelta(hours=3)).ok


def test_one_by_one_makes_a_task_per_customer_and_the_card_says_how_many(rig: Rig) -> None:
    rig.tell("zhangsan", "给我的近30天有咨询的客户逐个发消息“{name}您好，新品到店”")
    rows = rig.rows()
    sent = int(rows["目标人数"].split("发送 ")[1])
    assert rows["企微确认"] == f"张三{sent}次"
    rig.click("zhangsan")
    calls = rig.send()
    assert len(calls) == sent and {c["sender"] for c in calls} == {"zhangsan"}


def test_name_without_one_by_one_is_asked_back(rig: Rig) -> None:
    [reply] = rig.tell("zhangsan", "给我的近30天有咨询的客户发消息“{name}您好”")
    assert "逐个发送" in reply.text
    assert not [m for m in rig.gateway.sent if m["msgtype"] == "template_card"]


def texts_to(rig: Rig, userid: str) -> list[str]:
    return [str(m["text"]["content"]) for m in rig.gateway.sent
            if m["msgtype"] == "text" and userid in m["touser"]]  # fmt: skip


def campaigns(rig: Rig) -> list[Campaign]:
    with rig.factory() as session:
        return list(session.scalars(select(Campaign)))


def test_over_the_cost_limit_the_salesperson_asks_and_the_manager_approves(rig: Rig) -> None:
    rig.tell("zhangsan", "给我的近30天有咨询的客户发一张满5000减300的券")
    assert "需审批" in rig.rows()["最高成本"]
    buttons = rig.card()["button_list"]
    assert [b["key"] for b in buttons] == ["request_approval", "cancel"]  # type: ignore[union-attr]
    [refusal, *_] = rig.tell("zhangsan", "确认")  # typed: still refused, with the reason
    assert "超过审批额度 ¥5000" in refusal.text and campaigns(rig) == []
    rig.click("zhangsan", "request_approval")
    assert any("王经理审批" in t for t in texts_to(rig, "zhangsan"))
    card = rig.card()
    assert card["main_title"] == {"title": "审批：张三的群发"}
    assert [b["key"] for b in card["button_list"]] == ["confirm", "cancel"]  # type: ignore[union-attr]
    assert [m["touser"] for m in rig.gateway.sent if m["msgtype"] == "template_card"][-1] == [
        "wang"
    ]
    rig.click("zhangsan")  # the requester cannot approve their own request
    assert campaigns(rig) == []
    rig.click("wang")
    [campaign] = campaigns(rig)
    assert campaign.creator_userid == "zhangsan"
    assert any(t.startswith("王经理已批准您的群发申请") for t in texts_to(rig, "zhangsan"))


def test_a_declined_request_sends_nothing_and_the_requester_is_told(rig: Rig) -> None:
    rig.tell("zhangsan", "给我的近30天有咨询的客户发一张满5000减300的券")
    rig.click("zhangsan", "request_approval")
    rig.click("lisi", "cancel")  # not the approver
    rig.click("wang", "cancel")
    assert campaigns(rig) == []
    assert any("拒绝了您的群发申请" in t for t in texts_to(rig, "zhangsan"))


def test_a_salespersons_schedule_goes_to_the_manager_too(rig: Rig) -> None:
    rig.tell("zhangsan", "每周一上午10点给我的近30天有咨询的客户发消息“新品到店”")
    buttons = rig.card()["button_list"]
    assert buttons[0]["key"] == "request_approval"  # type: ignore[index]
    rig.click("zhangsan", "request_approval")
    rig.click("wang")
    [campaign] = campaigns(rig)
    assert campaign.cron == "0 10 * * 1" and campaign.creator_userid == "zhangsan"


def test_the_limit_is_a_setting(rig: Rig) -> None:
    rig.settings = replace(SETTINGS, approval_cost_limit=Decimal(100))
    rig.tell("zhangsan", "给我的近30天有咨询的客户发一张满100减20的券")
    assert "需审批" in rig.rows()["最高成本"]
    [refusal, *_] = rig.click("zhangsan")
    assert "¥100" in refusal.text


def test_in_quiet_hours_the_card_says_when_it_really_goes_out(rig: Rig) -> None:
    rig.now = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai
    rig.tell("zhangsan", "给我的近30天有咨询的客户发消息“新品到店”")
    assert rig.rows()["发送时间"] == "11-03 09:00（静默时段后）"


def _query(db_url: str, text: str, *args: str) -> dict[str, object]:
    result = CliRunner().invoke(
        cli, ["query", text, "--json", "--now", "2026-11-02T23:00:00+08:00", "--db", db_url, *args]
    )
    return dict(json.loads(result.output))


def test_segbot_query_json_carries_the_push_facts(rig: Rig, db_url: str) -> None:
    answer = _query(db_url, "给我们部门近30天有咨询的客户发一张满5000减300的券", "--as", "wang")
    assert answer["intent"] == "push"
    assert answer["send_at"] == "2026-11-03T09:00:00+08:00" and answer["quiet_hours"] is True
    recipients, holdout = answer["recipients"], answer["holdout"]
    assert isinstance(recipients, int) and isinstance(holdout, int)
    assert recipients + holdout == len(DEPT_ONE) - 1
    assert answer["excluded"] == {"deleted": 0, "no_owner": 1, "opted_out": 0,
                                  "frequency_cap": 0, "monthly_limit": 0}  # fmt: skip
    assert answer["cost_max"] == 300 * recipients
    tasks = answer["tasks"]
    assert isinstance(tasks, list) and {t["sender"] for t in tasks} == {"zhangsan", "lisi"}
    assert sum(t["customers"] for t in tasks) == recipients
    assert all(t["confirmations"] == 1 for t in tasks)
    assert answer["needs_approval"] is False  # a manager's own push
    assert "满5000减300" in str(answer["message"]) and "前有效" in str(answer["message"])
    sales = _query(db_url, "给我的近30天有咨询的客户发一张满5000减300的券", "--as", "zhangsan")
    assert sales["needs_approval"] is True and sales["approvers"] == ["manager", "admin"]
    schedule = _query(
        db_url, "每周一上午10点给我的近30天有咨询的客户发消息“你好”", "--as", "zhangsan"
    )
    assert schedule["send_at"] == "2026-11-09T10:00:00+08:00"
    assert schedule["needs_approval"] is True and schedule["message"] == "你好"


def test_in_chat_the_shared_code_redeems_only_for_someone_who_sees_the_customer(rig: Rig) -> None:
    rig.tell("zhangsan", "给我的近30天有咨询的客户发一张满100减20的券")
    rig.click("zhangsan")
    rig.send()
    with rig.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
        customer = session.scalars(select(Coupon.external_userid).order_by(Coupon.id)).first()
        session.add(Event(event_id="order-9", external_userid=customer, kind="order",
                          occurred_at=NOW + timedelta(minutes=30), amount=Decimal(120),
                          source="api"))  # fmt: skip
        session.commit()
    shared = format_code(str(campaign.shared_code))
    rig.now = NOW + timedelta(hours=1)
    [refused] = rig.tell("lisi", f"核销 {shared} 订单 order-9")
    assert "没有这张券" in refused.text
    [done] = rig.tell("zhangsan", f"核销 {shared} 订单 order-9")
    assert done.text.startswith("已核销券") and shared not in done.text
