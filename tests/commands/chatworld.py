"""A company for confirmation, export and explain tests: built in the WeCom simulator, synced
into our database like production, plus events (inquiries, orders) and phone numbers.

Customers (all inquired 3 days ago):
  wmA01–wmA04  张客户01–04, followed by zhangsan (sales)     — inquired, no order
  wmA05        张客户05, followed by zhangsan                 — also ordered 10 days ago
  wmB01        李客户01, followed by lisi (sales)             — inquired, no order
  wmW01, wmW02 王芳 (twice), followed by zhangsan             — inquired, no order
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from bot.services.sync import run_full_sync
from bot.settings import Settings, WeComSettings
from integrations.wecom.gateway import WeComGateway
from integrations.wecom.simulator.company import Company, SimCustomer, SimDepartment, SimMember
from segmentation.models import Customer, Event

CORP_ID = "wwchatcorp01"
AGENT_ID = 1000002
NOW = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
ADMINS = frozenset({"boss"})
SETTINGS = Settings(
    admins=ADMINS,
    wecom=WeComSettings(
        corp_id=CORP_ID,
        agent_id=AGENT_ID,
        token="segbotsim",
        aes_key="jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
    ),
)
ZHANG = {f"wmA0{i}": f"张客户0{i}" for i in range(1, 6)} | {"wmW01": "王芳", "wmW02": "王芳"}
LI = {"wmB01": "李客户01"}
NO_ORDER_ZHANG = sorted(set(ZHANG) - {"wmA05"})
# How each was added (WeCom add_way, 渠道活码 state); the others scanned a plain QR code (1).
CHANNELS = {
    "wmA01": (1, "展会2026"),
    "wmA02": (1, "展会2026"),
    "wmA03": (4, ""),
    "wmA04": (2, ""),
    "wmW01": (3, ""),
    "wmW02": (3, ""),
    "wmB01": (1, "展会2026"),
}
TAG_TEXT = "给近30天咨询未下单的客户打上待跟进标签"


def chat_company() -> Company:
    company = Company(corp_id=CORP_ID)
    company.departments[1] = SimDepartment(1, "星海公司", None, 0)
    company.departments[2] = SimDepartment(2, "销售一部", 1, 1)
    company.members["zhangsan"] = SimMember("zhangsan", "张三", [2], [])
    company.members["lisi"] = SimMember("lisi", "李四", [2], [])
    company.members["boss"] = SimMember("boss", "老板", [1], [])
    added = int((NOW - timedelta(days=60)).timestamp())
    for owner, customers in (("zhangsan", ZHANG), ("lisi", LI)):
        for eid, name in customers.items():
            way, state = CHANNELS.get(eid, (1, ""))
            company.add_follow(
                SimCustomer(eid, name, city="上海"), owner, added, add_way=way, state=state
            )
    return company


def load_world(factory: sessionmaker[Session], gateway: WeComGateway) -> None:
    """Sync the simulated company into the database, then add events and phone numbers."""
    run_full_sync(factory, gateway, NOW)
    with factory() as session:
        for index, eid in enumerate(sorted(ZHANG | LI)):
            session.add(
                Event(
                    event_id=f"inq-{eid}",
                    external_userid=eid,
                    kind="inquiry",
                    occurred_at=NOW - timedelta(days=3),
                    source="csv",
                )
            )
            customer = session.get(Customer, eid)
            assert customer is not None
            customer.phone = f"1380000{index:04d}"
        session.add(
            Event(
                event_id="ord-wmA05",
                external_userid="wmA05",
                kind="order",
                occurred_at=NOW - timedelta(days=10),
                amount=Decimal("88.00"),
                source="csv",
            )
        )
        session.commit()
