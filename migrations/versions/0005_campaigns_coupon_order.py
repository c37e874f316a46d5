"""coupons.order_event_id unique: one order redeems at most one coupon

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 17:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Before this revision an order could redeem several coupons. Those redemptions are
    # records of money given, so nothing is rewritten here: the upgrade stops and says which
    # orders to look at (NULLs, coupons redeemed without an order, never collide).
    doubled = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT order_event_id, count(*) FROM coupons WHERE order_event_id IS NOT NULL "
                "GROUP BY order_event_id HAVING count(*) > 1 ORDER BY order_event_id"
            )
        )
        .all()
    )
    if doubled:
        listed = ", ".join(f"{order!r} ({n} coupons)" for order, n in doubled[:20])
        raise RuntimeError(
            f"{len(doubled)} order(s) redeemed more than one coupon: {listed}. Decide which "
            "coupon each order redeemed (set the others' order_event_id to NULL, keeping "
            "redeemed_at), then run the upgrade again."
        )
    with op.batch_alter_table("coupons", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            batch_op.f("uq_coupons_order_event_id"), ["order_event_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("coupons", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_coupons_order_event_id"), type_="unique")
