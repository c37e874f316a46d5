"""tag_changes: when corp tags were put on and taken off customers, recorded from now on

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 00:00:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "tag_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("external_userid", sa.String(length=64), nullable=False),
        sa.Column("tag_id", sa.String(length=64), nullable=False),
        sa.Column("userid", sa.String(length=64), nullable=False),
        sa.Column("change", sa.String(length=8), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_tag_changes_at", "tag_changes", ["at"], unique=False)
    op.create_index("ix_tag_changes_tag_id_at", "tag_changes", ["tag_id", "at"], unique=False)
    # Recording starts now: tag changes before this moment were never seen.
    op.bulk_insert(
        table,
        [
            {
                "external_userid": "",
                "tag_id": "",
                "userid": "",
                "change": "start",
                "at": datetime.now(UTC).replace(tzinfo=None),  # naive UTC, as UTCDateTime
                "source": "migration",
            }
        ],
    )


def downgrade() -> None:
    op.drop_index("ix_tag_changes_tag_id_at", table_name="tag_changes")
    op.drop_index("ix_tag_changes_at", table_name="tag_changes")
    op.drop_table("tag_changes")
