"""The database's write lock held elsewhere (issue 17 §13): the callback answers 503 within
about 2 s instead of queueing for 30 s (WeCom retries it), /healthz says the database cannot
be written, and a WeCom token refused while our own transaction holds the lock is replaced
without waiting for that lock — nor read back from the table."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from flask.testing import FlaskClient
from sqlalchemy import Engine, select, text

from bot.app import create_app
from bot.bootstrap import build_deps
from bot.database import make_session_factory, unit_of_work
from bot.models.inbox import AuditEntry, InboxMessage
from bot.services.token_store import DatabaseTokenStore
from bot.settings import load_settings
from integrations.wecom.events import TextMessage
from integrations.wecom.render import render_callback
from integrations.wecom.tokens import CachedToken
from tests.inbox.test_worker import CORP_ID, CRYPTO, SETTINGS
from tests.reliability.callbacks import seed_database
from tests.reliability.harness import Rig


@contextmanager
def held_write_lock(engine: Engine) -> Iterator[None]:
    """Another process's open write transaction (a worker in the middle of a message)."""
    if engine.dialect.name == "sqlite":
        holder = sqlite3.connect(str(engine.url.database), timeout=30)
        holder.isolation_level = None
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    with engine.connect() as conn:
        conn.execute(text("LOCK TABLE inbox_messages, wecom_tokens IN EXCLUSIVE MODE"))
        try:
            yield
        finally:
            conn.rollback()


def _client(engine: Engine) -> FlaskClient:
    deps = build_deps(SETTINGS, engine=engine, clock=lambda: datetime.now(UTC))
    return create_app(SETTINGS, deps).test_client()


def _post(client: FlaskClient, msg_id: str):  # type: ignore[no-untyped-def]
    message = TextMessage("zhangsan", "帮助", msg_id, 1000002, int(time.time()))
    signed = CRYPTO.build_post(
        render_callback(message, CORP_ID), nonce=f"n{msg_id}", timestamp=int(time.time())
    )
    return client.post("/wecom/callback", query_string=signed.query, data=signed.body)


def test_a_callback_under_a_held_lock_answers_503_soon_and_is_stored_when_resent(
    clean_engine: Engine,
) -> None:
    client = _client(clean_engine)
    with held_write_lock(clean_engine):
        started = time.monotonic()
        response = _post(client, "8800001")
        waited = time.monotonic() - started
    print(f"callback answered {response.status_code} after {waited:.2f} s under a held lock")
    assert response.status_code == 503 and response.is_json
    # WeCom re-sends the same callback: now it is stored, once.
    assert _post(client, "8800001").status_code == 200
    assert _post(client, "8800001").status_code == 200
    with make_session_factory(clean_engine)() as session:
        assert len(session.scalars(select(InboxMessage)).all()) == 1


def test_healthz_says_503_while_the_database_cannot_be_written(clean_engine: Engine) -> None:
    client = _client(clean_engine)
    assert client.get("/healthz").status_code == 200
    with held_write_lock(clean_engine):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert "cannot be written" in response.json["error"]
    assert client.get("/healthz").status_code == 200


def test_a_refused_token_is_never_read_back_while_the_table_is_locked(
    clean_engine: Engine,
) -> None:
    store = DatabaseTokenStore(make_session_factory(clean_engine))
    key = "wecom:corp:abc"
    store.put(key, CachedToken("refused-token", time.time() + 7200))
    with held_write_lock(clean_engine):
        started = time.monotonic()
        store.invalidate(key, "refused-token")  # cannot delete the shared copy now…
        assert store.get(key) is None  # …and does not take it back
        store.put(key, CachedToken("fresh-token", time.time() + 7200))
        waited = time.monotonic() - started
        found = store.get(key)
    print(f"invalidate + put under a held lock took {waited:.2f} s")
    assert found is not None and found.token == "fresh-token"
    assert waited < 10  # the old store waited 30 s for the lock (twice)
    store.put(key, CachedToken("fresh-token", time.time() + 7200))  # shared once it can be
    assert DatabaseTokenStore(make_session_factory(clean_engine)).get(key).token == "fresh-token"  # type: ignore[union-attr]


def test_a_token_refused_inside_the_workers_own_transaction_is_replaced_at_once(
    make_reliability_rig: Callable[..., Rig],
) -> None:
    """The deadlock of the report: the worker's transaction holds SQLite's write lock, WeCom
    refuses the cached token, and the refresh needed a second connection to write."""
    rig = make_reliability_rig(customers=10)
    seed_database(rig)
    deps = build_deps(load_settings(rig.env(), env_file=None), engine=rig.engine)
    assert deps.gateway is not None
    user = rig.company.follow_user_list()[0]
    deps.gateway.send_text([user], "first")  # a token is fetched and shared in the table
    rig.sim.expire_tokens()
    started = time.monotonic()
    with unit_of_work(deps.session_factory) as session:
        # The worker has written (an audit row): its transaction holds the write lock.
        session.add(AuditEntry(at=datetime.now(UTC), userid=user, action="command"))
        session.flush()
        deps.gateway.send_text([user], "second")
    waited = time.monotonic() - started
    print(f"send with a refused token inside a write transaction took {waited:.2f} s")
    assert [m["text"]["content"] for m in rig.sim.state.sent][-2:] == ["first", "second"]
    assert waited < 10  # the old store: 30 s per refresh, then the refused token again
