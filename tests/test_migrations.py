"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bot.database import make_engine
from bot.migrate import schema_is_current, upgrade_to_head
from bot.models import metadata


def test_migrated_schema_equals_the_models(fresh_database_url):
    engine = make_engine(fresh_database_url("migrations"))
    upgrade_to_head(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, metadata)
    engine.dispose()
    assert diff == []


def test_upgrade_is_repeatable_and_reports_current(fresh_database_url):
    engine = make_engine(fresh_database_url("migrations_twice"))
    assert not schema_is_current(engine)
    upgrade_to_head(engine)
    upgrade_to_head(engine)
    assert schema_is_current(engine)
    engine.dispose()


def test_orders_that_redeemed_several_coupons_stop_the_upgrade_and_lose_nothing(
    fresh_database_url,
):
    """0005 makes coupons.order_event_id unique; redemptions recorded before it are money
    given, so doubled orders are named for a person to decide, not rewritten."""
    import pytest
    from alembic import command
    from sqlalchemy import text

    from bot.migrate import alembic_config

    engine = make_engine(fresh_database_url("migrations_coupons"))
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
        connection.execute(text(
            "INSERT INTO campaigns (id, name, creator_userid, schedule_kind, channel, content, "
            "holdout_percent, frequency_cap_days, status, created_at, updated_at) VALUES "
            "(1, 'c', 'boss', 'once', 'mass_message', 'hi', 0, 0, 'active', "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"))  # fmt: skip
        connection.execute(text(
            "INSERT INTO campaign_runs (id, campaign_id, slot, \"trigger\", planned_at, "
            "release_at, audience, exclusions) VALUES (1, 1, '2026-01-01 00:00:00', 'manual', "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00', 2, '{}')"))  # fmt: skip
        for n in (1, 2):
            connection.execute(text(
                "INSERT INTO coupons (code, campaign_id, run_id, external_userid, kind, "
                "description, issued_at, expires_at, redeemed_at, order_event_id) VALUES "
                f"('CODE{n}', 1, 1, 'wm{n}', 'no_threshold', '', '2026-01-01 00:00:00', "
                "'2026-02-01 00:00:00', '2026-01-02 00:00:00', 'E-1')"))  # fmt: skip
    with pytest.raises(RuntimeError, match=r"1 order\(s\) redeemed more than one coupon: 'E-1'"):
        upgrade_to_head(engine)
    with engine.connect() as connection:
        kept = connection.execute(text("SELECT count(*) FROM coupons WHERE order_event_id = 'E-1'"))
        assert kept.scalar_one() == 2
    with engine.begin() as connection:
        connection.execute(text("UPDATE coupons SET order_event_id = NULL WHERE code = 'CODE2'"))
    upgrade_to_head(engine)
    assert schema_is_current(engine)
    engine.dispose()
