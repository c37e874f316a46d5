"""Breakdowns: how many of a segment's members fall in each group (owner, department, city,
tag within a group, RFM class, channel, month first added, category, product; and the
dimensions condition kinds declare: gender, contact type).

Every count is taken over the segment's own SELECT (segmentation.engine.segment_query: scope,
deleted filter and all), so a breakdown's groups add up to what the list and the count show —
except where one customer can be in several groups (several owners, departments, tags or
channels), which `Breakdown.overlapping` says.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, String, case, cast, distinct, func, literal, select
from sqlalchemy.orm import Session

from segmentation import kinds
from segmentation.compiler import CompileFacts, SegmentError, compile_condition
from segmentation.engine import EngineContext, segment_query
from segmentation.items_breakdown import item_groups
from segmentation.models import (
    Customer,
    CustomerTag,
    Department,
    Follow,
    Staff,
    StaffDepartment,
    Tag,
)
from segmentation.named import compute_rfm_means
from segmentation.nlq.cities import field_cities
from segmentation.nodes import NamedSegment, Node
from segmentation.rollups import read_coverage
from segmentation.scope import CteNames, Requester
from segmentation.text import normalize_name, same_name

# The dimensions built in here; condition kinds declare further ones (Kind.breakdown: a
# kinds.Dimension, one group per value of a customers column).
BUILT_IN: tuple[str, ...] = ("owner", "department", "city", "tag", "rfm", "month")
BUILT_IN += ("channel", "category", "product")
# Groups where one customer may count more than once.
OVERLAPPING = frozenset({"owner", "department", "tag", "channel", "category", "product"})
NONE = ""  # the key of "no value" (no city, no owner, no tag in the group…)

customers = Customer.__table__
follows = Follow.__table__
customer_tags = CustomerTag.__table__
tags = Tag.__table__


class UnknownTagGroup(SegmentError):
    """No tag group has that name; `groups` lists the real ones."""

    def __init__(self, name: str, groups: list[str]) -> None:
        super().__init__(f"no tag group named {name!r}")
        self.name, self.groups = name, groups


@dataclass(frozen=True)
class Group:
    key: str  # the value grouped on ("" = none); userid, department id, tag, RFM key, YYYY-MM…
    label: str  # a name to show where the key is an id (staff, department); else the key
    count: int


@dataclass(frozen=True)
class Breakdown:
    by: str
    tag_group: str | None
    total: int  # members of the segment (each once)
    groups: tuple[Group, ...]  # largest first, ties by key
    overlapping: bool

    def top(self, limit: int) -> tuple[tuple[Group, ...], int]:
        """The `limit` largest groups, and the count of the rest (0 when none)."""
        if len(self.groups) <= limit:
            return self.groups, 0
        return self.groups[:limit], sum(g.count for g in self.groups[limit:])


def breakdown(
    session: Session,
    node: Node,
    by: str,
    *,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    tag_group: str | None = None,
) -> Breakdown:
    """Count `node`'s members (in `requester`'s scope, at `now`) per group of `by`."""
    if by not in dimensions():
        raise SegmentError(f"cannot break down by {by!r}")
    members = segment_query(session, node, requester=requester, now=now, ctx=ctx).subquery()
    eid = members.c[0]
    total = int(session.execute(select(func.count()).select_from(members)).scalar_one())
    group_name = _tag_group(session, tag_group) if by == "tag" and tag_group else None
    if by == "rfm":
        rows = rfm_groups(session, members, now, requester, ctx)
    elif by == "month":
        rows = _months(session, members, ctx)
    elif by == "channel":
        rows = _channels(session, members)
    elif by == "city":
        rows = _cities(session, members, eid)
    elif by in ("category", "product"):
        rows = item_groups(session, node, members, by, now, ctx)
    elif by in kinds.dimensions():
        rows = _rows(session, _by_column(kinds.dimensions()[by], members, eid))
    else:
        rows = _rows(session, _statement(by, members, eid, group_name))
    if by in OVERLAPPING and by not in ("category", "product"):
        rows = _with_none(session, by, members, eid, rows, group_name)
    groups = sorted(
        (Group(k, label or k, n) for k, label, n in rows if n),
        key=lambda g: (-g.count, g.key == NONE, g.key),
    )
    return Breakdown(by, group_name, total, tuple(groups), by in OVERLAPPING)


def only_groups(result: Breakdown, keys: Iterable[str]) -> Breakdown:
    """Just the groups named ("上海和北京各多少": 上海 and 北京, not the other tags or owners the
    same customers have), each shown even when no member is in it; largest first, ties in the
    order named."""
    by_key = {g.key: g for g in result.groups}
    named = [by_key.get(key, Group(key, key, 0)) for key in dict.fromkeys(keys)]
    return replace(result, groups=tuple(sorted(named, key=lambda g: -g.count)))


def dimensions() -> tuple[str, ...]:
    """Every dimension a breakdown can group by: the built-in ones and those kinds declare."""
    return BUILT_IN + tuple(kinds.dimensions())


def _by_column(dim: kinds.Dimension, members: Any, eid: Any) -> Any:
    """One group per stored value of the dimension's customers column (none: NONE)."""
    column = customers.c[dim.column]
    return (
        select(column, literal(""), func.count())
        .select_from(members.join(customers, customers.c.external_userid == eid))
        .group_by(column)
    )


