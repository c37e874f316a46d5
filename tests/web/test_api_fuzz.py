"""Random and mutated bodies on every route: a 4xx or a 2xx, never a server error."""

from __future__ import annotations

import json
from typing import Any

from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from bot.app import create_app
from bot.bootstrap import build_deps
from tests.commands.world import json_tree_query
from tests.web.conftest import NOW, auth, make_settings

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)

event_fields = st.fixed_dictionaries(
    {},
    optional={
        "event_id": json_values | st.text(min_size=1, max_size=200),
        "external_userid": json_values | st.just("wmC1"),
        "kind": json_values | st.sampled_from(["order", "inquiry", "Order", "x" * 40]),
        "occurred_at": json_values
        | st.sampled_from(["2026-10-01", "2026-10-01T25:00", "1e9", "2026-02-30"]),
        "amount": json_values | st.sampled_from(["1e400", "-0", "1,000.5", "NaN", "9" * 30]),
        "properties": json_values,
    },
)

bodies = st.one_of(
    json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=200),
    st.lists(event_fields | json_values, max_size=8).map(
        lambda events: json.dumps({"events": events}).encode()
    ),
    st.fixed_dictionaries(
        {}, optional={"text": json_values, "as": json_values, "now": json_values}
    ).map(lambda q: json.dumps(q).encode()),
    st.fixed_dictionaries(
        {},
        optional={
            "code": json_values | st.text(max_size=30) | st.just("ABCD-EFGH-JKLM"),
            "order_event_id": json_values | st.text(max_size=300),
        },
    ).map(lambda q: json.dumps(q).encode()),
)


def _client(engine: Engine) -> FlaskClient:
    config = make_settings()
    deps = build_deps(config, engine=engine, clock=lambda: NOW, query=json_tree_query)
    return create_app(config, deps).test_client()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    route=st.sampled_from(["/api/v1/events", "/api/v1/query", "/api/v1/coupons/redeem"]),
    body=bodies,
)
def test_no_body_causes_a_server_error(clean_engine: Engine, route: str, body: bytes) -> None:
    response = _client(clean_engine).post(
        route, data=body, headers={**auth(), "Content-Type": "application/json"}
    )
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    payload: Any = response.json
    assert isinstance(payload, dict)
    if response.status_code >= 400:
        assert isinstance(payload["error"], str) and payload["error"]
