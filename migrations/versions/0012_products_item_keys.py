"""events.product_key / category_key / sku_key and event_item_names: product and category
conditions (issue 21) compare indexed match keys, and the vocabulary reads the known names

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 20:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEYS = ("product_key", "category_key", "sku_key")
BATCH = 5000


def upgrade() -> None:
    op.create_table(
        "event_item_names",
        sa.Column("field", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("field", "key", name=op.f("pk_event_item_names")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        for column in KEYS:
            batch_op.add_column(sa.Column(column, sa.String(length=128), nullable=True))
    _backfill()
    with op.batch_alter_table("events", schema=None) as batch_op:
        for column in KEYS:
            batch_op.create_index(
                f"ix_events_{column}",
                [column, "kind", "occurred_at", "external_userid"],
                unique=False,
                postgresql_where=sa.text(f"{column} IS NOT NULL"),
                sqlite_where=sa.text(f"{column} IS NOT NULL"),
            )


def _backfill() -> None:
    """The keys and known names of the events stored so far (before the indexes: cheaper)."""
    from segmentation.items import item_columns, item_name_rows

    events = sa.table(
        "events",
        sa.column("event_id", sa.String()),
        sa.column("properties", sa.JSON()),
        *(sa.column(c, sa.String()) for c in KEYS),
    )
    names = sa.table(
        "event_item_names", sa.column("field"), sa.column("key"), sa.column("name")
    )
    bind = op.get_bind()
    known: set[tuple[str, str]] = set()
    after = ""
    while True:
        batch = bind.execute(
            sa.select(events.c.event_id, events.c.properties)
            .where(events.c.event_id > after, events.c.properties.is_not(None))
            .order_by(events.c.event_id)
            .limit(BATCH)
        ).all()
        if not batch:
            return
        after = batch[-1][0]
        updates = []
        for event_id, properties in batch:
            keys = item_columns(properties)
            if any(keys.values()):
                updates.append({"id": event_id, **{f"new_{c}": v for c, v in keys.items()}})
        if updates:
            values = {c: sa.bindparam(f"new_{c}") for c in KEYS}
            stmt = events.update().where(events.c.event_id == sa.bindparam("id")).values(values)
            bind.execute(stmt, updates)
        rows = [
            r for r in item_name_rows(p for _, p in batch) if (r["field"], r["key"]) not in known
        ]
        if rows:
            bind.execute(names.insert(), rows)
            known.update((r["field"], r["key"]) for r in rows)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        for column in KEYS:
            batch_op.drop_index(f"ix_events_{column}")
            batch_op.drop_column(column)
    op.drop_table("event_item_names")
