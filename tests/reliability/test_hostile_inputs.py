"""Untrusted inputs (spec/security.md "Inputs that are never trusted"): hostile callbacks,
OpenAPI-generated API bodies, broken CSV files and wild chat text never cause a server error,
and nothing is stored for a rejected callback."""

from __future__ import annotations

import random
import time
from collections import Counter

from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from bot.app import create_app
from bot.bootstrap import build_deps
from bot.models.inbox import InboxMessage
from bot.settings import Settings, WeComSettings
from integrations.wecom.callback import CallbackCrypto
from tests.reliability.attacks import hostile_callbacks, request_bodies, text_xml
from tests.reliability.harness import AES_KEY, API_TOKEN, CALLBACK_TOKEN

CORP = "wwfuzzcorp"
ALLOWED_CALLBACK = {200, 400, 403, 413}


def _client(engine: Engine) -> FlaskClient:
    cfg = Settings(
        database_url="sqlite://",
        api_token=API_TOKEN,
        admins=frozenset({"admin"}),
        wecom=WeComSettings(corp_id=CORP, agent_id=1000002, token=CALLBACK_TOKEN, aes_key=AES_KEY),
    )
    app = create_app(cfg, build_deps(cfg, engine=engine))
    return app.test_client()


def _stored(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(InboxMessage)).scalar_one())


def test_hostile_callbacks_are_refused_with_4xx_and_store_nothing(clean_engine: Engine) -> None:
    client = _client(clean_engine)
    statuses: Counter[tuple[str, int]] = Counter()
    for label, query, body, ctype in hostile_callbacks(
        CALLBACK_TOKEN, AES_KEY, CORP, random.Random(3), 240
    ):
        response = client.post("/wecom/callback", query_string=query, data=body,
                               headers={"Content-Type": ctype} if ctype else {})  # fmt: skip
        statuses[(label, response.status_code)] += 1
        assert response.status_code in ALLOWED_CALLBACK - {200}, (label, response.status_code)
    assert _stored(clean_engine) == 0
    assert {label for label, _ in statuses} >= {
        "billion laughs",
        "external entity",
        "stale timestamp",
    }


def test_a_body_over_one_mebibyte_is_413_and_stores_nothing(clean_engine: Engine) -> None:
    client = _client(clean_engine)
    crypto = CallbackCrypto(CALLBACK_TOKEN, AES_KEY, CORP)
    huge = text_xml(CORP, 1, content="长" * 400_000)
    post = crypto.build_post(huge, nonce="h", timestamp=int(time.time()))
    assert len(post.body) > 1 << 20
    assert (
        client.post("/wecom/callback", query_string=post.query, data=post.body).status_code == 413
    )
    assert client.post("/api/v1/events", data=b"{" + b" " * (1 << 20) + b"}",
                       headers={"Authorization": f"Bearer {API_TOKEN}"}).status_code == 413  # fmt: skip  # noqa: E501
    assert _stored(clean_engine) == 0


def test_a_replayed_callback_is_stored_once_however_often_it_comes(clean_engine: Engine) -> None:
    client = _client(clean_engine)
    crypto = CallbackCrypto(CALLBACK_TOKEN, AES_KEY, CORP)
    xml = text_xml(CORP, 42)
    for n in range(5):
        post = crypto.build_post(xml, nonce=f"r{n}", timestamp=int(time.time()))
        assert (
            client.post("/wecom/callback", query_string=post.query, data=post.body).status_code
            == 200
        )
    assert _stored(clean_engine) == 1


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_openapi_operations_never_answer_5xx(clean_engine: Engine, data: st.DataObject) -> None:
    client = _client(clean_engine)
    doc = client.get("/api/v1/openapi.json").get_json()
    method, path, bodies = data.draw(st.sampled_from(request_bodies(doc)))
    body = data.draw(bodies)
    token = data.draw(st.sampled_from([API_TOKEN, API_TOKEN + "x", "", "ä" + API_TOKEN[1:]]))
    response = client.open(path, method=method, json=body,
                           headers={"Authorization": f"Bearer {token}"})  # fmt: skip
    assert response.status_code < 500, (path, body, response.data[:300])
    if response.status_code >= 400:
        assert isinstance(response.get_json().get("error"), str)
