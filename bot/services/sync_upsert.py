"""Upserts of WeCom data into the customer tables (org, tags, customers, follows, follow tags).

Never deletes a customer or a follow: what vanished in WeCom is marked deleted.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from bot.database import bulk_insert
from bot.models.tokens import SyncCheckpoint
from bot.services.tag_history import ADDED, RECENT_FOLLOW, REMOVED, record_tag_changes
from integrations.wecom.dto import CustomerDetail, ExternalContact, FollowInfo, Member, TagGroup
from integrations.wecom.gateway import WeComGateway
from segmentation.models import (
    Customer,
    CustomerTag,
    Department,
    Follow,
    Staff,
    StaffDepartment,
)
from segmentation.models import Tag as TagRow
from segmentation.models import TagGroup as TagGroupRow
from segmentation.rollups import note_new_customers

log = logging.getLogger(__name__)

# No WeCom field carries a city; staff conventionally write "城市:上海" in the description.
CITY_IN_DESCRIPTION = re.compile(r"(?:城市|city)\s*[:：]\s*([^\s,，;；]+)", re.IGNORECASE)


def _ts(value: int | None) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if value else None


# -- organisation and tags -----------------------------------------------------------------------


def fetch_org(gateway: WeComGateway) -> tuple[list[Department], list[Member]]:
    """Departments and members from WeCom (before any write transaction opens)."""
    depts = gateway.list_departments()
    known = {d.id for d in depts}
    roots = [d.id for d in depts if d.parent_id is None or d.parent_id not in known]
    members: dict[str, Member] = {}
    for root in roots:
        members.update((m.userid, m) for m in gateway.list_members(root, fetch_child=True))
    return depts, list(members.values())


def apply_org(
    session: Session, depts: list[Department], members: list[Member], now: datetime
) -> tuple[int, int]:
    """Departments (with parents) and members (with leadership); absent members become inactive."""
    rows = {d.wecom_id: d for d in session.scalars(select(Department)) if d.wecom_id is not None}
    for dept in depts:
        row = rows.get(dept.id) or Department(wecom_id=dept.id)
        row.name, row.order = dept.name, dept.order
        rows[dept.id] = row
        session.add(row)
    session.flush()
    for dept in depts:
        parent = rows.get(dept.parent_id) if dept.parent_id else None
        rows[dept.id].parent_id = parent.id if parent else None
    for member in members:
        _upsert_staff(session, member, {k: v.id for k, v in rows.items()}, now)
    for staff in session.scalars(
        select(Staff).where(Staff.userid.not_in([m.userid for m in members] or [""]))
    ):
        staff.active = False
    return len(depts), len(members)


def _upsert_staff(
    session: Session, member: Member, dept_ids: dict[int, int], now: datetime
) -> None:
    staff = session.get(Staff, member.userid) or Staff(userid=member.userid)
    staff.name, staff.active, staff.updated_at = member.name, member.status == 1, now
    session.add(staff)
    session.flush()
    wanted = {
        dept_ids[d]: d in member.leader_department_ids
        for d in member.department_ids
        if d in dept_ids
    }
    for link in list(staff.memberships):
        if link.department_id not in wanted:
            staff.memberships.remove(link)
    have = {link.department_id: link for link in staff.memberships}
    for dept_id, leads in wanted.items():
        link = have.get(dept_id) or StaffDepartment(userid=member.userid, department_id=dept_id)
        link.is_leader = leads
        if dept_id not in have:
            staff.memberships.append(link)


def upsert_tag_groups(session: Session, groups: Iterable[TagGroup]) -> set[str]:
    seen: set[str] = set()
    for group in groups:
        grow = session.get(TagGroupRow, group.group_id) or TagGroupRow(group_id=group.group_id)
        grow.name, grow.order, grow.deleted = group.group_name, group.order, group.deleted
        session.add(grow)
        for tag in group.tags:
            row = session.get(TagRow, tag.id) or TagRow(tag_id=tag.id)
            row.name, row.group_id, row.group_name = tag.name, group.group_id, group.group_name
            row.order, row.deleted, row.type = tag.order, tag.deleted, 1
            session.add(row)
            seen.add(tag.id)
    return seen


def apply_tags(session: Session, groups: list[TagGroup]) -> int:
    """The whole corp tag list; tags and groups no longer listed are marked deleted."""
    seen = upsert_tag_groups(session, groups)
    live_groups = {g.group_id for g in groups}
    for row in session.scalars(select(TagRow).where(TagRow.type != 3)):
        row.deleted = row.deleted or row.tag_id not in seen
    for grow in session.scalars(select(TagGroupRow)):
        grow.deleted = grow.deleted or grow.group_id not in live_groups
    return len(seen)


RECENT_SECONDS = RECENT_FOLLOW.total_seconds()


# -- customers and follows -----------------------------------------------------------------------


def upsert_follow_rows(
    session: Session,
    rows: list[tuple[ExternalContact, FollowInfo]],
    now: datetime,
    run_id: str | None = None,
) -> None:
    """Customers, their follows and each follow's corp tags, for one page, in bulk statements.

    `run_id` is the full-sync run these rows belong to; without one, the run in progress (if
    any) is stamped, so a relation a callback brings mid-run is not swept at the run's end.
    Set-based writes (a few statements per page, not one per object) are what keep a 100k
    customer sync within a minute.
    """
    if not rows:
        return
    session.flush()  # earlier ORM changes in this unit of work must be visible to the SELECTs
    run_id = run_id or open_run_id(session)
    _add_unknown_staff(session, {f.userid for _, f in rows}, now)
    _upsert_customers(session, rows, now)
    known = _upsert_follows(session, rows, run_id)
    _replace_follow_tags(session, rows, now, known)
    session.expire_all()  # ORM objects loaded before this page must not shadow the new rows


def _add_unknown_staff(session: Session, userids: set[str], now: datetime) -> None:
    known = set(session.scalars(select(Staff.userid).where(Staff.userid.in_(userids))))
    missing = sorted(userids - known)  # a follower outside the synced org (app visibility)
    if missing:
        bulk_insert(
            session,
            Staff.__table__,
            [{"userid": u, "name": u, "active": True, "updated_at": now} for u in missing],
        )


CUSTOMER_COLUMNS = ("name", "type", "gender", "unionid", "corp_name", "city", "phone",
                    "created_at", "deleted", "deleted_at")  # fmt: skip


def _upsert_customers(
    session: Session, rows: list[tuple[ExternalContact, FollowInfo]], now: datetime
) -> None:
    existing = {
        r.external_userid: r
        for r in session.execute(
            select(
                Customer.external_userid, *(getattr(Customer, c) for c in CUSTOMER_COLUMNS)
            ).where(Customer.external_userid.in_({c.external_userid for c, _ in rows}))
        )
    }
    wanted: dict[str, dict[str, Any]] = {}
    for contact, info in rows:
        ext = contact.external_userid
        old = existing.get(ext)
        row = wanted.setdefault(ext, {
            "external_userid": ext, "name": contact.name, "type": contact.type,
            "gender": contact.gender, "unionid": contact.unionid,
            "corp_name": contact.corp_name, "city": old.city if old else None,
            "phone": old.phone if old else None,
            "created_at": old.created_at if old else None, "deleted": False, "deleted_at": None,
        })  # fmt: skip
        added = _ts(info.createtime)
        if added and (row["created_at"] is None or added < row["created_at"]):
            row["created_at"] = added
        city = CITY_IN_DESCRIPTION.search(info.description or "")
        if city:
            row["city"] = city.group(1)
        # WeCom has no customer phone; salespeople keep it in the relation's remark_mobiles.
        # It fills an empty phone only: a number imported from the company's own data wins.
        if not row["phone"] and info.remark_mobiles:
            row["phone"] = info.remark_mobiles[0]
    new = [r | {"updated_at": now} for k, r in wanted.items() if k not in existing]
    changed = [
        r | {"updated_at": now}
        for k, r in wanted.items()
        if k in existing and tuple(r[c] for c in CUSTOMER_COLUMNS) != tuple(existing[k][1:])
    ]
    if new:
        bulk_insert(session, Customer.__table__, new)
        note_new_customers(session, (row["external_userid"] for row in new))
    if changed:
        session.execute(update(Customer), changed)


FOLLOW_COLUMNS = ("added_at", "remark", "description", "add_way", "oper_userid", "state",
                  "deleted", "deleted_at", "deleted_reason", "sync_run")  # fmt: skip


def _follow_values(info: FollowInfo, run_id: str | None, old_run: str | None) -> dict[str, Any]:
    return {
        "added_at": _ts(info.createtime), "remark": info.remark,
        "description": info.description, "add_way": info.add_way,
        "oper_userid": info.oper_userid, "state": info.state, "deleted": False,
        "deleted_at": None, "deleted_reason": None, "sync_run": run_id or old_run,
    }  # fmt: skip


def _upsert_follows(
    session: Session, rows: list[tuple[ExternalContact, FollowInfo]], run_id: str | None
) -> set[tuple[str, str]]:
    """Insert or update the follows; returns the (external_userid, userid) relations that
    were already known before this page."""
    existing = {
        (r.external_userid, r.userid): r
        for r in session.execute(
            select(Follow.id, Follow.external_userid, Follow.userid,
                   *(getattr(Follow, c) for c in FOLLOW_COLUMNS))
            .where(Follow.external_userid.in_({c.external_userid for c, _ in rows}))
        )
    }  # fmt: skip
    new: dict[tuple[str, str], dict[str, Any]] = {}
    changed: dict[int, dict[str, Any]] = {}
    for contact, info in rows:
        key = (contact.external_userid, info.userid)
        old = existing.get(key)
        values = _follow_values(info, run_id, old.sync_run if old else None)
        if old is None:
            new[key] = {"external_userid": key[0], "userid": key[1], **values}
        elif tuple(values[c] for c in FOLLOW_COLUMNS) != tuple(old[3:]):
            changed[old.id] = {"id": old.id, **values}
    if new:
        bulk_insert(session, Follow.__table__, list(new.values()))
    if changed:
        session.execute(update(Follow), list(changed.values()))
    return set(existing)


def _replace_follow_tags(
    session: Session,
    rows: list[tuple[ExternalContact, FollowInfo]],
    now: datetime,
    known: set[tuple[str, str]],
) -> None:
    """Each follow's corp tags become exactly what WeCom lists for it; what changed is
    recorded (tag_history): every removal, and the additions on a relation already known or
    made in the last day — an old relation seen for the first time says nothing of when its
    tags were put on."""
    wanted = {(c.external_userid, f.userid, t) for c, f in rows for t in f.tag_ids}
    pairs = {(c.external_userid, f.userid) for c, f in rows}
    have = {
        (r.external_userid, r.userid, r.tag_id): r.id
        for r in session.execute(
            select(CustomerTag.id, CustomerTag.external_userid, CustomerTag.userid,
                   CustomerTag.tag_id)
            .where(CustomerTag.external_userid.in_({e for e, _ in pairs}))
        )
        if (r.external_userid, r.userid) in pairs
    }  # fmt: skip
    stale = [row_id for key, row_id in have.items() if key not in wanted]
    if stale:
        session.execute(delete(CustomerTag).where(CustomerTag.id.in_(stale)))
        gone = [key for key in have if key not in wanted]
        record_tag_changes(session, REMOVED, gone, now, "sync")
    missing = sorted(wanted - set(have))
    if missing:
        bulk_insert(
            session,
            CustomerTag.__table__,
            [{"external_userid": e, "userid": u, "tag_id": t} for e, u, t in missing],
        )
        recent = {
            (c.external_userid, f.userid)
            for c, f in rows
            if f.createtime is not None and now.timestamp() - f.createtime <= RECENT_SECONDS
        }
        seen = [(e, u, t) for e, u, t in missing if (e, u) in known or (e, u) in recent]
        record_tag_changes(session, ADDED, seen, now, "sync")


def upsert_customer_detail(session: Session, detail: CustomerDetail, now: datetime) -> None:
    rows = [(detail.contact, f) for f in detail.follow_users]
    upsert_follow_rows(session, rows, now)
    named = [t for f in detail.follow_users for t in f.tags if t.type != 2 and t.tag_name]
    for tag in named:  # externalcontact/get names tags; learn ones created since the last sync
        if session.get(TagRow, tag.tag_id) is None:
            session.add(
                TagRow(
                    tag_id=tag.tag_id, name=tag.tag_name, group_name=tag.group_name, type=tag.type
                )
            )
    live = {f.userid for f in detail.follow_users}
    for follow in session.scalars(
        select(Follow).where(
            Follow.external_userid == detail.contact.external_userid, Follow.deleted.is_(False)
        )
    ):
        if follow.userid not in live:
            end_follow(session, follow, now, "vanished")


def end_follow(session: Session, follow: Follow, now: datetime, reason: str) -> None:
    """The relation ended: keep the follow as history; its tags left WeCom with it (and
    that is recorded as their removal)."""
    follow.deleted, follow.deleted_at, follow.deleted_reason = True, now, reason
    tag_ids = session.scalars(
        select(CustomerTag.tag_id).where(
            CustomerTag.external_userid == follow.external_userid,
            CustomerTag.userid == follow.userid,
        )
    ).all()
    gone = [(follow.external_userid, follow.userid, t) for t in tag_ids]
    record_tag_changes(session, REMOVED, gone, now, "follow_ended")
    session.execute(
        delete(CustomerTag).where(
            CustomerTag.external_userid == follow.external_userid,
            CustomerTag.userid == follow.userid,
        )
    )


FULL_SYNC = "full_sync"


def open_run_id(session: Session) -> str | None:
    return session.scalar(
        select(SyncCheckpoint.run_id).where(
            SyncCheckpoint.name == FULL_SYNC, SyncCheckpoint.finished_at.is_(None)
        )
    )


def sweep_unseen(session: Session, run_id: str, now: datetime) -> tuple[int, int]:
    """After a complete full sync: relations the run did not see are gone from WeCom.

    Returns (follows ended, customers retired). This replaces a per-member list call for
    every member: the full sync has already read every live relation.
    """
    unseen = session.scalars(
        select(Follow).where(
            Follow.deleted.is_(False),
            or_(Follow.sync_run.is_(None), Follow.sync_run != run_id),
        )
    ).all()
    for follow in unseen:
        end_follow(session, follow, now, "vanished")
    session.flush()
    return len(unseen), retire_orphans(session, (f.external_userid for f in unseen), now)


def retire_orphans(session: Session, ext_ids: Iterable[str], now: datetime) -> int:
    """Customers with no live follow left are marked deleted (never removed)."""
    count = 0
    for ext in set(ext_ids):
        live = session.scalar(
            select(Follow.id)
            .where(Follow.external_userid == ext, Follow.deleted.is_(False))
            .limit(1)
        )
        customer = session.get(Customer, ext)
        if live is None and customer is not None and not customer.deleted:
            customer.deleted, customer.deleted_at, customer.updated_at = True, now, now
            count += 1
    return count
