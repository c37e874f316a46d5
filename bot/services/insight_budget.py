"""The mass-message budget of segment descriptions, read from the campaign outbox."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import CompoundSelect, func, select

from segmentation.insights.budget import MassMessageBudget

if TYPE_CHECKING:
    from bot.services.campaigns.settings import CampaignSettings


def mass_message_budget(settings: CampaignSettings) -> MassMessageBudget:
    """Customers out of budget this month: as many mass messages as WeCom allows (sent or on
    their way), or already refused by WeCom for the receive limit — the same rule campaign
    audiences use, as one SELECT so a 100k-member description needs no id list."""

    def exhausted(month_start: datetime, now: datetime) -> CompoundSelect[Any]:
        # Imported when a description asks: a plain question needs no campaign models.
        from bot.models.campaigns import MASS_MESSAGE, RECEIVE_LIMIT, Delivery
        from bot.services.campaigns.audience import MASS_BUDGET_STATUSES

        in_month = (
            Delivery.channel == MASS_MESSAGE,
            Delivery.created_at >= month_start,
            Delivery.created_at <= now,
        )
        counted = (
            select(Delivery.external_userid)
            .where(*in_month, Delivery.status.in_(MASS_BUDGET_STATUSES))
            .group_by(Delivery.external_userid)
            .having(func.count() >= settings.monthly_mass_limit)
        )
        refused = select(Delivery.external_userid).where(
            *in_month, Delivery.status == RECEIVE_LIMIT
        )
        return counted.union(refused)

    return MassMessageBudget(exhausted)
