"""SQL conditions for the leaf nodes of a segment tree, each correlated to a customers table.

Every condition is two-valued (never SQL NULL), so NOT of it includes customers with missing
values ("不在上海" includes customers without a city). Each probe uses fresh aliases so that
nesting (a ranking inside a ranking, a tree inside a named segment) never mis-correlates.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    FromClause,
    and_,
    exists,
    false,
    func,
    literal,
    not_,
    or_,
    select,
    true,
    type_coerce,
)

from segmentation.items import KEY_COLUMNS, item_key
from segmentation.models import CustomerTag, Event, EventStats, Follow, Tag
from segmentation.rollups import customer_column
from segmentation.scope import CteNames, department_members
from segmentation.text import fold_case
from segmentation.windows import Interval

events = Event.__table__
stats = EventStats.__table__
follows = Follow.__table__
tags = Tag.__table__
customer_tags = CustomerTag.__table__

OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "=": operator.eq,
}


def events_in(ev: FromClause, cust: FromClause, kind: str, interval: Interval) -> list[Any]:
    start, end = interval
    return [
        ev.c.external_userid == cust.c.external_userid,
        ev.c.kind == kind,
        ev.c.occurred_at >= start,
        ev.c.occurred_at <= end,
    ]


def performed(cust: FromClause, kind: str, interval: Interval) -> ColumnElement[bool]:
    ev = events.alias()
    return exists().where(*events_in(ev, cust, kind, interval)).correlate(cust)


def customer_rollup(cust: FromClause, kind: str, part: str) -> Any | None:
    """The customers column holding event_stats' `part` ("events", "last_at", "prev_at"…) of
    `kind`, if any (orders and inquiries are copied onto the customer row: no join needed)."""
    name = customer_column(kind, part)
    return None if name is None else cust.c[name]


def performed_from_stats(cust: FromClause, kind: str, interval: Interval) -> ColumnElement[bool]:
    """`performed`, when no event of `kind` lies after the interval (rollups.Coverage): the
    customer's last such event is then in the interval exactly when it is not before it."""
    last = customer_rollup(cust, kind, "last_at")
    if last is not None:  # two-valued: a customer without such events is simply out
        return and_(last.is_not(None), last >= interval[0])
    st = stats.alias()
    return (
        exists()
        .where(
            st.c.external_userid == cust.c.external_userid,
            st.c.kind == kind,
            st.c.last_at >= interval[0],
        )
        .correlate(cust)
    )


def twice_from_stats(cust: FromClause, kind: str, interval: Interval) -> ColumnElement[bool]:
    """At least two events of `kind` in the interval, when none lies after it: the
    customer's second-latest such event is then not before its start."""
    prev = customer_rollup(cust, kind, "prev_at")
    if prev is not None:
        return and_(prev.is_not(None), prev >= interval[0])
    st = stats.alias()
    found = exists().where(
        st.c.external_userid == cust.c.external_userid,
        st.c.kind == kind,
        st.c.prev_at.is_not(None),
        st.c.prev_at >= interval[0],
    )
    return found.correlate(cust)


def event_count(
    cust: FromClause,
    kind: str,
    op: str,
    value: int,
    interval: Interval,
    *,
    from_stats: bool = False,
) -> ColumnElement[bool]:
    zero_holds = OPERATORS[op](0, value)
    count = customer_rollup(cust, kind, "events")
    if from_stats and count is not None:
        return OPERATORS[op](count, literal(value))
    if from_stats:
        st = stats.alias()
        holds = OPERATORS[op](st.c.events, literal(value))
        return per_customer_stats(cust, st, kind, holds, zero_holds=zero_holds)
    ev = events.alias()
    holds = OPERATORS[op](func.count(), literal(value))
    return per_customer(cust, ev, kind, interval, holds, zero_holds=zero_holds)


def fen(column: Any) -> Any:
    """The amount column as raw integer fen (Money stores fen; no Decimal round trip)."""
    return type_coerce(column, BigInteger)


