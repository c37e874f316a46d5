"""Saved segments: storing trees by name and expanding references to them (their nightly
snapshots: segmentation.snapshots, above the engine)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from segmentation.compiler import SegmentError
from segmentation.models.segments import SavedSegment as SavedSegmentRow
from segmentation.models.segments import (
    SegmentMember,
    SegmentMembershipChange,
    SegmentSnapshot,
)
from segmentation.nodes import (
    And,
    Node,
    Not,
    Or,
    Ranked,
    SavedSegment,
    SegmentFormatError,
    from_json,
    to_json,
    walk,
)
from segmentation.text import same_name


class SavedSegmentNotFound(SegmentError):
    """No saved segment has that name."""


class SavedSegmentOwned(SegmentError):
    """The name (or one that reads the same) is someone else's saved segment."""

    def __init__(self, name: str, owner_userid: str) -> None:
        super().__init__(f"the saved segment {name!r} belongs to {owner_userid or 'nobody'!r}")
        self.name = name
        self.owner_userid = owner_userid


def may_change(row: SavedSegmentRow, userid: str, *, is_admin: bool) -> bool:
    """Only the owner or an admin changes a saved segment (an ownerless one: admins only)."""
    return is_admin or (bool(row.owner_userid) and row.owner_userid == userid)


def save_segment(
    session: Session,
    name: str,
    node: Node,
    *,
    owner_userid: str,
    now: datetime,
    description: str = "",
    is_admin: bool = False,
) -> SavedSegmentRow:
    """Create the saved segment, or replace the definition of the one with that name (or a
    name that reads the same) when `owner_userid` may change it (`may_change`); else
    SavedSegmentOwned. Replacing never changes the owner, and a new definition gets the next
    version.

    A definition that would refer to itself (directly or through other saved segments) is
    refused, so evaluation can never loop.
    """
    name = name.strip()
    if not name:
        raise SegmentError("a saved segment needs a name")
    row = get_saved_segment(session, name)
    if row is not None and not may_change(row, owner_userid, is_admin=is_admin):
        raise SavedSegmentOwned(row.name, row.owner_userid)
    _expand(session, node, (row.name if row is not None else name,))
    definition = to_json(node)
    if row is None:
        row = SavedSegmentRow(name=name, created_at=now, owner_userid=owner_userid, version=1)
        session.add(row)
    elif row.definition != definition:
        row.version = (row.version or 1) + 1
    row.definition = definition
    row.description = description
    row.updated_at = now
    session.flush()
    return row


def referring_segments(session: Session, name: str) -> list[str]:
    """Names of the other saved segments whose definitions refer to `name` directly."""
    return [
        row.name
        for row in list_saved_segments(session)
        if row.name != name
        and any(isinstance(n, SavedSegment) and n.name == name for n in walk(saved_definition(row)))
    ]


def delete_saved_segment(session: Session, row: SavedSegmentRow) -> None:
    """Remove a saved segment with its snapshots and membership history (the caller checks
    who may, and that nothing refers to it any more)."""
    for table in (SegmentMember, SegmentMembershipChange, SegmentSnapshot):
        session.execute(delete(table).where(table.segment_id == row.id))
    session.delete(row)
    session.flush()


def saved_versions(session: Session, node: Node) -> dict[str, int]:
    """{name: version} of every saved segment `node` refers to, through other saved
    segments too (what a campaign is confirmed with)."""
    found: dict[str, int] = {}
    pending = [node]
    while pending:
        for child in walk(pending.pop()):
            if isinstance(child, SavedSegment) and child.name not in found:
                row = require_saved_segment(session, child.name)
                found[child.name] = row.version or 1
                pending.append(saved_definition(row))
    return found


def get_saved_segment(session: Session, name: str) -> SavedSegmentRow | None:
    """The saved segment of that name; failing an exact match, the one whose name reads the
    same to the chat language (case, width and script aside: “重點客戶” is 重点客户), so saving
    under a differently typed name replaces it instead of making a near-twin."""
    stmt = select(SavedSegmentRow).where(SavedSegmentRow.name == name.strip())
    found = session.execute(stmt).scalar_one_or_none()
    if found is not None:
        return found
    rows = session.execute(select(SavedSegmentRow).order_by(SavedSegmentRow.id)).scalars()
    return next((row for row in rows if same_name(row.name, name)), None)


def list_saved_segments(session: Session, owner_userid: str | None = None) -> list[SavedSegmentRow]:
    """Saved segments by name; only one owner's when `owner_userid` is given."""
    stmt = select(SavedSegmentRow).order_by(SavedSegmentRow.name)
    if owner_userid is not None:
        stmt = stmt.where(SavedSegmentRow.owner_userid == owner_userid)
    return list(session.execute(stmt).scalars())


def saved_definition(row: SavedSegmentRow) -> Node:
    try:
        return from_json(row.definition)
    except SegmentFormatError as exc:
        raise SegmentError(f"saved segment {row.name!r} has a bad definition: {exc}") from None


def expand_saved(session: Session, node: Node) -> Node:
    """`node` with every saved-segment reference replaced by its stored definition (evaluated
    now, like any other part of the tree); a reference cycle is a SegmentError."""
    return _expand(session, node, ())


def _expand(session: Session, node: Node, path: tuple[str, ...]) -> Node:
    if isinstance(node, SavedSegment):
        if node.name in path:
            chain = " → ".join((*path[path.index(node.name) :], node.name))
            raise SegmentError(f"saved segments refer to each other in a cycle: {chain}")
        row = get_saved_segment(session, node.name)
        if row is None:
            raise SavedSegmentNotFound(f"no saved segment named {node.name!r}")
        return _expand(session, saved_definition(row), (*path, node.name))
    if isinstance(node, And | Or):
        return type(node)(tuple(_expand(session, c, path) for c in node.children))
    if isinstance(node, Not):
        return Not(_expand(session, node.child, path))
    if isinstance(node, Ranked):
        base = _expand(session, node.base, path)
        return Ranked(base, node.direction, node.count, node.percent, node.window, node.by)
    return node


def require_saved_segment(session: Session, name: str) -> SavedSegmentRow:
    """The saved segment of that name (as `get_saved_segment`), or SavedSegmentNotFound."""
    row = get_saved_segment(session, name)
    if row is None:
        raise SavedSegmentNotFound(f"no saved segment named {name!r}")
    return row
