"""Who a run reaches: one owner per customer, exclusions by reason, the holdout split."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import CompoundSelect, Select, func, select
from sqlalchemy.orm import Session

from bot.models.campaigns import (
    CAP_STATUSES,
    MASS_MESSAGE,
    RECEIVE_LIMIT,
    SENDING,
    UNCONFIRMED,
    UNKNOWN,
    Campaign,
    Delivery,
)
from bot.models.campaigns import DELIVERED as DELIVERED_STATUS
from bot.models.campaigns import PENDING as PENDING_STATUS
from bot.services.campaigns.settings import CampaignSettings
from segmentation.models import Customer, CustomerTag, Follow, Staff, Tag
from segmentation.scope import Requester, scope_members

CHUNK = 900  # below every backend's bound-parameter limit
# Exclusion reasons, in the order they are applied (a customer is counted under the first).
REASONS = ("deleted", "no_owner", "opted_out", "frequency_cap", "monthly_limit", "holdout")
MASS_BUDGET_STATUSES = (PENDING_STATUS, SENDING, UNKNOWN, UNCONFIRMED, DELIVERED_STATUS)


@dataclass(frozen=True)
class Recipient:
    external_userid: str
    owner_userid: str
    name: str


@dataclass
class Audience:
    treated: list[Recipient] = field(default_factory=list)
    holdout: list[Recipient] = field(default_factory=list)
    exclusions: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REASONS, 0))


def in_holdout(campaign_id: int | str, external_userid: str, percent: int) -> bool:
    """A stable split per campaign (keyed by its id, or by the seed its confirm card used):
    the same customer is control in every run of it."""
    digest = hashlib.sha256(f"{campaign_id}:{external_userid}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 10_000 < percent * 100


def chunks(items: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield list(items[start : start + CHUNK])


def build_audience(
    session: Session,
    campaign: Campaign,
    candidates: Sequence[str],
    *,
    now: datetime,
    settings: CampaignSettings,
    requester: Requester | None = None,
) -> Audience:
    """Split the segment's members into treated, holdout and excluded (with reasons).

    Eligibility is decided before the holdout split, so the two arms are comparable. The
    sender of each message is a follower inside `requester`'s scope (the campaign's creator):
    a manager's push never becomes a task for staff of another department; a customer with
    no active follower in that scope is excluded as `no_owner`."""
    audience = Audience()
    key = campaign.holdout_seed or campaign.id
    senders = scope_members(requester) if requester is not None else None
    for chunk in chunks(sorted(set(candidates))):
        names = _live_names(session, chunk)
        owners = _owners(session, chunk, campaign.creator_userid, senders)
        opted = _opted_out(session, chunk, settings.opt_out_tags)
        capped = _recently_contacted(session, chunk, now, campaign.frequency_cap_days)
        budget = (
            _monthly_budget_used(session, chunk, now, settings)
            if campaign.channel == MASS_MESSAGE
            else set()
        )
        for eid in chunk:
            reason = _reason(eid, names, owners, opted, capped, budget)
            if reason is None and in_holdout(key, eid, campaign.holdout_percent):
                audience.holdout.append(Recipient(eid, owners[eid], names[eid]))
                reason = "holdout"
            if reason is None:
                audience.treated.append(Recipient(eid, owners[eid], names[eid]))
            else:
                audience.exclusions[reason] += 1
    return audience


def _reason(
    eid: str,
    names: dict[str, str],
    owners: dict[str, str],
    opted: set[str],
    capped: set[str],
    budget: set[str],
) -> str | None:
    checks = (
        ("deleted", eid not in names),
        ("no_owner", eid not in owners),
        ("opted_out", eid in opted),
        ("frequency_cap", eid in capped),
        ("monthly_limit", eid in budget),
    )
    return next((reason for reason, hit in checks if hit), None)


def _live_names(session: Session, chunk: list[str]) -> dict[str, str]:
    stmt = select(Customer.external_userid, Customer.name).where(
        Customer.external_userid.in_(chunk), Customer.deleted.is_(False)
    )
    return {eid: name or "" for eid, name in session.execute(stmt)}


def _owners(
    session: Session,
    chunk: list[str],
    creator: str,
    senders: CompoundSelect | Select[Any] | None = None,
) -> dict[str, str]:
    """One owner per customer, deterministically: the campaign's creator when they follow the
    customer, else the active member (among `senders`) who added the customer first (ties by
    userid) — the same member WeCom itself picks for a mass message without a sender."""
    stmt = (
        select(Follow.external_userid, Follow.userid, Follow.added_at)
        .join(Staff, Staff.userid == Follow.userid)
        .where(
            Follow.external_userid.in_(chunk),
            Follow.deleted.is_(False),
            Staff.active.is_(True),
        )
    )
    if senders is not None:
        stmt = stmt.where(Follow.userid.in_(senders))
    best: dict[str, tuple[tuple[int, float, str], str]] = {}
    for eid, userid, added_at in session.execute(stmt):
        key = (
            0 if userid == creator else 1,
            added_at.timestamp() if added_at else float("inf"),
            userid,
        )
        if eid not in best or key < best[eid][0]:
            best[eid] = (key, userid)
    return {eid: userid for eid, (_, userid) in best.items()}


def _opted_out(session: Session, chunk: list[str], tag_names: Sequence[str]) -> set[str]:
    if not tag_names:
        return set()
    lowered = [t.lower() for t in tag_names]
    stmt = (
        select(CustomerTag.external_userid)
        .join(Tag, Tag.tag_id == CustomerTag.tag_id)
        .where(
            CustomerTag.external_userid.in_(chunk),
            Tag.deleted.is_(False),
            func.lower(Tag.name).in_(lowered),
        )
    )
    return set(session.scalars(stmt))


def _recently_contacted(session: Session, chunk: list[str], now: datetime, days: int) -> set[str]:
    if days <= 0:
        return set()
    stmt = select(Delivery.external_userid).where(
        Delivery.external_userid.in_(chunk),
        Delivery.status.in_(CAP_STATUSES),
        Delivery.created_at > now - timedelta(days=days),
    )
    return set(session.scalars(stmt))


def month_bounds(now: datetime, settings: CampaignSettings) -> tuple[datetime, datetime]:
    """The natural month containing `now` in SEGBOT_TIMEZONE, as [start, end)."""
    local = now.astimezone(settings.timezone)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = (start + timedelta(days=32)).replace(day=1)
    return start, end


def _monthly_budget_used(
    session: Session, chunk: list[str], now: datetime, settings: CampaignSettings
) -> set[str]:
    """Customers whose mass messages this month reach the budget, or whom WeCom already
    refused for the receive limit this month (other tools and admins use the budget too)."""
    start, end = month_bounds(now, settings)
    in_month = (
        Delivery.external_userid.in_(chunk),
        Delivery.channel == MASS_MESSAGE,
        Delivery.created_at >= start,
        Delivery.created_at < end,
    )
    counted = (
        select(Delivery.external_userid)
        .where(*in_month, Delivery.status.in_(MASS_BUDGET_STATUSES))
        .group_by(Delivery.external_userid)
        .having(func.count() >= settings.monthly_mass_limit)
    )
    refused = select(Delivery.external_userid).where(*in_month, Delivery.status == RECEIVE_LIMIT)
    return set(session.scalars(counted)) | set(session.scalars(refused))
