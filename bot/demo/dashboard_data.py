"""What the dashboard shows, read from the database: segment trends, RFM classes, campaigns."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.services.campaigns.definition import list_campaigns
from bot.services.campaigns.results import CampaignReport, campaign_report
from bot.services.campaigns.settings import CampaignSettings
from segmentation.engine import EngineContext, segment_count
from segmentation.nodes import NamedSegment
from segmentation.saved import list_saved_segments
from segmentation.scope import Requester
from segmentation.snapshots import size_history

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SegmentTrend:
    name: str
    description: str
    points: list[tuple[datetime, int]]

    @property
    def current(self) -> int | None:
        return self.points[-1][1] if self.points else None

    @property
    def change(self) -> int | None:
        """Since the first snapshot shown."""
        return self.points[-1][1] - self.points[0][1] if len(self.points) > 1 else None


def segment_trends(session: Session, days: int = 30) -> list[SegmentTrend]:
    trends = []
    for row in list_saved_segments(session):
        points = size_history(session, row.name)[-days:]
        trends.append(SegmentTrend(row.name, row.description or "", points))
    return trends


def rfm_distribution(session: Session, now: datetime, ctx: EngineContext) -> list[tuple[str, int]]:
    """Customers per RFM class (every class of the named-segment catalog), company-wide."""
    everyone = Requester.all_access()
    counts = []
    for entry in ctx.named.all():
        if entry.is_rfm:
            node = NamedSegment(entry.key)
            size = segment_count(session, node, requester=everyone, now=now, ctx=ctx)
            counts.append((entry.display_zh, size))
    return counts


def campaign_results(session: Session, settings: CampaignSettings) -> list[CampaignReport]:
    """Treated against holdout for every campaign that has run at least once."""
    reports = []
    for campaign in list_campaigns(session):
        report = campaign_report(session, campaign.id, settings)
        if report.runs:
            reports.append(report)
    return reports
