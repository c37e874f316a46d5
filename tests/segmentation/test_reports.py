"""Report frames for exports and digests: one row per id, facts computed in SQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from segmentation import reports
from segmentation.reports import COLUMNS, segment_frame
from tests.segmentation.factory import NOW, Dataset, load


def data() -> Dataset:
    d = Dataset(staff=[("s1", "张三", None, True), ("s2", "", None, True)])
    d.customers = [("a", "甲", 2, "上海", False), ("b", "乙", 1, None, False)]
    d.follows = [("a", "s1", NOW, False), ("a", "s2", NOW, False), ("b", "s1", NOW, True)]
    d.tags = [("t1", "VIP", False), ("t2", "旧", True), ("t3", "金卡", False)]
    d.customer_tags = [("a", "t1", ""), ("a", "t1", "s1"), ("a", "t2", ""), ("a", "t3", "")]
    d.events = [
        ("e1", "a", "inquiry", NOW - timedelta(days=3), None),
        ("e2", "a", "order", NOW - timedelta(days=2), Decimal("120.50")),
        ("e3", "a", "order", NOW - timedelta(days=50), Decimal("99")),
        ("e4", "a", "order", NOW + timedelta(days=1), Decimal("1000")),  # after now
    ]
    return d


def test_frame_has_one_row_per_known_id_with_facts(session: Session) -> None:
    load(session, data())
    frame = segment_frame(session, ["b", "a", "missing"], NOW)
    assert list(frame.columns) == COLUMNS
    assert list(frame["external_userid"]) == ["b", "a"]
    a = frame.iloc[1]
    assert a["owners"] == "s2、张三" and a["tags"] == "VIP、金卡" and a["city"] == "上海"
    assert a["order_count"] == 2 and a["total_spend"] == Decimal("219.50")
    assert a["last_order_at"] == NOW - timedelta(days=2)
    assert a["last_inquiry_at"] == NOW - timedelta(days=3)
    b = frame.iloc[0]
    assert b["owners"] == "" and b["order_count"] == 0 and b["total_spend"] == Decimal("0.00")


def test_large_id_lists_are_chunked(session: Session, monkeypatch) -> None:
    load(session, data())
    monkeypatch.setattr(reports, "CHUNK", 1)
    frame = segment_frame(session, ["a", "b"], NOW)
    assert list(frame["order_count"]) == [2, 0]
