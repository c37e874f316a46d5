"""The per-customer event rollups stay exact through every way events are written, and the
engine reads them only where they give the events' answer."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select, text, update
from sqlalchemy.orm import Session

from bot.database import make_session_factory, unit_of_work
from bot.migrate import alembic_config
from bot.services.csv_import import import_directory
from bot.services.events import bulk_insert_events, ingest_events
from segmentation.engine import default_context, segment_count, segment_query
from segmentation.models import Customer, Event, EventStats
from segmentation.nodes import And, EventCount, Not, Performed, RollingWindow, Spend
from segmentation.rollups import apply_notes_now, rebuild_event_stats, stale_event_stats
from segmentation.scope import Requester

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=TZ)
ADMIN = Requester(userid="admin", role="admin")
CTX = default_context(TZ)
DAY = timedelta(days=1)


def _stats(session: Session) -> dict[tuple[str, str], tuple[int, Decimal, datetime, datetime]]:
    apply_notes_now(session)
    rows = session.execute(select(EventStats)).scalars()
    return {(r.external_userid, r.kind): (r.events, r.amount, r.first_at, r.last_at) for r in rows}


def _event(eid: str, customer: str, kind: str, days_ago: float, amount: str | None = None):
    return {
        "event_id": eid,
        "external_userid": customer,
        "kind": kind,
        "occurred_at": NOW - timedelta(days=days_ago),
        "amount": Decimal(amount) if amount is not None else None,
    }


def test_orm_core_and_api_writes_keep_rollups_exact(session: Session) -> None:
    session.add(Event(**_event("a1", "c1", "order", 3, "10.50"), source="test"))
    session.flush()
    bulk_insert_events(
        session, [_event("a2", "c1", "order", 1, "5"), _event("a3", "c2", "inquiry", 2)]
    )
    at = "2026-10-01T10:00:00+08:00"
    api = [
        {"event_id": "a4", "external_userid": "c1", "kind": "order", "occurred_at": at,
         "amount": "0.005"},
        {"event_id": "a2", "external_userid": "c1", "kind": "order", "occurred_at": at,
         "amount": "99"},
    ]  # fmt: skip
    result = ingest_events(session, api, tz=TZ, now=NOW)
    assert (result.accepted, result.duplicates) == (1, 1)
    stats = _stats(session)
    assert stats[("c1", "order")][:2] == (3, Decimal("15.51"))  # 0.005 is stored as 0.01
    assert stats[("c1", "order")][2] == datetime(2026, 10, 1, 2, 0, tzinfo=UTC)
    assert stats[("c2", "inquiry")][:2] == (1, Decimal("0.00"))
    assert stale_event_stats(session) == 0
    session.commit()
    assert stale_event_stats(session) == 0


def test_updates_moves_and_deletes_recompute_the_customers_involved(session: Session) -> None:
    for eid, customer, days in (("m1", "c1", 5), ("m2", "c1", 2), ("m3", "c2", 1)):
        session.add(Event(**_event(eid, customer, "order", days, "7"), source="test"))
    session.commit()
    moved = session.get(Event, "m2")
    moved.external_userid = "c2"  # the rollups of c1 (left) and c2 (joined) both change
    session.delete(session.get(Event, "m3"))
    session.commit()
    stats = _stats(session)
    assert stats[("c1", "order")][0] == 1
    assert stats[("c2", "order")][0] == 1
    assert stats[("c2", "order")][3] == NOW - timedelta(days=2)
    assert stale_event_stats(session) == 0


def test_a_rolled_back_savepoint_leaves_no_trace(session: Session) -> None:
    bulk_insert_events(session, [_event("s1", "c1", "order", 1, "1")])
    savepoint = session.begin_nested()
    bulk_insert_events(session, [_event("s2", "c1", "order", 1, "2")])
    savepoint.rollback()
    session.commit()
    assert _stats(session)[("c1", "order")][:2] == (1, Decimal("1.00"))
    assert stale_event_stats(session) == 0


def test_a_rolled_back_transaction_leaves_no_notes(session: Session) -> None:
    bulk_insert_events(session, [_event("r1", "c1", "order", 1, "1")])
    session.rollback()
    session.commit()
    assert _stats(session) == {}


def test_csv_reimport_with_changed_events_recomputes(clean_engine: Engine, tmp_path: Path) -> None:
    factory = make_session_factory(clean_engine)
    (tmp_path / "customers.csv").write_text(
        "external_userid,name\nc1,甲\nc2,乙\n", encoding="utf-8"
    )
    header = "event_id,external_userid,kind,occurred_at,amount,properties\n"
    (tmp_path / "events.csv").write_text(
        header
        + "e1,c1,order,2026-10-01 10:00:00,100,\n"
        + "e2,c1,order,2026-10-02 10:00:00,50,\n"
        + "e3,c2,inquiry,2026-10-03 10:00:00,,\n"
        + "e4,c9,order,2026-10-04 10:00:00,9.9,\n",  # c9 is not a customer yet
        encoding="utf-8",
    )
    import_directory(factory, tmp_path, tz=TZ, now=NOW)
    (tmp_path / "customers.csv").write_text(
        "external_userid,name\nc1,甲\nc2,乙\nc9,丙\n", encoding="utf-8"
    )
    # Re-import: e2 moves to c2 with a new amount, e3 becomes an order.
    (tmp_path / "events.csv").write_text(
        header
        + "e1,c1,order,2026-10-01 10:00:00,100,\n"
        + "e2,c2,order,2026-10-02 10:00:00,70,\n"
        + "e3,c2,order,2026-10-03 10:00:00,1,\n"
        + "e4,c9,order,2026-10-04 10:00:00,9.9,\n",
        encoding="utf-8",
    )
    import_directory(factory, tmp_path, tz=TZ, now=NOW)
    with factory() as fresh:
        stats = _stats(fresh)
        assert stats[("c1", "order")][:2] == (1, Decimal("100.00"))
        assert stats[("c2", "order")][:2] == (2, Decimal("71.00"))
        assert ("c2", "inquiry") not in stats
        assert stale_event_stats(fresh) == 0
        c9 = fresh.get(Customer, "c9")
        assert (c9.order_count, c9.order_total) == (1, Decimal("9.90"))


def test_rebuild_and_check_repair_events_written_behind_segbots_back(session: Session) -> None:
    bulk_insert_events(session, [_event("b1", "c1", "order", 1, "3")])
    session.commit()
    session.execute(update(Event).values(amount=Decimal("4")))  # not noted: stale on purpose
    session.commit()
    assert stale_event_stats(session) == 1
    assert rebuild_event_stats(session) == 1
    session.commit()
    assert stale_event_stats(session) == 0
    # A customer's copied columns are checked and rebuilt too.
    _customers(session, "c1")
    session.commit()
    session.execute(update(Customer).values(order_count=7))  # not noted: stale on purpose
    session.commit()
    assert stale_event_stats(session) == 1
    rebuild_event_stats(session)
    session.commit()
    assert session.get(Customer, "c1").order_count == 1
    assert stale_event_stats(session) == 0


def _customers(session: Session, *ids: str) -> None:
    session.add_all(Customer(external_userid=i, name=i, gender=0, deleted=False) for i in ids)


D30 = RollingWindow(30, "days")
HEADLINE = And((Performed("inquiry", D30), Not(Performed("order", D30))))


def _sql(session: Session, node, now: datetime) -> str:
    return str(segment_query(session, node, requester=ADMIN, now=now, ctx=CTX))


def test_rollups_are_read_only_when_no_event_lies_after_the_window(session: Session) -> None:
    _customers(session, "c1", "c2")
    bulk_insert_events(session, [
        _event("h1", "c1", "inquiry", 3), _event("h2", "c2", "inquiry", 40),
        _event("h3", "c2", "order", 10, "500"), _event("h4", "c1", "order", 50, "20"),
    ])  # fmt: skip
    session.commit()
    assert "FROM events" not in _sql(session, HEADLINE, NOW)
    assert "last_inquiry_at" in _sql(session, HEADLINE, NOW)
    assert segment_count(session, HEADLINE, requester=ADMIN, now=NOW, ctx=CTX) == 1
    # A week earlier, c1's inquiry 3 days ago lies after the window: inquiries come from the
    # events (orders, all older than that, may still come from the rollups).
    earlier = NOW - timedelta(days=7)
    assert "FROM events" in _sql(session, HEADLINE, earlier)
    assert segment_count(session, HEADLINE, requester=ADMIN, now=earlier, ctx=CTX) == 0
    # Whole-history totals come from the rollups; a window that starts mid-history doesn't.
    assert "order_total" in _sql(session, Spend(">", Decimal("100")), NOW)
    assert "FROM events" in _sql(session, Spend(">", Decimal("100"), D30), NOW)
    assert "order_count" in _sql(session, EventCount("order", ">=", 3), NOW)
    assert "prev_order_at" in _sql(session, EventCount("order", ">=", 2), NOW)
    # Other kinds use the per-kind rollups.
    bulk_insert_events(session, [_event("h5", "c1", "visit", 1), _event("h6", "c1", "visit", 2)])
    session.commit()
    assert "event_stats" in _sql(session, EventCount("visit", ">=", 2), NOW)
    twice = EventCount("visit", ">=", 2)
    assert segment_count(session, twice, requester=ADMIN, now=NOW, ctx=CTX) == 1


def test_a_customer_created_after_its_events_gets_their_rollups(session: Session) -> None:
    early = [_event("o1", "late", "order", 2, "8"), _event("o2", "late", "inquiry", 1)]
    bulk_insert_events(session, early)
    session.commit()
    _customers(session, "late")
    session.commit()
    late = session.get(Customer, "late")
    assert (late.order_count, late.order_total, late.inquiry_count) == (1, Decimal("8.00"), 1)
    assert late.last_inquiry_at == NOW - timedelta(days=1)
    assert stale_event_stats(session) == 0


def test_migration_fills_the_rollups_from_existing_events(fresh_database_url) -> None:
    from alembic import command

    from bot.database import make_engine

    engine = make_engine(fresh_database_url("rollup_migration"))
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO customers (external_userid, name, gender, deleted) "
                 "VALUES ('c1', 'c1', 0, false), ('c3', 'c3', 0, false)")
        )  # fmt: skip
        connection.execute(Event.__table__.insert(), [
            _event("x1", "c1", "order", 2, "1.5"), _event("x2", "c1", "order", 1, "2"),
            _event("x3", "c2", "visit", 1),
        ])  # fmt: skip
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    with make_session_factory(engine)() as session:
        stats = _stats(session)
        assert stats[("c1", "order")][:2] == (2, Decimal("3.50"))
        assert stats[("c2", "visit")][0] == 1
        assert stale_event_stats(session) == 0
        c1, c3 = session.get(Customer, "c1"), session.get(Customer, "c3")
        c1_orders = (c1.order_count, c1.order_total, c1.last_order_at)
        assert c1_orders == (2, Decimal("3.50"), NOW - timedelta(days=1))
        assert (c3.order_count, c3.order_total, c3.last_order_at) == (0, Decimal("0.00"), None)
    engine.dispose()


def test_concurrent_writers_keep_rollups_exact(clean_engine: Engine, is_postgres: bool) -> None:
    """Ingest and recompute at once on the same customers (PostgreSQL: real concurrency)."""
    if not is_postgres:
        pytest.skip("SQLite has a single writer")
    factory = make_session_factory(clean_engine)
    errors: list[BaseException] = []

    def ingest(worker: int) -> None:
        try:
            for n in range(40):
                with unit_of_work(factory) as session:
                    batch = [
                        {"event_id": f"w{worker}-{n}-{c}", "external_userid": f"c{c}",
                         "kind": "order", "occurred_at": "2026-10-01T10:00:00+08:00",
                         "amount": "1"}
                        for c in range(5)
                    ]  # fmt: skip
                    ingest_events(session, batch, tz=TZ, now=NOW)
        except BaseException as exc:
            errors.append(exc)

    def move(worker: int) -> None:
        try:
            for n in range(40):
                with unit_of_work(factory) as session:
                    row = _event(f"m{worker}-{n}", f"c{n % 5}", "order", 1, "2")
                    session.add(Event(**row, source="t"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(i,)) for i in range(3)]
    threads += [threading.Thread(target=move, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with factory() as session:
        assert stale_event_stats(session) == 0
        assert sum(v[0] for v in _stats(session).values()) == 3 * 40 * 5 + 2 * 40


def test_second_latest_times_through_increments_and_recomputes(session: Session) -> None:
    _customers(session, "c1")
    two = [_event("p1", "c1", "inquiry", 10), _event("p2", "c1", "inquiry", 3)]
    bulk_insert_events(session, two)
    session.commit()
    bulk_insert_events(session, [_event("p3", "c1", "inquiry", 5)])  # between the two
    session.commit()
    c1 = session.get(Customer, "c1")
    session.refresh(c1)
    assert (c1.last_inquiry_at, c1.prev_inquiry_at) == (NOW - 3 * DAY, NOW - 5 * DAY)
    assert stale_event_stats(session) == 0
    twice_in_4_days = EventCount("inquiry", ">=", 2, RollingWindow(4, "days"))
    twice_in_6_days = EventCount("inquiry", ">=", 2, RollingWindow(6, "days"))
    assert "prev_inquiry_at" in _sql(session, twice_in_6_days, NOW)
    assert segment_count(session, twice_in_4_days, requester=ADMIN, now=NOW, ctx=CTX) == 0
    assert segment_count(session, twice_in_6_days, requester=ADMIN, now=NOW, ctx=CTX) == 1
    session.delete(session.get(Event, "p2"))  # the latest goes: recomputed
    session.commit()
    session.refresh(c1)
    assert (c1.last_inquiry_at, c1.prev_inquiry_at) == (NOW - 5 * DAY, NOW - 10 * DAY)
    assert stale_event_stats(session) == 0


def test_only_sessions_of_the_projects_factory_keep_rollups(clean_engine: Engine) -> None:
    # The hooks belong to make_session_factory's sessions, not to every session in the process.
    with Session(clean_engine) as plain:
        plain.add(Event(**_event("p1", "c1", "order", 1, "3"), source="test"))
        plain.commit()
        assert plain.execute(select(EventStats)).first() is None
        # A note on such a session would never be applied: it is refused, not lost.
        with pytest.raises(RuntimeError, match="keep_rollups"):
            bulk_insert_events(plain, [_event("p2", "c1", "order", 1, "4")])
        with pytest.raises(RuntimeError, match="keep_rollups"):
            segment_count(plain, Performed("order"), requester=ADMIN, now=NOW, ctx=CTX)
    with make_session_factory(clean_engine)() as kept:
        kept.add(Event(**_event("k1", "c2", "order", 1, "5"), source="test"))
        kept.commit()
        assert kept.execute(select(EventStats.external_userid)).scalars().all() == ["c2"]
