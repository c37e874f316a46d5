"""Campaign results: treated against holdout, with the uplift and its 95% confidence interval."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.models.campaigns import (
    CONTROL,
    DELIVERED,
    FAILED,
    HOLDOUT,
    NOT_FRIEND,
    NOTIFIED,
    PENDING,
    RECEIVE_LIMIT,
    SENDING,
    TREATED,
    UNCONFIRMED,
    UNKNOWN,
    CampaignRun,
    Coupon,
    Delivery,
)
from bot.services.campaigns.audience import CHUNK
from bot.services.campaigns.definition import get_campaign
from bot.services.campaigns.settings import CampaignSettings
from segmentation.models import Event
from segmentation.scope import CteNames, Requester, scope_condition

Z95 = 1.959963984540054


@dataclass
class ArmStats:
    size: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    redeemed: int = 0
    ordered: int = 0

    @property
    def reached(self) -> int:
        """Confirmed as sent: delivered mass messages, or lists the salesperson received."""
        return self.statuses.get(DELIVERED, 0) + self.statuses.get(NOTIFIED, 0)

    @property
    def conversion(self) -> float | None:
        return self.ordered / self.size if self.size else None


@dataclass(frozen=True)
class Uplift:
    difference: float
    low: float
    high: float


@dataclass
class CampaignReport:
    campaign_id: int
    name: str
    runs: int
    exclusions: dict[str, int]
    treated: ArmStats
    holdout: ArmStats
    attribution_days: int
    uplift: Uplift | None

    def to_json(self) -> dict[str, object]:
        def arm(stats: ArmStats) -> dict[str, object]:
            return {
                "size": stats.size,
                "statuses": stats.statuses,
                "reached": stats.reached,
                "redeemed": stats.redeemed,
                "ordered": stats.ordered,
                "conversion": stats.conversion,
            }

        uplift = self.uplift
        return {
            "campaign_id": self.campaign_id,
            "name": self.name,
            "runs": self.runs,
            "exclusions": self.exclusions,
            "attribution_days": self.attribution_days,
            "treated": arm(self.treated),
            "holdout": arm(self.holdout),
            "uplift": None
            if uplift is None
            else {"difference": uplift.difference, "ci95": [uplift.low, uplift.high]},
        }


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion."""
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def newcombe(x1: int, n1: int, x2: int, n2: int, z: float = Z95) -> Uplift | None:
    """Newcombe's hybrid score interval (method 10) for p1 − p2; good with small counts and
    proportions near 0, where the Wald interval misbehaves."""
    if n1 == 0 or n2 == 0:
        return None
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson(x1, n1, z)
    l2, u2 = wilson(x2, n2, z)
    d = p1 - p2
    low = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return Uplift(d, low, high)


def campaign_report(
    session: Session,
    campaign_id: int,
    settings: CampaignSettings,
    requester: Requester | None = None,
) -> CampaignReport:
    """The campaign's results, one count per customer: a customer in several runs of the
    campaign (a weekly schedule, entries, a forced re-run) is one customer of its arm (the
    split is stable per campaign), reached when any of their messages arrived, and converted
    when they ordered within the attribution window of any of their runs. The uplift interval
    is computed on those distinct counts; counting a customer once per run would shrink it.

    With a `requester`, counted over the customers they may see now (a manager's digest or
    chat answer never counts customers outside their scope, e.g. ones moved to another team
    since the campaign ran)."""
    campaign = get_campaign(session, campaign_id)
    who = requester if requester is not None else Requester.all_access()
    runs = list(session.scalars(select(CampaignRun).where(CampaignRun.campaign_id == campaign_id)))
    exclusions: dict[str, int] = {}
    for run in runs:
        for reason, count in (run.exclusions or {}).items():
            exclusions[reason] = exclusions.get(reason, 0) + count
    exposures = _exposures(session, campaign_id, who)
    arms = _arm_stats(exposures)
    window = timedelta(days=settings.attribution_days)
    for arm, customers in _converted(session, exposures, window, settings.order_kind).items():
        arms.setdefault(arm, ArmStats()).ordered = len(customers)
    arms[TREATED].redeemed = _redeemed(session, campaign_id, who)
    t, h = arms[TREATED], arms[HOLDOUT]
    return CampaignReport(
        campaign_id,
        campaign.name,
        len(runs),
        exclusions,
        t,
        h,
        settings.attribution_days,
        newcombe(t.ordered, t.size, h.ordered, h.size),
    )


def _in_scope(table: Any, who: Requester) -> list[Any]:
    """`table`'s rows whose external_userid `who` may see (nothing to add for an admin)."""
    scope = scope_condition(who, table, CteNames())
    return [] if scope is None else [scope]


# A customer with several deliveries in one campaign is counted under the first of these
# statuses any of their rows has: reached beats waiting, waiting beats refused.
STATUS_RANK = (
    DELIVERED,
    NOTIFIED,
    UNCONFIRMED,
    SENDING,
    UNKNOWN,
    PENDING,
    RECEIVE_LIMIT,
    NOT_FRIEND,
    FAILED,
    CONTROL,
)


