"""A small company for digest tests, with every number hand-checked in the tests.

Departments: 总部(1) ⊃ 销售一部(2) ⊃ 北组(4); 总部 ⊃ 销售二部(3). m1 leads 2 (members a1, and a2
in the sub-department 4); m2 leads 3 (member b1); boss is an admin (SEGBOT_ADMINS).
NOW is Tuesday 2026-03-10 08:30 in Shanghai: "yesterday" is Monday 03-09 00:00–24:00 local,
"the last 7 days" are 03-03 00:00 to 03-10 00:00 local.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.models.campaigns import (
    CONTROL,
    DELIVERED,
    HOLDOUT,
    MASS_MESSAGE,
    ONCE,
    TREATED,
    Campaign,
    CampaignRun,
    Delivery,
)
from bot.services.campaigns.settings import CampaignSettings
from bot.services.digest.build import DigestConfig
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator.company import Company, SimMember
from segmentation.engine import default_context
from segmentation.models import Customer, Department, Event, Follow, Staff, StaffDepartment
from segmentation.nodes import Performed, RollingWindow
from segmentation.saved import save_segment

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 10, 8, 30, tzinfo=TZ)
LONG_AGO = datetime(2025, 1, 1, tzinfo=UTC)
ADMINS = frozenset({"boss"})
STAFF = {  # userid: (name, role, department, leads)
    "m1": ("王经理", None, 2, True),
    "a1": ("张三", "sales", 2, False),
    "a2": ("李四", "sales", 4, False),
    "m2": ("赵经理", None, 3, True),
    "b1": ("钱五", "sales", 3, False),
    "boss": ("老板", None, 1, False),
}


def local(month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def config() -> DigestConfig:
    return DigestConfig(
        engine=default_context(TZ), campaigns=CampaignSettings(timezone=TZ), admins=ADMINS
    )


def fake_gateway() -> FakeWeComGateway:
    company = Company()
    for userid, (name, _role, dept, leads) in STAFF.items():
        company.members[userid] = SimMember(userid, name, [dept], [dept] if leads else [])
    return FakeWeComGateway(company)


def build_company(s: Session) -> None:
    for dept_id, name, parent in ((1, "总部", None), (2, "销售一部", 1), (3, "销售二部", 1),
                                  (4, "北组", 2)):  # fmt: skip
        s.add(Department(id=dept_id, name=name, parent_id=parent))
    s.flush()
    for userid, (name, role, dept, leads) in STAFF.items():
        s.add(Staff(userid=userid, name=name, role=role, active=True))
        s.flush()
        s.add(StaffDepartment(userid=userid, department_id=dept, is_leader=leads))
    s.flush()
    _customers(s)
    _events(s)
    save_segment(s, "意向客户", Performed("inquiry", RollingWindow(30, "days")),
                 owner_userid="m1", now=LONG_AGO)  # fmt: skip
    _campaign(s, "一部回访", "a1", [("k12", TREATED), ("k13", TREATED), ("k4", HOLDOUT)])
    _campaign(s, "二部回访", "b1", [("k3", TREATED), ("k5", HOLDOUT)])


def _follow(s: Session, eid: str, userid: str, added: datetime = LONG_AGO, **ended: object) -> None:
    s.add(Follow(external_userid=eid, userid=userid, added_at=added,
                 deleted=bool(ended), **ended))  # fmt: skip


def _customers(s: Session) -> None:
    for i in range(1, 15):
        s.add(Customer(external_userid=f"k{i}", name=f"客户{i}"))
    s.flush()
    _follow(s, "k1", "a1")
    _follow(s, "k2", "a2")
    _follow(s, "k3", "b1")
    _follow(s, "k4", "a1")
    _follow(s, "k5", "b1")
    _follow(s, "k6", "a1", local(3, 9, 23, 30))  # new late yesterday
    _follow(s, "k7", "a2", local(3, 10, 0, 30))  # new today, after midnight: not yesterday
    _follow(s, "k8", "b1", local(3, 5, 10))  # new this week
    _follow(s, "k9", "a1", deleted_at=local(3, 9), deleted_reason="del_external_contact")
    # k10 moved from a1 to a2 by an on-the-job transfer: neither lost nor new.
    _follow(s, "k10", "a1", deleted_at=local(3, 9), deleted_reason="DELETE_BY_TRANSFER")
    _follow(s, "k10", "a2", local(3, 9))
    # k11 left a1 (m1's team) but b1 (m2's team) still follows them.
    _follow(s, "k11", "a1", deleted_at=local(3, 6), deleted_reason="del_follow_user")
    _follow(s, "k11", "b1")
    _follow(s, "k12", "m1")
    _follow(s, "k13", "a1")
    _follow(s, "k14", "b1")
    s.flush()


def _event(s: Session, eid: str, kind: str, at: datetime, amount: str | None = None) -> None:
    n = sum(1 for o in s.new if isinstance(o, Event))
    s.add(Event(event_id=f"e{n}-{eid}", external_userid=eid, kind=kind, occurred_at=at,
                amount=Decimal(amount) if amount else None, source="api"))  # fmt: skip


def _events(s: Session) -> None:
    # high_intent (≥2 inquiries in 30 days, no order): k1 and k3 since yesterday evening,
    # k2 since 03-05 (so: now 1+1 in m1's scope, a day ago 1, a week ago 0).
    for eid, day, hour in (("k1", 9, 20), ("k3", 9, 20), ("k2", 5, 12)):
        _event(s, eid, "inquiry", local(3, day, hour))
        _event(s, eid, "inquiry", local(3, day, hour, 30))
    # k4: two old orders → at risk and dormant all along.
    _event(s, "k4", "order", datetime(2025, 6, 1, tzinfo=UTC), "300")
    _event(s, "k4", "order", datetime(2025, 7, 1, tzinfo=UTC), "300")
    # k5: its last order turned 90 days old in the last 24 hours → at risk since then.
    _event(s, "k5", "order", datetime(2025, 10, 1, tzinfo=UTC), "100")
    _event(s, "k5", "order", NOW - timedelta(days=90, hours=6), "100")
    # Orders for the movers: a1's k13 twice this week; m1's k12 once this week (after the
    # campaign's release: attributed to it), once before; b1's k14 once the week before.
    _event(s, "k13", "order", local(3, 4), "50")
    _event(s, "k13", "order", local(3, 6), "50")
    _event(s, "k12", "order", local(3, 8), "80")
    _event(s, "k12", "order", local(2, 28), "80")
    _event(s, "k14", "order", local(2, 25), "80")
    s.flush()


def _campaign(s: Session, name: str, creator: str, audience: list[tuple[str, str]]) -> None:
    release = local(3, 8, 10)
    campaign = Campaign(name=name, creator_userid=creator, segment_definition={},
                        schedule_kind=ONCE, run_at=release, channel=MASS_MESSAGE,
                        content="您好", holdout_percent=10, frequency_cap_days=7,
                        status="completed", created_at=release, updated_at=release)  # fmt: skip
    s.add(campaign)
    s.flush()
    run = CampaignRun(campaign_id=campaign.id, slot=release, trigger="schedule",
                      planned_at=release, release_at=release, audience=len(audience),
                      exclusions={}, finished_at=release)  # fmt: skip
    s.add(run)
    s.flush()
    for eid, arm in audience:
        s.add(Delivery(run_id=run.id, campaign_id=campaign.id, channel=MASS_MESSAGE,
                       external_userid=eid, owner_userid=creator, arm=arm,
                       status=DELIVERED if arm == TREATED else CONTROL, created_at=release,
                       not_before=release))  # fmt: skip
    s.flush()
