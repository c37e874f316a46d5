"""Writing WeCom's answer into outbox rows: shared by the sender and the reconciler, and safe to
run twice (only rows still waiting for an answer are changed, a task is recorded once)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.models.campaigns import (
    FAILED,
    MASS_MESSAGE,
    NOTIFIED,
    OPEN_STATUSES,
    SENDING,
    UNCONFIRMED,
    UNKNOWN,
    CampaignRun,
    Delivery,
    MassTask,
)

# Rows a late answer may still settle: nobody else has decided their fate.
AWAITING_ANSWER = (SENDING, UNKNOWN)


def mark(session: Session, ids: Sequence[int], *where: object, **values: object) -> int:
    """Update rows by id (in chunks below every backend's parameter limit); returns the count."""
    changed = 0
    for start in range(0, len(ids), 900):
        stmt = update(Delivery).where(Delivery.id.in_(ids[start : start + 900]), *where)  # type: ignore[arg-type]
        result = session.execute(stmt.values(**values).execution_options(synchronize_session=False))
        changed += int(getattr(result, "rowcount", 0) or 0)
    return changed


def record_answer(
    session: Session,
    *,
    ids: Sequence[int],
    customers: Sequence[str],
    channel: str,
    run_id: int,
    owner_userid: str,
    msgid: str | None,
    failed: Mapping[str, str],
    now: datetime,
    task_created_at: datetime | None = None,
) -> tuple[int, int]:
    """WeCom accepted the call (msgid): rows become unconfirmed / notified, or failed with
    WeCom's reason. Returns (sent, failed) counted over rows that were still awaiting it."""
    ok_status = UNCONFIRMED if channel == MASS_MESSAGE else NOTIFIED
    waiting = Delivery.status.in_(AWAITING_ANSWER)
    failed_ids = [i for i, eid in zip(ids, customers, strict=True) if eid in failed]
    ok_ids = [i for i in ids if i not in set(failed_ids)]
    sent = mark(session, ok_ids, waiting, status=ok_status, msgid=msgid, sent_at=now,
                status_at=now, lease_until=None, error=None)  # fmt: skip
    lost = 0
    for row_id, eid in zip(ids, customers, strict=True):
        if eid in failed:
            lost += mark(session, [row_id], waiting, status=FAILED, msgid=msgid, status_at=now,
                         error=failed[eid], lease_until=None)  # fmt: skip
    if channel == MASS_MESSAGE and msgid and sent and session.get(MassTask, msgid) is None:
        session.add(
            MassTask(
                msgid=msgid,
                run_id=run_id,
                owner_userid=owner_userid,
                created_at=task_created_at or now,
                reminders=[],
            )
        )
    session.flush()
    finish_run_if_done(session, run_id, now)
    return sent, lost


def finish_run_if_done(session: Session, run_id: int, now: datetime) -> None:
    open_rows = select(Delivery.id).where(
        Delivery.run_id == run_id, Delivery.status.in_(OPEN_STATUSES)
    )
    if session.execute(open_rows.limit(1)).first() is None:
        session.execute(
            update(CampaignRun)
            .where(CampaignRun.id == run_id, CampaignRun.finished_at.is_(None))
            .values(finished_at=now)
            .execution_options(synchronize_session=False)
        )
