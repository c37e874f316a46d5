"""The inbox worker: claim stored callbacks, process each in its own transaction, retry, give up.

Several workers may drain one PostgreSQL inbox (claims use FOR UPDATE SKIP LOCKED); on SQLite
run one. A claimed message carries a lease (`next_attempt_at`): if its worker dies, another
picks it up when the lease runs out, so nothing is lost. A worker claims one message at a time
and holds a short lease that a heartbeat renews while the work lasts, so a killed worker
delays one message by at most the lease (30 s), never a batch by minutes.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from bot.bootstrap import Deps
from bot.claims import claim_rows
from bot.commands.tagging import report_text
from bot.database import caused_by_input, unit_of_work
from bot.inbox.dispatch import dispatch
from bot.models.inbox import DEAD, DONE, FAILED, PROCESSING, RECEIVED, InboxMessage
from bot.services.heartbeats import Heart
from bot.services.tag_outbox import send_tag_writes

log = logging.getLogger(__name__)

_TOKEN_IN_URL = re.compile(r"(access_token|corpsecret)=[^&\s'\"]+")


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    first_delay: timedelta = timedelta(seconds=10)
    max_delay: timedelta = timedelta(minutes=30)
    # Short, because a dead worker's message waits this long; renewed every lease/3 while a
    # long message (an export, a large tag operation) is processed.
    lease: timedelta = timedelta(seconds=30)

    @property
    def heartbeat_seconds(self) -> float:
        return self.lease.total_seconds() / 3

    def delay(self, attempts: int) -> timedelta:
        """Exponential backoff after the `attempts`-th failure."""
        return min(self.first_delay * (2 ** max(attempts - 1, 0)), self.max_delay)


def _scrub(text: str, secrets: list[str]) -> str:
    """An error text safe to store and show: no secret, no access token."""
    text = _TOKEN_IN_URL.sub(r"\1=***", text)
    for secret in secrets:
        text = text.replace(secret, "***")
    return text[:2000]


def claim(session: Session, now: datetime, limit: int, policy: RetryPolicy) -> list[int]:
    """Claim up to `limit` due messages for this worker (the caller commits)."""
    due = and_(
        InboxMessage.status.in_((RECEIVED, FAILED, PROCESSING)),
        InboxMessage.next_attempt_at <= now,
    )
    # A lease that ran out with every attempt used means a worker died on it each time.
    used_up = and_(InboxMessage.status == PROCESSING, InboxMessage.attempts >= policy.max_attempts)
    order = (InboxMessage.next_attempt_at, InboxMessage.id)
    dead = {"status": DEAD, "last_error": "the worker stopped while processing it"}
    claim_rows(session, InboxMessage, and_(due, used_up), dead, order_by=order, limit=limit)
    leased = {
        "status": PROCESSING,
        "attempts": InboxMessage.attempts + 1,
        "next_attempt_at": now + policy.lease,
    }
    rows = claim_rows(
        session, InboxMessage, and_(due, ~used_up), leased, order_by=order, limit=limit
    )
    return [row.id for row in rows]


def renew_lease(deps: Deps, message_id: int, policy: RetryPolicy) -> bool:
    """Push a message's lease forward while its worker is still on it; False when the row is no
    longer ours to renew (done, failed) or the database is busy (the next beat tries again)."""
    try:
        with unit_of_work(deps.session_factory) as session:
            if session.get_bind().dialect.name == "sqlite":
                # Our own worker may hold the write lock: never queue behind it.
                session.execute(text("PRAGMA busy_timeout=500"))
            result = session.execute(
                update(InboxMessage)
                .where(InboxMessage.id == message_id, InboxMessage.status == PROCESSING)
                .values(next_attempt_at=deps.now() + policy.lease)
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]
    except OperationalError:
        return False


class _Heartbeat:
    """Renews one message's lease every policy.heartbeat_seconds until stopped."""

    def __init__(self, deps: Deps, message_id: int, policy: RetryPolicy) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(deps, message_id, policy), name="inbox-lease", daemon=True
        )

    def _run(self, deps: Deps, message_id: int, policy: RetryPolicy) -> None:
        while not self._stop.wait(policy.heartbeat_seconds):
            renew_lease(deps, message_id, policy)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def process_claimed(deps: Deps, message_id: int, policy: RetryPolicy) -> str:
    """Process one claimed message, renewing its lease meanwhile; returns its new status."""
    with _Heartbeat(deps, message_id, policy):
        return _process(deps, message_id, policy)


