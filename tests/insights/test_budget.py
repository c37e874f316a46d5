"""The mass-message budget read from the campaign outbox limits who counts as reachable."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from bot.models.campaigns import Campaign, CampaignRun, Delivery
from bot.services.campaigns.settings import CampaignSettings
from bot.services.insight_budget import mass_message_budget
from segmentation.engine import default_context
from segmentation.insights import describe_segment
from tests.insights.fixture import BASE, DAY, SEGMENT, company
from tests.segmentation.factory import NOW, TZ, load

CTX = default_context(TZ)


def deliver(session: Session, rows: list[tuple[str, str, int]]) -> None:
    """(customer, status, days ago) deliveries of one mass-message campaign, one run each."""
    session.add(
        Campaign(
            id=1, name="c", creator_userid="boss", schedule_kind="once", channel="mass_message",
            content="hi", created_at=NOW - 60 * DAY, updated_at=NOW - 60 * DAY,
        )
    )  # fmt: skip
    session.flush()
    for n, (eid, status, days) in enumerate(rows):
        at = NOW - days * DAY - n * timedelta(seconds=1)  # one slot per run
        session.add(
            CampaignRun(id=n + 1, campaign_id=1, slot=at, trigger="manual", planned_at=at,
                        release_at=at, exclusions={})
        )  # fmt: skip
        session.flush()
        session.add(
            Delivery(run_id=n + 1, campaign_id=1, channel="mass_message", external_userid=eid,
                     owner_userid="s1", arm="treated", status=status, created_at=at, not_before=at)
        )  # fmt: skip
    session.flush()


def test_customers_out_of_this_months_budget_are_not_reachable_with_budget(
    session: Session,
) -> None:
    load(session, company())
    # NOW is 1 Nov 10:00 local: only today's deliveries fall in this natural month.
    deliver(
        session,
        [("c1", "delivered", 0)] * 2
        + [("c2", "delivered", 0)]
        + [("c2", "receive_limit", 0)]  # WeCom refused: out of budget whatever the count
        + [("c3", "delivered", 3)] * 2,  # last month's messages do not count
    )
    budget = mass_message_budget(CampaignSettings(timezone=TZ, monthly_mass_limit=2))
    card = describe_segment(
        session, members=SEGMENT, base=BASE, now=NOW, ctx=CTX, budget=budget
    ).scorecard
    assert (card.reachable, card.reachable_with_budget) == (3, 1)  # c3 left; c4 unreachable
