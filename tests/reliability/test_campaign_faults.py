"""Campaign runs under SIGKILL and WeCom faults: no delivery missing or doubled, one coupon per
customer, each coupon redeemed at most once (spec/security.md "Never lost, never doubled")."""

from __future__ import annotations

from collections.abc import Callable

from tests.reliability.callbacks import seed_database
from tests.reliability.campaigns import SEND_API, rerun_and_report, run_campaign_faults
from tests.reliability.harness import Rig, find_secrets, utcnow


def test_campaign_run_killed_and_resumed_sends_each_customer_once(
    make_reliability_rig: Callable[..., Rig],
) -> None:
    rig = make_reliability_rig(customers=160)
    seed_database(rig)
    figures = run_campaign_faults(rig, now=utcnow(), kills=2, seed=5)
    assert figures.kills >= 1, figures
    assert figures.open_rows == 0
    assert find_secrets(rig.logs()) == []
    assert figures.treated > 120
    assert figures.missing == []
    assert figures.coupon_problems == []
    assert figures.coupons == figures.treated
    assert figures.redeemed_twice == 0
    # A worker killed after WeCom accepted a task but before the outbox row was marked is
    # reconciled against WeCom's task list, not re-sent (bot/services/campaigns/reconcile.py;
    # deterministic reproductions in test_outbox_doubles.py): nobody is in two tasks.
    assert figures.doubled_unexplained == [], figures
    assert figures.doubled == {}, figures


def test_wecom_busy_and_rate_limited_sends_are_retried_without_loss(
    make_reliability_rig: Callable[..., Rig],
) -> None:
    rig = make_reliability_rig(customers=60)
    seed_database(rig)
    figures = run_campaign_faults(rig, now=utcnow(), kills=0, seed=6)
    assert rig.sim.state.calls[0].api == SEND_API or figures.wecom_calls > 0
    errors = [c.errcode for c in rig.sim.state.calls if c.api == SEND_API and c.errcode]
    assert sorted(errors) == [-1, 45009, 45009]
    assert figures.kills == 0
    assert figures.missing == [] and figures.doubled == {} and figures.coupon_problems == []


def test_repeated_runs_do_not_inflate_the_counts(make_reliability_rig: Callable[..., Rig]) -> None:
    """A run killed and resumed, then `segbot campaign run` twice more (a once-only campaign
    with frequency cap 0: the re-runs must plan nobody), then a forced second run: the report
    counts each customer once per arm, and each buyer once however many runs they were in."""
    rig = make_reliability_rig(customers=60)
    seed_database(rig)
    now = utcnow()
    first = run_campaign_faults(rig, now=now, kills=1, seed=7, wecom_faults=False)
    assert first.open_rows == 0 and first.missing == [] and first.doubled == {}
    figures = rerun_and_report(rig, now)
    assert figures.rerun_new_rows == 0 and figures.rerun_wecom_calls == 0
    assert figures.rerun_said_already_ran
    assert figures.runs == 2 and figures.rows == 2 * (first.treated + first.holdout)
    report = figures.report
    assert report["runs"] == 2
    assert report["treated"]["size"] == figures.treated_customers == first.treated
    assert report["holdout"]["size"] == figures.holdout_customers == first.holdout
    assert sum(report["treated"]["statuses"].values()) == first.treated
    ordered = report["treated"]["ordered"] + report["holdout"]["ordered"]
    assert ordered == figures.ordered_customers < figures.orders
