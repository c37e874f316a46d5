"""Named segments: the RFM classes against company-wide means, 流失风险, 沉睡, 高意向, and
the catalog that configures them."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from segmentation.engine import default_context, segment_members
from segmentation.named import NamedSegmentCatalog, RfmRule
from segmentation.nodes import NamedSegment, SegmentFormatError
from segmentation.scope import Requester
from tests.segmentation.factory import NOW, TZ, Dataset, load

CTX = default_context(TZ)
ADMIN = Requester.all_access()


def company(
    orders: dict[str, list[tuple[float, str]]], inquiries: dict[str, list[float]] | None = None
) -> Dataset:
    """Customers with orders (days ago, amount) and inquiries (days ago); s1 follows a and c."""
    inquiries = inquiries or {}
    data = Dataset(staff=[("s1", "张三", None, True)])
    for eid in sorted({*orders, *inquiries}):
        data.customers.append((eid, eid, 0, None, eid.startswith("deleted")))
    data.follows = [(e, "s1", NOW, False) for e in ("a", "c") if e in orders]
    for eid, items in orders.items():
        for n, (days, amount) in enumerate(items):
            data.events.append(
                (f"{eid}-o{n}", eid, "order", NOW - timedelta(days=days), Decimal(amount))
            )
    for eid, days_list in inquiries.items():
        for n, days in enumerate(days_list):
            data.events.append((f"{eid}-i{n}", eid, "inquiry", NOW - timedelta(days=days), None))
    return data


def members(session: Session, key: str, requester: Requester = ADMIN) -> list[str]:
    return segment_members(session, NamedSegment(key), requester=requester, now=NOW, ctx=CTX)


RFM_COMPANY = {
    # mean R = 40.25 days, mean F = 1.75, mean M = 342.50 (the deleted customer does not count)
    "a": [(1, "100"), (2, "100"), (3, "100")],  # R high, F high, M low
    "b": [(10, "1000")],  # R high, F low, M high
    "c": [(100, "10"), (200, "10")],  # R low, F high, M low
    "d": [(50, "50")],  # R low, F low, M low
    "deleted-x": [(1, "99999"), (1, "99999"), (1, "99999")],
}


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("high_value", []),
        ("to_develop", ["b"]),
        ("to_keep", []),
        ("to_win_back", []),
        ("general_value", ["a"]),
        ("general_develop", []),
        ("general_keep", ["c"]),
        ("general_win_back", ["d"]),
    ],
)
def test_rfm_classes_against_company_means(session: Session, key: str, expected: list[str]) -> None:
    load(session, company(RFM_COMPANY))
    assert members(session, key) == expected


def test_rfm_value_equal_to_the_mean_is_low(session: Session) -> None:
    # mean R = 20 days, F = 2, M = 200: "i" sits exactly on every mean.
    load(
        session,
        company(
            {
                "g": [(10, "100")],
                "h": [(30, "100"), (31, "100"), (32, "100")],
                "i": [(20, "100"), (21, "100")],
            }
        ),
    )
    assert members(session, "general_win_back") == ["i"]
    assert members(session, "general_develop") == ["g"]
    assert members(session, "to_keep") == ["h"]


def test_rfm_means_are_company_wide_while_the_answer_is_scoped(session: Session) -> None:
    load(session, company(RFM_COMPANY))
    sales = Requester("s1", "sales")  # sees a and c; by their own means a would be high-value
    assert members(session, "general_value", sales) == ["a"]
    assert members(session, "high_value", sales) == []


def test_rfm_classes_are_empty_before_any_order(session: Session) -> None:
    load(session, company({}, {"a": [1]}))
    assert all(members(session, e.key) == [] for e in CTX.named.all() if e.is_rfm)


def test_orders_after_now_do_not_count_for_rfm(session: Session) -> None:
    load(session, company({"a": [(1, "100"), (-5, "5000")], "b": [(10, "1000")]}))
    # as of now: a R high F low(1=1) M low; b R low F low M high
    assert members(session, "general_develop") == ["a"]
    assert members(session, "to_win_back") == ["b"]


def test_at_risk_needs_two_orders_and_none_in_90_days(session: Session) -> None:
    load(
        session,
        company(
            {
                "a": [(91, "1"), (200, "1")],
                "b": [(89, "1"), (200, "1")],
                "c": [(150, "1")],
                "d": [(90, "1"), (95, "1")],  # exactly 90×24h ago is inside the window
            }
        ),
    )
    assert members(session, "at_risk") == ["a"]


def test_dormant_needs_an_order_and_no_order_or_inquiry_in_180_days(session: Session) -> None:
    load(
        session,
        company(
            {"a": [(200, "1")], "b": [(200, "1")], "c": [(100, "1")]},
            {"b": [10], "e": [300]},
        ),
    )
    assert members(session, "dormant") == ["a"]


def test_high_intent_is_two_recent_inquiries_without_a_recent_order(session: Session) -> None:
    load(
        session,
        company(
            {"b": [(5, "1")], "c": [(40, "1")]},
            {"a": [1, 29], "b": [1, 2], "c": [3, 4], "d": [1, 31]},
        ),
    )
    assert members(session, "high_intent") == ["a", "c"]


def test_catalog_exposes_names_and_definitions() -> None:
    catalog = NamedSegmentCatalog.load()
    keys = {e.key for e in catalog.all()}
    assert {"high_value", "at_risk", "dormant", "high_intent", "general_win_back"} <= keys
    high = catalog.get("high_value")
    assert high is not None and "重要价值客户" in high.names_zh and high.names_en
    assert high.definition == RfmRule("high", "high", "high")
    assert catalog.get("nope") is None


def test_a_deployment_can_load_its_own_catalog(tmp_path, session: Session) -> None:
    path = tmp_path / "named.json"
    path.write_text(
        json.dumps(
            {
                "segments": [
                    {
                        "key": "big",
                        "names_zh": ["大客户"],
                        "names_en": ["big customers"],
                        "definition": {"type": "spend", "op": ">=", "value": "500"},
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    ctx = default_context(TZ, path)
    load(session, company({"a": [(1, "600")], "b": [(1, "400")]}))
    assert segment_members(session, NamedSegment("big"), requester=ADMIN, now=NOW, ctx=ctx) == ["a"]


def test_catalog_refuses_cyclic_or_bad_definitions() -> None:
    cyclic = {
        "segments": [
            {"key": "x", "definition": {"type": "named", "key": "y"}},
            {"key": "y", "definition": {"type": "named", "key": "x"}},
        ]
    }
    with pytest.raises(SegmentFormatError):
        NamedSegmentCatalog.from_dict(cyclic)
    with pytest.raises(SegmentFormatError):
        NamedSegmentCatalog.from_dict(
            {"segments": [{"key": "r", "definition": {"rfm": {"r": "up"}}}]}
        )


def test_rfm_means_stay_exact_with_many_buyers(session):
    """Sums of epoch microseconds overflow 64-bit integers past a few thousand buyers."""
    from datetime import UTC, datetime, timedelta
    from decimal import Decimal

    from bot.database import bulk_insert
    from bot.services.events import bulk_insert_events
    from segmentation.models import Customer
    from segmentation.named import compute_rfm_means

    now = datetime(2026, 11, 1, tzinfo=UTC)
    n = 12_000
    times = [now - timedelta(days=i % 300, microseconds=i) for i in range(n)]
    bulk_insert(session, Customer.__table__, [
        {"external_userid": f"c{i}", "name": "", "gender": 0, "deleted": False}
        for i in range(n)
    ])  # fmt: skip
    rows = [
        {"event_id": f"e{i}", "external_userid": f"c{i}", "kind": "order",
         "occurred_at": times[i], "amount": Decimal("1.50"), "source": "test"}
        for i in range(n)
    ]  # fmt: skip
    bulk_insert_events(session, rows)
    means = compute_rfm_means(session, now)
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    expected_us = sum((t - epoch) // timedelta(microseconds=1) for t in times)
    assert (means.customers, means.order_sum, means.amount_sum_fen) == (n, n, 150 * n)
    assert means.last_order_sum_us == expected_us
