"""Who is asking and which customers they may see (spec/security.md "Roles and visibility").

The scope is a SQL condition on a customers table (or alias) that the compiler ANDs outside
the whole segment, so no OR inside a tree can reach past it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    FromClause,
    Select,
    exists,
    literal,
    or_,
    select,
    union,
)
from sqlalchemy.orm import Session

from segmentation.models import Department, Follow, Staff, StaffDepartment

Role = Literal["sales", "manager", "admin"]

follows = Follow.__table__
staff_departments = StaffDepartment.__table__
departments = Department.__table__


@dataclass(frozen=True)
class Requester:
    """The staff member a segment is evaluated for; `role` decides the scope."""

    userid: str
    role: Role

    def __post_init__(self) -> None:
        if self.role not in ("sales", "manager", "admin"):
            raise ValueError(f"unknown role {self.role!r}")

    @classmethod
    def all_access(cls) -> Requester:
        """The admin view of every customer (CLI default, nightly jobs)."""
        return cls(userid="", role="admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _plausible_userid(userid: str) -> bool:
    return 0 < len(userid) <= 64 and all(ord(c) >= 32 for c in userid)


def resolve_requester(session: Session, userid: str, admins: frozenset[str]) -> Requester | None:
    """The requester for a WeCom userid, or None when they are not an active member.

    A userid listed in SEGBOT_ADMINS is trusted as admin even before the first staff sync.
    A userid that cannot be a WeCom userid (empty, too long, control characters — which
    PostgreSQL would refuse outright) is nobody, not an error.
    """
    if not _plausible_userid(userid):
        return None
    staff = session.get(Staff, userid)
    if staff is None:
        return Requester(userid, "admin") if userid in admins else None
    if not staff.active:
        return None
    if userid in admins or staff.role == "admin":
        return Requester(userid, "admin")
    if staff.role == "manager" or _leads_a_department(session, userid):
        return Requester(userid, "manager")
    return Requester(userid, "sales")


def _leads_a_department(session: Session, userid: str) -> bool:
    stmt = select(
        exists().where(
            staff_departments.c.userid == userid, staff_departments.c.is_leader.is_(True)
        )
    )
    return bool(session.execute(stmt).scalar())


class CteNames:
    """Unique names for the recursive CTEs of one statement."""

    def __init__(self) -> None:
        self._count = 0

    def next(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}_{self._count}"


def department_members(seed: Select, names: CteNames) -> Select:
    """Userids of every member of the seed departments or their sub-departments.

    `seed` selects one column of department ids. UNION (not UNION ALL) stops on a cyclic
    parent chain in bad data instead of looping forever.
    """
    tree = seed.cte(names.next("dept_tree"), recursive=True)
    child = departments.alias()
    tree = tree.union(select(child.c.id).where(child.c.parent_id == tree.c[0]))
    member = staff_departments.alias()
    return select(member.c.userid).where(member.c.department_id.in_(select(tree.c[0])))


def scope_condition(
    requester: Requester, customers: FromClause, names: CteNames
) -> ColumnElement[bool] | None:
    """The customers `requester` may see, as a condition on `customers`; None = everyone."""
    if requester.is_admin:
        return None
    follow = follows.alias()
    own = follow.c.userid == requester.userid
    if requester.role == "manager":
        own = or_(own, follow.c.userid.in_(department_members(_manager_seed(requester), names)))
    return exists().where(
        follow.c.external_userid == customers.c.external_userid,
        follow.c.deleted.is_(False),
        own,
    )


def _manager_seed(requester: Requester) -> Select:
    """The departments a manager leads; when they lead none (role=manager by staff data),
    the departments they belong to."""
    led = staff_departments.alias()
    mine = staff_departments.alias()
    leads_any = exists().where(led.c.userid == requester.userid, led.c.is_leader.is_(True))
    return select(mine.c.department_id).where(
        mine.c.userid == requester.userid,
        or_(mine.c.is_leader.is_(True), ~leads_any),
    )


def team_of(session: Session, requester: Requester) -> tuple[frozenset[str], frozenset[int]]:
    """A manager's team: the members whose customers they see and the departments (with
    sub-departments) they lead — facts of the staff directory, never of customers."""
    if requester.role != "manager":
        return frozenset({requester.userid}), frozenset()
    names = CteNames()
    userids = set(session.scalars(department_members(_manager_seed(requester), names)))
    tree = _manager_seed(requester).cte(names.next("team_tree"), recursive=True)
    child = departments.alias()
    tree = tree.union(select(child.c.id).where(child.c.parent_id == tree.c[0]))
    led = set(session.scalars(select(tree.c[0])))
    return frozenset({requester.userid, *userids}), frozenset(int(d) for d in led)


def scope_members(requester: Requester) -> CompoundSelect | Select[Any] | None:
    """The members whose follows make up `requester`'s scope (a select of userids): who may
    send to those customers on the requester's behalf. None: every member (an admin)."""
    if requester.is_admin:
        return None
    mine = select(literal(requester.userid).label("userid"))
    if requester.role != "manager":
        return mine
    return union(mine, department_members(_manager_seed(requester), CteNames()))
