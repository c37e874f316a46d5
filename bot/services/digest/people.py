"""Customer flows and salespeople in a requester's scope: new and lost customers, top movers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, literal, or_, select, union
from sqlalchemy.orm import Session

from bot.services.digest.model import CustomerFlow, Mover
from bot.services.digest.periods import Periods
from segmentation.membership import TRANSFER, lost_query
from segmentation.models import Customer, Event, Follow, Staff
from segmentation.scope import (
    CteNames,
    Requester,
    _manager_seed,  # the one definition of "the departments a manager leads"
    department_members,
    scope_condition,
)

customers = Customer.__table__
follows = Follow.__table__
events = Event.__table__
staff = Staff.__table__


def scope_staff(requester: Requester, names: CteNames) -> Select | None:
    """The userids whose customers `requester` sees (security.md): themselves, plus for a
    manager every member of the departments they lead, sub-departments included; None = all."""
    if requester.is_admin:
        return None
    own = select(literal(requester.userid).label("userid"))
    if requester.role != "manager":
        return own
    return select(union(own, department_members(_manager_seed(requester), names)).subquery().c[0])


def _by_staff(column: ColumnElement[str], staff_ids: Select | None) -> list[ColumnElement[bool]]:
    return [] if staff_ids is None else [column.in_(staff_ids)]


def new_customers(session: Session, requester: Requester, start: datetime, end: datetime) -> int:
    """Customers in scope (not deleted) whose FIRST follow by anyone was added in [start, end)."""
    names = CteNames()
    added = follows.alias("added")
    earlier = follows.alias("earlier")
    where = [
        customers.c.deleted.is_(False),
        exists().where(
            added.c.external_userid == customers.c.external_userid,
            added.c.added_at >= start,
            added.c.added_at < end,
        ),
        ~exists().where(
            earlier.c.external_userid == customers.c.external_userid,
            earlier.c.added_at < start,
        ),
    ]
    scope = scope_condition(requester, customers, names)
    if scope is not None:
        where.append(scope)
    stmt = select(func.count()).select_from(customers).where(*where)
    return int(session.execute(stmt).scalar_one())


def lost_customers(session: Session, requester: Requester, start: datetime, end: datetime) -> int:
    """Customers whose follow by someone in scope ended in [start, end) — by the customer or
    the salesperson, not by a transfer — and who have no live follow in scope left (the same
    statement as the chat's 流失的客户 list)."""
    lost = lost_query(scope_staff(requester, CteNames()), start, end).subquery()
    return int(session.execute(select(func.count()).select_from(lost)).scalar_one())


def customer_flow(session: Session, requester: Requester, periods: Periods) -> CustomerFlow:
    p = periods
    return CustomerFlow(
        new_yesterday=new_customers(session, requester, p.yesterday_start, p.today_start),
        new_week=new_customers(session, requester, p.week_start, p.today_start),
        lost_yesterday=lost_customers(session, requester, p.yesterday_start, p.today_start),
        lost_week=lost_customers(session, requester, p.week_start, p.today_start),
    )


def movers(session: Session, requester: Requester, periods: Periods) -> list[Mover]:
    """Every active salesperson in scope with any change: follows added and ended (not by
    transfer) in the last 7 days, and orders of the customers they follow now in the last 7
    days against the 7 days before. Unsorted; the renderer picks the biggest."""
    names = CteNames()
    team = scope_staff(requester, names)
    p = periods
    gained = _per_staff(session, select(follows.c.userid, func.count()).where(
        follows.c.added_at >= p.week_start, follows.c.added_at < p.today_start,
        *_by_staff(follows.c.userid, team)).group_by(follows.c.userid))  # fmt: skip
    lost = _per_staff(session, select(follows.c.userid, func.count()).where(
        follows.c.deleted.is_(True), follows.c.deleted_at >= p.week_start,
        follows.c.deleted_at < p.today_start,
        or_(follows.c.deleted_reason.is_(None), follows.c.deleted_reason != TRANSFER),
        *_by_staff(follows.c.userid, team)).group_by(follows.c.userid))  # fmt: skip
    this_week, last_week = _orders_per_staff(session, team, p)
    active = dict(
        session.execute(
            select(staff.c.userid, staff.c.name).where(
                staff.c.active.is_(True), *_by_staff(staff.c.userid, team)
            )
        ).all()
    )
    found = []
    for userid in sorted(set(gained) | set(lost) | set(this_week) | set(last_week)):
        if userid not in active:
            continue
        found.append(Mover(userid, active[userid] or userid, gained.get(userid, 0),
                           lost.get(userid, 0), this_week.get(userid, 0),
                           last_week.get(userid, 0)))  # fmt: skip
    return found


def _per_staff(session: Session, stmt: Select) -> dict[str, int]:
    return {userid: int(count) for userid, count in session.execute(stmt)}


def _orders_per_staff(
    session: Session, team: Select | None, p: Periods
) -> tuple[dict[str, int], dict[str, int]]:
    in_week = and_(events.c.occurred_at >= p.week_start, events.c.occurred_at < p.today_start)
    stmt = (
        select(
            follows.c.userid,
            func.sum(case((in_week, 1), else_=0)),
            func.sum(case((in_week, 0), else_=1)),
        )
        .select_from(events.join(follows, follows.c.external_userid == events.c.external_userid))
        .where(
            events.c.kind == "order",
            events.c.occurred_at >= p.prev_week_start,
            events.c.occurred_at < p.today_start,
            follows.c.deleted.is_(False),
            *_by_staff(follows.c.userid, team),
        )
        .group_by(follows.c.userid)
    )
    this_week: dict[str, int] = {}
    last_week: dict[str, int] = {}
    for userid, now_count, before_count in session.execute(stmt):
        this_week[userid], last_week[userid] = int(now_count), int(before_count)
    return this_week, last_week
