"""A small company both in our database and in the fake WeCom, for campaign tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.database import make_session_factory, unit_of_work
from bot.models.campaigns import Delivery
from bot.services.campaigns.planning import PlanContext
from bot.services.campaigns.settings import CampaignSettings
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator import mass
from integrations.wecom.simulator.company import Company, SimCustomer, SimMember
from segmentation.engine import default_context
from segmentation.models import Customer, CustomerTag, Event, Follow, Staff, Tag

TZ = ZoneInfo("Asia/Shanghai")
ADMINS = frozenset({"boss"})
SALES = ("alice", "bob")
# 2026-03-02 is a Monday; 10:00 in Shanghai.
MONDAY_10 = datetime(2026, 3, 2, 10, 0, tzinfo=TZ)


def cid(i: int) -> str:
    return f"wm{i:04d}"


@dataclass
class World:
    engine: Engine
    factory: sessionmaker[Session]
    gateway: FakeWeComGateway
    customers: list[str]
    settings: CampaignSettings = field(default_factory=lambda: CampaignSettings(timezone=TZ))

    def pctx(self, **changes: object) -> PlanContext:
        from dataclasses import replace

        settings = replace(self.settings, **changes) if changes else self.settings
        return PlanContext(settings=settings, engine=default_context(TZ), admins=ADMINS)

    def confirm_all(self, now: datetime) -> None:
        """Every salesperson presses send on every task."""
        company = self.gateway.company
        for msgid, task in list(company.mass_tasks.items()):
            for userid in task.recipients:
                if userid not in task.send_time:
                    mass.confirm(company, msgid, userid, int(now.timestamp()))

    def mass_recipients(self) -> list[str]:
        """Every customer in a mass-message task WeCom accepted, with repeats."""
        return [
            eid
            for task in self.gateway.company.mass_tasks.values()
            for statuses in task.recipients.values()
            for eid in statuses
        ]

    def count(self, **where: object) -> int:
        with self.factory() as s:
            stmt = select(func.count()).select_from(Delivery).filter_by(**where)
            return int(s.execute(stmt).scalar_one())


def build_world(engine: Engine, n: int = 40, *, monthly_budget: int = 4) -> World:
    """n customers: even ones followed by alice, odd ones by bob, wm0000 by both (bob first);
    wm0001 opted out (tag 勿扰); wm0002 deleted; wm0003 has no live follow."""
    company = Company(monthly_mass_budget=monthly_budget)
    for userid in (*SALES, "boss"):
        company.members[userid] = SimMember(userid, userid.title(), [1], [])
    gateway = FakeWeComGateway(company)
    factory = make_session_factory(engine)
    added = datetime(2025, 1, 1, tzinfo=UTC)
    with unit_of_work(factory) as s:
        for userid, role in (("alice", "sales"), ("bob", "sales"), ("boss", "manager")):
            s.add(Staff(userid=userid, name=userid.title(), role=role, active=True))
        s.add(Tag(tag_id="t-optout", name="勿扰", group_name="营销"))
        s.flush()
        for i in range(n):
            eid = cid(i)
            s.add(Customer(external_userid=eid, name=f"客户{i}", deleted=(i == 2)))
            owners = ["bob", "alice"] if i == 0 else [SALES[i % 2]]
            for k, userid in enumerate(owners):
                when = added + timedelta(days=k)
                gone = i == 3  # the customer deleted their salesperson: nobody can reach them
                s.add(Follow(external_userid=eid, userid=userid, added_at=when, deleted=gone))
                if gone:
                    continue
                company.add_follow(SimCustomer(eid, f"客户{i}"), userid, int(when.timestamp()))
        s.flush()
        s.add(CustomerTag(external_userid=cid(1), tag_id="t-optout", userid="bob"))
    return World(engine, factory, gateway, [cid(i) for i in range(n)])


def add_order(factory: sessionmaker[Session], eid: str, at: datetime, n: int) -> None:
    with unit_of_work(factory) as s:
        s.add(Event(event_id=f"o-{eid}-{n}", external_userid=eid, kind="order", occurred_at=at,
                    amount=Decimal("100.00"), source="api"))  # fmt: skip
