"""saved_segments.version; campaigns.confirmed_segment and segment_versions: a campaign keeps
the saved-segment definition it was confirmed with

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("saved_segments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("version", sa.Integer(), server_default="1", nullable=False)
        )
    # Campaigns made before this revision have no confirmed tree: they keep following the
    # saved segment's current definition until their creator re-confirms.
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confirmed_segment", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("segment_versions", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_column("segment_versions")
        batch_op.drop_column("confirmed_segment")
    with op.batch_alter_table("saved_segments", schema=None) as batch_op:
        batch_op.drop_column("version")
