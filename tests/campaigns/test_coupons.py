"""The coupon ledger: unique codes, check character, one per customer per run, redeem once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from bot.database import unit_of_work
from bot.models.campaigns import Coupon, Delivery
from bot.services.campaigns.runner import run_campaign_now
from bot.services.coupons import (
    ALPHABET,
    CODE_LENGTH,
    CouponError,
    CouponTemplate,
    RedeemOutcome,
    new_code,
    normalize_code,
    redeem_coupon,
)
from tests.campaigns.helpers import make_campaign
from tests.campaigns.world import MONDAY_10, World

COUPON = {"kind": "threshold", "threshold": "100", "value": "20", "validity_days": 14}


def test_codes_are_unique_and_avoid_look_alike_characters() -> None:
    codes = {new_code() for _ in range(20_000)}
    assert len(codes) == 20_000
    assert all(len(c) == CODE_LENGTH and normalize_code(c) == c for c in codes)
    assert not set("".join(codes)) & set("01OIL")


@given(st.integers(min_value=0, max_value=CODE_LENGTH - 1), st.sampled_from(ALPHABET))
def test_any_single_mistyped_character_is_rejected(position: int, replacement: str) -> None:
    code = new_code()
    typo = code[:position] + replacement + code[position + 1 :]
    if typo != code:
        assert normalize_code(typo) is None


def test_swapped_neighbours_are_rejected() -> None:
    for _ in range(500):
        code = new_code()
        for i in range(CODE_LENGTH - 1):
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            if swapped != code:
                assert normalize_code(swapped) is None


def test_typed_code_ignores_case_spaces_and_dashes() -> None:
    code = new_code()
    assert normalize_code(f" {code[:4].lower()}-{code[4:8]} {code[8:]} ") == code


def test_templates_are_validated() -> None:
    assert CouponTemplate.from_dict(COUPON).label == "满100减20"
    assert CouponTemplate.from_dict({"kind": "discount", "percent": 85}).label == "8.5折"
    with pytest.raises(CouponError):
        CouponTemplate.from_dict({"kind": "threshold", "value": "20"})
    with pytest.raises(CouponError):
        CouponTemplate.from_dict({"kind": "discount", "percent": 100})


def _issue(world: World) -> list[Coupon]:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=20, coupon=COUPON,
                  content="{name}，送您{coupon_desc}券：{coupon_code}")  # fmt: skip
    run_campaign_now(world.factory, world.gateway, campaign_id, MONDAY_10, world.pctx())
    with world.factory() as s:
        return list(s.scalars(select(Coupon)))


def test_run_issues_one_coupon_per_treated_customer_and_none_to_the_holdout(world: World) -> None:
    coupons = _issue(world)
    with world.factory() as s:
        treated = set(s.scalars(select(Delivery.external_userid).where(Delivery.arm == "treated")))
        texts = dict(s.execute(select(Delivery.coupon_code, Delivery.content)).all())
    assert {c.external_userid for c in coupons} == treated
    assert len({c.code for c in coupons}) == len(coupons)
    code = coupons[0].code
    assert f"{code[:4]}-{code[4:8]}-{code[8:]}" in texts[code]
    assert "满100减20" in texts[code]


def test_coupon_redeems_once_and_the_second_time_is_refused(world: World) -> None:
    coupon = _issue(world)[0]
    later = MONDAY_10 + timedelta(days=1)
    with unit_of_work(world.factory) as s:
        first = redeem_coupon(s, coupon.code.lower(), "order-1", later)
    with unit_of_work(world.factory) as s:
        second = redeem_coupon(s, coupon.code, "order-2", later)
    assert first.outcome is RedeemOutcome.REDEEMED and first.http_status == 200
    assert second.outcome is RedeemOutcome.ALREADY_REDEEMED and second.http_status == 409
    assert second.order_event_id == "order-1"


def test_expired_unknown_and_invalid_codes_are_told_apart(world: World) -> None:
    coupon = _issue(world)[0]
    with unit_of_work(world.factory) as s:
        expired = redeem_coupon(s, coupon.code, "o", MONDAY_10 + timedelta(days=15))
        unknown = redeem_coupon(s, new_code(), "o", MONDAY_10)
        invalid = redeem_coupon(s, coupon.code[:-1] + ("2" if coupon.code[-1] != "2" else "3"),
                                "o", MONDAY_10)  # fmt: skip
    assert expired.outcome is RedeemOutcome.EXPIRED and expired.http_status == 410
    assert unknown.outcome is RedeemOutcome.UNKNOWN and unknown.http_status == 404
    assert invalid.outcome is RedeemOutcome.INVALID and invalid.http_status == 400
