"""The asker's base profile of the day: descriptions that read it say exactly what a full
description says, it is computed once per asker and day, and never used for an earlier now."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

import segmentation.insights.base_profile as profile_module
import segmentation.insights.workspace as workspace_module
from segmentation.engine import default_context, segment_query
from segmentation.insights import describe_for_query, describe_segment, insight_to_json
from segmentation.insights.describe import scope_profile
from segmentation.models import InsightBaseProfile
from segmentation.nodes import All, City, HasTag, Node, Not, Performed
from segmentation.scope import Requester
from tests.insights.fixture import DAY, company
from tests.segmentation.factory import NOW, TZ, load

CTX = default_context(TZ)
ASKERS = [Requester.all_access(), Requester("lead", "manager"), Requester("s1", "sales")]
SEGMENTS: list[Node] = [City(("上海",)), HasTag("VIP"), Not(Performed("order"))]


@pytest.mark.parametrize("who", ASKERS, ids=lambda r: r.role)
def test_with_the_profile_every_figure_is_the_full_descriptions(session: Session, who) -> None:  # type: ignore[no-untyped-def]
    load(session, company())
    for node in SEGMENTS:
        full = describe_segment(
            session,
            members=segment_query(session, node, requester=who, now=NOW, ctx=CTX),
            base=segment_query(session, All(), requester=who, now=NOW, ctx=CTX),
            now=NOW,
            ctx=CTX,
        )
        answer = describe_for_query(session, node, requester=who, now=NOW, ctx=CTX)
        answer.pop("markdown")
        assert answer == insight_to_json(full), node


def test_the_profile_is_computed_once_per_asker_and_day(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(session, company())
    computed: list[object] = []
    real = profile_module.compute_base_profile

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        computed.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(profile_module, "compute_base_profile", counted)
    lead = Requester("lead", "manager")
    for node in SEGMENTS:
        describe_for_query(session, node, requester=lead, now=NOW, ctx=CTX)
    assert len(computed) == 1
    describe_for_query(session, SEGMENTS[0], requester=Requester("s1", "sales"), now=NOW, ctx=CTX)
    assert len(computed) == 2  # another asker, another base
    describe_for_query(session, SEGMENTS[0], requester=lead, now=NOW + DAY, ctx=CTX)
    assert len(computed) == 3  # a new day
    # A `now` before the stored profile was computed never reads it.
    describe_for_query(session, SEGMENTS[0], requester=lead, now=NOW - DAY / 12, ctx=CTX)
    assert len(computed) == 4
    assert session.scalar(select(func.count()).select_from(InsightBaseProfile)) == 3


@pytest.mark.parametrize("future", [False, True], ids=["rollups", "events"])
@pytest.mark.parametrize("who", ASKERS, ids=lambda r: r.role)
def test_every_way_of_building_the_facts_gives_the_same_figures(
    session: Session, monkeypatch: pytest.MonkeyPatch, who: Requester, future: bool
) -> None:
    """The members' facts come from the segment's own pass over customers when it can (a
    profile, rollups that cover `now`: without the fixture's order after NOW), else from id
    tables; on PostgreSQL a small workspace is joined by index probes. All give the same
    description."""
    data = company()
    if not future:
        data.events = [e for e in data.events if e[0] != "future"]
    load(session, data)
    for node in SEGMENTS:
        straight = describe_for_query(session, node, requester=who, now=NOW, ctx=CTX)
        ids = sorted(
            session.execute(segment_query(session, node, requester=who, now=NOW, ctx=CTX)).scalars()
        )
        base, profile = scope_profile(session, who, NOW, CTX)
        by_ids = describe_segment(
            session, members=ids, base=base, now=NOW, ctx=CTX, profile=profile
        )
        for name in ("FACTS_JOINS", "GROUPED_JOINS"):
            policy = getattr(workspace_module, name)
            monkeypatch.setattr(workspace_module, name, replace(policy, up_to_share=1e9))
        probed = describe_for_query(session, node, requester=who, now=NOW, ctx=CTX)
        monkeypatch.undo()
        straight.pop("markdown")
        probed.pop("markdown")
        assert straight == insight_to_json(by_ids) == probed, node
    if session.get_bind().dialect.name == "postgresql":  # the planner is itself again
        for name in workspace_module.FACTS_JOINS.off:
            assert session.execute(text(f"SHOW {name}")).scalar_one() == "on"
        assert session.execute(text("SHOW work_mem")).scalar_one() != workspace_module.WORK_MEM
