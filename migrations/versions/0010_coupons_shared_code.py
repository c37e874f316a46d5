"""campaigns.shared_code (one code per chat push, redeemed with an order) and
campaigns.holdout_seed (the holdout split a confirm card showed)

Revision ID: coupons_shared_code
Revises: convo_conversations
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "coupons_shared_code"
down_revision: str | None = "convo_conversations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN and an index: a batch (copy-and-move) of campaigns would drop a table
    # that campaign_runs references, which SQLite refuses with foreign keys on.
    op.add_column("campaigns", sa.Column("holdout_seed", sa.String(length=64), nullable=True))
    op.add_column("campaigns", sa.Column("shared_code", sa.String(length=32), nullable=True))
    op.create_index("ix_campaigns_shared_code", "campaigns", ["shared_code"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_campaigns_shared_code", table_name="campaigns")
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_column("shared_code")
        batch_op.drop_column("holdout_seed")