def _rows(session: Session, stmt: Any) -> list[tuple[str, str, int]]:
    return [(str(k or NONE), str(label or ""), int(n)) for k, label, n in session.execute(stmt)]


def _statement(by: str, members: Any, eid: Any, group_name: str | None) -> Any:
    live = follows.c.deleted.is_(False)
    if by == "owner":
        return (
            select(follows.c.userid, func.max(Staff.name), func.count(distinct(eid)))
            .select_from(members.join(follows, follows.c.external_userid == eid))
            .outerjoin(Staff, Staff.userid == follows.c.userid)
            .where(live)
            .group_by(follows.c.userid)
        )
    if by == "department":
        return (
            select(Department.id, func.max(Department.name), func.count(distinct(eid)))
            .select_from(members.join(follows, follows.c.external_userid == eid))
            .join(StaffDepartment, StaffDepartment.userid == follows.c.userid)
            .join(Department, Department.id == StaffDepartment.department_id)
            .where(live)
            .group_by(Department.id)
        )
    where: list[ColumnElement[bool]] = [tags.c.deleted.is_(False)]
    if group_name is not None:
        where.append(tags.c.group_name == group_name)
    return (
        select(tags.c.name, literal(""), func.count(distinct(eid)))
        .select_from(members.join(customer_tags, customer_tags.c.external_userid == eid))
        .join(tags, tags.c.tag_id == customer_tags.c.tag_id)
        .where(*where)
        .group_by(tags.c.name)
    )


# How CRM exports and forms write "no city": counted with the customers who have none.
_NO_CITY = frozenset(
    {"未知", "不详", "未填", "无", "unknown", "n/a", "na", "none", "null", "-", "/"}
)


def _cities(session: Session, members: Any, eid: Any) -> list[tuple[str, str, int]]:
    stmt = (
        select(customers.c.city, func.count())
        .select_from(members.join(customers, customers.c.external_userid == eid))
        .group_by(customers.c.city)
    )
    return city_groups((city, int(n)) for city, n in session.execute(stmt))


def city_groups(spelled: Iterable[tuple[str | None, int]]) -> list[tuple[str, str, int]]:
    """Customers per city read the way the City condition reads a city: every spelling of a
    listed city (上海, 上海市, 上海 in Traditional, shanghai, Shanghai) counts under its
    canonical name (the key; the label is left to the asker's language). A spelling two
    cities share (suzhou: 苏州 or 宿州) counts under the one the others name, when only one
    is there. A name the list lacks is one group with its other spellings (case, width and
    script aside), shown as written most often; empty ones and the ways of writing "none"
    are one group (NONE)."""
    counts: Counter[str] = Counter()
    shared: list[tuple[tuple[str, ...], str, int]] = []
    unlisted: dict[str, Counter[str]] = {}
    for city, n in spelled:
        written = (city or "").strip()
        key = normalize_name(written)
        cities = field_cities(key)
        if not key or key in _NO_CITY:
            counts[NONE] += n
        elif len(cities) == 1:
            counts[cities[0]] += n
        elif cities:
            shared.append((cities, written, n))
        else:
            unlisted.setdefault(key, Counter())[written] += n
    for cities, written, n in shared:
        named = [c for c in cities if c in counts]
        if len(named) == 1:
            counts[named[0]] += n
        else:
            unlisted.setdefault(normalize_name(written), Counter())[written] += n
    rows = [(key, "", n) for key, n in counts.items()]
    for spellings in unlisted.values():
        shown = min(spellings, key=lambda w: (-spellings[w], w))
        rows.append((shown, shown, sum(spellings.values())))
    return rows


def _with_none(
    session: Session,
    by: str,
    members: Any,
    eid: Any,
    rows: list[tuple[str, str, int]],
    group_name: str | None,
) -> list[tuple[str, str, int]]:
    """Add the members in no group at all (no live follow, no tag in the group…)."""
    if by == "tag":
        inner = customer_tags.join(tags, tags.c.tag_id == customer_tags.c.tag_id)
        where: list[ColumnElement[bool]] = [tags.c.deleted.is_(False)]
        if group_name is not None:
            where.append(tags.c.group_name == group_name)
        having = select(customer_tags.c.external_userid).select_from(inner).where(*where)
    elif by == "department":
        inner = follows.join(StaffDepartment, StaffDepartment.userid == follows.c.userid)
        having = (
            select(follows.c.external_userid).select_from(inner).where(follows.c.deleted.is_(False))
        )
    else:  # owner, channel: any live follow
        having = select(follows.c.external_userid).where(follows.c.deleted.is_(False))
    stmt = select(func.count()).select_from(members).where(eid.not_in(having))
    missing = int(session.execute(stmt).scalar_one())
    return [*rows, (NONE, "", missing)]


