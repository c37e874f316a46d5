"""What a chat reply may show of a customer: names with long digit runs masked, masked phones."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.exports import mask_phone, safe_name
from segmentation.models import Customer

__all__ = ["mask_phone", "safe_name", "sample_names"]


def sample_names(session: Session, ids: list[str], limit: int = 3) -> list[str]:
    chosen = ids[:limit]
    if not chosen:
        return []
    names = dict(
        session.execute(
            select(Customer.external_userid, Customer.name).where(
                Customer.external_userid.in_(chosen)
            )
        ).all()
    )
    return [safe_name(names.get(i) or i) for i in chosen]
