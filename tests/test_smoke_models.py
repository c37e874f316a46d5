from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from segmentation.models import Customer, Event


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
