"""POST /api/v1/query answers what the query service answers, validated and scoped."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.app import create_app
from bot.bootstrap import build_deps
from bot.database import make_session_factory
from tests.commands.world import EVERYONE, LI_CUSTOMERS, build_company, json_tree_query
from tests.web.conftest import NOW, auth, make_settings


@pytest.fixture
def calls() -> list[dict[str, Any]]:
    return []


@pytest.fixture
def client(clean_engine: Engine, calls: list[dict[str, Any]]) -> FlaskClient:
    with make_session_factory(clean_engine)() as session:
        build_company(session)

    def recording_query(
        session: Session, text: str, *, as_userid: str | None, now: datetime, **_: object
    ):  # type: ignore[no-untyped-def]
        calls.append({"text": text, "as": as_userid, "now": now})
        return json_tree_query(session, text, as_userid=as_userid, now=now)

    settings = make_settings()
    deps = build_deps(settings, engine=clean_engine, clock=lambda: NOW, query=recording_query)
    return create_app(settings, deps).test_client()


def test_query_answers_the_services_json_for_the_asker(
    client: FlaskClient, calls: list[dict[str, Any]]
) -> None:
    body = {"text": EVERYONE, "as": "lisi", "now": "2026-10-01T09:00:00"}
    response = client.post("/api/v1/query", json=body, headers=auth())
    assert response.status_code == 200
    answer = response.json
    assert answer["intent"] == "list"
    assert answer["customers"] == sorted(LI_CUSTOMERS)
    [call] = calls
    assert call["as"] == "lisi"
    assert call["now"].isoformat() == "2026-10-01T09:00:00+08:00"


def test_query_defaults_to_the_admin_view_at_the_clock(
    client: FlaskClient, calls: list[dict[str, Any]]
) -> None:
    answer = client.post("/api/v1/query", json={"text": EVERYONE}, headers=auth()).json
    assert answer["count"] == 15
    assert calls[0]["as"] is None and calls[0]["now"] == NOW


def test_clarifications_pass_through_unchanged(client: FlaskClient) -> None:
    answer = client.post("/api/v1/query", json={"text": "嗯？"}, headers=auth()).json
    assert answer["intent"] == "clarify" and answer["suggestions"]


@pytest.mark.parametrize(
    "body",
    [
        {"text": EVERYONE, "now": "last tuesday"},
        {"text": EVERYONE, "now": 5},
        {"as": "lisi"},
        {"text": 12},
        {"text": EVERYONE, "as": ["lisi"]},
    ],
)
def test_bad_fields_are_400_and_the_service_is_not_called(
    client: FlaskClient, calls: list[dict[str, Any]], body: dict[str, Any]
) -> None:
    response = client.post("/api/v1/query", json=body, headers=auth())
    assert response.status_code == 400
    assert response.json["error"]
    assert calls == []


def test_query_needs_the_token(client: FlaskClient) -> None:
    assert client.post("/api/v1/query", json={"text": EVERYONE}).status_code == 401
