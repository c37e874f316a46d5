"""The numbers of one manager's digest, as plain data (rendered to markdown and a chart)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class SegmentLine:
    """A key segment's size in the requester's scope now, a day ago and a week ago."""

    key: str
    name_zh: str
    name_en: str
    kind: str  # "named" or "saved"
    now: int
    day_ago: int | None
    week_ago: int | None
    # Larger is worse (at-risk, dormant): the renderer colours its growth as a warning.
    bad_when_growing: bool = False
    # The definition and the scope the sizes were counted with: a later digest reuses this
    # digest's `now` as its "a day / a week ago" only while both are unchanged.
    fingerprint: str = ""

    @property
    def day_change(self) -> int | None:
        return None if self.day_ago is None else self.now - self.day_ago

    @property
    def week_change(self) -> int | None:
        return None if self.week_ago is None else self.now - self.week_ago


@dataclass(frozen=True)
class CustomerFlow:
    """Customers new to the company and customers the team lost, yesterday and in 7 days."""

    new_yesterday: int
    new_week: int
    lost_yesterday: int
    lost_week: int


@dataclass(frozen=True)
class CampaignLine:
    campaign_id: int
    name: str
    treated: int
    reached: int
    redeemed: int
    ordered: int
    holdout: int
    holdout_ordered: int
    # Conversion difference treated − holdout and its 95% CI, in proportions (0.05 = 5 points).
    uplift: tuple[float, float, float] | None


@dataclass(frozen=True)
class Mover:
    """A salesperson's change over the last 7 days against the 7 days before."""

    userid: str
    name: str
    customers_new: int
    customers_lost: int
    orders_week: int
    orders_prev_week: int

    @property
    def customers_net(self) -> int:
        return self.customers_new - self.customers_lost

    @property
    def orders_change(self) -> int:
        return self.orders_week - self.orders_prev_week


@dataclass(frozen=True)
class Digest:
    userid: str
    name: str
    role: str
    digest_date: date
    now: datetime
    customers_in_scope: int
    segments: tuple[SegmentLine, ...]
    flow: CustomerFlow
    campaigns: tuple[CampaignLine, ...]
    movers: tuple[Mover, ...]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["digest_date"] = self.digest_date.isoformat()
        data["now"] = self.now.isoformat()
        for line, raw in zip(self.segments, data["segments"], strict=True):
            raw["day_change"], raw["week_change"] = line.day_change, line.week_change
        for mover, raw in zip(self.movers, data["movers"], strict=True):
            raw["customers_net"], raw["orders_change"] = mover.customers_net, mover.orders_change
        return data