def _process(deps: Deps, message_id: int, policy: RetryPolicy) -> str:
    session = deps.session_factory()
    try:
        message = session.get(InboxMessage, message_id)
        if message is None or message.status != PROCESSING:
            return message.status if message else DONE
        # The reply is sent before the commit: a crash in between re-sends one chat reply,
        # which beats marking a message done whose answer never left.
        dispatch(session, deps, message)
        message.status = DONE
        message.processed_at = deps.now()
        message.last_error = None
        session.commit()
        return DONE
    except Exception as exc:
        session.rollback()
        log.warning("inbox message %s failed: %s", message_id, type(exc).__name__)
        return _record_failure(deps, message_id, exc, policy)
    finally:
        session.close()


def _record_failure(deps: Deps, message_id: int, exc: Exception, policy: RetryPolicy) -> str:
    now = deps.now()
    error = _scrub(f"{type(exc).__name__}: {exc}", deps.settings.secrets())
    with unit_of_work(deps.session_factory) as session:
        message = session.get(InboxMessage, message_id)
        if message is None:
            return DEAD
        if caused_by_input(exc):
            # The message itself makes the database refuse: a retry fails the same way.
            message.status = DEAD
            log.error("inbox message %s is dead: its input was refused", message_id)
        elif message.attempts >= policy.max_attempts:
            message.status = DEAD
            log.error("inbox message %s is dead after %d attempts", message_id, message.attempts)
        else:
            message.status = FAILED
            message.next_attempt_at = now + policy.delay(message.attempts)
        message.last_error = error
        return message.status


def drain(deps: Deps, *, batch: int = 1, policy: RetryPolicy | None = None) -> int:
    """Process every message due now, and the tag outbox between them; returns how many inbox
    messages were processed (done or not).

    One message is claimed at a time (`batch`): a claim is one short UPDATE, and a worker that
    dies holds no more than the message it was on."""
    policy = policy or RetryPolicy()
    processed = 0
    while True:
        with unit_of_work(deps.session_factory) as session:
            ids = claim(session, deps.now(), batch, policy)
        if not ids:
            # Between messages, a batch of the tag outbox; done when both are empty.
            if not send_tag_outbox(deps):
                return processed
            continue
        for message_id in ids:
            process_claimed(deps, message_id, policy)
            processed += 1


def send_tag_outbox(deps: Deps) -> int:
    """One batch of confirmed tag writes and the reports of finished jobs (0: nothing due, or
    no WeCom settings: the rows wait)."""
    if deps.gateway is None:
        return 0
    return send_tag_writes(deps.session_factory, deps.gateway, deps.now, report_text)


def run_worker(
    deps: Deps,
    stop: threading.Event,
    *,
    poll_seconds: float = 1.0,
    policy: RetryPolicy | None = None,
) -> None:
    """Drain the inbox until `stop` is set; between passes wait `poll_seconds`, or less when
    this process stores a callback (deps.inbox_wake)."""
    log.info("inbox worker started")
    wake = deps.inbox_wake
    heart = Heart("worker")
    while not stop.is_set():
        wake.clear()
        try:
            if heart.due(deps.now()):
                with unit_of_work(deps.session_factory) as session:
                    heart.beat(session, deps.now())
            drain(deps, policy=policy)
        except Exception:
            # The database may be briefly away; the messages stay stored, try again later.
            log.exception("inbox worker pass failed")
        if not stop.is_set():
            wake.wait(poll_seconds)
    log.info("inbox worker stopped")
