"""The demo in-process: seeded through the real gateway, answering through the real callback
path, serving the console and dashboard, stopping cleanly, reusing its data."""

from __future__ import annotations

import socket
from typing import Any
from urllib.parse import urlparse

import requests
from sqlalchemy import func, select

from bot.commands import CommandContext
from bot.database import unit_of_work
from bot.demo.runtime import DemoRuntime
from bot.services.answer import answer_json
from segmentation.models import Customer, Event, Staff
from segmentation.models.segments import SavedSegment, SegmentSnapshot
from tests.demo.conftest import HEADLINE, small_options, wait_for


def bot_replies(runtime: DemoRuntime, userid: str) -> list[dict[str, Any]]:
    assert runtime.console is not None
    return [m for m in runtime.console.conversation(userid) if m["from"] == "bot"]


def a_member(runtime: DemoRuntime, role: str) -> str:
    page = requests.get(runtime.url + "console/api/members", timeout=10).json()
    return next(m["userid"] for m in page["members"] if m["role"] == role)


def test_seeding_syncs_the_company_and_adds_events_segments_and_snapshots(
    running_demo: DemoRuntime,
) -> None:
    assert running_demo.deps is not None and running_demo.sim is not None
    company = running_demo.sim.company
    with unit_of_work(running_demo.deps.session_factory) as session:
        customers = session.scalar(
            select(func.count()).select_from(Customer).where(Customer.deleted.is_(False))
        )
        staff = session.scalar(select(func.count()).select_from(Staff))
        events = session.scalar(select(func.count()).select_from(Event))
        segments = session.scalar(select(func.count()).select_from(SavedSegment))
        snapshots = session.scalar(select(func.count()).select_from(SegmentSnapshot))
    assert customers == len({ext for _, ext in company.follows})
    assert staff == len(company.members)
    assert events and events > customers
    assert segments == 4 and snapshots == 4 * 3
    # The sync went over HTTP through the real client.
    assert running_demo.sim.calls_to("externalcontact/batch/get_by_user") > 0


def test_headline_question_from_the_console_gets_the_engines_answer(
    running_demo: DemoRuntime,
) -> None:
    assert running_demo.deps is not None
    userid = a_member(running_demo, "sales")
    response = requests.post(
        running_demo.url + "console/api/send", json={"userid": userid, "text": HEADLINE},
        timeout=10,
    )  # fmt: skip
    assert response.status_code == 202
    replies = wait_for(lambda: bot_replies(running_demo, userid), "the bot's reply")
    with unit_of_work(running_demo.deps.session_factory) as session:
        deps = running_demo.deps
        ctx = CommandContext(settings=deps.settings, now=deps.now(), query=deps.query)
        answer = ctx.ask(session, HEADLINE, userid)
    assert replies[0]["msgtype"] == "text"
    assert f"共 {answer_json(answer)['count']} 人" in replies[0]["text"]["content"]
    # The question really went through the simulator's callback push to our endpoint.
    assert running_demo.sim is not None
    assert any(cb["kind"] == "TextMessage" and cb["status"] == 200
               for cb in running_demo.sim.state.callbacks)  # fmt: skip
    page = requests.get(
        running_demo.url + "console/api/conversation", params={"userid": userid}, timeout=10
    ).json()
    assert [m["from"] for m in page["messages"]][:2] == ["me", "bot"]


def test_console_refuses_an_unknown_member_and_an_empty_text(running_demo: DemoRuntime) -> None:
    url = running_demo.url + "console/api/send"
    unknown = requests.post(url, json={"userid": "nobody", "text": "hi"}, timeout=10)
    empty = requests.post(url, json={"userid": "admin", "text": "  "}, timeout=10)
    assert unknown.status_code == 400 and "not a member" in unknown.json()["error"]
    assert empty.status_code == 400


def test_console_page_lists_sales_managers_and_the_admin(running_demo: DemoRuntime) -> None:
    page = requests.get(running_demo.url, timeout=10)
    members = requests.get(running_demo.url + "console/api/members", timeout=10).json()
    assert page.status_code == 200 and 'id="member"' in page.text
    assert {m["role"] for m in members["members"]} == {"sales", "manager", "admin"}
    script = requests.get(running_demo.url + "console/static/console.js", timeout=10)
    assert script.status_code == 200 and "console/api/send" in script.text