def spend(
    cust: FromClause, op: str, value: Decimal, interval: Interval, *, from_stats: bool = False
) -> ColumnElement[bool]:
    if from_stats:  # the customer's order total is on its row (0 without orders)
        return compare_fen(fen(cust.c.order_total), op, value)
    ev = events.alias()
    holds = compare_fen(func.coalesce(func.sum(fen(ev.c.amount)), 0), op, value)
    return per_customer(cust, ev, "order", interval, holds, zero_holds=OPERATORS[op](0, value))


def amount_total(
    cust: FromClause,
    kind: str,
    op: str,
    value: Decimal,
    interval: Interval,
    *,
    from_stats: bool = False,
) -> ColumnElement[bool]:
    """The summed amount of the customer's `kind` events in the interval compared with
    `value` (no such events: 0); orders read their total from the customer row."""
    if kind == "order":
        return spend(cust, op, value, interval, from_stats=from_stats)
    zero_holds = OPERATORS[op](0, value)
    if from_stats:  # the rollup row's amount (customers without a row: 0)
        st = stats.alias()
        holds = compare_fen(fen(st.c.amount), op, value)
        return per_customer_stats(cust, st, kind, holds, zero_holds=zero_holds)
    ev = events.alias()
    holds = compare_fen(func.coalesce(func.sum(fen(ev.c.amount)), 0), op, value)
    return per_customer(cust, ev, kind, interval, holds, zero_holds=zero_holds)


def per_customer(
    cust: FromClause,
    ev: FromClause,
    kind: str,
    interval: Interval,
    holds: ColumnElement[bool],
    *,
    zero_holds: bool,
    only: tuple[Any, ...] = (),
) -> ColumnElement[bool]:
    """`holds` (an aggregate over the customer's `kind` events in the interval) is true,
    where a customer without such events has count 0 and total 0 (`zero_holds` says whether
    that customer is in).

    The events are grouped ONCE, not re-aggregated per customer: a correlated scalar
    subquery (`(SELECT sum(..) WHERE e.id = c.id) > x`) runs once per customer, and with
    missing or stale statistics PostgreSQL picked the (kind, time) index for that probe and
    scanned every order per customer (91 s at 10k customers). Customers without events
    are handled by the complement: `zero_holds` ⇒ NOT a member of {groups where NOT holds}.
    `only` narrows the events counted (one product, say).
    """
    start, end = interval
    groups = (
        select(ev.c.external_userid)
        .where(ev.c.kind == kind, ev.c.occurred_at >= start, ev.c.occurred_at <= end, *only)
        .group_by(ev.c.external_userid)
    )
    if zero_holds:
        return ~in_set(cust, groups.having(not_(holds)).subquery())
    return in_set(cust, groups.having(holds).subquery())


def per_customer_stats(
    cust: FromClause, st: FromClause, kind: str, holds: ColumnElement[bool], *, zero_holds: bool
) -> ColumnElement[bool]:
    """`per_customer` over the rollups (the interval covers all events of `kind`): one row per
    customer with such events, so no grouping; customers without a row count 0 / total 0."""
    if zero_holds:
        found = exists().where(
            st.c.external_userid == cust.c.external_userid, st.c.kind == kind, not_(holds)
        )
        return ~found.correlate(cust)
    found = exists().where(st.c.external_userid == cust.c.external_userid, st.c.kind == kind, holds)
    return found.correlate(cust)


def in_set(cust: FromClause, found: FromClause, *where: Any) -> ColumnElement[bool]:
    """`cust` is among the external_userids in the first column of `found` (a derived table,
    computed once, uncorrelated) that satisfy `where`.

    Written as EXISTS, not IN: PostgreSQL plans both EXISTS and NOT EXISTS as hash (anti)
    joins, but `NOT IN (subquery)` only as a hashed subplan that must fit in work_mem — at a
    million customers it falls back to scanning the list once per customer. `where` is applied
    here rather than in another nested SELECT because SQLite's parser has a fixed nesting
    depth, which nested rankings reach.
    """
    return exists().where(found.c[0] == cust.c.external_userid, *where).correlate(cust)


