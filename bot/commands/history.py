"""The same segment's size yesterday and a week ago: from saved-segment snapshots (admin scope)
or from this member's own earlier answers about the same canonical segment (the audit log)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands.texts import say
from bot.models.inbox import AuditEntry
from segmentation.nodes import Node, SavedSegment
from segmentation.saved import get_saved_segment
from segmentation.scope import Requester
from segmentation.snapshots import size_history

DAY = timedelta(days=1)
PAST = {"yesterday": DAY, "week": 7 * DAY}


def segment_key(segment_json: dict[str, Any]) -> str:
    """A short stable key of a canonical segment's JSON, stored with each answer."""
    raw = json.dumps(segment_json, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def _from_audit(
    session: Session, userid: str, key: str, start: datetime, end: datetime
) -> int | None:
    """The latest count this member was given for that segment with start < at <= end."""
    stmt = (
        select(AuditEntry.detail)
        .where(
            AuditEntry.userid == userid,
            AuditEntry.action == "command",
            AuditEntry.at > start,
            AuditEntry.at <= end,
        )
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    for detail in session.scalars(stmt):
        if isinstance(detail, dict) and detail.get("segment_key") == key:
            count = detail.get("count")
            if isinstance(count, int):
                return count
    return None


def _from_snapshots(session: Session, name: str, start: datetime, end: datetime) -> int | None:
    if get_saved_segment(session, name) is None:
        return None
    sizes = [size for at, size in size_history(session, name) if start < at <= end]
    return sizes[-1] if sizes else None


def past_sizes(
    session: Session,
    requester: Requester,
    node: Node,
    key: str,
    now: datetime,
) -> dict[str, int | None]:
    """{"yesterday": n or None, "week": n or None}: a value only from a record made within one
    day of that moment, never a guess."""
    sizes: dict[str, int | None] = {}
    for label, back in PAST.items():
        end = now - back
        start = end - DAY
        value = None
        # Snapshots are taken in the admin scope, so only an admin's count compares to them.
        if isinstance(node, SavedSegment) and requester.is_admin:
            value = _from_snapshots(session, node.name, start, end)
        if value is None:
            value = _from_audit(session, requester.userid, key, start, end)
        sizes[label] = value
    return sizes


def history_line(sizes: dict[str, int | None], lang: str) -> str | None:
    if all(v is None for v in sizes.values()):
        return None
    unknown = say("history_unknown", lang)
    return say(
        "history",
        lang,
        yesterday=unknown if sizes["yesterday"] is None else sizes["yesterday"],
        week=unknown if sizes["week"] is None else sizes["week"],
    )
