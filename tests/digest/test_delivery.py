"""Delivery: the log row first, markdown and chart sent once per manager and day, retries."""

from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.jobs.tasks import JobDeps, digest_job
from bot.models.digests import DigestLog
from bot.services.campaigns.planning import PlanContext
from bot.services.digest.deliver import latest_digest, run_digests
from integrations.wecom.fake import FakeWeComGateway
from tests.digest.company import ADMINS, NOW, config, fake_gateway, local

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _sent(gateway: FakeWeComGateway) -> list[tuple[str, str]]:
    return sorted((m["touser"][0], m["msgtype"]) for m in gateway.sent)


def _markdown_of(gateway: FakeWeComGateway, userid: str) -> str:
    [sent] = [m for m in gateway.sent if m["touser"] == [userid] and m["msgtype"] == "markdown"]
    return str(sent["markdown"]["content"])


def _rows(factory: sessionmaker[Session]) -> int:
    with factory() as s:
        return int(s.execute(select(func.count()).select_from(DigestLog)).scalar_one())


def test_each_manager_and_admin_gets_markdown_and_chart_once_per_day(factory) -> None:  # type: ignore[no-untyped-def]
    gateway = fake_gateway()
    report = run_digests(factory, gateway, NOW, config())
    assert report.created == report.sent == ["boss", "m1", "m2"]
    expected = sorted((u, kind) for u in ("boss", "m1", "m2") for kind in ("markdown", "image"))
    assert _sent(gateway) == expected
    uploads = gateway.state.uploads
    assert len(uploads) == 3 and {u["type"] for u in uploads} == {"image"}
    m1_markdown = next(
        m for m in gateway.sent if m["touser"] == ["m1"] and m["msgtype"] == "markdown"
    )
    assert "王经理" in m1_markdown["markdown"]["content"]
    # Reruns the same day (another tick, a restart) send nothing more.
    again = run_digests(factory, gateway, NOW + timedelta(hours=3), config())
    assert again.created == again.sent == []
    assert _sent(gateway) == expected and _rows(factory) == 3
    # The next day is a new digest.
    run_digests(factory, gateway, NOW + timedelta(days=1), config())
    assert len(gateway.sent) == 12 and _rows(factory) == 6


def test_nothing_is_written_or_sent_before_the_digest_time(factory) -> None:  # type: ignore[no-untyped-def]
    gateway = fake_gateway()
    report = run_digests(factory, gateway, local(3, 10, 8, 29), config())
    assert report.skipped and gateway.sent == [] and _rows(factory) == 0


def test_a_failed_send_is_retried_by_the_next_tick_without_doubling(factory) -> None:  # type: ignore[no-untyped-def]
    gateway = fake_gateway()
    gateway.fail_next("media/upload", 60020)  # the first chart upload (boss's) fails
    first = run_digests(factory, gateway, NOW, config())
    assert first.failed == ["boss"] and first.sent == ["m1", "m2"]
    assert ("boss", "markdown") in _sent(gateway) and ("boss", "image") not in _sent(gateway)
    with factory() as s:
        row = s.scalars(select(DigestLog).where(DigestLog.userid == "boss")).one()
        assert row.sent_at is None and row.markdown_sent_at is not None and row.error
    second = run_digests(factory, gateway, NOW + timedelta(minutes=10), config())
    assert second.sent == ["boss"] and second.created == []
    assert _sent(gateway).count(("boss", "markdown")) == 1
    assert _sent(gateway).count(("boss", "image")) == 1


def test_without_a_gateway_digests_are_written_and_sent_later(factory) -> None:  # type: ignore[no-untyped-def]
    report = run_digests(factory, None, NOW, config())
    assert report.created == ["boss", "m1", "m2"] and report.sent == []
    gateway = fake_gateway()
    later = run_digests(factory, gateway, NOW + timedelta(minutes=10), config())
    assert later.sent == ["boss", "m1", "m2"] and len(gateway.sent) == 6


def test_the_stored_digest_is_what_was_sent_with_its_chart(factory) -> None:  # type: ignore[no-untyped-def]
    gateway = fake_gateway()
    run_digests(factory, gateway, NOW, config())
    with factory() as s:
        row = latest_digest(s, "m2")
        assert row is not None and row.chart_png is not None
        assert row.chart_png.startswith(PNG_SIGNATURE)
        assert row.data["customers_in_scope"] == 5
        markdown = row.markdown
    assert _markdown_of(gateway, "m2") == markdown


def test_the_scheduled_job_sends_through_the_job_dependencies(factory) -> None:  # type: ignore[no-untyped-def]
    gateway = fake_gateway()
    cfg = config()
    pctx = PlanContext(settings=cfg.campaigns, engine=cfg.engine, admins=ADMINS)
    deps = JobDeps(factory, gateway, lambda: NOW, pctx, digest_time=time(9, 0))
    assert digest_job(deps).skipped  # 08:30 is before this deployment's 09:00
    report = digest_job(deps, local(3, 10, 9, 5))
    assert report.sent == ["boss", "m1", "m2"]