def compare_fen(total: Any, op: str, value: Decimal) -> ColumnElement[bool]:
    """`total (integer fen) op value (yuan)`, exact even when value has more than 2 decimals:
    for an integer x, x > 10.005元 ⇔ x > 1000 fen, x >= 10.005元 ⇔ x >= 1001 fen."""
    scaled = value * 100
    low = int(scaled.to_integral_value("ROUND_FLOOR"))
    high = int(scaled.to_integral_value("ROUND_CEILING"))
    if low == high:
        return OPERATORS[op](total, literal(low))
    if op == "=":
        return false()
    return OPERATORS[op](total, literal(low if op in (">", "<=") else high))


def item_match(ev: FromClause, item: str, names: tuple[str, ...]) -> ColumnElement[bool]:
    """The event's `item` (product, category or sku) is one of `names`: an equality on the
    stored match key (segmentation.items), which the partial (key, kind, time, customer)
    index answers."""
    column = ev.c[KEY_COLUMNS[item]]
    keys = sorted({item_key(n) for n in names} - {""})
    if not keys:
        return false()
    return column == keys[0] if len(keys) == 1 else column.in_(keys)


def item_performed(
    cust: FromClause, kind: str, item: str, names: tuple[str, ...], interval: Interval
) -> ColumnElement[bool]:
    """Some `kind` event in the interval about one of `names`.

    The matching events' customers are collected once (uncorrelated, DISTINCT) and the
    customers probed against that set: a correlated EXISTS would walk the customer's own
    (customer, kind, time) index entries and filter on the key row by row; this reads only
    the product's index entries in the window."""
    start, end = interval
    ev = events.alias()
    found = (
        select(ev.c.external_userid)
        .where(
            item_match(ev, item, names),
            ev.c.kind == kind,
            ev.c.occurred_at >= start,
            ev.c.occurred_at <= end,
        )
        .distinct()
        .subquery()
    )
    return in_set(cust, found)


def item_count(
    cust: FromClause,
    kind: str,
    item: str,
    names: tuple[str, ...],
    op: str,
    value: int,
    interval: Interval,
) -> ColumnElement[bool]:
    """The number of `kind` events in the interval about one of `names`, compared."""
    ev = events.alias()
    holds = OPERATORS[op](func.count(), literal(value))
    zero_holds = OPERATORS[op](0, value)
    only = (item_match(ev, item, names),)
    return per_customer(cust, ev, kind, interval, holds, zero_holds=zero_holds, only=only)


def has_tag(cust: FromClause, name: str) -> ColumnElement[bool]:
    ct, tag = customer_tags.alias(), tags.alias()
    return (
        exists()
        .where(
            ct.c.external_userid == cust.c.external_userid,
            tag.c.tag_id == ct.c.tag_id,
            tag.c.deleted.is_(False),
            func.lower(tag.c.name) == fold_case(name.strip()),
        )
        .correlate(cust)
    )


def untagged(cust: FromClause) -> ColumnElement[bool]:
    ct, tag = customer_tags.alias(), tags.alias()
    tagged = exists().where(
        ct.c.external_userid == cust.c.external_userid,
        tag.c.tag_id == ct.c.tag_id,
        tag.c.deleted.is_(False),
    )
    return ~tagged.correlate(cust)


def followed_by(cust: FromClause, userids: Any) -> ColumnElement[bool]:
    """Followed (a live follow relation) by any of `userids` (a list or a SELECT)."""
    follow = follows.alias()
    return (
        exists()
        .where(
            follow.c.external_userid == cust.c.external_userid,
            follow.c.deleted.is_(False),
            follow.c.userid.in_(userids),
        )
        .correlate(cust)
    )


def added_via(
    cust: FromClause, codes: tuple[int, ...], interval: Interval | None = None
) -> ColumnElement[bool]:
    """A live follow began one of these WeCom add_way ways (an unknown way, NULL, is 0),
    inside the interval when there is one."""
    follow = follows.alias()
    way = func.coalesce(follow.c.add_way, 0) if 0 in codes else follow.c.add_way
    return _live_follow(cust, follow, interval, way.in_(list(codes)))


