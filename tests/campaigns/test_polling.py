"""WeCom's answers read back: delivered, not a friend, receive limit, unconfirmed + reminders."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.models.campaigns import Delivery, MassTask
from bot.services.campaigns.polling import poll_tasks
from bot.services.campaigns.runner import run_campaign_now
from tests.campaigns.helpers import make_campaign
from tests.campaigns.world import MONDAY_10, World, build_world, cid


def _statuses(world: World) -> dict[str, str]:
    with world.factory() as s:
        rows = s.execute(select(Delivery.external_userid, Delivery.status)
                         .where(Delivery.arm == "treated"))  # fmt: skip
        return dict(rows.all())


def test_confirmed_tasks_become_delivered_or_not_friend(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=0, creator_userid="alice")
    run_campaign_now(world.factory, world.gateway, campaign_id, MONDAY_10, world.pctx())
    # The customer removed alice after the task was created, before she pressed send.
    world.gateway.company.remove_follow("alice", cid(6))
    world.confirm_all(MONDAY_10 + timedelta(minutes=5))
    report = poll_tasks(world.factory, world.gateway, MONDAY_10 + timedelta(minutes=10),
                        world.settings)  # fmt: skip
    statuses = _statuses(world)
    assert statuses[cid(6)] == "not_friend"
    assert statuses[cid(4)] == "delivered"
    assert report.updated == len(statuses)
    with world.factory() as s:
        assert all(t.done for t in s.scalars(select(MassTask)))


def test_receive_limit_is_read_back_from_wecom(clean_engine) -> None:  # type: ignore[no-untyped-def]
    world = build_world(clean_engine, monthly_budget=0)
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=0, creator_userid="alice")
    run_campaign_now(world.factory, world.gateway, campaign_id, MONDAY_10, world.pctx())
    world.confirm_all(MONDAY_10 + timedelta(minutes=5))
    poll_tasks(world.factory, world.gateway, MONDAY_10 + timedelta(minutes=10), world.settings)
    assert set(_statuses(world).values()) == {"receive_limit"}


def test_unconfirmed_task_is_reminded_at_most_three_times_a_day(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=0, creator_userid="alice")
    run_campaign_now(world.factory, world.gateway, campaign_id, MONDAY_10, world.pctx())
    now = MONDAY_10
    reminded = 0
    for _ in range(24 * 4):  # every 15 minutes for a day
        now += timedelta(minutes=15)
        reminded += poll_tasks(world.factory, world.gateway, now, world.settings).reminded
    assert 1 <= reminded <= 3
    reminds = [c for c in world.gateway.calls if c.api == "externalcontact/remind_groupmsg_send"]
    assert len(reminds) == reminded
    assert set(_statuses(world).values()) == {"unconfirmed"}


def test_polling_gives_up_after_poll_days_and_leaves_rows_unconfirmed(world: World) -> None:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=0, creator_userid="alice")
    run_campaign_now(world.factory, world.gateway, campaign_id, MONDAY_10, world.pctx())
    late = MONDAY_10 + timedelta(days=world.settings.poll_days, minutes=1)
    poll_tasks(world.factory, world.gateway, late, world.settings)
    assert poll_tasks(world.factory, world.gateway, late, world.settings).polled == 0
    assert set(_statuses(world).values()) == {"unconfirmed"}
