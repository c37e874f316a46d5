"""POST /api/v1/coupons/redeem: redeems once; 409 the second time; clear 4xx otherwise."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from bot.app import create_app
from bot.bootstrap import build_deps
from bot.database import unit_of_work
from bot.models.campaigns import Coupon
from bot.services.campaigns.runner import run_campaign_now
from bot.services.coupons import new_code
from segmentation.models import Event
from tests.campaigns.helpers import make_campaign
from tests.campaigns.world import MONDAY_10, build_world
from tests.web.conftest import auth, make_settings

COUPON = {"kind": "threshold", "threshold": "100", "value": "20", "validity_days": 14}


@pytest.fixture
def issued_code(clean_engine) -> str:
    """A 满100减20 coupon; its customer placed orders order-1 and order-2 (¥100 each) and
    order-small (¥50) the next morning, and another customer order-theirs."""
    world = build_world(clean_engine)
    campaign_id = make_campaign(world, MONDAY_10, coupon=COUPON, content="券：{coupon_code}")
    run_campaign_now(world.factory, world.gateway, campaign_id, MONDAY_10, world.pctx())
    with world.factory() as session:
        code, eid = session.execute(select(Coupon.code, Coupon.external_userid)).first()
    at = MONDAY_10 + timedelta(hours=20)
    with unit_of_work(world.factory) as session:
        for event_id, who, amount in (("order-1", eid, "100"), ("order-2", eid, "100"),
                                      ("order-small", eid, "50"),
                                      ("order-theirs", _another(eid), "300")):  # fmt: skip
            session.add(Event(event_id=event_id, external_userid=who, kind="order",
                              occurred_at=at, amount=Decimal(amount), source="api"))  # fmt: skip
    return code


def _another(eid: str) -> str:
    return "wm0004" if eid != "wm0004" else "wm0006"


@pytest.fixture
def client(clean_engine):
    """The app with its clock a day after the coupons were issued."""
    settings = make_settings()
    deps = build_deps(settings, engine=clean_engine, clock=lambda: MONDAY_10 + timedelta(days=1))
    return create_app(settings, deps).test_client()


def redeem(client, code: str, order: str = "order-1"):
    return client.post(
        "/api/v1/coupons/redeem", json={"code": code, "order_event_id": order}, headers=auth()
    )


def test_a_coupon_redeems_once_and_the_second_time_answers_409(client, issued_code):
    first = redeem(client, issued_code.lower())
    assert first.status_code == 200
    assert first.get_json()["outcome"] == "redeemed"
    second = redeem(client, issued_code, "order-2")
    assert second.status_code == 409
    body = second.get_json()
    assert body["error"] and body["order_event_id"] == "order-1"


@pytest.mark.parametrize(
    ("order", "outcome", "reason"),
    [
        ("order-small", "below_threshold", "below the coupon's threshold"),
        ("order-theirs", "order_of_another_customer", "another customer"),
        ("order-404", "order_not_found", "no order event"),
    ],
)
def test_an_order_that_does_not_qualify_answers_409_naming_the_reason(
    client, issued_code, order, outcome, reason
):
    response = redeem(client, issued_code, order)
    assert response.status_code == 409
    body = response.get_json()
    assert body["outcome"] == outcome and reason in body["error"] and body["reason"]
    assert redeem(client, issued_code, "order-1").status_code == 200  # nothing was used up


def test_unknown_and_mistyped_codes_are_told_apart(client, issued_code):
    assert redeem(client, new_code()).status_code == 404
    typo = issued_code[:-1] + ("2" if issued_code[-1] != "2" else "3")
    response = redeem(client, typo)
    assert response.status_code == 400
    assert "error" in response.get_json()


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"code": "X"},
        {"code": 5, "order_event_id": "o"},
        {"code": "", "order_event_id": "o"},
        {"code": "ABC", "order_event_id": "o", "extra": 1},
    ],
)
def test_malformed_requests_answer_400_with_json(client, body):
    response = client.post("/api/v1/coupons/redeem", json=body, headers=auth())
    assert response.status_code == 400
    assert "error" in response.get_json()


def test_redeem_needs_the_bearer_token(client, issued_code):
    response = client.post(
        "/api/v1/coupons/redeem", json={"code": issued_code, "order_event_id": "o"}
    )
    assert response.status_code == 401


def test_control_characters_are_refused_before_the_database(client, issued_code):
    response = redeem(client, issued_code, "order\x00-1")
    assert response.status_code == 400
