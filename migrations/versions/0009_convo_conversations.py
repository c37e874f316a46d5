"""conversations: each member's chat context (previous answer, pending question back,
campaign last discussed) as one typed JSON record

Revision ID: convo_conversations
Revises: 0008
Create Date: 2026-12-04 17:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "convo_conversations"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("userid", sa.String(length=64), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("userid"),
    )


def downgrade() -> None:
    op.drop_table("conversations")
