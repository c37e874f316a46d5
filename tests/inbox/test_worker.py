"""Callback → inbox → worker → reply: over real HTTP, once per message, retried, then dead."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
import requests
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from werkzeug.serving import make_server

from bot.app import create_app
from bot.bootstrap import Deps, build_deps
from bot.database import make_session_factory
from bot.inbox.store import inbox_counts
from bot.inbox.worker import RetryPolicy, claim, drain, process_claimed
from bot.models.inbox import DEAD, DONE, FAILED, PROCESSING, AuditEntry, InboxMessage
from bot.settings import Settings, WeComSettings
from integrations.wecom.callback import CallbackCrypto
from integrations.wecom.events import CardClick, TextMessage
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.render import render_callback
from tests.commands.world import (
    ADMINS,
    CORP_ID,
    EVERYONE,
    LI_CUSTOMERS,
    NOW,
    ZHANG_CUSTOMERS,
    build_company,
    fake_gateway,
    json_tree_query,
)

TOKEN, AES_KEY = "CallbackTok3n", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
CRYPTO = CallbackCrypto(TOKEN, AES_KEY, CORP_ID)
SETTINGS = Settings(
    admins=ADMINS,
    api_token="api-token",
    wecom=WeComSettings(corp_id=CORP_ID, agent_id=1000002, token=TOKEN, aes_key=AES_KEY),
)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.value = start

    def __call__(self) -> datetime:
        return self.value

    def advance(self, delta: timedelta) -> None:
        self.value += delta


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def gateway() -> FakeWeComGateway:
    return fake_gateway()


@pytest.fixture
def deps(clean_engine: Engine, gateway: FakeWeComGateway, clock: Clock) -> Deps:
    with make_session_factory(clean_engine)() as session:
        build_company(session)
    return build_deps(
        SETTINGS, engine=clean_engine, gateway=gateway, clock=clock, query=json_tree_query
    )


@pytest.fixture
def server(deps: Deps) -> Iterator[str]:
    """The real app on a loopback port, as WeCom would reach it."""
    httpd = make_server("127.0.0.1", 0, create_app(SETTINGS, deps), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join()
    httpd.server_close()


def post_callback(base: str, plaintext: str, *, nonce: str, timestamp: int) -> requests.Response:
    signed = CRYPTO.build_post(plaintext, nonce=nonce, timestamp=timestamp, agent_id=1000002)
    return requests.post(
        f"{base}/wecom/callback", params=signed.query, data=signed.body, timeout=10
    )


def text_xml(user: str, content: str, msg_id: str, clock: Clock) -> str:
    ts = int(clock().timestamp())
    return render_callback(TextMessage(user, content, msg_id, 1000002, ts), CORP_ID)


def sent_texts(gateway: FakeWeComGateway) -> list[tuple[list[str], str]]:
    return [(m["touser"], m["text"]["content"]) for m in gateway.sent if m["msgtype"] == "text"]


def messages(deps: Deps) -> list[InboxMessage]:
    with deps.session_factory() as session:
        return list(session.scalars(select(InboxMessage).order_by(InboxMessage.id)))


def test_an_encrypted_text_callback_is_answered_by_the_worker(
    server: str, deps: Deps, gateway: FakeWeComGateway, clock: Clock
) -> None:
    response = post_callback(
        server,
        text_xml("zhangsan", EVERYONE, "9001", clock),
        nonce="n1",
        timestamp=int(NOW.timestamp()),
    )
    assert response.status_code == 200 and response.content == b""
    assert gateway.sent == []  # acknowledged before any processing
    assert drain(deps) == 1
    [(to, content)] = sent_texts(gateway)
    assert to == ["zhangsan"]
    assert content.splitlines()[0] == "测试分群: 13 in total"
    assert not any(name in content for name in LI_CUSTOMERS.values())
    [stored] = messages(deps)
    assert (stored.status, stored.attempts) == (DONE, 1)
    with deps.session_factory() as session:
        [entry] = session.scalars(select(AuditEntry)).all()
    assert (entry.userid, entry.action, entry.inbox_id) == ("zhangsan", "command", stored.id)


def test_a_replayed_callback_is_processed_once(
    server: str, deps: Deps, gateway: FakeWeComGateway, clock: Clock
) -> None:
    xml = text_xml("lisi", EVERYONE, "9002", clock)
    ts = int(NOW.timestamp())
    for nonce in ("a", "b", "c"):
        assert post_callback(server, xml, nonce=nonce, timestamp=ts).status_code == 200
    drain(deps)
    assert post_callback(server, xml, nonce="d", timestamp=ts).status_code == 200
    drain(deps)
    assert len(sent_texts(gateway)) == 1
    [(_, content)] = sent_texts(gateway)
    assert not any(name in content for name in ZHANG_CUSTOMERS.values())


def test_an_unknown_member_is_refused_without_data(
    server: str, deps: Deps, gateway: FakeWeComGateway, clock: Clock
) -> None:
    xml = text_xml("stranger", "我的客户", "9003", clock)
    post_callback(server, xml, nonce="a", timestamp=int(NOW.timestamp()))
    drain(deps)
    [(to, content)] = sent_texts(gateway)
    assert to == ["stranger"] and "抱歉" in content
    assert not any(n in content for n in {**ZHANG_CUSTOMERS, **LI_CUSTOMERS}.values())


def test_forged_callbacks_over_http_store_nothing(server: str, deps: Deps) -> None:
    signed = CRYPTO.build_post(
        text_xml("zhangsan", "x", "9004", Clock(NOW)), nonce="n", timestamp=int(NOW.timestamp())
    )
    params = {**signed.query, "msg_signature": "f" * 40}
    response = requests.post(
        f"{server}/wecom/callback", params=params, data=signed.body, timeout=10
    )
    assert response.status_code == 403
    stale = int((NOW - timedelta(minutes=10)).timestamp())
    assert (
        post_callback(
            server, text_xml("zhangsan", "x", "9005", Clock(NOW)), nonce="n", timestamp=stale
        ).status_code
        == 403
    )
    assert messages(deps) == []


def store_text(deps: Deps, user: str, content: str, msg_id: str, clock: Clock) -> None:
    from bot.inbox.store import store_callback

    xml = text_xml(user, content, msg_id, clock)
    with deps.session_factory() as session:
        from integrations.wecom.callback import parse_callback

        store_callback(session, parse_callback(xml), xml, clock())
        session.commit()


def test_a_failed_send_is_retried_with_backoff_then_done(
    deps: Deps, gateway: FakeWeComGateway, clock: Clock
) -> None:
    store_text(deps, "zhangsan", EVERYONE, "9100", clock)
    gateway.fail_next("message/send", -1, times=2)
    policy = RetryPolicy(max_attempts=5, first_delay=timedelta(seconds=10))
    drain(deps, policy=policy)
    [row] = messages(deps)
    assert (row.status, row.attempts) == (FAILED, 1)
    assert row.next_attempt_at == NOW + timedelta(seconds=10)
    assert row.last_error and "access_token" not in row.last_error
    drain(deps, policy=policy)  # not due yet
    assert messages(deps)[0].attempts == 1
    clock.advance(timedelta(seconds=10))
    drain(deps, policy=policy)
    assert messages(deps)[0].next_attempt_at == clock() + timedelta(seconds=20)
    clock.advance(timedelta(seconds=20))
    drain(deps, policy=policy)
    [row] = messages(deps)
    assert (row.status, row.attempts, row.last_error) == (DONE, 3, None)
    assert len(sent_texts(gateway)) == 1


def test_a_message_that_keeps_failing_goes_dead_and_is_visible(
    deps: Deps, gateway: FakeWeComGateway, clock: Clock
) -> None:
    store_text(deps, "zhangsan", EVERYONE, "9101", clock)
    gateway.fail_next("message/send", -1, times=10)
    policy = RetryPolicy(max_attempts=3, first_delay=timedelta(seconds=1))
    for _ in range(5):
        drain(deps, policy=policy)
        clock.advance(timedelta(hours=1))
    [row] = messages(deps)
    assert (row.status, row.attempts) == (DEAD, 3)
    with deps.session_factory() as session:
        assert inbox_counts(session)[DEAD] == 1
    health = create_app(SETTINGS, deps).test_client().get("/healthz").json
    assert health["inbox"]["dead"] == 1
    assert sent_texts(gateway) == []


def test_without_a_gateway_messages_wait_instead_of_being_lost(
    clean_engine: Engine, clock: Clock
) -> None:
    with make_session_factory(clean_engine)() as session:
        build_company(session)
    deps = build_deps(SETTINGS, engine=clean_engine, clock=clock, query=json_tree_query)
    assert deps.gateway is None
    store_text(deps, "zhangsan", EVERYONE, "9102", clock)
    drain(deps)
    [row] = messages(deps)
    assert row.status == FAILED and "SEGBOT_WECOM_SECRET" in (row.last_error or "")


def test_a_message_whose_worker_died_is_picked_up_after_the_lease(
    deps: Deps, gateway: FakeWeComGateway, clock: Clock
) -> None:
    store_text(deps, "zhangsan", EVERYONE, "9103", clock)
    policy = RetryPolicy(lease=timedelta(minutes=5))
    with deps.session_factory() as session:
        [claimed] = claim(session, clock(), 10, policy)
        session.commit()
    assert messages(deps)[0].status == PROCESSING  # …and the worker dies here
    assert drain(deps, policy=policy) == 0
    clock.advance(timedelta(minutes=5))
    assert drain(deps, policy=policy) == 1
    assert messages(deps)[0].status == DONE
    assert len(sent_texts(gateway)) == 1
    assert process_claimed(deps, claimed, policy) == DONE  # a late duplicate run does nothing
    assert len(sent_texts(gateway)) == 1


def test_card_clicks_are_recorded(deps: Deps, clock: Clock) -> None:
    from bot.inbox.store import store_callback
    from integrations.wecom.callback import parse_callback

    click = CardClick("boss", "confirm", "task-7", "button_interaction", "rc-1", 1)
    xml = render_callback(click, CORP_ID)
    with deps.session_factory() as session:
        store_callback(session, parse_callback(xml), xml, clock())
        session.commit()
    drain(deps)
    with deps.session_factory() as session:
        [entry] = session.scalars(select(AuditEntry)).all()
    assert (entry.userid, entry.action, entry.request) == ("boss", "card_click", "confirm")
    assert entry.detail == {"task_id": "task-7", "card_type": "button_interaction"}


def test_concurrent_workers_claim_disjoint_messages(
    deps: Deps, clock: Clock, is_postgres: bool
) -> None:
    if not is_postgres:
        pytest.skip("SKIP LOCKED claims are a PostgreSQL feature; SQLite runs one worker")
    for i in range(6):
        store_text(deps, "zhangsan", EVERYONE, f"95{i}", clock)
    policy = RetryPolicy()
    first: Session = deps.session_factory()
    second: Session = deps.session_factory()
    try:
        a = claim(first, clock(), 4, policy)  # holds its row locks until commit
        b = claim(second, clock(), 4, policy)
        assert len(a) == 4 and len(b) == 2 and not set(a) & set(b)
        first.commit()
        second.commit()
    finally:
        first.close()
        second.close()


def test_a_contact_callback_updates_the_customer_through_the_sync_service(
    server: str, deps: Deps, gateway: FakeWeComGateway, clock: Clock
) -> None:
    from integrations.wecom.events import ContactChange
    from integrations.wecom.simulator.company import SimCustomer
    from segmentation.models import Customer, Follow

    ts = int(NOW.timestamp())
    gateway.company.add_follow(SimCustomer("wmNEW", "新客户"), "zhangsan", ts)
    change = ContactChange("add_external_contact", "zhangsan", "wmNEW", ts)
    xml = render_callback(change, CORP_ID)
    assert post_callback(server, xml, nonce="a", timestamp=ts).status_code == 200
    assert post_callback(server, xml, nonce="b", timestamp=ts).status_code == 200
    assert drain(deps) == 1
    with deps.session_factory() as session:
        customer = session.get(Customer, "wmNEW")
        assert customer is not None and customer.name == "新客户"
        follows = session.scalars(select(Follow.userid).where(Follow.external_userid == "wmNEW"))
        assert follows.all() == ["zhangsan"]
    assert messages(deps)[0].status == DONE
