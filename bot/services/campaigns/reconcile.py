"""Settling outbox rows whose WeCom call has an unknown outcome (no answer, or a sender that
died mid-call) before anything is re-sent: a mass message is looked up in WeCom's task list
(get_groupmsg_list_v2: same text, created in the claim's time window, then get_groupmsg_task /
get_groupmsg_send_result: this salesperson, these customers). Found → recorded as sent, never
re-sent. Not found once the window is safely past → pending again, re-sent once."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from bot.claims import claim_rows, skip_locked
from bot.database import unit_of_work
from bot.models.campaigns import (
    MASS_MESSAGE,
    PENDING,
    SENDING,
    UNKNOWN,
    Delivery,
    MassTask,
)
from bot.services.campaigns.marking import finish_run_if_done, mark, record_answer
from bot.services.campaigns.settings import CampaignSettings
from integrations.wecom.errors import WeComError
from integrations.wecom.gateway import WeComGateway

log = logging.getLogger(__name__)

# Our clock against WeCom's: a task's create_time may lie this far outside the claim window.
CLOCK_SKEW = timedelta(minutes=5)
# A reconciler's hold on a group of unknown rows while it asks WeCom.
RECONCILE_LEASE = timedelta(minutes=5)
# message/send's own dedupe (WeCom's maximum, 4 h): far longer than lease + skew, so the one
# re-send of a reminder card whose outcome was unknown is dropped by WeCom if the first arrived.
REMINDER_DEDUPE_SECONDS = 4 * 3600
NOT_SENT_REASON = "WeCom fail_list: not this member's customer, or not reachable"


@dataclass(frozen=True)
class UnknownGroup:
    """Rows of one claim (same run, salesperson, text and claim time) with unknown outcome."""

    ids: list[int]
    run_id: int
    channel: str
    owner_userid: str
    customers: list[str]
    text: str
    claimed_at: datetime


@dataclass
class ReconcileReport:
    groups: int = 0
    found: int = 0  # rows WeCom has a task for: recorded as sent
    resend: int = 0  # rows WeCom never got: pending again
    waiting: int = 0  # rows whose window is not past yet
    errors: list[str] = field(default_factory=list)


def expire_leases(session: Session, now: datetime) -> int:
    """A sender that died mid-call leaves rows `sending` past their lease: outcome unknown."""
    stale = and_(Delivery.status == SENDING, Delivery.lease_until < now)
    unknown = {"status": UNKNOWN, "error": "sender died mid-send: outcome unknown"}
    expired = len(claim_rows(session, Delivery, stale, unknown))
    if expired:
        log.warning("%d outbox rows were left mid-send by a dead sender: reconciling", expired)
    return expired


def claim_unknown(session: Session, now: datetime) -> UnknownGroup | None:
    """Lock the next group of unknown rows for this reconciler (bot.claims)."""
    due = and_(
        Delivery.status == UNKNOWN, or_(Delivery.lease_until.is_(None), Delivery.lease_until < now)
    )
    first = session.execute(
        skip_locked(
            session,
            select(
                Delivery.run_id, Delivery.owner_userid, Delivery.content_key, Delivery.claimed_at
            )
            .where(due)
            .order_by(Delivery.id)
            .limit(1),
            Delivery,
        )
    ).first()
    if first is None:
        return None
    run_id, owner, key, claimed_at = first
    group = and_(
        due,
        Delivery.run_id == run_id,
        Delivery.owner_userid == owner,
        Delivery.content_key == key,
        Delivery.claimed_at == claimed_at,
    )
    rows = claim_rows(
        session,
        Delivery,
        group,
        {"lease_until": now + RECONCILE_LEASE},
        order_by=[Delivery.id],
        columns=(Delivery.external_userid, Delivery.content, Delivery.channel),
    )
    if not rows:
        return None
    ids = [r.id for r in rows]
    return UnknownGroup(ids, run_id, rows[0].channel, owner, [r.external_userid for r in rows],
                        rows[0].content, claimed_at or now)  # fmt: skip


def reconcile_unknown(
    factory: sessionmaker[Session],
    gateway: WeComGateway,
    now: datetime,
    settings: CampaignSettings,
) -> ReconcileReport:
    """Settle every unknown outcome that can be settled at `now`."""
    report = ReconcileReport()
    with unit_of_work(factory) as session:
        expire_leases(session, now)
    while True:
        with unit_of_work(factory) as session:
            group = claim_unknown(session, now)
        if group is None:
            return report
        report.groups += 1
        window_end = group.claimed_at + timedelta(seconds=settings.lease_seconds) + CLOCK_SKEW
        try:
            found = find_tasks(gateway, group, window_end) if group.channel == MASS_MESSAGE else {}
        except WeComError as exc:
            # WeCom could not be asked: look again later, send nothing meanwhile.
            report.errors.append(str(exc)[:500])
            log.warning("reconciling run %s owner %s failed: %s", group.run_id,
                        group.owner_userid, exc)  # fmt: skip
            continue
        with unit_of_work(factory) as session:
            _settle(session, group, found, now, window_end, report)


def find_tasks(
    gateway: WeComGateway, group: UnknownGroup, window_end: datetime
) -> dict[str, set[str]]:
    """WeCom tasks that are this group's call: {msgid: our customers in it}. WeCom omits the
    creator of API-made tasks, so the salesperson is checked through the task's members."""
    start = int((group.claimed_at - CLOCK_SKEW).timestamp())
    ours = set(group.customers)
    found: dict[str, set[str]] = {}
    for msg in gateway.get_groupmsg_list_v2(start, int(window_end.timestamp()), filter_type=0):
        if msg.text != group.text or msg.creator not in (None, group.owner_userid):
            continue
        if group.owner_userid not in _members(gateway, msg.msgid):
            continue
        customers = _customers(gateway, msg.msgid, group.owner_userid)
        if customers and customers <= ours:
            found[msg.msgid] = customers
    return found


