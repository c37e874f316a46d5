import subprocess
import sys
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateIndex

from segmentation.models import Customer, Event, Follow


def test_times_and_money_round_trip_exactly(session):
    shanghai = datetime(2026, 10, 1, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    session.add(Customer(external_userid="wm1", name="张三"))
    session.add(
        Event(
            event_id="e1",
            external_userid="wm1",
            kind="order",
            occurred_at=shanghai,
            amount=Decimal("1999.99"),
        )
    )
    session.commit()
    session.expunge_all()
    event = session.get(Event, "e1")
    assert event.occurred_at == datetime(2026, 10, 1, 0, 0, tzinfo=UTC)
    assert event.amount == Decimal("1999.99")


def test_defining_the_models_loads_no_database_dialect():
    # A partial index's predicate reaches its dialect only when the index is created, so a
    # command on SQLite never imports the PostgreSQL dialect (~0.1 s) and the reverse.
    probe = "import sys, bot.models\nprint(sorted(m for m in sys.modules if '.dialects.' in m))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_partial_indexes_are_created_with_each_dialects_predicate():
    live = next(ix for ix in Follow.__table__.indexes if ix.name == "ix_follows_live")
    created = {
        name: str(CreateIndex(live).compile(dialect=dialect()))
        for name, dialect in (("postgresql", postgresql.dialect), ("sqlite", sqlite.dialect))
    }
    assert created["postgresql"].endswith("WHERE deleted IS false")
    assert created["sqlite"].endswith("WHERE deleted IS 0")
