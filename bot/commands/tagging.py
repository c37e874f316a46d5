"""Planning a confirmed tag / untag: per customer, the follower in scope to write through.
The writes go to the tag outbox (bot/services/tag_outbox.py); the inbox worker sends them to
WeCom, writes them through to the database and reports back in chat (report_text)."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from bot.commands.script import HANT, to_traditional
from bot.commands.texts import say
from bot.models.tag_outbox import TagJob
from integrations.wecom.errors import WeComError
from integrations.wecom.gateway import WeComGateway
from segmentation.models import CustomerTag, Follow, Staff, StaffDepartment, Tag
from segmentation.scope import CteNames, Requester, department_members
from segmentation.text import same_name

log = logging.getLogger(__name__)

# Tags the bot creates go into this group (WeCom: an app may only edit tags it created).
TAG_GROUP = "segbot"
MAX_FAILURE_EXAMPLES = 3


@dataclass
class TagPlan:
    """What a confirmed tag / untag will do: the (customer, follower) writes to send, customers
    already as wanted, customers that cannot be written (with the reason)."""

    tag: Tag | None = None
    writes: list[tuple[str, str]] = field(default_factory=list)
    ok: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None


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


def plan_tagging(
    session: Session,
    gateway: WeComGateway,
    asker: Requester,
    target: list[str],
    tag_name: str,
    *,
    remove: bool,
) -> TagPlan:
    """The writes of a tag / untag, without sending them (a new tag is created in WeCom: one
    call, so its id can be stored)."""
    plan = TagPlan()
    if remove:
        plan.tag = find_tag(session, tag_name)
        if plan.tag is None:
            plan.error = "no_such_tag"
            return plan
    else:
        try:
            plan.tag = ensure_tag(session, gateway, tag_name)
        except WeComError as exc:
            plan.error = f"{exc.errcode}: {exc.errmsg}"
            return plan
    allowed = _scope_userids(session, asker)
    followers = _followers(session, target)
    have = _tagged_by(session, target, plan.tag.tag_id)
    for eid in target:
        _plan_one(plan, eid, followers.get(eid, []), have.get(eid, []), asker, allowed, remove)
    return plan


def _tagged_by(session: Session, ids: list[str], tag_id: str) -> dict[str, list[str]]:
    """Per customer, the followers ('' = unknown) through whom it carries the tag."""
    found: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        stmt = select(CustomerTag.external_userid, CustomerTag.userid).where(
            CustomerTag.external_userid.in_(ids[start : start + 500]),
            CustomerTag.tag_id == tag_id,
        )
        for eid, userid in session.execute(stmt):
            found[eid].append(userid)
    return found


def _plan_one(
    plan: TagPlan,
    eid: str,
    followers: list[str],
    have: list[str],
    asker: Requester,
    allowed: set[str] | None,
    remove: bool,
) -> None:
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
            plan.ok += 1  # already tagged through that follower: nothing to call
            return
    if not through:
        if remove and not have:
            plan.ok += 1  # nothing to remove
        else:
            plan.failed.append((eid, "no follower in scope"))
        return
    plan.writes.extend((eid, userid) for userid in through)


def report_text(job: TagJob, ok: int, failed: list[str]) -> str:
    """The chat report of a finished tag job (sent by the inbox worker)."""
    key = "untag_done" if job.remove else "tag_done"
    hant = job.language == HANT  # for a member who writes in Traditional characters
    lang = "zh" if hant else job.language
    lines = [say(key, lang, ok=ok, tag=job.tag_name, changed="")]
    if failed:
        examples = "、".join(failed[:MAX_FAILURE_EXAMPLES])
        lines.append(say("tag_failed", lang, failed=len(failed), examples=examples))
    text = "\n".join(lines)
    return to_traditional(text, [job.tag_name, *failed]) if hant else text
