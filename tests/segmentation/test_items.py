"""Products, categories and SKUs from event properties (issue 21, spec §2b): every writer stores
the match keys, the known names are kept for the vocabulary, and the conditions match names
like tags (case, width, script) in the event's kind and window."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.database import make_session_factory
from bot.services.csv_import import import_directory
from bot.services.events import ingest_events
from segmentation.engine import default_context, segment_members
from segmentation.explain import explain_customer
from segmentation.items import item_columns, item_key, item_names
from segmentation.models import Customer, Event, EventItemName
from segmentation.nodes import (
    And,
    ItemCount,
    ItemEvent,
    Not,
    RollingWindow,
    SegmentFormatError,
    from_json,
    to_json,
)
from segmentation.rollups import rebuild_item_keys
from segmentation.scope import Requester

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=TZ)
ADMIN = Requester.all_access()
CTX = default_context(TZ)
LAST_30 = RollingWindow(30, "days")


def test_names_are_keyed_like_tags() -> None:
    assert item_key("玻尿酸麵霜") == item_key("玻尿酸面霜")
    assert item_key("ＳＥＲＵＭ ") == item_key("serum") == "serum"
    assert item_names({"product": " 口红 ", "category": "", "sku": 42}) == {
        "product": "口红",
        "sku": "42",
    }
    assert item_names({"product": True, "category": ["a"]}) == {}
    assert item_columns(None) == {"product_key": None, "category_key": None, "sku_key": None}


def test_nodes_validate_and_round_trip() -> None:
    node = ItemCount("order", "category", ("护肤",), ">=", 2, LAST_30)
    assert from_json(to_json(node)) == node
    with pytest.raises(SegmentFormatError):
        ItemEvent("order", "brand", ("x",))  # type: ignore[arg-type]
    with pytest.raises(SegmentFormatError):
        ItemEvent("order", "product", ())
    with pytest.raises(SegmentFormatError):
        from_json({"type": "item_event", "event_kind": "order", "item": "product", "names": [""]})
    with pytest.raises(SegmentFormatError):
        ItemCount("order", "product", ("x",), ">", -1)


def _company(session: Session) -> None:
    session.add_all(Customer(external_userid=e, name=e, deleted=e == "gone") for e in CUSTOMERS)
    for n, (eid, kind, days, props) in enumerate(EVENTS):
        at = NOW - timedelta(days=days)
        session.add(
            Event(event_id=f"e{n}", external_userid=eid, kind=kind, occurred_at=at,
                  properties=props)
        )  # fmt: skip
    session.commit()


CUSTOMERS = ("a", "b", "c", "d", "gone")
EVENTS = [
    ("a", "order", 3, {"product": "玻尿酸面霜", "category": "护肤"}),
    ("a", "order", 40, {"product": "玻尿酸面霜", "category": "护肤"}),
    ("b", "order", 5, {"product": "玻尿酸麵霜", "category": "護膚"}),  # Traditional script
    ("b", "inquiry", 6, {"product": "Serum"}),
    ("c", "inquiry", 2, {"product": "ＳＥＲＵＭ", "category": "Skincare"}),
    ("c", "order", 100, {"product": "serum"}),
    ("d", "order", 1, {"product": "口红", "category": "彩妆", "sku": "LR-9"}),
    ("d", "order", 2, {"channel": "门店"}),
    ("gone", "order", 1, {"product": "玻尿酸面霜"}),
]


def _members(session: Session, node) -> list[str]:
    return segment_members(session, node, requester=ADMIN, now=NOW, ctx=CTX)


def test_product_and_category_conditions(session: Session) -> None:
    _company(session)
    cream = ItemEvent("order", "product", ("玻尿酸面霜",), LAST_30)
    assert _members(session, cream) == ["a", "b"]  # both scripts; the deleted one is out
    assert _members(session, ItemEvent("order", "category", ("护肤",))) == ["a", "b"]
    assert _members(session, ItemEvent("order", "sku", ("lr-9",))) == ["d"]
    serum = ("serum",)
    asked_not_bought = And(
        (ItemEvent("inquiry", "product", serum, LAST_30),
         Not(ItemEvent("order", "product", serum, LAST_30)))
    )  # fmt: skip
    assert _members(session, asked_not_bought) == ["b", "c"]  # c's order is 100 days old
    twice = ItemCount("order", "product", ("玻尿酸面霜",), ">=", 2)
    assert _members(session, twice) == ["a"]
    under_two = ItemCount("order", "product", ("玻尿酸面霜",), "<", 2)
    assert _members(session, under_two) == ["b", "c", "d"]  # zero counts count
    assert _members(session, ItemEvent("order", "product", ("nope", "口红"))) == ["d"]


def test_explain_gives_the_matching_events(session: Session) -> None:
    _company(session)
    node = ItemEvent("order", "product", ("玻尿酸面霜",))
    found = explain_customer(session, node, "a", requester=ADMIN, now=NOW, ctx=CTX)
    assert found.member and found.condition is not None
    facts = found.condition.facts
    assert (facts["count"], facts["item"], facts["names"]) == (2, "product", ["玻尿酸面霜"])


def test_writers_store_keys_and_known_names(session: Session, clean_engine, tmp_path: Path) -> None:
    _company(session)  # the ORM writer
    (tmp_path / "customers.csv").write_text("external_userid\nx\n", encoding="utf-8")
    (tmp_path / "events.csv").write_text(
        "event_id,external_userid,kind,occurred_at,amount,properties\n"
        'c1,x,order,2026-10-30 10:00:00,10,"{""product"": ""精华液"", ""category"": ""护肤""}"\n',
        encoding="utf-8",
    )
    import_directory(make_session_factory(clean_engine), tmp_path, tz=TZ, now=NOW)
    api = [
        {"event_id": "api1", "external_userid": "x", "kind": "inquiry",
         "occurred_at": "2026-10-31T10:00:00+08:00", "properties": {"sku": "HA-001"}}
    ]  # fmt: skip
    ingest_events(session, api, tz=TZ, now=NOW)
    session.commit()
    keys = dict(session.execute(select(Event.event_id, Event.product_key)).all())
    assert keys["c1"] == "精华液" and keys["e2"] == item_key("玻尿酸面霜")
    names = set(session.execute(select(EventItemName.field, EventItemName.name)).all())
    assert {("product", "精华液"), ("sku", "HA-001"), ("category", "彩妆")} <= names
    # one row per key: the Traditional spelling is the same product
    products = [n for f, n in names if f == "product" and item_key(n) == item_key("玻尿酸面霜")]
    assert len(products) == 1
    # A re-import with changed properties moves the keys along.
    (tmp_path / "events.csv").write_text(
        "event_id,external_userid,kind,occurred_at,amount,properties\n"
        'c1,x,order,2026-10-30 10:00:00,10,"{""product"": ""面膜""}"\n',
        encoding="utf-8",
    )
    import_directory(make_session_factory(clean_engine), tmp_path, tz=TZ, now=NOW)
    session.expire_all()
    row = session.get(Event, "c1")
    assert row is not None and (row.product_key, row.category_key) == ("面膜", None)
    assert ("product", "面膜") in set(
        session.execute(select(EventItemName.field, EventItemName.name)).all()
    )


def test_rebuild_fills_keys_of_events_written_outside_segbot(session: Session) -> None:
    _company(session)
    session.execute(Event.__table__.update().values(product_key=None, category_key=None))
    session.execute(EventItemName.__table__.delete())
    assert rebuild_item_keys(session) == 8  # every event with a product or category
    session.commit()
    assert _members(session, ItemEvent("order", "category", ("護膚",))) == ["a", "b"]
    assert session.get(EventItemName, ("category", item_key("护肤"))) is not None


def _parse(text: str, items: list[tuple[str, str]], tags: tuple[str, ...] = ()) -> object:
    from segmentation.named import NamedSegmentCatalog
    from segmentation.nlq import build_vocabulary, parse_command

    vocab = build_vocabulary(
        tags=tags, staff=[], departments=[], saved=[], catalog=NamedSegmentCatalog.load(),
        items=items,
    )  # fmt: skip
    return parse_command(text, vocabulary=vocab, asker=None, now=NOW, tz=TZ)


def test_a_product_named_like_a_word_of_the_language_keeps_the_word() -> None:
    from segmentation.nodes import Gender

    items = [("category", "男士"), ("product", "VIP"), ("product", "玻尿酸面霜")]
    assert _parse("男士客户", items).segment == Gender(1)  # type: ignore[attr-defined]
    bought = _parse("买过男士类的", items).segment  # type: ignore[attr-defined]
    assert bought == ItemEvent("order", "category", ("男士",))
    # A tag and a product of the same name: without an event verb, the tag.
    from segmentation.nodes import HasTag

    assert _parse("VIP客户", items, ("VIP",)).segment == HasTag("VIP")  # type: ignore[attr-defined]
    assert _parse("买过VIP的", items, ("VIP",)).segment == ItemEvent(  # type: ignore[attr-defined]
        "order", "product", ("VIP",)
    )
    # A product named without what was done with it is asked about.
    asked = _parse("玻尿酸面霜的客户", items)
    assert asked.intent == "clarify" and "买过" in asked.suggestions[0]  # type: ignore[attr-defined]
