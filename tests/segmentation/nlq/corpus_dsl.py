"""A compact notation for expected trees in corpus.tsv (evaluated in a closed namespace)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from segmentation import nodes as n
from segmentation.kinds.campaign_holdout import CampaignHeldOut


def _campaign(campaign: int | str | None) -> int | None:
    """A campaign by id, or by its name in the fixture (blind writers name campaigns)."""
    if not isinstance(campaign, str):
        return campaign
    from tests.segmentation.nlq.fixture import CAMPAIGNS

    return next(number for number, name, _ in CAMPAIGNS if name == campaign)


def r(amount: int, unit: str = "days") -> n.Window:
    return n.RollingWindow(amount, unit)  # type: ignore[arg-type]


def cal(unit: str, offset: int = 0) -> n.Window:
    return n.CalendarWindow(unit, offset)  # type: ignore[arg-type]


def dr(start: str | None, end: str | None) -> n.Window:
    return n.DateRangeWindow(
        date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None
    )


def _names(names: str | tuple[str, ...]) -> tuple[str, ...]:
    return (names,) if isinstance(names, str) else tuple(names)


def namespace(city_spellings: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    def city(*names: str) -> n.Node:
        out: list[str] = []
        for name in names:
            out.extend(city_spellings.get(name, (name,)))
        return n.City(tuple(dict.fromkeys(out)))

    return {
        "r": r,
        "cal": cal,
        "dr": dr,
        "P": lambda kind, w=None: n.Performed(kind, w),
        "C": lambda kind, op, value, w=None: n.EventCount(kind, op, value, w),
        "S": lambda op, value, w=None: n.Spend(op, Decimal(str(value)), w),
        "AOV": lambda op, value, w=None: n.AvgOrderValue(op, Decimal(str(value)), w),
        "RA": lambda op, value, w=None: n.RefundAmount(op, Decimal(str(value)), w),
        "CO": n.CompanyContains,
        "RM": n.RemarkContains,
        "T": n.HasTag,
        "U": n.Untagged(),
        "ALL": n.All(),
        "OW": lambda *u: n.Owner(tuple(u)),
        "D": lambda *d: n.InDepartment(tuple(d)),
        "NEW": lambda w=None: n.NewCustomer(w),
        "CITY": city,
        "G": n.Gender,
        "AW": lambda *codes, w=None: n.AddedVia(tuple(codes), w),
        "CH": lambda *names, w=None: n.ChannelCode(tuple(names), w),
        "MSG": lambda campaign=None, latest=False, w=None: n.CampaignMessaged(
            _campaign(campaign), latest, w
        ),
        "CPN": lambda state="issued", campaign=None, latest=False, w=None: n.CampaignCoupon(
            state, _campaign(campaign), latest, w
        ),
        # a campaign's control group (held out, never sent)
        "HO": lambda campaign=None, latest=False: CampaignHeldOut(_campaign(campaign), latest),
        "NS": n.NamedSegment,
        "SS": n.SavedSegment,
        "R": lambda base, direction="top", count=None, pct=None, w=None: n.Ranked(
            base, direction, count, Decimal(str(pct)) if pct is not None else None, w
        ),
        "SC": lambda metric, op, value: n.Score(metric, op, Decimal(str(value))),
        "RB": lambda base, by, direction="top", count=None, pct=None, w=None: n.Ranked(
            base, direction, count, Decimal(str(pct)) if pct is not None else None, w, by
        ),
        # products: IP('order', 'product', '玻尿酸面霜', r(30)); several names as a tuple
        "IP": lambda kind, item, names, w=None: n.ItemEvent(kind, item, _names(names), w),
        "IC": lambda kind, item, names, op, value, w=None: n.ItemCount(
            kind, item, _names(names), op, value, w
        ),
        # any registered kind by its JSON form: K('contact_type', value=2)
        "K": lambda node_type, **fields: n.node_from_dict({"type": node_type, **fields}),
        "A": lambda *c: n.And(tuple(c)),
        "O": lambda *c: n.Or(tuple(c)),
        "N": n.Not,
    }
