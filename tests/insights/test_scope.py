"""describe_for_query: the base is what the asker may see (spec/security.md)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from segmentation.engine import default_context
from segmentation.insights import describe_for_query
from segmentation.nodes import City, SavedSegment
from segmentation.saved import save_segment
from segmentation.scope import Requester
from segmentation.snapshots import take_snapshots
from tests.insights.fixture import DAY, company
from tests.segmentation.factory import NOW, TZ, load

CTX = default_context(TZ)
SHANGHAI = City(("上海",))


def ask(session: Session, requester: Requester, node=SHANGHAI, language="zh"):  # type: ignore[no-untyped-def]
    return describe_for_query(
        session, node, requester=requester, now=NOW, ctx=CTX, language=language
    )


def city_entry(answer: dict) -> dict:  # type: ignore[type-arg]
    return next(p for p in answer["persona"] if p["attribute"] == "city")


def test_a_salespersons_base_is_their_own_customers(session: Session) -> None:
    load(session, company())
    answer = ask(session, Requester("s1", "sales"))
    card = answer["scorecard"]
    assert (card["size"], card["base_size"]) == (2, 3)  # c1, c2 of c1, c2, c3
    assert city_entry(answer) == {
        "attribute": "city",
        "value": "上海",
        "code": "上海",
        "count": 2,
        "base_count": 2,
        "share": 1.0,
        "base_share": 0.6667,
        "lift": 1.5,
    }


def test_a_managers_base_is_their_departments_customers(session: Session) -> None:
    load(session, company())
    answer = ask(session, Requester("lead", "manager"))
    card = answer["scorecard"]
    # 销售一部 (lead, s1, s2) follows c1, c2, c3, c5, c6, c7; of them c1, c2, c6 are in 上海.
    assert (card["size"], card["base_size"], card["share_of_base"]) == (3, 6, 0.5)
    assert card["total_spend"] == 1250  # 1000 + 200 + 50


def test_an_admins_base_is_every_customer(session: Session) -> None:
    load(session, company())
    card = ask(session, Requester.all_access())["scorecard"]
    assert (card["size"], card["base_size"]) == (5, 10)


def test_a_saved_segment_is_described_with_its_history_and_markdown(session: Session) -> None:
    load(session, company())
    save_segment(session, "上海客户", SHANGHAI, owner_userid="boss", now=NOW - 20 * DAY)
    take_snapshots(session, NOW - 20 * DAY, CTX)
    answer = ask(session, Requester("s1", "sales"), node=SavedSegment("上海客户"), language="en")
    assert answer["saved_name"] == "上海客户"
    card = answer["scorecard"]
    # The snapshot 20 days ago entered c1, c2, c4, c6, c9; only c1 and c2 are s1's customers.
    assert (card["entered_7d"], card["entered_30d"], card["exited_30d"]) == (0, 2, 0)
    assert answer["markdown"].startswith(f"**{answer['sketch']}**\n- Size: 2 customers")
    assert answer["sketch"].startswith("Typical profile: 上海")
