"""The coupon ledger: unique codes, check character, one per customer per run, redeem once."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.database import unit_of_work
from bot.models.campaigns import Coupon, Delivery
from bot.services.campaigns.runner import run_campaign_now
from bot.services.coupons import (
    ALPHABET,
    CODE_LENGTH,
    CouponError,
    CouponTemplate,
    RedeemOutcome,
    RedeemResult,
    new_code,
    normalize_code,
    redeem_coupon,
)
from segmentation.models import Event
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
    from_200 = {"kind": "discount", "percent": 90, "threshold": "200"}
    assert CouponTemplate.from_dict(from_200).label == "满200打9折"  # the threshold said
    with pytest.raises(CouponError):
        CouponTemplate.from_dict({"kind": "threshold", "value": "20"})
    with pytest.raises(CouponError):
        CouponTemplate.from_dict({"kind": "discount", "percent": 100})


def _issue(world: World, coupon: dict[str, object] = COUPON) -> list[Coupon]:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=20, coupon=coupon,
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


def _order(world: World, eid: str, event_id: str, at: datetime, amount: str | None = "150",
           kind: str = "order") -> str:  # fmt: skip
    with unit_of_work(world.factory) as s:
        s.add(Event(event_id=event_id, external_userid=eid, kind=kind, occurred_at=at,
                    amount=Decimal(amount) if amount is not None else None,
                    source="api"))  # fmt: skip
    return event_id


def _redeem(world: World, code: str, order: str | None, now: datetime) -> RedeemResult:
    with unit_of_work(world.factory) as s:
        return redeem_coupon(s, code, order, now)


def test_coupon_redeems_once_and_the_second_time_is_refused(world: World) -> None:
    coupon = _issue(world)[0]
    later = MONDAY_10 + timedelta(days=1)
    one = _order(world, coupon.external_userid, "order-1", later)
    two = _order(world, coupon.external_userid, "order-2", later)
    first = _redeem(world, coupon.code.lower(), one, later)
    second = _redeem(world, coupon.code, two, later)
    assert first.outcome is RedeemOutcome.REDEEMED and first.http_status == 200
    assert second.outcome is RedeemOutcome.ALREADY_REDEEMED and second.http_status == 409
    assert second.order_event_id == "order-1"


def test_redemption_needs_a_qualifying_order_of_the_coupons_customer(world: World) -> None:
    """Each refusal is a 409 that names its reason, and redeems nothing."""
    coupon, other = _issue(world)[:2]
    eid, later = coupon.external_userid, MONDAY_10 + timedelta(days=1)
    cases = {
        None: RedeemOutcome.NO_ORDER,
        "nowhere": RedeemOutcome.ORDER_NOT_FOUND,
        _order(world, eid, "inq-1", later, None, "inquiry"): RedeemOutcome.NOT_AN_ORDER,
        _order(world, other.external_userid, "theirs", later): RedeemOutcome.OTHER_CUSTOMER,
        _order(world, eid, "early", MONDAY_10 - timedelta(minutes=1)):
            RedeemOutcome.ORDER_BEFORE_ISSUE,
        _order(world, eid, "late", MONDAY_10 + timedelta(days=14, minutes=1)):
            RedeemOutcome.ORDER_AFTER_EXPIRY,
        _order(world, eid, "small", later, "99.99"): RedeemOutcome.BELOW_THRESHOLD,
        _order(world, eid, "no-amount", later, None): RedeemOutcome.BELOW_THRESHOLD,
    }  # fmt: skip
    for order, outcome in cases.items():
        result = _redeem(world, coupon.code, order, later)
        assert result.outcome is outcome, order
        assert result.http_status == 409 and result.reason
        assert result.to_json()["reason"] == result.reason
    small = _redeem(world, coupon.code, "small", later)
    assert small.to_json()["threshold"] == "100.00"
    assert small.to_json()["order_amount"] == "99.99"
    exact = _order(world, eid, "exact", later, "100")
    assert _redeem(world, coupon.code, exact, later).ok  # the threshold itself qualifies
    with world.factory() as s:
        assert s.get(Coupon, coupon.id).order_event_id == "exact"
        assert s.get(Coupon, other.id).redeemed_at is None


def _two_coupons_for_one_customer(world: World) -> tuple[Coupon, Coupon]:
    from bot.services.campaigns.runner import campaign_tick

    make_campaign(world, MONDAY_10 - timedelta(hours=1), schedule_kind="cron", cron="0 10 * * *",
                  run_at=None, holdout_percent=0, frequency_cap_days=0, coupon=COUPON,
                  content="{coupon_code}")  # fmt: skip
    for day in range(2):
        campaign_tick(world.factory, None, MONDAY_10 + timedelta(days=day), world.pctx())
    with world.factory() as s:
        coupons = list(s.scalars(select(Coupon).order_by(Coupon.id)))
    eid = coupons[0].external_userid
    first, second = [c for c in coupons if c.external_userid == eid]
    return first, second


def test_one_order_redeems_at_most_one_coupon(world: World) -> None:
    first, second = _two_coupons_for_one_customer(world)
    later = MONDAY_10 + timedelta(days=2)
    order = _order(world, first.external_userid, "big-order", later, "500")
    assert _redeem(world, first.code, order, later).ok
    used = _redeem(world, second.code, order, later)
    assert used.outcome is RedeemOutcome.ORDER_USED and used.http_status == 409
    another = _order(world, first.external_userid, "next-order", later, "500")
    assert _redeem(world, second.code, another, later).ok


def test_the_database_refuses_a_second_coupon_on_one_order(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two tills racing past the check: the unique index decides, and the loser is told."""
    import bot.services.coupons as coupons

    first, second = _two_coupons_for_one_customer(world)
    later = MONDAY_10 + timedelta(days=2)
    order = _order(world, first.external_userid, "raced", later, "500")
    with pytest.raises(IntegrityError), unit_of_work(world.factory) as s:
        for coupon in (first, second):
            s.get(Coupon, coupon.id).order_event_id = order  # type: ignore[union-attr]
            s.flush()
    real = coupons._order_refusal

    def checked_then_taken(
        session: Session, coupon: Coupon, found: object, kind: str
    ) -> RedeemOutcome | None:
        refusal = real(session, coupon, found, kind)  # type: ignore[arg-type]
        # The other till's redemption of the first coupon lands right after this check.
        session.execute(update(Coupon).where(Coupon.id == first.id)
                        .values(order_event_id=order, redeemed_at=later))  # fmt: skip
        return refusal

    monkeypatch.setattr(coupons, "_order_refusal", checked_then_taken)
    lost = _redeem(world, second.code, order, later)
    assert lost.outcome is RedeemOutcome.ORDER_USED
    with world.factory() as s:
        assert s.get(Coupon, second.id).redeemed_at is None  # type: ignore[union-attr]
        assert s.get(Coupon, first.id).order_event_id == order  # type: ignore[union-attr]


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


def test_a_discount_from_a_threshold_redeems_only_from_it(world: World) -> None:
    """满200打9折 (a chat coupon: 满200享9折, "10% off orders over 200"): an order under 200
    is refused as a 满减's is."""
    coupon = _issue(world, {"kind": "discount", "percent": 90, "threshold": "200",
                            "validity_days": 14})[0]  # fmt: skip
    eid, later = coupon.external_userid, MONDAY_10 + timedelta(days=1)
    small = _order(world, eid, "small", later, "150")
    assert _redeem(world, coupon.code, small, later).outcome is RedeemOutcome.BELOW_THRESHOLD
    big = _order(world, eid, "big", later, "200")
    assert _redeem(world, coupon.code, big, later).ok
