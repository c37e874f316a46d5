"""campaign_members, campaign_watches: on-enter campaigns' last checked membership

Revision ID: 0008
Revises: safety_edge_api_tokens
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "safety_edge_api_tokens"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing on-enter campaigns get no rows: their first check records who is in and plans
    # nothing, so an upgrade never messages a whole segment.
    op.create_table(
        "campaign_members",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("external_userid", sa.String(length=64), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_members_campaign_id_campaigns"),
        ),
        sa.PrimaryKeyConstraint("campaign_id", "external_userid", name=op.f("pk_campaign_members")),
    )
    op.create_table(
        "campaign_watches",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_watches_campaign_id_campaigns"),
        ),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_campaign_watches")),
    )


def downgrade() -> None:
    op.drop_table("campaign_watches")
    op.drop_table("campaign_members")
