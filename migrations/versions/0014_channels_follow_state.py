"""follows.state indexed: the channel words a chat message may use are read per message

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 21:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_follows_state", "follows", ["state"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_follows_state", table_name="follows")
