"""Roles and visibility (spec/security.md): who a requester is, and what they may see."""

from __future__ import annotations

from sqlalchemy.orm import Session

from segmentation.engine import default_context, segment_members
from segmentation.nodes import All, Or, Owner
from segmentation.scope import Requester, resolve_requester
from tests.segmentation.factory import NOW, TZ, Dataset, load

CTX = default_context(TZ)


def org() -> Dataset:
    data = Dataset(
        departments=[(1, "总部", None), (2, "销售一部", 1), (3, "一部一组", 2), (4, "销售二部", 1)],
        staff=[
            ("boss", "老板", "admin", True),
            ("lead", "王经理", None, True),  # leads 2 → sees 2 and 3
            ("mgr", "李经理", "manager", True),  # manager by role, leads nothing: dept 4
            ("s1", "张三", None, True),
            ("s2", "李四", None, True),
            ("s3", "王五", None, True),
            ("gone", "离职", None, False),
        ],
        memberships=[
            ("lead", 2, True),
            ("s1", 2, False),
            ("s2", 3, False),
            ("mgr", 4, False),
            ("s3", 4, False),
        ],
    )
    for eid, follower, deleted in [
        ("c1", "s1", False),
        ("c2", "s2", False),
        ("c3", "s3", False),
        ("c4", "mgr", False),
        ("c5", "s1", True),  # the relation ended
        ("c6", "lead", False),
    ]:
        data.customers.append((eid, eid, 0, None, False))
        data.follows.append((eid, follower, NOW, deleted))
    data.customers.append(("c7", "deleted", 0, None, True))
    data.follows.append(("c7", "s1", NOW, False))
    return data


def visible(session: Session, requester: Requester) -> list[str]:
    return segment_members(session, All(), requester=requester, now=NOW, ctx=CTX)


def test_roles_are_derived_from_admins_staff_role_and_leadership(session: Session) -> None:
    load(session, org())
    admins = frozenset({"s3"})
    assert resolve_requester(session, "boss", admins) == Requester("boss", "admin")
    assert resolve_requester(session, "s3", admins) == Requester("s3", "admin")
    assert resolve_requester(session, "lead", admins) == Requester("lead", "manager")
    assert resolve_requester(session, "mgr", admins) == Requester("mgr", "manager")
    assert resolve_requester(session, "s1", admins) == Requester("s1", "sales")


def test_unknown_and_inactive_members_get_no_requester(session: Session) -> None:
    load(session, org())
    assert resolve_requester(session, "stranger", frozenset()) is None
    assert resolve_requester(session, "gone", frozenset({"gone"})) is None
    assert resolve_requester(session, "ops", frozenset({"ops"})) == Requester("ops", "admin")


def test_sales_see_only_customers_they_follow_now(session: Session) -> None:
    load(session, org())
    assert visible(session, Requester("s1", "sales")) == ["c1"]


def test_leader_sees_their_departments_and_sub_departments(session: Session) -> None:
    load(session, org())
    assert visible(session, Requester("lead", "manager")) == ["c1", "c2", "c6"]


def test_manager_who_leads_nothing_sees_their_own_departments(session: Session) -> None:
    load(session, org())
    assert visible(session, Requester("mgr", "manager")) == ["c3", "c4"]


def test_admin_sees_every_live_customer(session: Session) -> None:
    load(session, org())
    assert visible(session, Requester.all_access()) == ["c1", "c2", "c3", "c4", "c5", "c6"]


def test_asking_for_someone_elses_customers_is_cut_to_scope(session: Session) -> None:
    load(session, org())
    tree = Or((Owner(("s3",)), Owner(("s1",))))
    got = segment_members(session, tree, requester=Requester("s1", "sales"), now=NOW, ctx=CTX)
    assert got == ["c1"]


def test_impossible_userids_are_nobody_not_an_error(session):
    from segmentation.scope import resolve_requester

    for userid in ("", "\x00", "a\x00b", "x" * 65, "tab\there"):
        assert resolve_requester(session, userid, frozenset()) is None