def _tag_group(session: Session, name: str) -> str:
    """The stored name of the tag group `name` reads as (case, width and script aside)."""
    stmt = select(tags.c.group_name).where(
        tags.c.deleted.is_(False), tags.c.group_name.is_not(None)
    )
    groups = sorted({g for g in session.execute(stmt.distinct()).scalars() if g})
    for group in groups:
        if (
            same_name(group, name)
            or same_name(group, f"{name}标签")
            or same_name(f"{group}标签", name)
        ):
            return group
    raise UnknownTagGroup(name, groups)


def rfm_groups(
    session: Session, members: Any, now: datetime, requester: Requester, ctx: EngineContext
) -> list[tuple[str, str, int]]:
    """Each member's RFM class (company-wide means, as the named segments use), in one CASE;
    customers without orders have none."""
    entries = [e for e in ctx.named.all() if e.is_rfm]
    if not entries:
        return []
    facts = CompileFacts(
        rfm=compute_rfm_means(session, now), coverage=read_coverage(session, {"order"})
    )
    names = CteNames()
    whens = [
        (
            compile_condition(
                NamedSegment(e.key), requester=requester, now=now, ctx=ctx, facts=facts, names=names
            ),
            e.key,
        )
        for e in entries
    ]
    key = case(*whens, else_=literal(NONE))
    stmt = (
        select(key, func.count())
        .select_from(members.join(customers, customers.c.external_userid == members.c[0]))
        .group_by(key)
    )
    return [(str(k or NONE), "", int(n)) for k, n in session.execute(stmt)]


def _months(session: Session, members: Any, ctx: EngineContext) -> list[tuple[str, str, int]]:
    """The local calendar month of each member's first follow by anyone (ended ones count, as
    for 新客户), counted in SQL on both dialects: the months' starts in the deployment's zone
    are computed here (as naive UTC, how times are stored) for the span of every follow, and
    a CASE puts each member's first follow in the latest month that started before it."""
    low, high = session.execute(
        select(func.min(follows.c.added_at), func.max(follows.c.added_at))
    ).one()
    total = int(session.execute(select(func.count()).select_from(members)).scalar_one())
    if low is None or high is None:
        return [(NONE, "", total)] if total else []
    first = (
        select(func.min(follows.c.added_at).label("added"))
        .where(follows.c.external_userid.in_(select(members.c[0])))
        .group_by(follows.c.external_userid)
        .subquery()
    )
    starts = month_starts(low, high, ctx)
    month = case(
        *((first.c.added >= start, literal(label)) for label, start in reversed(starts)),
        else_=literal(NONE),
    )
    # Grouped over a subquery's column: PostgreSQL does not match a GROUP BY expression that
    # repeats a CASE with bound parameters.
    labelled = select(month.label("month")).select_from(first).subquery()
    stmt = select(labelled.c.month, func.count()).group_by(labelled.c.month)
    counts = {str(k or NONE): int(n) for k, n in session.execute(stmt)}
    seen = sum(counts.values())
    if total > seen:  # members without any follow
        counts[NONE] = counts.get(NONE, 0) + total - seen
    return [(k, "", n) for k, n in counts.items()]


def month_starts(low: datetime, high: datetime, ctx: EngineContext) -> list[tuple[str, datetime]]:
    """("YYYY-MM", its first instant in the deployment's zone as an aware time) for every
    local month from the one holding `low` to the one holding `high` (stored naive UTC)."""
    first, last = _local(low, ctx), _local(high, ctx)
    year, month = first.year, first.month
    out = []
    while (year, month) <= (last.year, last.month):
        start = datetime(year, month, 1, tzinfo=ctx.timezone)
        out.append((f"{year:04d}-{month:02d}", start.astimezone(UTC)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _local(value: datetime, ctx: EngineContext) -> datetime:
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(ctx.timezone)


def _channels(session: Session, members: Any) -> list[tuple[str, str, int]]:
    """The channel of each live follow: its 渠道活码 `state` (one group for the spellings of
    a code that differ only in case, as the channel condition matches them), else WeCom's
    add_way code."""
    eid = members.c[0]
    coded = func.coalesce(follows.c.state, "") != ""
    key = case(
        (coded, func.lower(follows.c.state)),
        else_=literal("add_way:") + func.coalesce(cast(follows.c.add_way, String), "0"),
    )
    label = func.min(case((coded, follows.c.state), else_=literal("")))
    stmt = (
        select(key, label, func.count(distinct(eid)))
        .select_from(members.join(follows, follows.c.external_userid == eid))
        .where(follows.c.deleted.is_(False))
        .group_by(key)
    )
    return _rows(session, stmt)
