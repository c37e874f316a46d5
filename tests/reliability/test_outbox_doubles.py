"""The two windows where a mass message can reach WeCom twice: WeCom ran the call but its
answer never arrived (timeout, then a retry), and a sender killed after WeCom accepted the
call but before the outbox row was marked. spec/security.md promises at most once per
customer per run: the call is not repeated after a lost answer and the rows are reconciled
against WeCom's task list (bot/services/campaigns/reconcile.py) before anything is re-sent."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

from bot.database import unit_of_work
from bot.models.campaigns import Delivery
from bot.services.campaigns.planning import PlanContext
from bot.services.campaigns.runner import plan_campaign_if_due
from bot.services.campaigns.sending import dispatch_due
from bot.services.campaigns.settings import CampaignSettings
from segmentation.engine import default_context
from tests.reliability.callbacks import seed_database
from tests.reliability.campaigns import SEND_API, _dispatcher, make_mass_campaign
from tests.reliability.harness import Rig, repeated, utcnow


def _plan(rig: Rig, now) -> CampaignSettings:  # type: ignore[no-untyped-def]
    settings = CampaignSettings(timezone=now.tzinfo, quiet_start=None, quiet_end=None)
    pctx = PlanContext(
        settings=settings, engine=default_context(now.tzinfo), admins=frozenset({"admin"})
    )
    campaign_id = make_mass_campaign(rig, now)
    assert plan_campaign_if_due(rig.factory, campaign_id, now, pctx) is not None
    return settings


def _recipients(rig: Rig) -> list[str]:
    return [
        eid
        for task in rig.company.mass_tasks.values()
        for per_owner in task.recipients.values()
        for eid in per_owner
    ]


def test_a_lost_answer_from_wecom_does_not_send_the_message_twice(
    make_reliability_rig: Callable[..., Rig],
) -> None:
    rig = make_reliability_rig(customers=20)
    seed_database(rig)
    now = utcnow()
    settings = _plan(rig, now)
    rig.slow.late_answers[SEND_API] = 1
    rig.slow.late_seconds = 1.0
    dispatch_due(rig.factory, rig.gateway(timeout=0.3), now, settings)
    assert rig.slow.injected["late"] == 1
    assert repeated(_recipients(rig)) == {}


def test_a_sender_killed_after_wecom_accepted_does_not_send_twice(
    make_reliability_rig: Callable[..., Rig],
) -> None:
    rig = make_reliability_rig(customers=20)
    seed_database(rig)
    now = utcnow()
    settings = _plan(rig, now)
    rig.slow.late_answers[SEND_API] = 1
    rig.slow.late_seconds = 8.0
    _dispatcher(rig, now)
    deadline = time.monotonic() + 120
    while rig.slow.injected["late"] == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert rig.kill9("dispatcher")
    later = now + timedelta(seconds=settings.lease_seconds + 1)
    dispatch_due(rig.factory, rig.gateway(), later, settings)
    with unit_of_work(rig.factory) as s:
        assert s.query(Delivery).filter(Delivery.status.in_(("pending", "sending"))).count() == 0
        # The killed call's rows were found in WeCom's task list, not left for an operator.
        assert s.query(Delivery).filter(Delivery.status == "unknown").count() == 0
    assert repeated(_recipients(rig)) == {}
