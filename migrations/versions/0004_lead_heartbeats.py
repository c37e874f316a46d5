"""process_heartbeats: inbox workers and the scheduler say they are alive (segbot doctor)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 17:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "process_heartbeats",
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("host", sa.String(length=128), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    with op.batch_alter_table("process_heartbeats", schema=None) as batch_op:
        batch_op.create_index("ix_process_heartbeats_kind", ["kind"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("process_heartbeats", schema=None) as batch_op:
        batch_op.drop_index("ix_process_heartbeats_kind")
    op.drop_table("process_heartbeats")
