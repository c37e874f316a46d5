"""The outbox sender: claim pending rows per (run, salesperson, text), call WeCom, record the
answer. Each step is its own transaction, so a crash loses nothing and a rerun sends nothing
twice: the rows, not a recomputation, say what is left to send."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.models.campaigns import (
    FAILED,
    MASS_MESSAGE,
    NOTIFIED,
    PAUSED,
    PENDING,
    SENDING,
    UNCONFIRMED,
    Campaign,
    CampaignRun,
    Delivery,
    MassTask,
)
from bot.services.campaigns.settings import CampaignSettings
from integrations.wecom.errors import WeComError
from integrations.wecom.gateway import MAX_MASS_RECIPIENTS, WeComGateway

log = logging.getLogger(__name__)

# One app message lists this many customers (WeCom markdown ≤ 4096 bytes).
REMINDER_BATCH = 40


@dataclass(frozen=True)
class Batch:
    """Rows claimed by one worker for one WeCom call."""

    ids: list[int]
    run_id: int
    campaign_name: str
    channel: str
    owner_userid: str
    customers: list[str]
    contents: list[str]


@dataclass
class DispatchReport:
    calls: int = 0
    sent: int = 0
    failed: int = 0
    retried: int = 0
    errors: list[str] = field(default_factory=list)


def _claimable(now: datetime):  # type: ignore[no-untyped-def]
    paused = exists().where(Campaign.id == Delivery.campaign_id, Campaign.status == PAUSED)
    return and_(
        or_(
            and_(Delivery.status == PENDING, Delivery.not_before <= now),
            # A worker died between claiming and recording: the lease has run out.
            and_(Delivery.status == SENDING, Delivery.lease_until < now),
        ),
        ~paused,
    )


def claim_batch(session: Session, now: datetime, settings: CampaignSettings) -> Batch | None:
    """Lock and mark the next group of due rows. On PostgreSQL SKIP LOCKED lets several
    workers claim different groups at once; SQLite runs a single worker."""
    first = session.execute(
        select(Delivery.run_id, Delivery.owner_userid, Delivery.content_key, Delivery.channel)
        .where(_claimable(now))
        .order_by(Delivery.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    ).first()
    if first is None:
        return None
    run_id, owner, key, channel = first
    limit = MAX_MASS_RECIPIENTS if channel == MASS_MESSAGE else REMINDER_BATCH
    rows = session.execute(
        select(Delivery.id, Delivery.external_userid, Delivery.content, Delivery.status)
        .where(
            _claimable(now),
            Delivery.run_id == run_id,
            Delivery.owner_userid == owner,
            Delivery.content_key == key,
        )
        .order_by(Delivery.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    if not rows:
        return None
    if any(r.status == SENDING for r in rows):
        log.warning("run %s: re-sending rows whose worker died mid-send (owner %s)", run_id, owner)
    ids = [r.id for r in rows]
    session.execute(
        update(Delivery)
        .where(Delivery.id.in_(ids))
        .values(
            status=SENDING,
            lease_until=now + timedelta(seconds=settings.lease_seconds),
            attempts=Delivery.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    name = session.execute(
        select(Campaign.name)
        .join(CampaignRun, CampaignRun.campaign_id == Campaign.id)
        .where(CampaignRun.id == run_id)
    ).scalar_one()
    return Batch(
        ids,
        run_id,
        name,
        channel,
        owner,
        [r.external_userid for r in rows],
        [r.content for r in rows],
    )


def dispatch_due(
    factory: sessionmaker[Session],
    gateway: WeComGateway,
    now: datetime,
    settings: CampaignSettings,
    *,
    max_calls: int | None = None,
) -> DispatchReport:
    """Send everything due at `now`, one claimed batch (one WeCom call) at a time."""
    report = DispatchReport()
    while max_calls is None or report.calls < max_calls:
        with unit_of_work(factory) as session:
            batch = claim_batch(session, now, settings)
        if batch is None:
            break
        report.calls += 1
        try:
            outcome = _send(gateway, batch)
        except (WeComError, ValueError) as exc:
            with unit_of_work(factory) as session:
                _retry_later(session, batch, exc, now, settings, report)
            continue
        with unit_of_work(factory) as session:
            _record(session, batch, outcome, now, report)
    return report


@dataclass(frozen=True)
class Outcome:
    msgid: str | None
    failed: dict[str, str]


def _send(gateway: WeComGateway, batch: Batch) -> Outcome:
    if batch.channel == MASS_MESSAGE:
        answer = gateway.add_msg_template(
            batch.customers, batch.contents[0], sender=batch.owner_userid
        )
        reason = "WeCom fail_list: not this member's customer, or not reachable"
        return Outcome(answer.msgid, dict.fromkeys(answer.fail_list, reason))
    result = gateway.send_markdown([batch.owner_userid], reminder_text(batch))
    if batch.owner_userid in result.invalid_users:
        return Outcome(result.msgid, dict.fromkeys(batch.customers, "salesperson not reachable"))
    return Outcome(result.msgid, {})


def reminder_text(batch: Batch) -> str:
    lines = [f"**{batch.campaign_name}** — 请联系以下客户 / please contact:"]
    lines += [f"> {content}" for content in batch.contents]
    return "\n".join(lines)


def _record(
    session: Session, batch: Batch, outcome: Outcome, now: datetime, report: DispatchReport
) -> None:
    ok_status = UNCONFIRMED if batch.channel == MASS_MESSAGE else NOTIFIED
    failed_ids = [
        i for i, eid in zip(batch.ids, batch.customers, strict=True) if eid in outcome.failed
    ]
    ok_ids = [i for i in batch.ids if i not in set(failed_ids)]
    _mark(
        session,
        ok_ids,
        status=ok_status,
        msgid=outcome.msgid,
        sent_at=now,
        status_at=now,
        lease_until=None,
    )
    for row_id, eid in zip(batch.ids, batch.customers, strict=True):
        if eid in outcome.failed:
            _mark(
                session,
                [row_id],
                status=FAILED,
                msgid=outcome.msgid,
                status_at=now,
                error=outcome.failed[eid],
                lease_until=None,
            )
    if batch.channel == MASS_MESSAGE and outcome.msgid and ok_ids:
        session.add(
            MassTask(
                msgid=outcome.msgid,
                run_id=batch.run_id,
                owner_userid=batch.owner_userid,
                created_at=now,
                reminders=[],
            )
        )
    report.sent += len(ok_ids)
    report.failed += len(failed_ids)
    session.flush()
    _finish_run_if_done(session, batch.run_id, now)


def _retry_later(
    session: Session,
    batch: Batch,
    exc: Exception,
    now: datetime,
    settings: CampaignSettings,
    report: DispatchReport,
) -> None:
    """WeCom refused or did not answer: the rows go back to pending with a backoff, or fail
    for good after max_attempts. The rows were not sent, so nothing is lost or doubled."""
    attempts = session.execute(
        select(Delivery.attempts).where(Delivery.id == batch.ids[0])
    ).scalar_one()
    message = str(exc)[:500]
    report.errors.append(message)
    log.warning(
        "run %s owner %s: send failed (attempt %d): %s",
        batch.run_id,
        batch.owner_userid,
        attempts,
        message,
    )
    if attempts >= settings.max_attempts:
        _mark(session, batch.ids, status=FAILED, error=message, status_at=now, lease_until=None)
        report.failed += len(batch.ids)
        session.flush()
        _finish_run_if_done(session, batch.run_id, now)
        return
    delay = timedelta(minutes=2**attempts)
    _mark(
        session, batch.ids, status=PENDING, error=message, not_before=now + delay, lease_until=None
    )
    report.retried += len(batch.ids)


def _mark(session: Session, ids: list[int], **values: object) -> None:
    for start in range(0, len(ids), 900):
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(ids[start : start + 900]))
            .values(**values)
            .execution_options(synchronize_session=False)
        )


def _finish_run_if_done(session: Session, run_id: int, now: datetime) -> None:
    open_rows = select(Delivery.id).where(
        Delivery.run_id == run_id, Delivery.status.in_((PENDING, SENDING))
    )
    if session.execute(open_rows.limit(1)).first() is None:
        session.execute(
            update(CampaignRun)
            .where(CampaignRun.id == run_id, CampaignRun.finished_at.is_(None))
            .values(finished_at=now)
            .execution_options(synchronize_session=False)
        )