def channel_code(
    cust: FromClause, names: tuple[str, ...], interval: Interval | None = None
) -> ColumnElement[bool]:
    """A live follow carries one of these 渠道活码 codes (case-insensitive, as tags), begun
    inside the interval when there is one."""
    follow = follows.alias()
    wanted = sorted({fold_case(n.strip()) for n in names})
    return _live_follow(cust, follow, interval, func.lower(follow.c.state).in_(wanted))


def _live_follow(
    cust: FromClause, follow: Any, interval: Interval | None, how: ColumnElement[bool]
) -> ColumnElement[bool]:
    """A live follow of the customer that began `how` (and inside `interval`, if given)."""
    parts = [follow.c.external_userid == cust.c.external_userid, follow.c.deleted.is_(False), how]
    if interval is not None:
        parts += [follow.c.added_at >= interval[0], follow.c.added_at <= interval[1]]
    return exists().where(*parts).correlate(cust)


def in_departments(
    cust: FromClause, department_ids: tuple[int, ...], names: CteNames
) -> ColumnElement[bool]:
    from segmentation.scope import departments

    seed = select(departments.c.id).where(departments.c.id.in_(department_ids))
    return followed_by(cust, department_members(seed, names))


def new_customer(cust: FromClause, interval: Interval) -> ColumnElement[bool]:
    """The first follow ever recorded (ended ones included) lies in the interval."""
    start, end = interval
    inside, before = follows.alias(), follows.alias()
    some_inside = exists().where(
        inside.c.external_userid == cust.c.external_userid,
        inside.c.added_at >= start,
        inside.c.added_at <= end,
    )
    some_before = exists().where(
        before.c.external_userid == cust.c.external_userid, before.c.added_at < start
    )
    return and_(some_inside.correlate(cust), ~some_before.correlate(cust))


def city(cust: FromClause, names: tuple[str, ...]) -> ColumnElement[bool]:
    # Latin names (Shanghai/shanghai) match case-insensitively; CJK names have no case.
    column = cust.c.city
    exact = [n for n in names if not n.isascii()]
    latin = [n.lower() for n in names if n.isascii()]
    options = []
    if exact:
        options.append(column.in_(exact))
    if latin:
        options.append(func.lower(column).in_(latin))
    return and_(column.is_not(None), or_(*options))


def gender(cust: FromClause, value: int) -> ColumnElement[bool]:
    return func.coalesce(cust.c.gender, 0) == value


def everyone() -> ColumnElement[bool]:
    return true()


def rfm_parts(
    cust: FromClause, now: datetime, rule: Any, means: Any, *, from_stats: bool = False
) -> ColumnElement[bool]:
    """Membership of an RFM class, against company-wide means bound as integer thresholds
    (`from_stats`: no order lies after `now`, so the rollups hold each customer's figures)."""
    if means is None:  # nobody has ordered: every class is empty
        return false()
    if from_stats:
        parts = _rfm_having(
            rule, means, cust.c.last_order_at, cust.c.order_count, fen(cust.c.order_total)
        )
        return and_(cust.c.order_count > 0, cust.c.last_order_at.is_not(None), *parts)
    ev = events.alias()
    last = func.max(ev.c.occurred_at)
    count = func.count()
    total = func.coalesce(func.sum(fen(ev.c.amount)), 0)
    members = (
        select(ev.c.external_userid)
        .where(ev.c.kind == "order", ev.c.occurred_at <= now)
        .group_by(ev.c.external_userid)
        .having(and_(*_rfm_having(rule, means, last, count, total)))
    )
    return in_set(cust, members.subquery())


def _rfm_having(rule: Any, means: Any, last: Any, count: Any, total: Any) -> list[Any]:
    return [
        (last > means.last_order_floor) if rule.r == "high" else (last <= means.last_order_floor),
        (count > means.frequency_floor) if rule.f == "high" else (count <= means.frequency_floor),
        (total > means.amount_floor_fen) if rule.m == "high" else (total <= means.amount_floor_fen),
    ]