def _members(gateway: WeComGateway, msgid: str) -> set[str]:
    members: set[str] = set()
    cursor: str | None = None
    while True:
        page = gateway.get_groupmsg_task(msgid, cursor=cursor)
        members |= {t.userid for t in page.items}
        cursor = page.next_cursor
        if not cursor:
            return members


def _customers(gateway: WeComGateway, msgid: str, owner: str) -> set[str]:
    customers: set[str] = set()
    cursor: str | None = None
    while True:
        page = gateway.get_groupmsg_send_result(msgid, owner, cursor=cursor)
        customers |= {r.external_userid for r in page.items if r.external_userid}
        cursor = page.next_cursor
        if not cursor:
            return customers


def _settle(
    session: Session,
    group: UnknownGroup,
    found: dict[str, set[str]],
    now: datetime,
    window_end: datetime,
    report: ReconcileReport,
) -> None:
    settled: set[str] = set()
    for msgid, customers in found.items():
        if _already_recorded(session, msgid):
            continue  # another claim's task with the same text
        pairs = [(i, e) for i, e in zip(group.ids, group.customers, strict=True) if e in customers]
        sent, _ = record_answer(
            session, ids=[i for i, _ in pairs], customers=[e for _, e in pairs],
            channel=group.channel, run_id=group.run_id, owner_userid=group.owner_userid,
            msgid=msgid, failed={}, now=now, task_created_at=group.claimed_at,
        )  # fmt: skip
        settled |= customers
        report.found += sent
        log.info("run %s owner %s: WeCom has task %s for %d rows of unknown outcome; not "
                 "re-sending", group.run_id, group.owner_userid, msgid, sent)  # fmt: skip
    rest = [i for i, e in zip(group.ids, group.customers, strict=True) if e not in settled]
    if not rest:
        return
    if now < window_end:
        # WeCom might still show the task (the call's window is not over): look again then.
        report.waiting += mark(session, rest, Delivery.status == UNKNOWN, lease_until=window_end)
        return
    report.resend += mark(
        session, rest, Delivery.status == UNKNOWN, status=PENDING, not_before=now,
        lease_until=None, error="reconciled: WeCom has no task for these rows; re-sending",
    )  # fmt: skip
    session.flush()
    finish_run_if_done(session, group.run_id, now)


def _already_recorded(session: Session, msgid: str) -> bool:
    """Another claim's task with the same text (our own rows carry no msgid while unknown)."""
    if session.get(MassTask, msgid) is not None:
        return True
    other = select(Delivery.id).where(Delivery.msgid == msgid).limit(1)
    return session.execute(other).first() is not None
