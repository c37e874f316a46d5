"""Reading mass-message results back from WeCom, and reminding salespeople who have not sent."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.models.campaigns import (
    DELIVERED,
    NOT_FRIEND,
    RECEIVE_LIMIT,
    UNCONFIRMED,
    Delivery,
    MassTask,
)
from bot.services.campaigns.settings import CampaignSettings
from integrations.wecom.errors import WeComError
from integrations.wecom.gateway import WeComGateway

log = logging.getLogger(__name__)

# get_groupmsg_task / get_groupmsg_send_result: 0 unsent, 1 sent, 2 not a friend, 3 receive limit.
STATUS_BY_CODE = {0: UNCONFIRMED, 1: DELIVERED, 2: NOT_FRIEND, 3: RECEIVE_LIMIT}
MAX_REMINDERS_PER_DAY = 3


@dataclass
class PollReport:
    polled: int = 0
    updated: int = 0
    reminded: int = 0
    errors: int = 0


def poll_tasks(
    factory: sessionmaker[Session],
    gateway: WeComGateway,
    now: datetime,
    settings: CampaignSettings,
) -> PollReport:
    """One pass over the open tasks; each task is its own transaction."""
    report = PollReport()
    with factory() as session:
        msgids = list(session.scalars(select(MassTask.msgid).where(MassTask.done.is_(False))))
    for msgid in msgids:
        try:
            with unit_of_work(factory) as session:
                task = session.get(MassTask, msgid)
                if task is not None and not task.done:
                    _poll_one(session, gateway, task, now, settings, report)
        except WeComError as exc:
            report.errors += 1
            log.warning("polling %s failed: %s", msgid, exc)
    return report


def _poll_one(
    session: Session,
    gateway: WeComGateway,
    task: MassTask,
    now: datetime,
    settings: CampaignSettings,
    report: PollReport,
) -> None:
    report.polled += 1
    task.polled_at = now
    if not task.confirmed:
        task.confirmed = _member_confirmed(gateway, task)
    if task.confirmed:
        report.updated += _apply_results(session, gateway, task, now)
        still_open = select(Delivery.id).where(
            Delivery.msgid == task.msgid, Delivery.status == UNCONFIRMED
        )
        task.done = session.execute(still_open.limit(1)).first() is None
    elif maybe_remind(gateway, task, now, settings):
        report.reminded += 1
    if not task.done and task.created_at <= now - timedelta(days=settings.poll_days):
        task.done = True  # WeCom keeps no pending task forever; the rows stay `unconfirmed`


def _member_confirmed(gateway: WeComGateway, task: MassTask) -> bool:
    cursor: str | None = None
    while True:
        page = gateway.get_groupmsg_task(task.msgid, cursor=cursor)
        for item in page.items:
            if item.userid == task.owner_userid:
                return item.status != 0
        if not page.next_cursor:
            return False
        cursor = page.next_cursor


def _apply_results(session: Session, gateway: WeComGateway, task: MassTask, now: datetime) -> int:
    by_status: dict[str, list[str]] = {}
    cursor: str | None = None
    while True:
        page = gateway.get_groupmsg_send_result(task.msgid, task.owner_userid, cursor=cursor)
        for item in page.items:
            if item.external_userid:
                status = STATUS_BY_CODE.get(item.status, UNCONFIRMED)
                by_status.setdefault(status, []).append(item.external_userid)
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    changed = 0
    for status, customers in by_status.items():
        for start in range(0, len(customers), 900):
            changed += session.execute(
                update(Delivery)
                .where(
                    Delivery.msgid == task.msgid,
                    Delivery.external_userid.in_(customers[start : start + 900]),
                    Delivery.status != status,
                )
                .values(status=status, status_at=now)
                .execution_options(synchronize_session=False)
            ).rowcount
    return changed


def maybe_remind(
    gateway: WeComGateway, task: MassTask, now: datetime, settings: CampaignSettings
) -> bool:
    """Remind at most every `remind_every_hours` and never more than 3 times in 24 hours."""
    times = [datetime.fromisoformat(t) for t in task.reminders]
    recent = [t for t in times if t > now - timedelta(hours=24)]
    last = max(times, default=task.created_at)
    if len(recent) >= MAX_REMINDERS_PER_DAY or now - last < timedelta(
        hours=settings.remind_every_hours
    ):
        return False
    try:
        gateway.remind_groupmsg_send(task.msgid)
    except WeComError as exc:
        log.warning("reminder for %s refused: %s", task.msgid, exc)
        return False
    task.reminders = [*task.reminders, now.isoformat()]
    return True
