"""Results: treated against holdout, conversions in the attribution window, Newcombe CI."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.database import unit_of_work
from bot.models.campaigns import Coupon, Delivery
from bot.services.campaigns.results import campaign_report, format_report, newcombe, wilson
from bot.services.campaigns.runner import run_campaign_now
from bot.services.coupons import redeem_coupon
from tests.campaigns.helpers import make_campaign
from tests.campaigns.world import MONDAY_10, World, add_order


def test_wilson_and_newcombe_match_published_values() -> None:
    # Newcombe (1998), example (a): 56/70 vs 48/80 → difference 0.2, CI 0.0524 to 0.3339;
    # the Wilson interval of 56/70 worked by hand: centre 0.7844 ± 0.0926.
    low, high = wilson(56, 70)
    assert (round(low, 4), round(high, 4)) == (0.6918, 0.877)
    uplift = newcombe(56, 70, 48, 80)
    assert uplift is not None
    assert (round(uplift.low, 4), round(uplift.high, 4)) == (0.0524, 0.3339)
    assert newcombe(1, 10, 0, 0) is None


def test_report_counts_orders_in_the_attribution_window_per_arm(world: World) -> None:
    coupon = {"kind": "no_threshold", "value": "10", "validity_days": 30}
    campaign_id = make_campaign(
        world, MONDAY_10, holdout_percent=50, coupon=coupon, content="券{coupon_code}"
    )
    run_campaign_now(world.factory, world.gateway, campaign_id, MONDAY_10, world.pctx())
    world.confirm_all(MONDAY_10 + timedelta(minutes=1))
    with world.factory() as s:
        arms = dict(s.execute(select(Delivery.external_userid, Delivery.arm)).all())
        codes = dict(s.execute(select(Coupon.external_userid, Coupon.code)).all())
    treated = sorted(e for e, a in arms.items() if a == "treated")
    holdout = sorted(e for e, a in arms.items() if a == "holdout")
    for n, eid in enumerate(treated[:3]):
        add_order(world.factory, eid, MONDAY_10 + timedelta(days=2), n)
    add_order(world.factory, holdout[0], MONDAY_10 + timedelta(days=3), 0)
    # Outside the 14-day window, and before the run: neither counts.
    add_order(world.factory, holdout[1], MONDAY_10 + timedelta(days=20), 1)
    add_order(world.factory, treated[4], MONDAY_10 - timedelta(days=1), 9)
    with unit_of_work(world.factory) as s:
        order = f"o-{treated[0]}-0"  # its order two days after the run
        assert redeem_coupon(s, codes[treated[0]], order, MONDAY_10 + timedelta(days=2)).ok
    with world.factory() as s:
        report = campaign_report(s, campaign_id, world.settings)
    assert (report.treated.size, report.holdout.size) == (len(treated), len(holdout))
    assert (report.treated.ordered, report.holdout.ordered) == (3, 1)
    assert report.treated.redeemed == 1
    assert report.treated.statuses == {"unconfirmed": len(treated)}
    assert report.uplift is not None
    expected = 3 / len(treated) - 1 / len(holdout)
    assert report.uplift.difference == pytest.approx(expected)
    assert report.uplift.low < expected < report.uplift.high
    text = format_report(report)
    assert "uplift" in text and "95% CI" in text and "holdout" in text


def test_repeated_runs_count_each_customer_once_per_arm(world: World) -> None:
    """A daily campaign without a frequency cap reaches the same customers three times: the
    report (and so the digest, the chat answer and the dashboard) counts them once, and the
    interval is Newcombe's on those distinct counts, not on customers × runs."""
    from bot.services.campaigns.runner import campaign_tick

    campaign_id = make_campaign(world, MONDAY_10 - timedelta(hours=1), schedule_kind="cron",
                                cron="0 10 * * *", run_at=None, holdout_percent=50,
                                frequency_cap_days=0)  # fmt: skip
    days = [MONDAY_10 + timedelta(days=d) for d in range(3)]
    for day in days:
        campaign_tick(world.factory, world.gateway, day, world.pctx())
    world.confirm_all(days[-1] + timedelta(minutes=1))
    campaign_tick(world.factory, world.gateway, days[-1] + timedelta(hours=1), world.pctx())
    with world.factory() as s:
        rows = s.execute(select(Delivery.external_userid, Delivery.arm)).all()
    arms = dict(rows)
    assert len(rows) == 3 * len(arms)  # three runs, each customer in each
    treated = sorted(e for e, a in arms.items() if a == "treated")
    holdout = sorted(e for e, a in arms.items() if a == "holdout")
    # One customer orders after each of the three runs; another orders once.
    for n, day in enumerate(days):
        add_order(world.factory, treated[0], day + timedelta(hours=2), n)
    add_order(world.factory, holdout[0], days[1] + timedelta(hours=2), 0)
    with world.factory() as s:
        report = campaign_report(s, campaign_id, world.settings)
    assert report.runs == 3
    assert (report.treated.size, report.holdout.size) == (len(treated), len(holdout))
    assert (report.treated.ordered, report.holdout.ordered) == (1, 1)
    assert sum(report.treated.statuses.values()) == len(treated)
    assert report.treated.reached == report.treated.statuses.get("delivered", 0) > 0
    assert report.uplift == newcombe(1, len(treated), 1, len(holdout))
    assert f"{'customers':10}{len(treated):>10}{len(holdout):>10}" in format_report(report)


def test_a_customer_reached_once_stays_reached_when_a_later_run_fails(world: World) -> None:
    from bot.services.campaigns.runner import campaign_tick

    campaign_id = make_campaign(world, MONDAY_10 - timedelta(hours=1), schedule_kind="cron",
                                cron="0 10 * * *", run_at=None, holdout_percent=0,
                                frequency_cap_days=0)  # fmt: skip
    campaign_tick(world.factory, world.gateway, MONDAY_10, world.pctx())
    world.confirm_all(MONDAY_10 + timedelta(minutes=1))
    campaign_tick(world.factory, world.gateway, MONDAY_10 + timedelta(hours=1), world.pctx())
    with unit_of_work(world.factory) as s:
        reached = s.scalars(select(Delivery).where(Delivery.status == "delivered")).first()
        assert reached is not None
        eid = reached.external_userid
    campaign_tick(world.factory, world.gateway, MONDAY_10 + timedelta(days=1), world.pctx())
    with unit_of_work(world.factory) as s:
        later = s.scalars(
            select(Delivery).where(Delivery.external_userid == eid, Delivery.id != reached.id)
        ).one()
        later.status = "failed"
    with world.factory() as s:
        report = campaign_report(s, campaign_id, world.settings)
    assert report.runs == 2
    assert report.treated.size == sum(report.treated.statuses.values())
    assert report.treated.statuses.get("failed", 0) == 0
