"""customers.last_event_at: the latest event of any kind, kept by segmentation.rollups;
ix_follows_live: live follows by customer

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_event_at", sa.DateTime(), nullable=True))
    # Filled from the rollups, which are exact from revision 0002 on.
    op.execute(
        "UPDATE customers SET last_event_at = ("
        "SELECT max(s.last_at) FROM event_stats AS s "
        "WHERE s.external_userid = customers.external_userid)"
    )
    with op.batch_alter_table("follows", schema=None) as batch_op:
        batch_op.create_index(
            "ix_follows_live",
            ["external_userid", "userid"],
            unique=False,
            postgresql_where=sa.text("deleted IS false"),
            sqlite_where=sa.text("deleted IS 0"),
        )


def downgrade() -> None:
    with op.batch_alter_table("follows", schema=None) as batch_op:
        batch_op.drop_index("ix_follows_live")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_column("last_event_at")
