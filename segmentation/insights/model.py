"""The value objects a segment description is made of (persona, typical values, scorecard)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

Language = Literal["zh", "en"]
# The persona attributes, in the order they are listed when scores tie.
ATTRIBUTES = ("city", "gender", "tag", "owner", "spend_band", "order_band", "rfm")


@dataclass(frozen=True)
class AttributeCount:
    """How many segment members and base customers have one value of one attribute."""

    attribute: str
    code: str  # the raw value: city name, "2" for female, tag name, userid, band key, RFM key
    label_zh: str
    label_en: str
    count: int
    base_count: int


@dataclass(frozen=True)
class PersonaEntry:
    """One over-represented value: its share in the segment against its share in the base."""

    attribute: str
    code: str
    label_zh: str
    label_en: str
    count: int
    base_count: int
    share: float
    base_share: float
    lift: float
    score: float

    def label(self, language: Language) -> str:
        return self.label_zh if language == "zh" else self.label_en


@dataclass(frozen=True)
class Typical:
    """Medians over the members (None when no member has the underlying fact)."""

    median_spend: Decimal | None
    median_days_since_order: float | None
    median_days_since_inquiry: float | None
    members_with_orders: int
    members_with_inquiries: int


@dataclass(frozen=True)
class Overlap:
    """Overlap with one saved segment (its members as of its latest snapshot, within the base)."""

    segment: str
    intersection: int
    jaccard: float
    containment: float  # share of this segment that is also in the saved one


@dataclass(frozen=True)
class Stability:
    """Entries and exits of a saved segment recorded by its snapshots (within the base)."""

    entered_7d: int
    exited_7d: int
    entered_30d: int
    exited_30d: int
    last_snapshot_at: datetime | None


@dataclass(frozen=True)
class Scorecard:
    """Measurable, reachable, profitable, distinct, stable."""

    size: int
    base_size: int
    share_of_base: float
    latest_event_at: datetime | None  # the members' latest event, not after `now`
    # When segbot last received behaviour data at all (import or API): is the feed current?
    latest_received_at: datetime | None
    reachable: int  # members with a live follow relation
    # Of those, members with enterprise mass-message budget left this month; None = unknown.
    reachable_with_budget: int | None
    total_spend: Decimal
    avg_spend: Decimal | None
    expected_value: Decimal | None  # from predictive scores, when they exist
    overlaps: tuple[Overlap, ...]
    stability: Stability | None  # only for a saved segment


@dataclass(frozen=True)
class Insight:
    persona: tuple[PersonaEntry, ...]
    typical: Typical
    scorecard: Scorecard
    sketch: str
    language: Language
    saved_name: str | None
    now: datetime
