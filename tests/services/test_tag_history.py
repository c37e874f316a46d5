"""The tag history: the changes a sync, a callback and segbot's own tagging make to the corp
tags on customers are recorded with their time (bot.services.tag_history), and nothing is
recorded for tags first seen on an old relation (a first sync says nothing of when)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bot.database import make_session_factory
from bot.services.sync import apply_callback_event, mark_tags, run_full_sync
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator.seed import seed_company
from segmentation.models import CustomerTagChange

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def factory(clean_engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(clean_engine)


@pytest.fixture
def fake() -> FakeWeComGateway:
    return FakeWeComGateway(seed_company(customers=60, seed=5))


def changes(factory: sessionmaker[Session]) -> list[tuple[str, str, str, str, str]]:
    with factory() as session:
        rows = session.scalars(select(CustomerTagChange).order_by(CustomerTagChange.id))
        return [(r.change, r.external_userid, r.userid, r.tag_id, r.source) for r in rows]


def _unused_tag(fake: FakeWeComGateway, have: list[str]) -> str:
    return next(t.id for g in fake.company.tag_groups.values() for t in g.tags if t.id not in have)


def test_a_first_sync_records_no_change_and_a_resync_none_either(
    fake: FakeWeComGateway, factory: sessionmaker[Session]
) -> None:
    run_full_sync(factory, fake, NOW)
    run_full_sync(factory, fake, NOW + timedelta(hours=1))
    assert [c for c in changes(factory) if c[0] != "start"] == []


def test_a_tag_edited_in_wecom_is_recorded_by_its_callback(
    fake: FakeWeComGateway, factory: sessionmaker[Session]
) -> None:
    run_full_sync(factory, fake, NOW)
    follow = next(f for f in fake.company.follows.values() if f.tag_ids)
    old, new = follow.tag_ids[0], _unused_tag(fake, follow.tag_ids)
    event = fake.scenario.edit_contact(
        follow.userid, follow.external_userid, add_tags=[new], remove_tags=[old]
    )
    later = NOW + timedelta(hours=2)
    with factory.begin() as session:
        apply_callback_event(session, fake, event, later)
        apply_callback_event(session, fake, event, later)  # a replay records nothing more
    eid, userid = follow.external_userid, follow.userid
    recorded = changes(factory)
    assert recorded[0][0] == "start"
    assert sorted(recorded[1:]) == [
        ("added", eid, userid, new, "sync"),
        ("removed", eid, userid, old, "sync"),
    ]
    with factory() as session:
        ats = {c.at for c in session.scalars(select(CustomerTagChange))}
    assert ats == {later}


def test_segbot_tagging_and_an_ended_follow_are_recorded(
    fake: FakeWeComGateway, factory: sessionmaker[Session]
) -> None:
    run_full_sync(factory, fake, NOW)
    follow = next(f for f in fake.company.follows.values() if f.tag_ids)
    eid, userid = follow.external_userid, follow.userid
    new = _unused_tag(fake, follow.tag_ids)
    with factory.begin() as session:
        mark_tags(session, fake, userid, eid, [new], [], NOW)
        mark_tags(session, fake, userid, eid, [new], [], NOW)  # already on: no change
    assert [c for c in changes(factory) if c[0] != "start"] == [
        ("added", eid, userid, new, "segbot")
    ]
    tags_now = list(follow.tag_ids)
    gone = fake.scenario.staff_deletes_contact(userid, eid)
    with factory.begin() as session:
        apply_callback_event(session, fake, gone, NOW + timedelta(days=1))
    removed = {(c[3], c[4]) for c in changes(factory) if c[0] == "removed"}
    assert removed == {(t, "follow_ended") for t in tags_now}


def test_a_deleted_tag_is_recorded_as_taken_off_everyone(
    fake: FakeWeComGateway, factory: sessionmaker[Session]
) -> None:
    run_full_sync(factory, fake, NOW)
    tag = next(iter(fake.company.tag_groups.values())).tags[0].id
    on = {(f.external_userid, f.userid) for f in fake.company.follows.values() if tag in f.tag_ids}
    assert on
    deleted = fake.scenario.delete_tag(tag)
    with factory.begin() as session:
        apply_callback_event(session, fake, deleted, NOW)
    removed = {(c[1], c[2]) for c in changes(factory) if c[0] == "removed" and c[3] == tag}
    assert removed == on
