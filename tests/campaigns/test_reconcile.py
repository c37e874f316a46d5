"""Unknown WeCom outcomes: never repeated blindly, reconciled against WeCom's task list, and
re-sent exactly once only when WeCom has no task for them (spec/security.md, at most once)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.models.campaigns import Delivery, MassTask
from bot.services.campaigns.reconcile import CLOCK_SKEW
from bot.services.campaigns.runner import run_campaign_now
from bot.services.campaigns.sending import DispatchReport, dispatch_due
from integrations.wecom.fake import FakeWeComGateway
from tests.campaigns.helpers import make_campaign
from tests.campaigns.world import MONDAY_10, World, cid

SEND = "externalcontact/add_msg_template"
EXCLUDED = {cid(1), cid(2), cid(3)}


def _at(world: World, when: datetime) -> datetime:
    """WeCom's clock and ours agree (as in production, within CLOCK_SKEW)."""
    world.gateway.state.clock = lambda: when.timestamp()
    return when


def _dispatch(world: World, when: datetime, gateway: FakeWeComGateway | None = None):  # type: ignore[no-untyped-def]
    return dispatch_due(world.factory, gateway or world.gateway, _at(world, when), world.settings)


def _past_window(world: World) -> datetime:
    # Lease + skew after the claim, plus a margin for the real time the first pass took.
    return MONDAY_10 + timedelta(seconds=world.settings.lease_seconds) + CLOCK_SKEW * 2


def _sends(world: World) -> int:
    return sum(1 for c in world.gateway.calls if c.api == SEND)


def _plan(world: World, **fields: object) -> int:
    campaign_id = make_campaign(world, MONDAY_10, holdout_percent=0, **fields)
    run, _ = run_campaign_now(world.factory, None, campaign_id, _at(world, MONDAY_10), world.pctx())
    assert run is not None
    return campaign_id


def _treated_once(world: World) -> None:
    recipients = world.mass_recipients()
    assert Counter(recipients).most_common(1)[0][1] == 1
    assert set(recipients) == set(world.customers) - EXCLUDED


def test_a_timeout_on_add_msg_template_makes_no_second_task_and_is_reconciled_as_sent(
    world: World,
) -> None:
    _plan(world)
    world.gateway.lose_answer_next(SEND)
    first = _dispatch(world, MONDAY_10)
    assert first.unknown > 0 and _sends(world) == 2  # the lost call ran once, not retried
    assert world.count(status="unknown") == first.unknown
    # Found in WeCom's task list right away: recorded, nothing re-sent.
    second = _dispatch(world, MONDAY_10 + timedelta(minutes=1))
    assert second.reconciled.found == first.unknown and second.calls == 0
    assert _sends(world) == 2
    _treated_once(world)
    assert world.count(status="unknown") == world.count(status="pending") == 0
    with world.factory() as s:
        msgids = set(s.scalars(select(Delivery.msgid).where(Delivery.arm == "treated")))
        tasks = set(s.scalars(select(MassTask.msgid)))
    assert msgids == tasks == set(world.gateway.company.mass_tasks)


class KilledAfterAccept(FakeWeComGateway):
    """WeCom accepts the first mass message, then the process dies before recording it."""

    def __init__(self, inner: FakeWeComGateway) -> None:
        self.__dict__.update(inner.__dict__)

    def add_msg_template(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().add_msg_template(*args, **kwargs)
        raise RuntimeError("killed")


def test_a_sender_killed_after_wecom_accepted_is_reconciled_not_resent(world: World) -> None:
    _plan(world)
    with pytest.raises(RuntimeError, match="killed"):
        _dispatch(world, MONDAY_10, KilledAfterAccept(world.gateway))
    assert world.count(status="sending") > 0 and _sends(world) == 1
    # Before the lease runs out nobody touches the rows.
    _dispatch(world, MONDAY_10 + timedelta(minutes=1))
    assert world.count(status="sending") > 0
    after_lease = MONDAY_10 + timedelta(seconds=world.settings.lease_seconds + 1)
    report = _dispatch(world, after_lease)
    assert report.reconciled.found > 0 and report.reconciled.resend == 0
    assert _sends(world) == 2  # only the other salesperson's batch
    _treated_once(world)
    assert world.count(status="unknown") == world.count(status="sending") == 0


def test_a_call_wecom_never_got_is_resent_exactly_once_after_reconciliation(
    world: World,
) -> None:
    _plan(world, creator_userid="alice")
    world.gateway.drop_next(SEND)
    first = _dispatch(world, MONDAY_10)
    assert first.unknown > 0 and world.mass_recipients() == []
    # WeCom shows nothing, but the call's window is not over: wait, do not re-send.
    early: DispatchReport = _dispatch(world, MONDAY_10 + timedelta(minutes=3))
    assert early.reconciled.waiting == first.unknown and early.calls == 0
    assert world.count(status="unknown") == first.unknown
    late = _dispatch(world, _past_window(world))
    assert late.reconciled.resend == first.unknown and late.calls == 1
    alices = {cid(i) for i in range(0, 40, 2)} - EXCLUDED
    assert sorted(world.mass_recipients()) == sorted(alices)
    assert _dispatch(world, _past_window(world) + timedelta(hours=1)).calls == 0
    assert world.count(status="unknown") == world.count(status="pending") == 0


def test_a_task_with_the_same_text_from_another_salesperson_is_not_taken_for_ours(
    world: World,
) -> None:
    _plan(world, creator_userid="alice")
    world.gateway.drop_next(SEND)
    _dispatch(world, MONDAY_10)
    # Inside the window WeCom gets a task with the very same text, but for bob.
    with world.factory() as s:
        text = s.scalars(select(Delivery.content)).first()
    world.gateway.add_msg_template([cid(5)], text or "", sender="bob")
    late = _dispatch(world, _past_window(world))
    assert late.reconciled.found == 0 and late.reconciled.resend > 0
    assert world.mass_recipients().count(cid(4)) == 1


def test_a_reminder_card_with_unknown_outcome_reaches_the_salesperson_once(
    world: World,
) -> None:
    _plan(world, creator_userid="alice", channel="reminder")
    world.gateway.lose_answer_next("message/send")
    first = _dispatch(world, MONDAY_10)
    assert first.unknown > 0 and len(world.gateway.sent) == 1
    # WeCom cannot be asked about app messages: once the window is past the card is sent
    # again with WeCom's duplicate check, which drops it because the first one arrived.
    late = _dispatch(world, _past_window(world))
    assert late.reconciled.resend == first.unknown and late.calls == 1
    assert len(world.gateway.sent) == 1
    sends = [c.data for c in world.gateway.calls if c.api == "message/send"]
    assert len(sends) == 2 and all(d["enable_duplicate_check"] == 1 for d in sends)
    assert world.count(status="notified") == first.unknown