def test_dashboard_shows_trends_rfm_campaign_results_and_the_digest(
    running_demo: DemoRuntime,
) -> None:
    page = requests.get(running_demo.url + "dashboard", timeout=30)
    assert page.status_code == 200
    assert page.text.count('data-testid="segment-trend"') == 4
    assert "近30天咨询未下单" in page.text and "<svg" in page.text
    assert 'data-testid="rfm-chart"' in page.text and "重要价值客户" in page.text
    # The seeded campaign ran through the real outbox and simulator, with a holdout.
    assert (
        "高意向客户回访（演示）" in page.text and 'data-testid="campaigns-empty"' not in page.text
    )
    assert 'data-testid="digest"' in page.text


def test_stop_closes_the_ports_and_joins_the_threads_and_a_rerun_reuses_the_data(
    demo_url: str,
) -> None:
    runtime = DemoRuntime(small_options(demo_url, scheduler=True))
    url = runtime.start()
    assert runtime.deps is not None
    with unit_of_work(runtime.deps.session_factory) as session:
        events = session.scalar(select(func.count()).select_from(Event))
    threads = list(runtime._threads)
    runtime.stop()
    assert not any(t.is_alive() for t in threads)
    port = urlparse(url).port
    assert port is not None
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
    again = DemoRuntime(small_options(demo_url, scheduler=False))
    again.start()
    try:
        assert again.deps is not None
        with unit_of_work(again.deps.session_factory) as session:
            assert session.scalar(select(func.count()).select_from(Event)) == events
            assert session.scalar(select(func.count()).select_from(SavedSegment)) == 4
    finally:
        again.stop()


def test_an_export_arrives_as_a_file_the_console_serves(running_demo: DemoRuntime) -> None:
    userid = a_member(running_demo, "admin")
    assert running_demo.console is not None
    running_demo.console.send_text(userid, "导出流失风险客户")

    def file_message() -> dict[str, Any] | None:
        files = [m for m in bot_replies(running_demo, userid) if m["msgtype"] == "file"]
        return files[0] if files else None

    message = wait_for(file_message, "the exported file")
    download = requests.get(
        running_demo.url + "console/media/" + message["file"]["media_id"], timeout=10
    )
    assert download.status_code == 200
    assert download.content[:2] == b"PK"  # an .xlsx is a zip
    assert message["file_name"].endswith(".xlsx")
    assert ".xlsx" in download.headers["Content-Disposition"]


def test_the_demo_company_looks_alive_now(running_demo: DemoRuntime) -> None:
    """New customers in recent weeks, phones and remarks from the relations, channel codes,
    and predictive scores from the start (what a visitor asks about first)."""
    from datetime import UTC, datetime, timedelta

    from segmentation.models import FittedModel, Follow

    assert running_demo.deps is not None
    now = datetime.now(UTC)
    with unit_of_work(running_demo.deps.session_factory) as session:
        first_added = (
            select(func.min(Follow.added_at).label("first"))
            .group_by(Follow.external_userid)
            .subquery()
        )
        recent = session.scalar(
            select(func.count()).where(first_added.c.first >= now - timedelta(days=30))
        )
        phones = session.scalar(select(func.count()).where(Customer.phone.is_not(None)))
        remarks = session.scalar(select(func.count(func.distinct(Follow.remark))))
        channels = session.scalar(select(func.count(func.distinct(Follow.state))))
        # 160 customers are too few for a fit (it is refused and says why); 3000 are enough.
        fits = session.scalar(select(func.count()).select_from(FittedModel))
        oldest = session.scalar(select(func.min(Follow.added_at)))
    assert recent and recent > 0
    assert phones and remarks and remarks > 10 and channels and channels >= 4
    assert fits and fits >= 1  # a restart reuses the fit; the scheduler may refit
    assert oldest is not None and oldest < now - timedelta(days=365)


def test_a_small_demo_company_still_has_salespeople_to_play() -> None:
    """`segbot demo --customers 400`: five departments need five leaders; the console must
    still offer salespeople (each department a leader and a rep at least)."""
    from bot.demo.config import DemoOptions
    from bot.demo.runtime import demo_staff
    from integrations.wecom.simulator.seed import seed_company

    options = DemoOptions(database_url="sqlite://", customers=400)
    company = seed_company(customers=400, seed=1, staff=demo_staff(options))
    reps = [m for m in company.members.values() if not m.is_leader_in_dept and m.userid != "admin"]
    assert len(reps) >= 5
    assert demo_staff(DemoOptions(database_url="sqlite://")) == 15  # the default: unchanged
    assert demo_staff(DemoOptions(database_url="sqlite://", staff=8)) == 8
