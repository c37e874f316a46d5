"""Who may save what under a saved-segment name, the audit trail of every change, and the
segment version a campaign was confirmed with (spec/security.md: what belongs to someone).

A saved segment is changed only by its owner or an admin; its owner never changes. A campaign
whose segment refers to saved segments keeps the tree it was confirmed with; after one of them
is redefined the campaign goes on with that tree, its creator is told, and the new definition
applies only once the creator (or an admin) re-confirms it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models.campaigns import ACTIVE, PAUSED, Campaign
from bot.models.inbox import AuditEntry
from segmentation.compiler import SegmentError
from segmentation.models import Staff
from segmentation.models.segments import SavedSegment as SavedSegmentRow
from segmentation.nodes import Node, SavedSegment, from_json, to_json
from segmentation.saved import (
    SavedSegmentNotFound,
    SavedSegmentOwned,
    delete_saved_segment,
    expand_saved,
    get_saved_segment,
    may_change,
    referring_segments,
    save_segment,
    saved_versions,
)
from segmentation.scope import Requester


@dataclass(frozen=True)
class SegmentChange:
    """A saved segment as written, and the campaigns now running on an older version."""

    row: SavedSegmentRow
    created: bool
    redefined: bool  # an existing segment got a new definition (a new version)
    stale_campaigns: list[Campaign]


def owner_name(session: Session, owner_userid: str) -> str:
    """The owner's display name (their userid when unknown)."""
    staff = session.get(Staff, owner_userid) if owner_userid else None
    return (staff.name if staff is not None and staff.name else owner_userid) or "—"


def blocking_owner(session: Session, name: str, requester: Requester) -> SavedSegmentRow | None:
    """The saved segment that `name` (or a look-alike) names and `requester` may not change."""
    row = get_saved_segment(session, name)
    if row is None or may_change(row, requester.userid, is_admin=requester.is_admin):
        return None
    return row


def save_owned(
    session: Session,
    name: str,
    node: Node,
    *,
    actor: Requester,
    now: datetime,
    description: str = "",
    inbox_id: int | None = None,
) -> SegmentChange:
    """Create or redefine a saved segment as `actor` (SavedSegmentOwned when it is someone
    else's and `actor` is no admin), with an audit entry for the change."""
    before = get_saved_segment(session, name)
    old_version = before.version if before is not None else None
    row = save_segment(session, name, node, owner_userid=actor.userid, now=now,
                       description=description, is_admin=actor.is_admin)  # fmt: skip
    created = before is None
    redefined = not created and row.version != old_version
    if created or redefined:
        _audit(session, now, actor.userid, "segment_created" if created else "segment_redefined",
               name=row.name, owner=row.owner_userid, version=row.version,
               definition=row.definition, inbox_id=inbox_id)  # fmt: skip
    stale = stale_campaigns(session, row) if redefined else []
    return SegmentChange(row, created, redefined, stale)


class SegmentInUse(SegmentError):
    """A saved segment that campaigns or other saved segments still need by name."""


def delete_owned(
    session: Session, name: str, *, actor: Requester, now: datetime
) -> SavedSegmentRow:
    """Delete a saved segment as `actor` (its owner or an admin), audited with its last
    definition. Refused while another saved segment refers to it, or a campaign needs it by
    name (on-enter campaigns, or campaigns without a confirmed tree); campaigns confirmed
    with it keep their confirmed tree."""
    row = get_saved_segment(session, name)
    if row is None:
        raise SavedSegmentNotFound(f"no saved segment named {name!r}")
    if not may_change(row, actor.userid, is_admin=actor.is_admin):
        raise SavedSegmentOwned(row.name, row.owner_userid)
    users = [f"saved segment {n!r}" for n in referring_segments(session, row.name)]
    users += [f"campaign #{c.id}" for c in _campaigns_needing(session, row.name)]
    if users:
        raise SegmentInUse(f"{row.name!r} is still used by {', '.join(users)}")
    _audit(session, now, actor.userid, "segment_deleted", name=row.name, owner=row.owner_userid,
           version=row.version, definition=row.definition)  # fmt: skip
    delete_saved_segment(session, row)
    return row


def _campaigns_needing(session: Session, name: str) -> list[Campaign]:
    stmt = select(Campaign).where(Campaign.status.in_((ACTIVE, PAUSED))).order_by(Campaign.id)
    return [
        c
        for c in session.scalars(stmt)
        if c.segment_name == name
        or (c.confirmed_segment is None and name in saved_versions(session, campaign_node(c)))
    ]


def stale_campaigns(session: Session, row: SavedSegmentRow) -> list[Campaign]:
    """Active or paused campaigns confirmed with an older version of `row`."""
    stmt = select(Campaign).where(Campaign.status.in_((ACTIVE, PAUSED))).order_by(Campaign.id)
    return [
        campaign
        for campaign in session.scalars(stmt)
        if row.name in (campaign.segment_versions or {})
        and (campaign.segment_versions or {})[row.name] != row.version
    ]


def confirmed_tree(session: Session, node: Node) -> tuple[dict[str, Any], dict[str, int]] | None:
    """(the tree with saved segments expanded, {name: version}) for a campaign confirmed now,
    or None when the tree refers to no saved segment (nothing can change under it)."""
    versions = saved_versions(session, node)
    if not versions:
        return None
    return to_json(expand_saved(session, node)), versions


def campaign_node(campaign: Campaign) -> Node:
    """The campaign's segment as its creator wrote it (saved segments by name)."""
    if campaign.segment_name:
        return SavedSegment(name=campaign.segment_name)
    return from_json(campaign.segment_definition)


def reconfirm_segment(
    session: Session, campaign: Campaign, *, actor: Requester, now: datetime
) -> dict[str, int]:
    """Apply the saved segments' current definitions to `campaign` (its creator or an admin
    re-confirmed); the new versions, audited."""
    pinned = confirmed_tree(session, campaign_node(campaign))
    old = dict(campaign.segment_versions or {})
    campaign.confirmed_segment, campaign.segment_versions = pinned if pinned else (None, None)
    campaign.updated_at = now
    versions = dict(campaign.segment_versions or {})
    _audit(session, now, actor.userid, "campaign_segment_reconfirmed", campaign_id=campaign.id,
           before=old, after=versions)  # fmt: skip
    return versions


def _audit(session: Session, now: datetime, userid: str, action: str, **detail: Any) -> None:
    inbox_id = detail.pop("inbox_id", None)
    session.add(AuditEntry(at=now, userid=userid[:64], action=action, request="",
                           detail=detail, inbox_id=inbox_id))  # fmt: skip
