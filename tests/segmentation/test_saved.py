"""Saved segments: definitions by name, references evaluated now, cycles, nightly snapshots."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from segmentation.compiler import SegmentError
from segmentation.engine import default_context, segment_members
from segmentation.nodes import And, City, HasTag, Not, Performed, RollingWindow, SavedSegment
from segmentation.saved import (
    SavedSegmentNotFound,
    get_saved_segment,
    list_saved_segments,
    save_segment,
)
from segmentation.scope import Requester
from segmentation.snapshots import membership_changes, size_at, size_history, take_snapshots
from tests.segmentation.factory import NOW, TZ, Dataset, load

CTX = default_context(TZ)
ADMIN = Requester.all_access()
RECENT = Performed("inquiry", RollingWindow(7, "days"))


def shop() -> Dataset:
    data = Dataset()
    for eid, city in [("a", "上海"), ("b", "北京"), ("c", "上海"), ("d", None)]:
        data.customers.append((eid, eid, 0, city, False))
    data.events = [
        ("e1", "a", "inquiry", NOW - timedelta(days=1), None),
        ("e2", "b", "inquiry", NOW - timedelta(days=6), None),
        ("e3", "c", "inquiry", NOW - timedelta(days=20), None),
        ("e4", "d", "order", NOW - timedelta(days=2), Decimal(10)),
    ]
    return data


def test_saved_segment_is_stored_and_listed(session: Session) -> None:
    save_segment(session, " 待跟进 ", RECENT, owner_userid="s1", now=NOW, description="d")
    row = get_saved_segment(session, "待跟进")
    assert row is not None and row.owner_userid == "s1" and row.description == "d"
    assert [r.name for r in list_saved_segments(session)] == ["待跟进"]
    assert list_saved_segments(session, owner_userid="s2") == []


def test_saving_again_replaces_the_definition(session: Session) -> None:
    load(session, shop())
    save_segment(session, "x", RECENT, owner_userid="s1", now=NOW)
    save_segment(session, "x", City(("上海",)), owner_userid="s1", now=NOW + timedelta(hours=1))
    got = segment_members(session, SavedSegment("x"), requester=ADMIN, now=NOW, ctx=CTX)
    assert got == ["a", "c"] and len(list_saved_segments(session)) == 1


def test_a_name_typed_in_another_script_or_case_is_the_same_segment(session: Session) -> None:
    save_segment(session, "重点客户", RECENT, owner_userid="s1", now=NOW)
    save_segment(session, "Key Accounts", RECENT, owner_userid="s1", now=NOW)
    assert get_saved_segment(session, "重點客戶").name == "重点客户"  # type: ignore[union-attr]
    save_segment(session, "KEY ACCOUNTS", City(("上海",)), owner_userid="s1", now=NOW)
    assert [r.name for r in list_saved_segments(session)] == ["Key Accounts", "重点客户"]
    assert get_saved_segment(session, "其他") is None


def test_reference_to_a_saved_segment_is_evaluated_now(session: Session) -> None:
    load(session, shop())
    save_segment(session, "recent", RECENT, owner_userid="s1", now=NOW - timedelta(days=30))
    tree = And((SavedSegment("recent"), Not(City(("北京",)))))
    assert segment_members(session, tree, requester=ADMIN, now=NOW, ctx=CTX) == ["a"]
    later = NOW + timedelta(days=2)  # a's inquiry is still inside, b's fell out
    assert segment_members(
        session, SavedSegment("recent"), requester=ADMIN, now=later, ctx=CTX
    ) == ["a"]


def test_saved_segment_cycles_are_refused(session: Session) -> None:
    save_segment(session, "one", RECENT, owner_userid="s1", now=NOW)
    save_segment(
        session, "two", And((SavedSegment("one"), HasTag("VIP"))), owner_userid="s1", now=NOW
    )
    with pytest.raises(SegmentError, match="cycle"):
        save_segment(session, "one", SavedSegment("two"), owner_userid="s1", now=NOW)
    with pytest.raises(SegmentError, match="cycle"):
        save_segment(session, "self", Not(SavedSegment("self")), owner_userid="s1", now=NOW)


def test_a_cycle_stored_behind_our_back_is_a_clear_error(session: Session) -> None:
    from segmentation.nodes import to_json

    save_segment(session, "one", RECENT, owner_userid="s1", now=NOW)
    get_saved_segment(session, "one").definition = to_json(SavedSegment("one"))
    session.flush()
    with pytest.raises(SegmentError, match="cycle"):
        segment_members(session, SavedSegment("one"), requester=ADMIN, now=NOW, ctx=CTX)


def test_unknown_saved_segment_is_an_error_not_an_empty_answer(session: Session) -> None:
    with pytest.raises(SavedSegmentNotFound):
        segment_members(session, SavedSegment("nope"), requester=ADMIN, now=NOW, ctx=CTX)


def test_snapshots_record_size_and_who_entered_or_left(session: Session) -> None:
    load(session, shop())
    save_segment(session, "recent", RECENT, owner_userid="s1", now=NOW)
    first = take_snapshots(session, NOW, CTX)
    assert [(r.name, r.size, r.entered, r.exited) for r in first] == [("recent", 2, 2, 0)]
    second_night = NOW + timedelta(days=1, hours=12)  # b's inquiry (6 days ago) leaves
    assert [(r.size, r.entered, r.exited) for r in take_snapshots(session, second_night, CTX)] == [
        (1, 0, 1)
    ]
    assert take_snapshots(session, second_night, CTX) == []  # a re-run of the same night
    assert size_history(session, "recent") == [(NOW, 2), (second_night, 1)]
    assert size_at(session, "recent", NOW + timedelta(days=1)) == 2
    assert size_at(session, "recent", NOW - timedelta(days=1)) is None
    changes = membership_changes(session, "recent", NOW, second_night)
    assert [(c.external_userid, c.change, c.at) for c in changes] == [
        ("a", "entered", NOW),
        ("b", "entered", NOW),
        ("b", "exited", second_night),
    ]
    assert (
        membership_changes(session, "recent", NOW + timedelta(hours=1), second_night)[0].change
        == "exited"
    )


def test_snapshot_skips_a_broken_segment_and_keeps_the_others(session: Session) -> None:
    load(session, shop())
    save_segment(session, "good", City(("上海",)), owner_userid="s1", now=NOW)
    save_segment(session, "broken", RECENT, owner_userid="s1", now=NOW)
    get_saved_segment(session, "broken").definition = {"tree": {"type": "saved", "name": "gone"}}
    session.flush()
    assert [(r.name, r.size) for r in take_snapshots(session, NOW, CTX)] == [("good", 2)]
