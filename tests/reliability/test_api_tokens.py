"""Finding 5 of the safety issue: scoped API tokens. An events token only posts events, a query
token only queries (bound: only as its member; unbound: `as` required), a redeem token only
redeems; `SEGBOT_API_TOKEN` keeps every right; every API query and redemption is audited;
`segbot token create|list|revoke` shows a secret once and keeps only its hash."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from sqlalchemy import Engine, select, text

from bot.app import create_app
from bot.bootstrap import build_deps
from bot.cli.main import cli
from bot.database import make_session_factory
from bot.models.api_tokens import ApiToken
from bot.models.inbox import AuditEntry
from bot.settings import Settings
from tests.commands.world import LI_CUSTOMERS, ZHANG_CUSTOMERS, build_company
from tests.web.conftest import API_TOKEN, NOW, make_settings

ALL = "所有客户"
EVENT = {
    "event_id": "tok-ev-1",
    "external_userid": "wmL01",
    "kind": "order",
    "occurred_at": "2026-10-30T10:00:00+08:00",
    "amount": "10.00",
}
REDEEM = {"code": "NO-SUCH-CODE", "order_event_id": "order-1"}


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _cli(db_url: str, *args: str) -> Any:
    return CliRunner().invoke(cli, ["token", *args, "--db", db_url])


def _create(db_url: str, *args: str) -> str:
    result = _cli(db_url, "create", *args)
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    assert token.startswith("sbt_") and len(token) >= 40 and "\n" not in token
    return token


@pytest.fixture
def company(clean_engine: Engine) -> Engine:
    with make_session_factory(clean_engine)() as session:
        build_company(session)
        session.commit()
    return clean_engine


def _client(engine: Engine, settings: Settings) -> FlaskClient:
    app = create_app(settings, build_deps(settings, engine=engine, clock=lambda: NOW))
    app.testing = True
    return app.test_client()


@pytest.fixture
def scoped_client(company: Engine) -> FlaskClient:
    """The API with no SEGBOT_API_TOKEN at all: only stored tokens open it."""
    return _client(company, make_settings(api_token=None))


@pytest.fixture
def full_client(company: Engine) -> FlaskClient:
    return _client(company, make_settings())


def _calls(client: FlaskClient, token: str) -> dict[str, int]:
    headers = _bearer(token)
    return {
        "events": client.post(
            "/api/v1/events", json={"events": [EVENT]}, headers=headers
        ).status_code,
        "query": client.post(
            "/api/v1/query", json={"text": ALL, "as": "lisi"}, headers=headers
        ).status_code,
        "redeem": client.post("/api/v1/coupons/redeem", json=REDEEM, headers=headers).status_code,
    }


def _audit(engine: Engine, action: str) -> list[AuditEntry]:
    with make_session_factory(engine)() as session:
        return list(
            session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(
                AuditEntry.id))
        )  # fmt: skip


def test_without_any_token_the_api_is_503(scoped_client: FlaskClient) -> None:
    response = scoped_client.post("/api/v1/query", json={"text": ALL}, headers=_bearer("x"))
    assert response.status_code == 503 and "segbot token" in response.json["error"]


@pytest.mark.parametrize("scope", ["events", "query", "redeem"])
def test_each_scope_may_do_its_one_thing(
    scoped_client: FlaskClient, db_url: str, scope: str
) -> None:
    token = _create(db_url, "--scope", scope, "--name", f"feed-{scope}")
    statuses = _calls(scoped_client, token)
    for route, status in statuses.items():
        if route == scope:
            assert status not in (401, 403, 503), (route, status)
        else:
            assert status == 403, (route, status)
    refused = scoped_client.post("/api/v1/events", json={"events": [EVENT]},
                                 headers=_bearer(token)) if scope != "events" else None  # fmt: skip
    if refused is not None:
        assert "may only" in refused.json["error"]


def test_an_unbound_query_token_must_name_the_member(
    scoped_client: FlaskClient, db_url: str
) -> None:
    token = _create(db_url, "--scope", "query", "--name", "crm")
    missing = scoped_client.post("/api/v1/query", json={"text": ALL}, headers=_bearer(token))
    assert missing.status_code == 400 and "as" in missing.json["error"]
    as_li = scoped_client.post(
        "/api/v1/query", json={"text": ALL, "as": "lisi"}, headers=_bearer(token)
    )
    assert as_li.status_code == 200 and as_li.json["customers"] == sorted(LI_CUSTOMERS)


def test_a_bound_query_token_answers_only_as_its_member(
    scoped_client: FlaskClient, db_url: str
) -> None:
    token = _create(db_url, "--scope", "query", "--as", "lisi", "--name", "li-app")
    headers = _bearer(token)
    implicit = scoped_client.post("/api/v1/query", json={"text": ALL}, headers=headers)
    assert implicit.status_code == 200 and implicit.json["customers"] == sorted(LI_CUSTOMERS)
    same = scoped_client.post("/api/v1/query", json={"text": ALL, "as": "lisi"}, headers=headers)
    assert same.status_code == 200
    for other in ("zhangsan", "boss", "nobody"):
        body = {"text": ALL, "as": other}
        response = scoped_client.post("/api/v1/query", json=body, headers=headers)
        assert response.status_code == 403, other
        assert "customers" not in response.json


def test_the_env_token_keeps_every_right(full_client: FlaskClient, db_url: str) -> None:
    statuses = _calls(full_client, API_TOKEN)
    assert all(status not in (401, 403, 503) for status in statuses.values()), statuses
    admin_view = full_client.post("/api/v1/query", json={"text": ALL}, headers=_bearer(API_TOKEN))
    assert admin_view.status_code == 200
    assert admin_view.json["customers"] == sorted({*ZHANG_CUSTOMERS, *LI_CUSTOMERS})
    # Stored tokens work beside it, with their own limits.
    token = _create(db_url, "--scope", "events", "--name", "feed")
    assert _calls(full_client, token) == {"events": 200, "query": 403, "redeem": 403}


def test_wrong_and_revoked_tokens_are_401(scoped_client: FlaskClient, db_url: str) -> None:
    token = _create(db_url, "--scope", "query", "--as", "lisi", "--name", "gone-soon")
    ok = scoped_client.post("/api/v1/query", json={"text": ALL}, headers=_bearer(token))
    assert ok.status_code == 200
    for wrong in (token[:-1], token + "x", "sbt_" + "A" * 43, API_TOKEN):
        response = scoped_client.post("/api/v1/query", json={"text": ALL}, headers=_bearer(wrong))
        assert response.status_code == 401, wrong
    revoked = _cli(db_url, "revoke", "gone-soon")
    assert revoked.exit_code == 0, revoked.output
    # The last token is gone: the API is closed again.
    after = scoped_client.post("/api/v1/query", json={"text": ALL}, headers=_bearer(token))
    assert after.status_code == 503
    _create(db_url, "--scope", "events", "--name", "other")
    after = scoped_client.post("/api/v1/query", json={"text": ALL}, headers=_bearer(token))
    assert after.status_code == 401


def test_every_query_and_redemption_is_audited(
    scoped_client: FlaskClient, db_url: str, company: Engine
) -> None:
    bound = _create(db_url, "--scope", "query", "--as", "lisi", "--name", "li-app")
    unbound = _create(db_url, "--scope", "query", "--name", "crm")
    redeemer = _create(db_url, "--scope", "redeem", "--name", "till")
    scoped_client.post("/api/v1/query", json={"text": ALL}, headers=_bearer(bound))
    scoped_client.post(
        "/api/v1/query", json={"text": "上海的客户", "as": "zhangsan"}, headers=_bearer(bound)
    )
    scoped_client.post("/api/v1/query", json={"text": ALL, "as": "zhangsan"},
                       headers=_bearer(unbound))  # fmt: skip
    scoped_client.post("/api/v1/coupons/redeem", json=REDEEM, headers=_bearer(redeemer))
    queries = _audit(company, "api_query")
    assert [(q.detail["token"], q.detail["as"], q.request) for q in queries] == [
        ("li-app", "lisi", ALL),
        ("li-app", "zhangsan", "上海的客户"),  # refused, still on the record
        ("crm", "zhangsan", ALL),
    ]
    assert queries[0].detail["count"] == len(LI_CUSTOMERS)
    assert queries[1].detail["refused"] == 403 and "count" not in queries[1].detail
    [redemption] = _audit(company, "api_redeem")
    assert redemption.detail["token"] == "till" and redemption.request == REDEEM["code"]
    assert redemption.detail["order"] == "order-1" and redemption.detail["outcome"]


def test_the_cli_shows_a_secret_once_and_stores_only_its_hash(
    scoped_client: FlaskClient, db_url: str, company: Engine
) -> None:
    token = _create(db_url, "--scope", "query", "--as", "lisi", "--name", "li-app")
    _create(db_url, "--scope", "events", "--name", "feed")
    scoped_client.post("/api/v1/query", json={"text": ALL}, headers=_bearer(token))
    listing = _cli(db_url, "list")
    assert listing.exit_code == 0
    lines = listing.output.strip().splitlines()
    assert lines[0].split("\t") == ["name", "scope", "as", "created", "last used"]
    feed, li_app = (line.split("\t") for line in lines[1:])
    assert feed[:3] == ["feed", "events", "-"] and feed[4] == "never"
    assert li_app[:3] == ["li-app", "query", "lisi"] and li_app[4] != "never"
    with company.connect() as conn:
        stored = [str(v) for row in conn.execute(text("SELECT * FROM api_tokens")) for v in row]
    assert token not in listing.output and all(token[4:] not in v for v in stored)
    with make_session_factory(company)() as session:
        row = session.get(ApiToken, "li-app")
        assert row is not None and len(row.secret_hash) == 64
        assert row.secret_hash not in listing.output


def test_the_cli_refuses_bad_requests_clearly(db_url: str, company: Engine) -> None:
    _create(db_url, "--scope", "redeem", "--name", "till")
    for args, words in [
        (["create", "--scope", "redeem", "--name", "till"], "exists"),
        (["create", "--scope", "events", "--as", "lisi", "--name", "x"], "query tokens only"),
        (["create", "--scope", "query", "--as", "nobody", "--name", "x"], "not a known member"),
        (["create", "--scope", "query", "--name", "bad name!"], "token name"),
        (["revoke", "no-such-token"], "no token named"),
    ]:
        result = _cli(db_url, *args)
        assert result.exit_code == 1, args
        assert words in result.output and "Traceback" not in result.output
    bad_scope = _cli(db_url, "create", "--scope", "admin", "--name", "x")
    assert bad_scope.exit_code == 2
