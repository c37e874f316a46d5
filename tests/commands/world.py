"""A small company for chat tests: two sales members, an admin, customers, and a scoped query.

`json_tree_query` stands in for the NLQ service: the chat text is a segment tree in JSON, and it
is evaluated for real by the segment engine under the asker's scope.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator.company import Company, SimMember
from integrations.wecom.simulator.state import SimConfig
from segmentation.engine import default_context, segment_listed
from segmentation.models import Customer, Event, Follow, Staff
from segmentation.nodes import SegmentFormatError, from_json, to_json
from segmentation.scope import Requester, resolve_requester

CORP_ID = "wwcorp0001"
NOW = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
ADMINS = frozenset({"boss"})

ZHANG_CUSTOMERS = {f"wmZ{i:02d}": f"张客户{i:02d}" for i in range(1, 14)}  # 13: two pages
LI_CUSTOMERS = {"wmL01": "李的客户甲", "wmL02": "李的客户乙"}


def build_company(session: Session) -> None:
    session.add_all(
        [
            Staff(userid="zhangsan", name="张三", role="sales", active=True),
            Staff(userid="lisi", name="李四", role="sales", active=True),
            Staff(userid="boss", name="老板", role="admin", active=True),
            Staff(userid="gone", name="离职", role="sales", active=False),
        ]
    )
    session.flush()
    for owner, customers in (("zhangsan", ZHANG_CUSTOMERS), ("lisi", LI_CUSTOMERS)):
        for external_userid, name in customers.items():
            session.add(Customer(external_userid=external_userid, name=name, phone="13800000000"))
            session.flush()
            session.add(
                Follow(
                    external_userid=external_userid,
                    userid=owner,
                    added_at=NOW - timedelta(days=40),
                )
            )
            session.add(
                Event(
                    event_id=f"inq-{external_userid}",
                    external_userid=external_userid,
                    kind="inquiry",
                    occurred_at=NOW - timedelta(days=3),
                    source="csv",
                )
            )
    session.commit()


def fake_gateway() -> FakeWeComGateway:
    company = Company(corp_id=CORP_ID)
    for userid, name in (
        ("zhangsan", "张三"),
        ("lisi", "李四"),
        ("boss", "老板"),
        ("stranger", "陌生人"),
    ):
        company.members[userid] = SimMember(userid, name, [1], [])
    return FakeWeComGateway(company, SimConfig(corp_id=CORP_ID))


EVERYONE = json.dumps({"type": "all"})
INQUIRED = json.dumps({"type": "performed", "event_kind": "inquiry"})


def json_tree_query(
    session: Session, text: str, *, as_userid: str | None, now: datetime, with_members: bool = True
) -> dict[str, Any]:
    try:
        node = from_json(json.loads(text))
    except (ValueError, SegmentFormatError):
        return {
            "intent": "clarify",
            "message": "没有看懂您的问题",
            "suggestions": ["我的客户", "近30天有咨询的客户"],
        }
    requester = (
        Requester.all_access()
        if as_userid is None
        else resolve_requester(session, as_userid, ADMINS)
    )
    if requester is None:
        return {"intent": "clarify", "message": "unknown member", "suggestions": []}
    ids = segment_listed(session, node, requester=requester, now=now, ctx=default_context())
    return {
        "intent": "list",
        "segment": to_json(node),
        "description": "测试分群",
        "count": len(ids),
        "customers": sorted(ids),
        "listed": ids,
    }
