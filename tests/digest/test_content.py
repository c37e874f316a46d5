"""What a digest says: every number in the requester's scope, hand-checked on a small company."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.services.digest.build import (
    NotADigestRecipient,
    build_digest,
    digest_recipients,
    digest_requester,
)
from bot.services.digest.model import Digest
from bot.services.digest.periods import periods_at
from segmentation.engine import segment_count
from segmentation.nodes import NamedSegment, SavedSegment
from tests.digest.company import ADMINS, NOW, TZ, config, local


def _digest(factory: sessionmaker[Session], userid: str, now: datetime = NOW) -> Digest:
    with factory() as s:
        return build_digest(s, digest_requester(s, userid, ADMINS), now, config())


def _sizes(digest: Digest) -> dict[str, tuple[int, int | None, int | None]]:
    return {line.key: (line.now, line.day_ago, line.week_ago) for line in digest.segments}


def test_manager_digest_has_the_hand_checked_numbers_of_their_team(factory) -> None:  # type: ignore[no-untyped-def]
    digest = _digest(factory, "m1")
    # m1 leads 销售一部 incl. 北组: a1, a2 and m1's own customers (k9, k11 left the team).
    assert digest.role == "manager" and digest.customers_in_scope == 8
    assert _sizes(digest) == {
        "high_value": (0, 0, 0),
        "at_risk": (1, 1, 1),
        "dormant": (1, 1, 1),
        "high_intent": (2, 1, 0),
        "saved:意向客户": (2, 1, 0),
    }
    flow = digest.flow
    assert (flow.new_yesterday, flow.new_week, flow.lost_yesterday, flow.lost_week) == (1, 1, 1, 2)
    movers = {m.userid: m for m in digest.movers}
    assert (movers["a1"].customers_new, movers["a1"].customers_lost) == (1, 2)
    assert (movers["a1"].orders_week, movers["a1"].orders_prev_week) == (2, 0)
    assert (movers["a2"].customers_new, movers["a2"].customers_lost) == (1, 0)
    assert (movers["m1"].orders_week, movers["m1"].orders_prev_week) == (1, 1)
    assert set(movers) == {"a1", "a2", "m1"}
    [campaign] = digest.campaigns
    assert campaign.name == "一部回访"
    assert (campaign.treated, campaign.reached, campaign.ordered) == (2, 2, 1)
    assert (campaign.holdout, campaign.holdout_ordered) == (1, 0)
    assert campaign.uplift is not None and campaign.uplift[0] == pytest.approx(0.5)


def test_a_second_manager_sees_only_their_own_team(factory) -> None:  # type: ignore[no-untyped-def]
    digest = _digest(factory, "m2")
    assert digest.customers_in_scope == 5
    assert _sizes(digest) == {
        "high_value": (0, 0, 0),
        "at_risk": (1, 0, 0),
        "dormant": (0, 0, 0),
        "high_intent": (1, 0, 0),
    }
    flow = digest.flow
    assert (flow.new_yesterday, flow.new_week, flow.lost_yesterday, flow.lost_week) == (0, 1, 0, 0)
    assert [m.userid for m in digest.movers] == ["b1"]
    assert (digest.movers[0].orders_week, digest.movers[0].orders_prev_week) == (0, 1)
    assert [c.name for c in digest.campaigns] == ["二部回访"]


def test_admin_digest_covers_the_whole_company(factory) -> None:  # type: ignore[no-untyped-def]
    digest = _digest(factory, "boss")
    assert digest.role == "admin" and digest.customers_in_scope == 14
    assert _sizes(digest)["high_intent"] == (3, 1, 0)
    assert _sizes(digest)["at_risk"] == (2, 1, 1)
    flow = digest.flow
    # k11 left a1 but b1 still follows them: not lost for the company.
    assert (flow.new_yesterday, flow.new_week, flow.lost_yesterday, flow.lost_week) == (1, 2, 1, 1)
    assert sorted(c.name for c in digest.campaigns) == ["一部回访", "二部回访"]


def test_sizes_agree_with_the_engine_at_each_point_in_time(factory) -> None:  # type: ignore[no-untyped-def]
    cfg = config()
    with factory() as s:
        requester = digest_requester(s, "m1", ADMINS)
        digest = build_digest(s, requester, NOW, cfg)
        periods = periods_at(NOW, TZ)
        for line in digest.segments:
            node = (
                SavedSegment(line.key.removeprefix("saved:"))
                if line.kind == "saved"
                else NamedSegment(line.key)
            )
            for at, size in ((NOW, line.now), (periods.day_ago, line.day_ago),
                             (periods.week_ago, line.week_ago)):  # fmt: skip
                assert segment_count(s, node, requester=requester, now=at, ctx=cfg.engine) == size


def test_yesterday_is_the_local_calendar_day_across_midnight_in_shanghai(factory) -> None:  # type: ignore[no-untyped-def]
    # k6 was added at 23:30 and k7 at 00:30 local: the same UTC date (03-09), different days.
    assert _digest(factory, "m1").flow.new_yesterday == 1
    next_morning = _digest(factory, "m1", local(3, 11, 8, 30))
    assert (next_morning.flow.new_yesterday, next_morning.flow.new_week) == (1, 2)
    just_after_midnight = periods_at(local(3, 10, 0, 10), TZ)
    assert just_after_midnight.yesterday_start == local(3, 9, 0, 0)
    assert just_after_midnight.today_start.astimezone(TZ) == local(3, 10, 0, 0)
    assert just_after_midnight.week_ago == local(3, 3, 0, 10)


def test_day_change_counts_a_segment_entered_in_the_last_24_hours(factory) -> None:  # type: ignore[no-untyped-def]
    # k5's last order turned 90 days old six hours before NOW: at risk since, not a day ago.
    early = _digest(factory, "m2", NOW - timedelta(hours=7))
    assert _sizes(early)["at_risk"] == (0, 0, 0)
    assert _sizes(_digest(factory, "m2"))["at_risk"] == (1, 0, 0)


def test_only_managers_and_admins_get_digests(factory) -> None:  # type: ignore[no-untyped-def]
    with factory() as s:
        assert [r.userid for r in digest_recipients(s, ADMINS)] == ["boss", "m1", "m2"]
        with pytest.raises(NotADigestRecipient):
            digest_requester(s, "a1", ADMINS)
        with pytest.raises(NotADigestRecipient):
            digest_requester(s, "nobody", ADMINS)


def test_past_sizes_come_from_the_digest_sent_at_that_time(factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Yesterday's digest's "now" is today's "a day ago" (no evaluation at that point), as
    long as the definition and the role are the same; otherwise the engine answers."""
    from bot.services.digest import segments as digest_segments
    from bot.services.digest.deliver import run_digests
    from tests.digest.company import fake_gateway

    yesterday = NOW - timedelta(days=1)
    run_digests(factory, fake_gateway(), yesterday, config())
    with factory() as s:
        expected = {
            line.key: line.now for line in build_digest(s, digest_requester(s, "m1", ADMINS),
                                                         yesterday, config()).segments
        }  # fmt: skip
    evaluated_at: list[datetime] = []
    real_count_at = digest_segments.count_at

    def spy(session, segments, *, requester, at, ctx):  # type: ignore[no-untyped-def]
        evaluated_at.append(at)
        return real_count_at(session, segments, requester=requester, at=at, ctx=ctx)

    monkeypatch.setattr(digest_segments, "count_at", spy)
    today = _digest(factory, "m1")
    assert {line.key: line.day_ago for line in today.segments} == expected
    assert periods_at(NOW, TZ).day_ago not in evaluated_at
    # A definition changed since: that segment's past is evaluated again.
    with factory() as s:
        from segmentation.nodes import Performed
        from segmentation.saved import save_segment

        save_segment(s, "意向客户", Performed("inquiry"), owner_userid="m1", now=NOW)
        s.commit()
    evaluated_at.clear()
    _digest(factory, "m1")
    assert periods_at(NOW, TZ).day_ago in evaluated_at
