"""The outbox sender: claim pending rows per (run, salesperson, text), call WeCom, record the
answer. Each step is its own transaction, so a crash loses nothing and a rerun sends nothing
twice: the rows, not a recomputation, say what is left to send. A call whose outcome is
unknown (no answer, or a sender that died mid-call) is never simply repeated: its rows wait
as `unknown` for the reconciler (reconcile.py), which looks for the task in WeCom first."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, select
from sqlalchemy.orm import Session, sessionmaker

from bot.claims import claim_rows, skip_locked
from bot.database import unit_of_work
from bot.models.campaigns import (
    FAILED,
    MASS_MESSAGE,
    PAUSED,
    PENDING,
    SENDING,
    UNKNOWN,
    Campaign,
    CampaignRun,
    Delivery,
)
from bot.services.campaigns.marking import finish_run_if_done, mark, record_answer
from bot.services.campaigns.reconcile import (
    REMINDER_DEDUPE_SECONDS,
    ReconcileReport,
    reconcile_unknown,
)
from bot.services.campaigns.settings import CampaignSettings
from integrations.wecom.errors import WeComError, WeComOutcomeUnknown
from integrations.wecom.gateway import MAX_MASS_RECIPIENTS, WeComGateway
from segmentation.markup import escape_markdown

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
    # Rows whose WeCom call got no answer: left `unknown` for the reconciler.
    unknown: int = 0
    reconciled: ReconcileReport = field(default_factory=ReconcileReport)
    errors: list[str] = field(default_factory=list)


def _claimable(now: datetime) -> ColumnElement[bool]:
    # Rows `sending` past their lease are not here: their outcome is unknown (reconcile.py).
    paused = exists().where(Campaign.id == Delivery.campaign_id, Campaign.status == PAUSED)
    return and_(Delivery.status == PENDING, Delivery.not_before <= now, ~paused)


def claim_batch(session: Session, now: datetime, settings: CampaignSettings) -> Batch | None:
    """Lock and mark the next group of due rows (bot.claims: several PostgreSQL workers claim
    different groups at once; SQLite runs a single worker)."""
    first = session.execute(
        skip_locked(
            session,
            select(Delivery.run_id, Delivery.owner_userid, Delivery.content_key, Delivery.channel)
            .where(_claimable(now))
            .order_by(Delivery.id)
            .limit(1),
            Delivery,
        )
    ).first()
    if first is None:
        return None
    run_id, owner, key, channel = first
    group = and_(
        _claimable(now),
        Delivery.run_id == run_id,
        Delivery.owner_userid == owner,
        Delivery.content_key == key,
    )
    leased = {
        "status": SENDING,
        "claimed_at": now,
        "lease_until": now + timedelta(seconds=settings.lease_seconds),
        "attempts": Delivery.attempts + 1,
    }
    rows = claim_rows(
        session,
        Delivery,
        group,
        leased,
        order_by=[Delivery.id],
        limit=MAX_MASS_RECIPIENTS if channel == MASS_MESSAGE else REMINDER_BATCH,
        columns=(Delivery.external_userid, Delivery.content),
    )
    if not rows:
        return None
    ids = [r.id for r in rows]
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
    """Settle unknown outcomes first, then send everything due, one claimed batch (one WeCom
    call) at a time. The pass's clock advances with real time from `now`, so the leases and
    claim times it writes stay true however long the pass runs."""
    report = DispatchReport()
    clock = _PassClock(now)
    report.reconciled = reconcile_unknown(factory, gateway, clock(), settings)
    while max_calls is None or report.calls < max_calls:
        at = clock()
        with unit_of_work(factory) as session:
            batch = claim_batch(session, at, settings)
        if batch is None:
            break
        report.calls += 1
        try:
            outcome = _send(gateway, batch)
        except WeComOutcomeUnknown as exc:
            with unit_of_work(factory) as session:
                _outcome_unknown(session, batch, exc, report)
            continue
        except (WeComError, ValueError) as exc:
            with unit_of_work(factory) as session:
                _retry_later(session, batch, exc, clock(), settings, report)
            continue
        with unit_of_work(factory) as session:
            _record(session, batch, outcome, clock(), report)
    return report


class _PassClock:
    """`now` plus the real time this pass has taken."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.started = time.monotonic()

    def __call__(self) -> datetime:
        return self.now + timedelta(seconds=time.monotonic() - self.started)


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
    # WeCom drops the same card to the same member within the window, so the re-send after
    # an unknown outcome (reconcile.py) cannot reach the salesperson twice inside it.
    result = gateway.send_markdown(
        [batch.owner_userid], reminder_text(batch), duplicate_check_seconds=REMINDER_DEDUPE_SECONDS
    )
    if batch.owner_userid in result.invalid_users:
        return Outcome(result.msgid, dict.fromkeys(batch.customers, "salesperson not reachable"))
    return Outcome(result.msgid, {})


def reminder_text(batch: Batch) -> str:
    # The campaign's name and its rendered content (customers' nicknames) are data, not markup.
    lines = [f"**{escape_markdown(batch.campaign_name)}** — 请联系以下客户 / please contact:"]
    lines += [f"> {escape_markdown(content)}" for content in batch.contents]
    return "\n".join(lines)


def _record(
    session: Session, batch: Batch, outcome: Outcome, now: datetime, report: DispatchReport
) -> None:
    sent, failed = record_answer(
        session,
        ids=batch.ids,
        customers=batch.customers,
        channel=batch.channel,
        run_id=batch.run_id,
        owner_userid=batch.owner_userid,
        msgid=outcome.msgid,
        failed=outcome.failed,
        now=now,
    )
    if sent + failed < len(batch.ids):
        log.warning("run %s owner %s: some rows were settled by the reconciler first",
                    batch.run_id, batch.owner_userid)  # fmt: skip
    report.sent += sent
    report.failed += failed


def _outcome_unknown(
    session: Session, batch: Batch, exc: WeComOutcomeUnknown, report: DispatchReport
) -> None:
    """No answer: WeCom may have created the task. Not retried here; the next pass's
    reconciler looks it up at once, and re-sends only once the call's window has passed."""
    message = str(exc)[:500]
    report.errors.append(message)
    log.warning("run %s owner %s: outcome unknown, will reconcile: %s",
                batch.run_id, batch.owner_userid, message)  # fmt: skip
    report.unknown += mark(session, batch.ids, Delivery.status == SENDING,
                           status=UNKNOWN, error=message, lease_until=None)  # fmt: skip


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
        mark(session, batch.ids, status=FAILED, error=message, status_at=now, lease_until=None)
        report.failed += len(batch.ids)
        session.flush()
        finish_run_if_done(session, batch.run_id, now)
        return
    delay = timedelta(minutes=2**attempts)
    mark(
        session, batch.ids, status=PENDING, error=message, not_before=now + delay, lease_until=None
    )
    report.retried += len(batch.ids)
