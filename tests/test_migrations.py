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
