"""The asker's base profile: how everyone they may see spreads over the persona attributes.

Describing a 100k-customer segment over a million spent most of its time on the million
(materialising the base, grouping it per city, tag, owner…), and that half of the work is the
same for every segment the same person describes. It is computed once per asker and local
day and stored (`insight_base_profiles`); each description then reads only its members. A
profile is never used for a `now` before it was computed, so answers for an explicit past
`now` stay reproducible (they compute their own).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from segmentation.insights.follows import read_follows
from segmentation.insights.model import AttributeCount
from segmentation.insights.persona import attribute_counts
from segmentation.insights.typical import read_totals
from segmentation.insights.workspace import IdSource, workspace
from segmentation.models import InsightBaseProfile
from segmentation.named import NamedSegmentCatalog, RfmMeans, compute_rfm_means
from segmentation.scope import Requester
from segmentation.upsert import upsert_insert

Key = tuple[str, str]


@dataclass(frozen=True)
class BaseProfile:
    base_size: int
    counts: dict[Key, AttributeCount]  # (attribute, code) → counts over the base

    def combine(self, members: list[AttributeCount]) -> list[AttributeCount]:
        """The members' counts against this base. A value the profile lacks (a member who
        changed since it was computed) counts its members as its base: members are part of
        the base."""
        out = []
        for m in members:
            base = self.counts.get((m.attribute, m.code))
            base_count = max(base.base_count if base else 0, m.count)
            out.append(AttributeCount(m.attribute, m.code, m.label_zh, m.label_en, m.count,
                                      base_count))  # fmt: skip
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "base_size": self.base_size,
            "counts": [
                [c.attribute, c.code, c.label_zh, c.label_en, c.base_count]
                for c in self.counts.values()
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BaseProfile:
        counts = {}
        for attribute, code, zh, en, n in data["counts"]:
            counts[(attribute, code)] = AttributeCount(attribute, code, zh, en, 0, int(n))
        return cls(int(data["base_size"]), counts)


def compute_base_profile(
    session: Session,
    base: IdSource,
    now: datetime,
    catalog: NamedSegmentCatalog,
    rfm: RfmMeans | None = None,
) -> BaseProfile:
    """Group the whole base once (no members); `rfm`: the RFM means at `now`, when the
    caller already has them."""
    with workspace(session, [], base, now) as ws:
        totals = read_totals(session, ws)
        rfm = rfm or compute_rfm_means(session, now)
        counts = attribute_counts(session, ws, rfm, catalog, read_follows(session, ws))
    return BaseProfile(totals.base_size, {(c.attribute, c.code): c for c in counts})


def base_profile(
    session: Session,
    requester: Requester,
    base: IdSource,
    now: datetime,
    day: Any,
    catalog: NamedSegmentCatalog,
    rfm: RfmMeans | None = None,
) -> BaseProfile:
    """`requester`'s profile for local `day`: the stored one computed that day no later than
    `now`, else computed now and stored (a concurrent describe storing the same key wins;
    both are the same day's base)."""
    key = scope_key(requester)
    row = session.execute(
        select(InsightBaseProfile).where(
            InsightBaseProfile.scope_key == key,
            InsightBaseProfile.day == day,
            InsightBaseProfile.computed_at <= now,
        )
    ).scalar_one_or_none()
    if row is not None:
        return BaseProfile.from_json(row.data)
    profile = compute_base_profile(session, base, now, catalog, rfm)
    _store(session, key, day, now, profile)
    return profile


def scope_key(requester: Requester) -> str:
    """Whose base it is: every admin sees everyone, so admins share one profile."""
    return "admin:*" if requester.is_admin else f"{requester.role}:{requester.userid}"


def _store(session: Session, key: str, day: Any, now: datetime, profile: BaseProfile) -> None:
    table = cast(Table, InsightBaseProfile.__table__)
    stmt = upsert_insert(session, table).values(
        scope_key=key, day=day, computed_at=now, data=profile.to_json()
    )
    # A profile stored for a later `now` the same day is replaced by this earlier one, so a
    # past `now` never reads figures from its future.
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=[table.c.scope_key, table.c.day],
            set_={"computed_at": stmt.excluded.computed_at, "data": stmt.excluded.data},
        )
    )