@dataclass
class _Exposure:
    """One customer in one arm of a campaign: their best status and their runs' releases."""

    arm: str
    status: str
    releases: set[datetime] = field(default_factory=set)


def _exposures(session: Session, campaign_id: int, who: Requester) -> dict[str, _Exposure]:
    """{customer: exposure} over every delivery row of the campaign, one entry per customer."""
    stmt = (
        select(Delivery.external_userid, Delivery.arm, Delivery.status, CampaignRun.release_at)
        .join(CampaignRun, CampaignRun.id == Delivery.run_id)
        .where(Delivery.campaign_id == campaign_id, *_in_scope(Delivery.__table__, who))
        .distinct()
    )
    rank = {status: i for i, status in enumerate(STATUS_RANK)}
    found: dict[str, _Exposure] = {}
    for eid, arm, status, release_at in session.execute(stmt):
        exposure = found.get(eid)
        if exposure is None:
            exposure = found[eid] = _Exposure(arm, status)
        elif rank.get(status, len(rank)) < rank.get(exposure.status, len(rank)):
            exposure.status = status
        if arm == TREATED:
            # Defensive: the split is stable, but a customer ever treated counts as treated.
            exposure.arm = TREATED
        exposure.releases.add(release_at)
    return found


def _arm_stats(exposures: dict[str, _Exposure]) -> dict[str, ArmStats]:
    arms = {TREATED: ArmStats(), HOLDOUT: ArmStats()}
    for exposure in exposures.values():
        stats = arms.setdefault(exposure.arm, ArmStats())
        stats.size += 1
        stats.statuses[exposure.status] = stats.statuses.get(exposure.status, 0) + 1
    return arms


def _converted(
    session: Session, exposures: dict[str, _Exposure], window: timedelta, order_kind: str
) -> dict[str, set[str]]:
    """{arm: customers with an order in [release, release + window) of one of their runs}.

    The orders are read per chunk of customers over the campaign's whole span and matched
    here, so the cost does not grow with the number of runs (an entry campaign has many)."""
    converted: dict[str, set[str]] = {}
    if not exposures:
        return converted
    releases = [r for e in exposures.values() for r in e.releases]
    first, last = min(releases), max(releases) + window
    ids = sorted(exposures)
    for chunk in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)):
        stmt = select(Event.external_userid, Event.occurred_at).where(
            Event.external_userid.in_(chunk),
            Event.kind == order_kind,
            Event.occurred_at >= first,
            Event.occurred_at < last,
        )
        for eid, at in session.execute(stmt):
            exposure = exposures[eid]
            if any(r <= at < r + window for r in exposure.releases):
                converted.setdefault(exposure.arm, set()).add(eid)
    return converted


def _redeemed(session: Session, campaign_id: int, who: Requester) -> int:
    """Customers who redeemed a coupon of the campaign (once each, whatever the runs)."""
    stmt = select(func.count(func.distinct(Coupon.external_userid))).where(
        Coupon.campaign_id == campaign_id,
        Coupon.redeemed_at.is_not(None),
        *_in_scope(Coupon.__table__, who),
    )
    return int(session.execute(stmt).scalar_one())


STATUS_ORDER = (
    PENDING,
    SENDING,
    UNKNOWN,
    UNCONFIRMED,
    DELIVERED,
    NOTIFIED,
    NOT_FRIEND,
    RECEIVE_LIMIT,
    FAILED,
)


def format_report(report: CampaignReport) -> str:
    """The plain-text report `segbot campaign report` prints."""

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value * 100:.1f}%"

    t, h = report.treated, report.holdout
    lines = [
        f"campaign {report.campaign_id} {report.name}: {report.runs} run(s)",
        # Exclusions are decided per run (a customer capped in two runs is excluded twice);
        # every other line counts each customer once.
        "excluded (summed over runs): "
        + (", ".join(f"{k} {v}" for k, v in sorted(report.exclusions.items()) if v) or "none"),
        f"{'':10}{'treated':>10}{'holdout':>10}",
        f"{'customers':10}{t.size:>10}{h.size:>10}",
        f"{'reached':10}{t.reached:>10}{'-':>10}",
        f"{'redeemed':10}{t.redeemed:>10}{'-':>10}",
        f"{'ordered':10}{t.ordered:>10}{h.ordered:>10}",
        f"{'conv.':10}{pct(t.conversion):>10}{pct(h.conversion):>10}",
        "treated statuses: "
        + ", ".join(f"{s} {t.statuses[s]}" for s in STATUS_ORDER if t.statuses.get(s)),
    ]
    if report.uplift is not None:
        u = report.uplift
        lines.append(
            f"uplift (orders within {report.attribution_days} days): "
            f"{u.difference * 100:+.1f} points, "
            f"95% CI [{u.low * 100:+.1f}, {u.high * 100:+.1f}] (Newcombe)"
        )
    else:
        lines.append("uplift: no holdout to compare with")
    return "\n".join(lines)
