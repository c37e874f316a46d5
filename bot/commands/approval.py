"""Approval requests: a push over SEGBOT_APPROVAL_COST_LIMIT, or a schedule, asked by a
salesperson becomes a card to their manager (or an admin) with approve / decline; the
requester is told the outcome. The approver's card is a pending action of its own, asked on
the requester's behalf, so confirming it runs exactly what the requester was shown (in the
requester's scope), and the approver's own scope must still cover every customer."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands.audit import audit
from bot.commands.cards import CANCEL_KEY, CONFIRM_KEY
from bot.commands.texts import say
from bot.models.confirmations import PendingAction
from bot.services.confirmations import DEFAULT_TTL, cancel, create_pending
from segmentation.models import Staff, StaffDepartment

REQUEST_KEY = "request_approval"
# details of an approver's pending action: the request it answers and who decides it.
APPROVAL_OF = "approval_of"
APPROVER = "approver"


def needs_request(details: dict[str, Any]) -> bool:
    return bool(details.get("needs_approval"))


def request_buttons(card: dict[str, Any], lang: str) -> dict[str, Any]:
    """The requester's card: no confirm button they may not press, a request button instead."""
    card = copy.deepcopy(card)
    card["button_list"] = [
        {"text": say("buttons_request", lang), "style": 1, "key": REQUEST_KEY},
        {"text": say("buttons_cancel", lang), "style": 2, "key": CANCEL_KEY},
    ]
    return card


def _approver_buttons(card: dict[str, Any], lang: str) -> dict[str, Any]:
    card = copy.deepcopy(card)
    card["button_list"] = [
        {"text": say("buttons_approve", lang), "style": 1, "key": CONFIRM_KEY},
        {"text": say("buttons_decline", lang), "style": 2, "key": CANCEL_KEY},
    ]
    return card


def approver_for(session: Session, userid: str, admins: frozenset[str]) -> str | None:
    """Who approves for `userid`: a leader of one of their departments, else a manager there,
    else an admin (by userid, so the choice is stable)."""
    depts = select(StaffDepartment.department_id).where(StaffDepartment.userid == userid)
    colleagues = (
        select(StaffDepartment.userid, StaffDepartment.is_leader, Staff.role)
        .join(Staff, Staff.userid == StaffDepartment.userid)
        .where(
            StaffDepartment.department_id.in_(depts),
            StaffDepartment.userid != userid,
            Staff.active.is_(True),
        )
        .order_by(StaffDepartment.userid)
    )
    rows = session.execute(colleagues).all()
    for wanted in (lambda r: r.is_leader, lambda r: r.role == "manager"):
        found = [r.userid for r in rows if wanted(r)]
        if found:
            return str(found[0])
    stmt = select(Staff.userid).where(Staff.active.is_(True), Staff.role == "admin")
    candidates = sorted(set(session.scalars(stmt)) | set(admins))
    return candidates[0] if candidates else None


def _name(session: Session, userid: str) -> str:
    return session.scalar(select(Staff.name).where(Staff.userid == userid)) or userid


def request_approval(
    session: Session, ctx: CommandContext, action: PendingAction, by: str
) -> list[Reply]:
    """Send the approver a card for the same action; the request itself is then closed."""
    lang = action.language
    if by != action.asker_userid:
        return [Reply(by, say("not_yours", lang))]
    approver = approver_for(session, action.asker_userid, ctx.settings.admins)
    if approver is None:
        return [Reply(by, say("no_approver", lang))]
    if not cancel(session, action, by, ctx.now):  # the request replaces this card's action
        return [Reply(by, say("already", lang))]
    details = dict(action.details) | {APPROVAL_OF: action.id, APPROVER: approver}
    details.pop("needs_approval", None)
    request = create_pending(
        session,
        asker=action.asker_userid,
        intent=action.intent,
        segment=action.segment,
        description=action.description,
        details=details,
        language=lang,
        preview_count=action.preview_count,
        now=ctx.now,
        ttl=DEFAULT_TTL,
    )
    card = _approver_buttons(dict(action.card or {}), lang)
    card["task_id"] = request.task_id
    requester = _name(session, action.asker_userid)
    card["main_title"] = {"title": say("title_approval", lang, name=requester)}
    request.card = card
    audit(session, ctx, by, "approval_requested", action.intent, action_id=action.id,
          request_id=request.id, approver=approver)  # fmt: skip
    asked = say("approval_asked", lang, requester=requester)
    return [
        Reply(by, say("approval_sent", lang, approver=_name(session, approver))),
        Reply(approver, asked, card=card, pending_id=request.id),
    ]


def may_decline(action: PendingAction, by: str) -> bool:
    return bool(action.details.get(APPROVAL_OF)) and action.details.get(APPROVER) == by


def tell_requester(
    session: Session, action: PendingAction, by: str, approved: bool, outcome: str
) -> list[Reply]:
    """The requester hears what became of their request (nothing when it was not one)."""
    if not action.details.get(APPROVAL_OF) or by == action.asker_userid:
        return []
    key = "approval_approved" if approved else "approval_declined"
    text = say(key, action.language, approver=_name(session, by), outcome=outcome)
    return [Reply(action.asker_userid, text)]
