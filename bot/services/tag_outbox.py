"""Sending the tag-write outbox (bot/models/tag_outbox.py): claim a few rows, call WeCom
outside any transaction, write each result through in its own short transaction, retry what
WeCom could not do now, and report a finished job to its asker in chat.

A confirmed tag over 5,000 customers used to make 5,000 WeCom calls inside the card click's
transaction, holding SQLite's write lock all along; now the click stores the rows and answers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, exists, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.claims import claim_rows
from bot.database import bulk_insert, unit_of_work
from bot.models.confirmations import PendingAction
from bot.models.tag_outbox import (
    DONE,
    FAILED,
    OPEN_STATUSES,
    PENDING,
    REPORTED,
    REPORTING,
    RUNNING,
    SENDING,
    TagJob,
    TagWrite,
)
from bot.services.sync import write_tags_through
from integrations.wecom.errors import RETRYABLE_ERRCODES, TOKEN_ERRCODES, WeComError
from integrations.wecom.gateway import WeComGateway
from segmentation.models import CustomerTag

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TagOutboxPolicy:
    batch: int = 50  # rows claimed per pass: the worker returns to the inbox between passes
    lease: timedelta = timedelta(seconds=60)  # a killed worker's rows are retried after this
    max_attempts: int = 5
    first_delay: timedelta = timedelta(seconds=10)

    def delay(self, attempts: int) -> timedelta:
        return self.first_delay * (2 ** max(attempts - 1, 0))


def enqueue_tag_job(
    session: Session,
    *,
    action_id: int | None,
    report_to: str,
    language: str,
    tag_id: str,
    tag_name: str,
    remove: bool,
    writes: Sequence[tuple[str, str]],
    settled_ok: int,
    failed: Sequence[tuple[str, str]],
    now: datetime,
) -> TagJob:
    """Store a job and its (customer, follower) writes; nothing is sent here. `failed`:
    (customer, reason) that cannot be written at all (no follower in scope)."""
    job = TagJob(
        action_id=action_id,
        report_to=report_to,
        language=language,
        tag_id=tag_id,
        tag_name=tag_name[:64],
        remove=remove,
        settled_ok=settled_ok,
        status=RUNNING,
        created_at=now,
    )
    session.add(job)
    session.flush()
    rows = [
        {"job_id": job.id, "external_userid": eid, "userid": userid, "status": PENDING,
         "attempts": 0, "next_attempt_at": now}
        for eid, userid in dict.fromkeys(writes)
    ]  # fmt: skip
    rows += [
        {"job_id": job.id, "external_userid": eid, "userid": "", "status": FAILED,
         "attempts": 0, "next_attempt_at": now, "error": reason}
        for eid, reason in failed
    ]  # fmt: skip
    for start in range(0, len(rows), 5_000):
        bulk_insert(session, TagWrite.__table__, rows[start : start + 5_000])
    return job


Report = Callable[[TagJob, int, list[str]], str]
"""The chat report of a finished job from (job, customers done, customers failed)."""


def send_tag_writes(
    factory: sessionmaker[Session],
    gateway: WeComGateway,
    now: Callable[[], datetime],
    report: Report,
    policy: TagOutboxPolicy | None = None,
) -> int:
    """One pass: send up to `policy.batch` due writes, then report finished jobs. Returns how
    much was done (writes sent or failed + reports), 0 when there was nothing to do."""
    policy = policy or TagOutboxPolicy()
    with unit_of_work(factory) as session:
        ids = _claim(session, now(), policy)
    for write_id in ids:
        _send_one(factory, gateway, write_id, now, policy)
    return len(ids) + report_finished_jobs(factory, gateway, now(), report)


def _claim(session: Session, now: datetime, policy: TagOutboxPolicy) -> list[int]:
    # `sending` past its lease: the worker died mid-row; mark_tag is idempotent, so resend.
    due = and_(TagWrite.status.in_(OPEN_STATUSES), TagWrite.next_attempt_at <= now)
    leased = {
        "status": SENDING,
        "attempts": TagWrite.attempts + 1,
        "next_attempt_at": now + policy.lease,
    }
    rows = claim_rows(session, TagWrite, due, leased, order_by=[TagWrite.id], limit=policy.batch)
    return [row.id for row in rows]


def _send_one(
    factory: sessionmaker[Session],
    gateway: WeComGateway,
    write_id: int,
    now: Callable[[], datetime],
    policy: TagOutboxPolicy,
) -> None:
    with factory() as session:  # read, and end the transaction before calling WeCom
        row = session.get(TagWrite, write_id)
        job = session.get(TagJob, row.job_id) if row is not None else None
        if row is None or job is None or row.status != SENDING:
            return
        eid, userid, attempts = row.external_userid, row.userid, row.attempts
        tag_id, remove = job.tag_id, job.remove
    add, rm = ([], [tag_id]) if remove else ([tag_id], [])
    try:
        gateway.mark_tag(userid, eid, add=add, remove=rm)
    except WeComError as exc:
        _record_failure(factory, write_id, exc, attempts, now(), policy)
        return
    with unit_of_work(factory) as session:
        marked = session.execute(
            update(TagWrite)
            .where(TagWrite.id == write_id, TagWrite.status == SENDING)
            .values(status=DONE, error=None)
        )
        if not marked.rowcount:  # type: ignore[attr-defined]
            return  # another worker took it over after our lease: it writes through
        write_tags_through(session, userid, eid, add, rm, now())
        if remove:  # a tag recorded without its follower ('') goes with the follower's
            session.execute(
                delete(CustomerTag).where(
                    CustomerTag.external_userid == eid,
                    CustomerTag.tag_id == tag_id,
                    CustomerTag.userid == "",
                )
            )


def _record_failure(
    factory: sessionmaker[Session],
    write_id: int,
    exc: WeComError,
    attempts: int,
    now: datetime,
    policy: TagOutboxPolicy,
) -> None:
    # No answer, busy, rate-limited, a token refused: WeCom did not decide; try again later.
    transient = exc.errcode is None or exc.errcode in RETRYABLE_ERRCODES | TOKEN_ERRCODES
    retry = transient and attempts < policy.max_attempts
    log.info("mark_tag failed (%s); %s", exc.errcode, "will retry" if retry else "giving up")
    with unit_of_work(factory) as session:
        session.execute(
            update(TagWrite)
            .where(TagWrite.id == write_id, TagWrite.status == SENDING)
            .values(
                status=PENDING if retry else FAILED,
                next_attempt_at=now + policy.delay(attempts),
                error=str(exc.errcode if exc.errcode is not None else type(exc).__name__),
            )
        )


def report_finished_jobs(
    factory: sessionmaker[Session], gateway: WeComGateway, now: datetime, report: Report
) -> int:
    """Tell each asker whose job has no open write left how it went; returns reports sent."""
    open_rows = exists().where(TagWrite.job_id == TagJob.id, TagWrite.status.in_(OPEN_STATUSES))
    finished = and_(TagJob.status == RUNNING, ~open_rows)
    with unit_of_work(factory) as session:
        rows = claim_rows(session, TagJob, finished, {"status": REPORTING}, limit=20)
    job_ids = [row.id for row in rows]
    sent = 0
    for job_id in job_ids:
        sent += _report(factory, gateway, job_id, now, report)
    return sent


def _report(
    factory: sessionmaker[Session],
    gateway: WeComGateway,
    job_id: int,
    now: datetime,
    report: Report,
) -> int:
    with factory() as session:
        job = session.get(TagJob, job_id)
        assert job is not None
        ok, failed = _customer_outcomes(session, job)
        text = report(job, ok, failed)
        report_to, action_id = job.report_to, job.action_id
    try:
        gateway.send_text([report_to], text)
    except WeComError as exc:
        log.warning("tag job %s: the report could not be sent (%s)", job_id, exc.errcode)
        with unit_of_work(factory) as session:
            session.execute(update(TagJob).where(TagJob.id == job_id).values(status=RUNNING))
        return 0
    with unit_of_work(factory) as session:
        session.execute(
            update(TagJob).where(TagJob.id == job_id).values(status=REPORTED, reported_at=now)
        )
        action = session.get(PendingAction, action_id) if action_id is not None else None
        if action is not None:
            action.result = {
                **(action.result or {}),
                "ok": ok,
                "failed": len(failed),
                "failures": [{"external_userid": e} for e in failed[:20]],
                "reported": True,
            }
    return 1


def _customer_outcomes(session: Session, job: TagJob) -> tuple[int, list[str]]:
    """(customers done, customers failed): a customer failed when any of its writes failed."""
    statuses: dict[str, set[str]] = {}
    rows = session.execute(
        select(TagWrite.external_userid, TagWrite.status).where(TagWrite.job_id == job.id)
    )
    for eid, status in rows:
        statuses.setdefault(eid, set()).add(status)
    failed = sorted(eid for eid, s in statuses.items() if FAILED in s)
    return job.settled_ok + len(statuses) - len(failed), failed
