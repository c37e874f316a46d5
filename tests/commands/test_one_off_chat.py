"""A send that runs once, later, end to end (issue 19, blind s11): the card says when it runs,
确认 makes a `once` campaign due at that time, and the scheduler runs it exactly once —
not before its time, and never again on a later tick, a wake-up job or a restarted
scheduler (spec/security.md, "Never lost, never doubled")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.models.campaigns import ONCE, Campaign, CampaignRun, Delivery
from bot.services.campaigns.planning import PlanContext
from bot.services.campaigns.runner import campaign_tick, plan_campaign_if_due
from segmentation.engine import default_context
from tests.commands.chatworld import ADMINS, SETTINGS
from tests.commands.conftest import ChatRig

TEXT = "明天上午9点给近30天咨询未下单的客户发消息“新品到店”"
AT = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)  # 2026-11-02 09:00 Asia/Shanghai


def _pctx() -> PlanContext:
    """A scheduler's planning context; a new one is a restarted scheduler process."""
    return PlanContext(SETTINGS.campaigns, default_context(SETTINGS.timezone), ADMINS)


def _runs(rig: ChatRig) -> list[CampaignRun]:
    with rig.factory() as session:
        return list(session.scalars(select(CampaignRun)))


def _deliveries(rig: ChatRig) -> list[tuple[int, str]]:
    with rig.factory() as session:
        return [(d.run_id, d.external_userid) for d in session.scalars(select(Delivery))]


def _confirmed(rig: ChatRig) -> Campaign:
    rig.tell("boss", TEXT)
    [card] = rig.cards()
    rows = {r["keyname"]: r["value"] for r in card["horizontal_content_list"]}
    assert any("仅一次：11月2日（周一） 09:00" in str(v) for v in rows.values()), rows
    done = rig.tell("boss", "确认")
    assert any("只发这一次" in r.text for r in done), [r.text for r in done]
    with rig.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
    return campaign


def test_a_one_off_schedule_becomes_a_once_campaign_due_at_its_time(rig: ChatRig) -> None:
    campaign = _confirmed(rig)
    assert campaign.schedule_kind == ONCE and campaign.cron is None
    assert campaign.run_at is not None
    assert campaign.run_at.replace(tzinfo=campaign.run_at.tzinfo or UTC) == AT


def test_it_runs_exactly_once_however_often_the_scheduler_ticks(rig: ChatRig) -> None:
    campaign = _confirmed(rig)
    for minutes in (1, 60, 22 * 60):  # before its time: nothing
        campaign_tick(rig.factory, rig.gateway, rig.now + timedelta(minutes=minutes), _pctx())
    assert _runs(rig) == []
    campaign_tick(rig.factory, rig.gateway, AT + timedelta(minutes=1), _pctx())
    [run] = _runs(rig)
    sent = _deliveries(rig)
    assert sent and len(sent) == len(set(sent))
    # Later ticks, the campaign's own wake-up job and a restarted scheduler add nothing.
    for later in (timedelta(minutes=2), timedelta(hours=1), timedelta(days=1), timedelta(days=8)):
        campaign_tick(rig.factory, rig.gateway, AT + later, _pctx())
        assert plan_campaign_if_due(rig.factory, campaign.id, AT + later, _pctx()) is None
    assert [r.id for r in _runs(rig)] == [run.id]
    assert _deliveries(rig) == sent


def test_confirmed_after_its_time_it_is_not_sent_late(rig: ChatRig) -> None:
    rig.tell("boss", "今天上午10点20分给近30天咨询未下单的客户发消息“十点半直播”")
    late = rig.later(timedelta(minutes=25))  # 10:25: the card (30 minutes) is still live
    replies = late.tell("boss", "确认")
    with rig.factory() as session:
        assert session.scalars(select(Campaign)).all() == []
    assert any("已经过去" in r.text for r in replies), [r.text for r in replies]


def _pending(rig: ChatRig) -> tuple[str, dict[str, object]]:
    from bot.models.confirmations import PENDING, PendingAction

    with rig.factory() as session:
        rows = session.scalars(select(PendingAction).where(PendingAction.status == PENDING))
        [action] = list(rows)
        return action.intent, dict(action.details)


TOMORROW_10 = {"every": "once", "date": "2026-11-02", "time": "10:00"}
PUSH = "给近30天咨询未下单的客户发消息“新品到店”"
DAILY = "每天上午9点给近30天咨询未下单的客户发消息“新品到店”"
WEEKLY = "every Monday at 9am send customers who inquired in the last 30 days the message “hi”"
ONCE_CARD = "明天上午9点给近30天咨询未下单的客户发消息“新品到店”"


@pytest.mark.parametrize(
    ("first", "change", "schedule"),
    [
        # a push moved to a later time: a schedule that runs once
        (PUSH, "改成明天上午10点再发", TOMORROW_10),
        (PUSH, "改做聽日朝早10點先發", TOMORROW_10),
        (PUSH, "改到明天上午10点", TOMORROW_10),
        (PUSH, "推迟到明天上午10点发", TOMORROW_10),
        (PUSH, "move it to tomorrow 10am", TOMORROW_10),
        (PUSH, "send it tomorrow at 10am instead", TOMORROW_10),
        (PUSH, "改成明天再发", TOMORROW_10),  # no hour: the schedules' default
        # a repeating schedule made one-off: only when 只发一次 / once is said
        (DAILY, "改成只发一次，明天上午10点", TOMORROW_10),
        (DAILY, "改成11月5号上午10点只发一次", {**TOMORROW_10, "date": "2026-11-05"}),
        (WEEKLY, "make it tomorrow at 10am, just once", TOMORROW_10),
        # a one-off card: another day keeps its hour, another hour keeps its day
        (ONCE_CARD, "改成后天", {"every": "once", "date": "2026-11-03", "time": "09:00"}),
        (ONCE_CARD, "改成10点", TOMORROW_10),
        (ONCE_CARD, "改成每天", {"every": "day", "weekday": None, "time": "09:00"}),
        # a weekday alone on a repeating card: the day it repeats on, its time kept
        (WEEKLY, "change it to Fridays", {"every": "week", "weekday": 5, "time": "09:00"}),
        (DAILY, "改成每周五", {"every": "week", "weekday": 5, "time": "09:00"}),
    ],
)
def test_a_card_moved_to_another_time(
    rig: ChatRig, first: str, change: str, schedule: dict[str, object]
) -> None:
    rig.tell("boss", first)
    rig.tell("boss", change)
    intent, details = _pending(rig)
    assert intent == "schedule"
    assert details["schedule"] == schedule


@pytest.mark.parametrize(
    ("first", "change", "asked"),
    [
        (DAILY, "改成明天上午10点", "只发一次"),  # start tomorrow, or once tomorrow?
        (DAILY, "改成只发一次", "哪一天"),
        (PUSH, "改成今天上午9点再发", "已经过去"),
        (PUSH, "改成明天下午再发", "明天下午3点"),
    ],
)
def test_a_move_that_is_no_time_to_come_is_asked_and_the_card_stays(
    rig: ChatRig, first: str, change: str, asked: str
) -> None:
    rig.tell("boss", first)
    before = _pending(rig)
    replies = rig.tell("boss", change)
    assert any(asked in r.text for r in replies), [r.text for r in replies]
    assert _pending(rig) == before
