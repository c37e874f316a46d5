"""POST /api/v1/events: auth, limits, partial acceptance and idempotency."""

from __future__ import annotations

import json
from decimal import Decimal

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from segmentation.models import Event
from tests.web.conftest import AppFactory, auth, make_settings


def event(event_id: str, **changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "event_id": event_id,
        "external_userid": "wmC1",
        "kind": "order",
        "occurred_at": "2026-10-30T10:00:00+08:00",
        "amount": "199.90",
    }
    base.update(changes)
    return base


def post(client: FlaskClient, body: object, **kwargs: object):  # type: ignore[no-untyped-def]
    headers = kwargs.pop("headers", auth())
    return client.post("/api/v1/events", data=json.dumps(body), headers=headers, **kwargs)


def test_api_answers_503_when_the_token_setting_is_unset(make_app: AppFactory) -> None:
    client = make_app(make_settings(api_token=None)).test_client()
    response = post(client, {"events": []})
    assert response.status_code == 503
    assert "SEGBOT_API_TOKEN" in response.json["error"]
    assert client.post("/api/v1/query", json={"text": "x"}, headers=auth()).status_code == 503


def test_missing_or_wrong_token_is_401(client: FlaskClient) -> None:
    assert post(client, {"events": []}, headers={}).status_code == 401
    assert post(client, {"events": []}, headers=auth("wrong")).status_code == 401
    wrong_scheme = {"Authorization": "Basic abc"}
    assert post(client, {"events": []}, headers=wrong_scheme).status_code == 401
    non_ascii = {"Authorization": "Bearer 令牌".encode().decode("latin-1")}
    response = post(client, {"events": []}, headers=non_ascii)
    assert response.status_code == 401
    assert response.json == {"error": "invalid bearer token"}


def test_good_records_are_kept_and_bad_ones_rejected_by_index(
    client: FlaskClient, session: Session
) -> None:
    body = {
        "events": [
            event("e1"),
            event("e2", kind="NOT A KIND"),
            event("e3", occurred_at="yesterday"),
            "not an object",
            event("e4", amount=None, properties={"sku": "A1"}),
            event("e5", unexpected="field"),
        ]
    }
    response = post(client, body)
    assert response.status_code == 200
    answer = response.json
    assert answer["accepted"] == 2
    assert answer["duplicates"] == 0
    assert [r["index"] for r in answer["rejected"]] == [1, 2, 3, 5]
    assert all(r["error"] for r in answer["rejected"])
    stored = {e.event_id: e for e in session.scalars(select(Event))}
    assert set(stored) == {"e1", "e4"}
    assert stored["e1"].amount == Decimal("199.90")
    assert stored["e1"].source == "api"
    assert stored["e4"].properties == {"sku": "A1"}


def test_posting_the_same_events_twice_stores_them_once(
    client: FlaskClient, session: Session
) -> None:
    body = {"events": [event("e1"), event("e2")]}
    assert post(client, body).json == {"accepted": 2, "duplicates": 0, "rejected": []}
    changed = {"events": [event("e1", amount="1"), event("e2"), event("e3")]}
    assert post(client, changed).json == {"accepted": 1, "duplicates": 2, "rejected": []}
    amounts = dict(session.execute(select(Event.event_id, Event.amount)).all())
    assert amounts == {"e1": Decimal("199.90"), "e2": Decimal("199.90"), "e3": Decimal("199.90")}


def test_a_repeat_within_one_call_counts_as_a_duplicate(
    client: FlaskClient, session: Session
) -> None:
    body = {"events": [event("e1"), event("e1", amount="5"), event("e1")]}
    assert post(client, body).json == {"accepted": 1, "duplicates": 2, "rejected": []}
    assert session.scalars(select(Event.amount)).all() == [Decimal("199.90")]


def test_more_than_1000_events_is_a_caller_mistake(client: FlaskClient) -> None:
    body = {"events": [event(f"e{i}") for i in range(1001)]}
    response = post(client, body)
    assert response.status_code == 400
    assert "1000" in response.json["error"]


def test_1000_events_are_accepted_in_one_call(client: FlaskClient, session: Session) -> None:
    body = {"events": [event(f"e{i}") for i in range(1000)]}
    assert post(client, body).json["accepted"] == 1000
    assert len(session.scalars(select(Event.event_id)).all()) == 1000


def test_a_body_over_one_mebibyte_is_413_json(client: FlaskClient) -> None:
    big = json.dumps({"events": [event("e1", properties={"pad": "x" * (1 << 20)})]})
    response = client.post("/api/v1/events", data=big, headers=auth())
    assert response.status_code == 413
    assert response.is_json and response.json["error"]


def test_malformed_json_and_wrong_shapes_are_400_json(client: FlaskClient) -> None:
    bodies = [b"{", b"\xff\xfe", b"[]", b'{"events": {}}', b'{"events": [], "x": 1}', b"NaN"]
    bodies.append(b"[" * 100_000 + b"]" * 100_000)
    for raw in bodies:
        response = client.post("/api/v1/events", data=raw, headers=auth())
        assert response.status_code == 400, raw[:20]
        assert response.is_json and response.json["error"]


def test_unknown_routes_and_wrong_methods_answer_json(client: FlaskClient) -> None:
    missing = client.get("/api/v1/nothing", headers=auth())
    assert missing.status_code == 404 and missing.json == {"error": "not found"}
    wrong = client.get("/api/v1/events", headers=auth())
    assert wrong.status_code == 405 and wrong.is_json
    assert "POST" in wrong.headers["Allow"]


def test_openapi_document_describes_every_route(client: FlaskClient) -> None:
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {"/events", "/query", "/coupons/redeem"}
    assert "413" in document["paths"]["/events"]["post"]["responses"]


def test_out_of_range_times_are_rejected_by_index_and_the_rest_kept(
    client: FlaskClient, session: Session
) -> None:
    # Issue 17 §10: these answered 500 and lost the good events of the same call.
    body = {
        "events": [
            event("e1"),
            event("e2", occurred_at="0001-01-01"),
            event("e3", occurred_at="9999-12-31T23:59:59-14:00"),
            event("e4", occurred_at="0001-01-01T00:00:00+14:00"),
            event("e5", occurred_at="2026-10-30"),
        ]
    }
    response = post(client, body)
    assert response.status_code == 200, response.json
    assert response.json["accepted"] == 2
    rejected = {r["index"]: r["error"] for r in response.json["rejected"]}
    assert set(rejected) == {1, 2, 3}
    assert all("occurred_at: out of range" in error for error in rejected.values())
    assert set(session.scalars(select(Event.event_id))) == {"e1", "e5"}


def test_unknown_kinds_and_negative_amounts_are_rejected(
    make_app: AppFactory, session: Session
) -> None:
    client = make_app().test_client()
    body = {
        "events": [
            event("e1", kind="livestream"),
            event("e2", amount="-5"),
            event("e3", kind="refund", amount="5"),
        ]
    }
    answer = post(client, body).json
    assert answer["accepted"] == 1
    errors = {r["index"]: r["error"] for r in answer["rejected"]}
    assert "unknown event kind 'livestream'" in errors[0]
    assert "must not be negative" in errors[1]
    configured = make_settings(event_kinds=frozenset({"order", "refund", "livestream"}))
    answer = post(make_app(configured).test_client(), {"events": [event("e1", kind="livestream")]})
    assert answer.json["accepted"] == 1
