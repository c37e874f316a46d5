"""campaigns.shared_code (one code per chat push, redeemed with an order) and
campaigns.holdout_seed (the holdout split a confirm card showed)

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
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("holdout_seed", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("shared_code", sa.String(length=32), nullable=True))
        batch_op.create_unique_constraint("uq_campaigns_shared_code", ["shared_code"])


def downgrade() -> None:
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_constraint("uq_campaigns_shared_code", type_="unique")
        batch_op.drop_column("shared_code")
        batch_op.drop_column("holdout_seed")
