"""tag_jobs, tag_writes: confirmed tag / untag actions go through an outbox (issue 17 §14)

Revision ID: 0011
Revises: coupons_shared_code
Create Date: 2026-12-04 17:50:27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "coupons_shared_code"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tag_jobs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("report_to", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=4), nullable=False),
        sa.Column("tag_id", sa.String(length=64), nullable=False),
        sa.Column("tag_name", sa.String(length=64), nullable=False),
        sa.Column("remove", sa.Boolean(), nullable=False),
        sa.Column("settled_ok", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_jobs")),
    )
    with op.batch_alter_table("tag_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tag_jobs_action_id"), ["action_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tag_jobs_status"), ["status"], unique=False)

    op.create_table(
        "tag_writes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("external_userid", sa.String(length=64), nullable=False),
        sa.Column("userid", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["job_id"], ["tag_jobs.id"], name=op.f("fk_tag_writes_job_id_tag_jobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_writes")),
    )
    with op.batch_alter_table("tag_writes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tag_writes_job_id"), ["job_id"], unique=False)
        batch_op.create_index(
            "ix_tag_writes_status_due", ["status", "next_attempt_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("tag_writes", schema=None) as batch_op:
        batch_op.drop_index("ix_tag_writes_status_due")
        batch_op.drop_index(batch_op.f("ix_tag_writes_job_id"))

    op.drop_table("tag_writes")
    with op.batch_alter_table("tag_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tag_jobs_status"))
        batch_op.drop_index(batch_op.f("ix_tag_jobs_action_id"))

    op.drop_table("tag_jobs")
