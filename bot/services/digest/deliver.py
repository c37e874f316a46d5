"""Daily delivery: the log row is written (unique per manager and day) before anything is sent,
then the markdown and the chart are sent part by part; a failed part is retried by the next
job tick and a part already sent is never sent again."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.models.digests import DigestLog
from bot.services.digest.build import DigestConfig, build_digest, digest_recipients
from bot.services.digest.chart import render_chart
from bot.services.digest.periods import periods_at
from bot.services.digest.render import Language, render_markdown
from integrations.wecom.gateway import WeComGateway
from segmentation.scope import Requester

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
LEASE = timedelta(minutes=10)
CHART_FILENAME = "digest.png"


@dataclass
class DigestRunReport:
    created: list[str] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: str | None = None


def create_digest_log(
    session: Session,
    requester: Requester,
    now: datetime,
    config: DigestConfig,
    language: Language = "zh",
) -> DigestLog | None:
    """The row of today's digest for `requester`, built and flushed; None when it exists.

    The caller commits; on PostgreSQL a concurrent writer of the same row fails on the unique
    (userid, digest_date) at flush, and that IntegrityError is the caller's cue to skip."""
    day = periods_at(now, config.timezone).digest_date
    if find_digest(session, requester.userid, day) is not None:
        return None
    digest = build_digest(session, requester, now, config)
    row = DigestLog(
        userid=requester.userid,
        digest_date=day,
        role=requester.role,
        language=language,
        markdown=render_markdown(digest, language),
        data=digest.to_json(),
        chart_png=render_chart(digest, language),
        created_at=now,
        attempts=0,
    )
    session.add(row)
    session.flush()
    return row


def find_digest(session: Session, userid: str, day: object) -> DigestLog | None:
    stmt = select(DigestLog).where(DigestLog.userid == userid, DigestLog.digest_date == day)
    return session.scalars(stmt).first()


def latest_digest(session: Session, userid: str | None = None) -> DigestLog | None:
    """The newest digest (of one member when `userid` is given), for the dashboard."""
    stmt = select(DigestLog).order_by(DigestLog.digest_date.desc(), DigestLog.id.desc())
    if userid is not None:
        stmt = stmt.where(DigestLog.userid == userid)
    return session.scalars(stmt.limit(1)).first()


def claim(session: Session, row_id: int, now: datetime) -> bool:
    """Take the row for sending with one conditional UPDATE: unsent, under the attempt limit,
    and not leased by another sender."""
    stmt = (
        update(DigestLog)
        .where(
            DigestLog.id == row_id,
            DigestLog.sent_at.is_(None),
            DigestLog.attempts < MAX_ATTEMPTS,
            or_(DigestLog.lease_until.is_(None), DigestLog.lease_until < now),
        )
        .values(lease_until=now + LEASE, attempts=DigestLog.attempts + 1)
    )
    return session.execute(stmt).rowcount == 1  # type: ignore[attr-defined]


def send_digest(
    factory: sessionmaker[Session], gateway: WeComGateway, row_id: int, now: datetime
) -> bool:
    """Send what is still unsent of one claimed row; each part is recorded in its own commit
    right after WeCom accepted it. False (and the error kept) when a part failed."""
    with factory() as session:
        row = session.get(DigestLog, row_id)
        assert row is not None
        userid, markdown, png = row.userid, row.markdown, row.chart_png
        markdown_done, image_done = row.markdown_sent_at is not None, row.image_sent_at is not None
    try:
        if not markdown_done:
            gateway.send_markdown([userid], markdown)
            _mark(factory, row_id, markdown_sent_at=now)
        if png and not image_done:
            media = gateway.upload_media("image", CHART_FILENAME, png)
            gateway.send_image([userid], media.media_id)
            _mark(factory, row_id, image_sent_at=now)
    except Exception as exc:  # any failure: keep the row for the next tick, go on with others
        log.warning("digest for %s not sent: %s", userid, exc)
        _mark(factory, row_id, error=str(exc)[:500], lease_until=None)
        return False
    _mark(factory, row_id, sent_at=now, error=None, lease_until=None)
    return True


def _mark(factory: sessionmaker[Session], row_id: int, **values: object) -> None:
    with unit_of_work(factory) as session:
        session.execute(update(DigestLog).where(DigestLog.id == row_id).values(**values))


def run_digests(
    factory: sessionmaker[Session],
    gateway: WeComGateway | None,
    now: datetime,
    config: DigestConfig,
    *,
    force: bool = False,
) -> DigestRunReport:
    """The job: from SEGBOT_DIGEST_TIME on (local time), write today's digest of every manager
    and admin that has none, then send every unsent one. Safe to run every few minutes."""
    report = DigestRunReport()
    local = now.astimezone(config.timezone)
    if not force and local.time() < config.digest_time:
        report.skipped = f"before {config.digest_time:%H:%M}"
        return report
    with factory() as session:
        recipients = digest_recipients(session, config.admins)
    for requester in recipients:
        if _create(factory, requester, now, config):
            report.created.append(requester.userid)
    if gateway is None:
        report.skipped = "no WeCom gateway: digests written, not sent"
        return report
    for row_id, userid in _unsent(factory, local.date()):
        with unit_of_work(factory) as session:
            if not claim(session, row_id, now):
                continue
        (report.sent if send_digest(factory, gateway, row_id, now) else report.failed).append(
            userid
        )
    return report


def _create(
    factory: sessionmaker[Session], requester: Requester, now: datetime, config: DigestConfig
) -> bool:
    try:
        with unit_of_work(factory) as session:
            return create_digest_log(session, requester, now, config) is not None
    except IntegrityError:  # another scheduler wrote the same (userid, day) first
        return False
    except Exception:  # one manager's broken digest must not stop the others'
        log.exception("digest for %s could not be built", requester.userid)
        return False


def _unsent(factory: sessionmaker[Session], day: object) -> list[tuple[int, str]]:
    with factory() as session:
        stmt = (
            select(DigestLog.id, DigestLog.userid)
            .where(DigestLog.digest_date == day, DigestLog.sent_at.is_(None))
            .order_by(DigestLog.userid)
        )
        return [(row_id, userid) for row_id, userid in session.execute(stmt)]
