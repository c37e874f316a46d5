"""A send that runs once, later, end to end (issue 19, blind s11): the card says when it runs,
确认 makes a `once` campaign due at that time, and the scheduler runs it exactly once —
not before its time, and never again on a later tick, a wake-up job or a restarted
scheduler (spec/security.md, "Never lost, never doubled")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

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
