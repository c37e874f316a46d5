"""The outbox: every (run, customer) sent exactly once across crashes, errors and reruns."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.models.campaigns import CampaignRun, Delivery
from bot.services.campaigns.audience import in_holdout
from bot.services.campaigns.reconcile import CLOCK_SKEW
from bot.services.campaigns.runner import run_campaign_now
from bot.services.campaigns.sending import dispatch_due
from integrations.wecom.fake import FakeWeComGateway
from tests.campaigns.helpers import make_campaign
from tests.campaigns.world import MONDAY_10, World, cid

EXCLUDED = {cid(1), cid(2), cid(3)}


def _run(world: World, campaign_id: int, now=MONDAY_10, gateway=None):  # type: ignore[no-untyped-def]
    return run_campaign_now(world.factory, gateway or world.gateway, campaign_id, now, world.pctx())


def test_run_sends_one_task_per_owner_and_skips_excluded_and_holdout(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10)
    run, report = _run(world, campaign_id)
    assert run is not None and report is not None
    calls = [c for c in world.gateway.calls if c.api == "externalcontact/add_msg_template"]
    assert sorted(c.data["sender"] for c in calls) == ["alice", "bob"]
    recipients = world.mass_recipients()
    assert len(recipients) == len(set(recipients))
    holdout = {e for e in world.customers if in_holdout(campaign_id, e, 10)}
    assert holdout, "the fixture should put somebody in the 10% holdout"
    assert not holdout & set(recipients)
    assert not {cid(1), cid(2), cid(3)} & set(recipients)
    # The segment engine never returns deleted customers; no live follow = nobody to send it.
    assert run.exclusions["deleted"] == 0
    assert run.exclusions["no_owner"] == (0 if cid(3) in holdout else 1)
    assert run.exclusions["opted_out"] == (0 if cid(1) in holdout else 1)
    eligible = set(world.customers) - {cid(1), cid(2), cid(3)}
    assert set(recipients) == eligible - holdout
    assert run.exclusions["holdout"] == len(eligible & holdout)


def test_customer_with_two_owners_goes_to_the_first_who_added_them(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=0)
    _run(world, campaign_id)
    bob_call = next(
        c for c in world.gateway.calls
        if c.api == "externalcontact/add_msg_template" and c.data["sender"] == "bob"
    )  # fmt: skip
    assert cid(0) in bob_call.data["external_userid"]
    assert world.mass_recipients().count(cid(0)) == 1


def test_campaign_only_targets_customers_its_creator_may_see(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10, creator_userid="alice", holdout_percent=0)
    _run(world, campaign_id)
    recipients = set(world.mass_recipients())
    alices = {cid(i) for i in range(0, 40, 2)} - {cid(2)}
    assert recipients == alices
    # wm0000 is bob's first, but alice created the campaign and follows them too.
    calls = [c for c in world.gateway.calls if c.api == "externalcontact/add_msg_template"]
    assert {c.data["sender"] for c in calls} == {"alice"}


class CrashAfter(FakeWeComGateway):
    """Dies (as a process would) on the call after `limit` successful mass messages."""

    def __init__(self, inner: FakeWeComGateway, limit: int) -> None:
        self.__dict__.update(inner.__dict__)
        self.limit = limit

    def add_msg_template(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.limit == 0:
            raise RuntimeError("killed")
        self.limit -= 1
        return super().add_msg_template(*args, **kwargs)


def test_killed_mid_run_then_rerun_sends_every_customer_exactly_once(world: World) -> None:
    # {name} makes one task per customer, so the crash lands in the middle of the run.
    campaign_id = make_campaign(world, MONDAY_10, content="{name}您好", holdout_percent=0)
    with pytest.raises(RuntimeError, match="killed"):
        _run(world, campaign_id, gateway=CrashAfter(world.gateway, 5))
    assert len(world.mass_recipients()) == 5
    # The killed batch's outcome is unknown: it is re-sent only once WeCom's task list shows
    # nothing for it and its call window (lease + clock skew) is over.
    later = MONDAY_10 + timedelta(seconds=world.settings.lease_seconds) + CLOCK_SKEW * 2
    report = dispatch_due(world.factory, world.gateway, later, world.settings)
    recipients = world.mass_recipients()
    assert Counter(recipients).most_common(1)[0][1] == 1
    expected = set(world.customers) - EXCLUDED
    assert set(recipients) == expected
    assert report.sent == len(expected) - 5
    assert world.count(status="pending") == world.count(status="sending") == 0


def test_rerunning_the_dispatcher_sends_nothing_again(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10)
    _run(world, campaign_id)
    before = len(world.mass_recipients())
    report = dispatch_due(
        world.factory, world.gateway, MONDAY_10 + timedelta(hours=1), world.settings
    )
    assert report.calls == 0 and len(world.mass_recipients()) == before


def test_wecom_errors_mid_run_are_retried_later_and_nothing_is_lost(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=0)
    world.gateway.fail_next("externalcontact/add_msg_template", -1, times=1)
    _, report = _run(world, campaign_id)
    assert report is not None and report.retried > 0 and report.errors
    assert world.count(status="pending") == report.retried
    # Not yet due again: the backoff holds the rows.
    assert dispatch_due(world.factory, world.gateway, MONDAY_10, world.settings).calls == 0
    dispatch_due(world.factory, world.gateway, MONDAY_10 + timedelta(minutes=5), world.settings)
    recipients = world.mass_recipients()
    assert sorted(recipients) == sorted(set(world.customers) - EXCLUDED)
    assert world.count(status="pending") == 0


def test_rows_fail_for_good_after_max_attempts(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=0, creator_userid="alice")
    world.gateway.fail_next("externalcontact/add_msg_template", -1, times=10)
    now = MONDAY_10
    _run(world, campaign_id, now=now)
    for _ in range(10):
        now += timedelta(hours=2)
        dispatch_due(world.factory, world.gateway, now, world.settings)
    assert world.count(status="pending") == 0
    assert world.count(status="failed") == world.count(arm="treated")


def test_fail_list_marks_rows_failed_with_reason(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=0, creator_userid="alice")
    # WeCom no longer knows the relation; our database has not caught up yet.
    world.gateway.company.remove_follow("alice", cid(4))
    _run(world, campaign_id)
    with world.factory() as s:
        row = s.scalars(select(Delivery).where(Delivery.external_userid == cid(4))).one()
    assert row.status == "failed" and "fail_list" in (row.error or "")


def test_holdout_rows_are_recorded_but_never_sent(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=50)
    _run(world, campaign_id)
    with world.factory() as s:
        holdout = set(s.scalars(select(Delivery.external_userid).where(Delivery.arm == "holdout")))
        run = s.scalars(select(CampaignRun)).one()
    assert holdout and not holdout & set(world.mass_recipients())
    assert run.exclusions["holdout"] == len(holdout)
    assert world.count(arm="holdout", status="control") == len(holdout)


def test_paused_campaign_sends_nothing_until_resumed(world: World) -> None:
    from bot.database import unit_of_work
    from bot.services.campaigns.definition import get_campaign, set_paused
    from bot.services.campaigns.planning import plan_run

    campaign_id = make_campaign(world, MONDAY_10)
    with unit_of_work(world.factory) as s:
        plan_run(s, get_campaign(s, campaign_id), slot=MONDAY_10, trigger="manual",
                 now=MONDAY_10, pctx=world.pctx())  # fmt: skip
        set_paused(s, campaign_id, True, MONDAY_10)
    assert dispatch_due(world.factory, world.gateway, MONDAY_10, world.settings).calls == 0
    with unit_of_work(world.factory) as s:
        set_paused(s, campaign_id, False, MONDAY_10)
    assert dispatch_due(world.factory, world.gateway, MONDAY_10, world.settings).calls == 2
