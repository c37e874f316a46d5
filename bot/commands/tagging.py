"""Executing a confirmed tag / untag: per customer, through one of its followers in scope,
written through to the database (bot.services.sync.mark_tags)."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.services.sync import mark_tags
from integrations.wecom.errors import WeComError
from integrations.wecom.gateway import WeComGateway
from segmentation.models import CustomerTag, Follow, Staff, StaffDepartment, Tag
from segmentation.nlq.normalize import same_name
from segmentation.scope import CteNames, Requester, department_members

log = logging.getLogger(__name__)

# Tags the bot creates go into this group (WeCom: an app may only edit tags it created).
TAG_GROUP = "segbot"
MAX_FAILURE_EXAMPLES = 3


@dataclass
class TagOutcome:
    ok: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "failed": len(self.failed),
            "failures": [{"external_userid": e, "error": m} for e, m in self.failed[:20]],
            "error": self.error,
        }


def find_tag(session: Session, name: str) -> Tag | None:
    """The live corp tag with that name, read as the segment language reads names: case,
    width and script aside (“待跟進” is the tag 待跟进), so no near-twin tag is created."""
    stmt = (
        select(Tag)
        .where(func.lower(Tag.name) == name.lower(), Tag.deleted.is_(False))
        .order_by(Tag.tag_id)
    )
    found = session.scalars(stmt).first()
    if found is not None:
        return found
    live = session.scalars(select(Tag).where(Tag.deleted.is_(False)).order_by(Tag.tag_id))
    return next((tag for tag in live if same_name(tag.name, name)), None)


def ensure_tag(session: Session, gateway: WeComGateway, name: str) -> Tag:
    """The tag, created in WeCom first (add_corp_tag) and written through when it is new."""
    tag = find_tag(session, name)
    if tag is not None:
        return tag
    group = gateway.add_corp_tag([name], group_name=TAG_GROUP)
    created = next(t for t in group.tags if t.name == name)
    tag = session.get(Tag, created.id) or Tag(tag_id=created.id)
    tag.name, tag.group_id, tag.group_name = name, group.group_id, group.group_name
    tag.deleted = False
    session.add(tag)
    session.flush()
    return tag


def _scope_userids(session: Session, requester: Requester) -> set[str] | None:
    """Members whose follow relations the requester may act through; None = everyone."""
    if requester.is_admin:
        return None
    if requester.role == "sales":
        return {requester.userid}
    sd = StaffDepartment.__table__
    leads = exists().where(sd.c.userid == requester.userid, sd.c.is_leader.is_(True))
    seed = select(sd.c.department_id).where(
        sd.c.userid == requester.userid, or_(sd.c.is_leader.is_(True), ~leads)
    )
    members = set(session.scalars(department_members(seed, CteNames())))
    return members | {requester.userid}


def _followers(session: Session, ids: list[str]) -> dict[str, list[str]]:
    """Live followers who are active members, oldest relation first."""
    found: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        stmt = (
            select(Follow.external_userid, Follow.userid)
            .join(Staff, Staff.userid == Follow.userid)
            .where(
                Follow.external_userid.in_(ids[start : start + 500]),
                Follow.deleted.is_(False),
                Staff.active.is_(True),
            )
            .order_by(Follow.external_userid, Follow.added_at, Follow.userid)
        )
        for eid, userid in session.execute(stmt):
            found[eid].append(userid)
    return found


def choose_follower(followers: list[str], asker: str, allowed: set[str] | None) -> str | None:
    """WeCom only tags through a follower: the asker when they follow, else one in scope."""
    if asker in followers:
        return asker
    return next((u for u in followers if allowed is None or u in allowed), None)


def _tagged(session: Session, eid: str, tag_id: str) -> list[str]:
    stmt = select(CustomerTag.userid).where(
        CustomerTag.external_userid == eid, CustomerTag.tag_id == tag_id
    )
    return list(session.scalars(stmt))


def run_tagging(
    session: Session,
    ctx: CommandContext,
    gateway: WeComGateway,
    asker: Requester,
    target: list[str],
    tag_name: str,
    *,
    remove: bool,
) -> TagOutcome:
    outcome = TagOutcome()
    if remove:
        tag = find_tag(session, tag_name)
        if tag is None:
            outcome.error = "no_such_tag"
            return outcome
    else:
        try:
            tag = ensure_tag(session, gateway, tag_name)
        except WeComError as exc:
            outcome.error = f"{exc.errcode}: {exc.errmsg}"
            return outcome
    allowed = _scope_userids(session, asker)
    followers = _followers(session, target)
    for eid in target:
        _tag_one(session, ctx, gateway, eid, tag.tag_id, followers.get(eid, []), asker, allowed,
                 remove, outcome)  # fmt: skip
    return outcome


def _tag_one(
    session: Session,
    ctx: CommandContext,
    gateway: WeComGateway,
    eid: str,
    tag_id: str,
    followers: list[str],
    asker: Requester,
    allowed: set[str] | None,
    remove: bool,
    outcome: TagOutcome,
) -> None:
    have = _tagged(session, eid, tag_id)
    if remove:
        # Every follow relation that carries the tag, within scope; '' = follower unknown.
        through = [u for u in followers if u in have and (allowed is None or u in allowed)]
        if not through and have:
            chosen = choose_follower(followers, asker.userid, allowed)
            through = [chosen] if chosen else []
    else:
        chosen = choose_follower(followers, asker.userid, allowed)
        through = [chosen] if chosen else []
        if chosen in have:
            outcome.ok += 1  # already tagged through that follower: nothing to call
            return
    if not through:
        if remove and not have:
            outcome.ok += 1  # nothing to remove
        else:
            outcome.failed.append((eid, "no follower in scope"))
        return
    try:
        for userid in through:
            add, rm = ([], [tag_id]) if remove else ([tag_id], [])
            mark_tags(session, gateway, userid, eid, add, rm, ctx.now)
    except WeComError as exc:
        log.info("mark_tag failed for one customer: %s", exc.errcode)
        outcome.failed.append((eid, f"{exc.errcode}"))
        return
    if remove:
        session.execute(
            delete(CustomerTag).where(
                CustomerTag.external_userid == eid,
                CustomerTag.tag_id == tag_id,
                CustomerTag.userid == "",
            )
        )
    outcome.ok += 1
