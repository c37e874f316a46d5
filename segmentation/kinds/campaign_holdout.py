"""CampaignHeldOut: in one campaign's control group ("老客关怀的对照组有谁", "上次活动的對照組",
"for the 老客关怀 campaign, who was held out as the control group?").

A campaign keeps part of its audience unsent to measure the rest against (the holdout arm:
a delivery recorded with the status `control`, never sent). Who they are is a fact of that
campaign like who received it, and a list of customers like any other: the asker sees only
those in their scope (spec/security.md). Only one campaign's control group is a condition —
"the holdout" of no campaign is asked back with the campaigns (nlq/no_condition.py): each
campaign holds out different customers, and being held out once says nothing of a customer.
"The last campaign" is the one that sent mass messages last (the holdout is of a send).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, FromClause, exists

from segmentation import contacts
from segmentation.kinds.registry import register_plain_kind
from segmentation.nodes import Leaf, SegmentFormatError

CONTROL = "control"  # bot.models.campaigns.CONTROL: the holdout arm's status, never sent


@dataclass(frozen=True)
class CampaignHeldOut(Leaf):
    """In the control group of campaign `campaign_id`, or (`latest`) of the campaign that
    sent mass messages last: one of the two, never neither."""

    campaign_id: int | None = None
    latest: bool = False
    type: ClassVar[str] = "campaign_holdout"

    def __post_init__(self) -> None:
        if self.campaign_id is not None and (
            type(self.campaign_id) is not int or self.campaign_id <= 0
        ):
            raise SegmentFormatError("a campaign id must be a positive integer")
        if type(self.latest) is not bool:
            raise SegmentFormatError("'latest' must be true or false")
        if (self.campaign_id is None) == (not self.latest):
            raise SegmentFormatError("a control group is of one campaign: name it or the latest")


def compile_held_out(c: Any, node: CampaignHeldOut, cust: FromClause) -> ColumnElement[bool]:
    return held_out(cust, node.campaign_id, node.latest, c.now)


def held_out(
    cust: FromClause, campaign_id: int | None, latest: bool, now: datetime
) -> ColumnElement[bool]:
    """A control (holdout) delivery of the campaign written by `now`."""
    d = contacts.deliveries.alias()
    campaign = contacts.latest_message_campaign(now) if latest else campaign_id
    return (
        exists()
        .where(
            d.c.external_userid == cust.c.external_userid,
            d.c.status == CONTROL,
            d.c.created_at <= now,
            d.c.campaign_id == campaign,
        )
        .correlate(cust)
    )


def _campaign(r: Any, node: CampaignHeldOut) -> str:
    """Which campaign, named as the contact phrases name it (活动#3“老客关怀” / the last one)."""
    number = node.campaign_id
    if number is None:
        latest: dict[str, int] = getattr(r.vocab, "latest_campaigns", {})
        number = latest.get("message")
        if number is None:
            return "上次活动" if r.zh else "the last campaign"
        name = r.vocab.campaigns.get(number)
        said = f"#{number}" + (f" “{name}”" if name else "")
        if r.zh:
            return f"上次活动（最近一次群发的活动：活动{said.replace(' ', '')}）"
        return f"the last campaign ({said}, the latest that sent mass messages)"
    name = r.vocab.campaigns.get(number)
    if r.zh:
        return f"活动#{number}" + (f"“{name}”" if name else "")
    return f"campaign #{number}" + (f" “{name}”" if name else "")


def restate(r: Any, node: CampaignHeldOut) -> str:
    which = _campaign(r, node)
    if r.zh:
        return f"在{which}的对照组（留出未发送）"
    return f"were held out of {which} (its control group, never sent)"


def restate_negated(r: Any, node: CampaignHeldOut) -> str:
    which = _campaign(r, node)
    if r.zh:
        return f"不在{which}的对照组"
    return f"were not held out of {which}"


def explain(w: Any, node: CampaignHeldOut) -> dict[str, Any]:
    return {"messages": w.messages()}


def reference(ref: Any, node: CampaignHeldOut, eid: str) -> bool:
    """The test dataset's deliveries: (campaign, customer, channel, status, at)."""
    wanted = node.campaign_id
    if node.latest:
        rows = [d for d in ref.data.deliveries if d[2] == "mass_message" and d[4] <= ref.now]
        wanted = rows[-1][0] if rows else -1
    return any(
        e == eid and status == CONTROL and at <= ref.now and c == wanted
        for c, e, _channel, status, at in ref.data.deliveries
    )


def samples() -> tuple[CampaignHeldOut, ...]:
    return (CampaignHeldOut(1), CampaignHeldOut(3), CampaignHeldOut(latest=True))


KIND = register_plain_kind(
    CampaignHeldOut,
    compile_held_out,
    restate,
    restate_negated,
    explain,
    heads=("contact",),
    reference=reference,
    samples=samples,
)
