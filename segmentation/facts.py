"""What a list row shows, and in which order an unranked list comes, by the question's conditions.

`facts_of` is the one mapping from condition nodes to the facts a row shows ("近90天消费
¥1,280", the last inquiry, the score, the matching tags, 添加时间…); `listing_order` is the
ORDER BY of an unranked list: the most recent activity the question is about first (the
latest event of the kinds it names; for who received a campaign's mass message, when it was
received; for a new-customer question the first follow; for a question about attributes only,
the latest event of any kind, else the first follow), ties by
external_userid in code-point order. Both read the question after saved segments are expanded.

`read_facts` fetches the facts' values for one page of customers (a handful of grouped
queries); formatting them in the user's language is the chat's (bot.commands.rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import FromClause, case, func, literal, or_, select
from sqlalchemy.orm import Session

from segmentation import conditions as cond
from segmentation import contacts, kinds
from segmentation import score_conditions as score_sql
from segmentation.fact_types import (
    AddedAt,
    CityName,
    EventTally,
    Fact,
    LastActivity,
    LastEvent,
    MatchingTags,
    ScoreValue,
    WindowSpend,
)
from segmentation.models import Customer, CustomerTag, Event, Follow, Tag
from segmentation.models.base import UTCDateTime
from segmentation.named import RfmRule
from segmentation.nodes import (
    And,
    CampaignMessaged,
    NamedSegment,
    Node,
    Not,
    Or,
    Ranked,
    Window,
)
from segmentation.text import fold_case
from segmentation.windows import as_of, resolve_window

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from segmentation.context import EngineContext

# A phone-width row: the owner and at most this many facts.
MAX_FACTS = 3


def facts_of(node: Node, ctx: EngineContext) -> list[Fact]:
    """The facts a row shows for this question, in the order its conditions are named, at
    most MAX_FACTS (a ranking's value first); LastActivity when it names none."""
    found: list[Fact] = []
    _collect(node, ctx, False, found)
    tags = tuple(dict.fromkeys(n for f in found if isinstance(f, MatchingTags) for n in f.names))
    tallied = {f.kind for f in found if isinstance(f, EventTally)}
    out: list[Fact] = []
    for fact in found:
        if isinstance(fact, MatchingTags):
            fact = MatchingTags(tags)
        if isinstance(fact, LastEvent) and fact.kind in tallied:
            continue  # the tally says when the last one was
        if isinstance(fact, LastEvent) and any(
            isinstance(f, LastEvent) and f.kind == fact.kind for f in out
        ):
            continue  # asked both ways (有咨询 … 但近7天没咨询) or in two windows: one
        if fact not in out:
            out.append(fact)
    return out[:MAX_FACTS] or [LastActivity()]


def _ranked_fact(node: Ranked) -> Fact:
    """What a row of a ranking shows first: the value it was ranked by."""
    if node.by == "spend":
        return WindowSpend(node.window)
    if node.by == "orders":
        return EventTally("order", node.window)
    return ScoreValue(node.by)


def _collect(node: Node, ctx: EngineContext, negated: bool, found: list[Fact]) -> None:
    """The facts of `node` appended to `found` (`negated`: under an odd number of NOTs)."""
    if isinstance(node, And | Or):
        for child in node.children:
            _collect(child, ctx, negated, found)
    elif isinstance(node, Not):
        _collect(node.child, ctx, not negated, found)
    elif isinstance(node, Ranked):
        found.append(_ranked_fact(node))
        _collect(node.base, ctx, negated, found)
    elif isinstance(node, NamedSegment):
        entry = ctx.named.get(node.key)
        if entry is None:
            return
        if isinstance(entry.definition, RfmRule):  # recency, frequency, money: of orders
            found.extend([LastEvent("order"), WindowSpend(None)])
        else:
            _collect(entry.definition, ctx, negated, found)
    elif not isinstance(node, kinds.CORE_TYPES):  # a condition kind says (everyone: nothing)
        found.extend(kinds.kind_of(node).row_facts(node, negated))


# ---------------------------------------------------------------- the order of a list


@dataclass(frozen=True)
class Activity:
    """What "most recent relevant activity" means for a question: the latest event of
    `kinds`; with no kinds, the first follow (`added`) or the latest event of any kind, else
    the first follow."""

    kinds: tuple[str, ...] = ()
    added: bool = False
    # Every event condition asked for has a window that ended before now ("ordered the week
    # before last", 上个月有咨询): the latest event up to the last of those ends, so the list
    # comes in the order of what the question matched, not of what happened since.
    until: datetime | None = None
    # Received a campaign's mass message, asked for: (campaign_id, latest) per condition;
    # (None, False) is any campaign's. The latest such delivery is the activity.
    messages: tuple[tuple[int | None, bool], ...] = ()


def activity_of(node: Node, ctx: EngineContext, now: datetime | None = None) -> Activity:
    """The events a question is about: those it asks for (有咨询) before those it asks
    against (未下单); else the campaign message it asks who received (上次活动谁收到了消息:
    the delivery); else whether it asks about new customers. With `now`, the events asked
    for only in windows that are over are read up to the end of the last of them."""
    marks = _order_marks(node, ctx, False)
    asked = [kind for kind, negated, _ in marks if kind and not negated]
    refused = [kind for kind, negated, _ in marks if kind and negated]
    if asked:
        windows = [window for kind, negated, window in marks if kind and not negated]
        until = _asked_until(windows, ctx, now) if now is not None else None
        return Activity(tuple(dict.fromkeys(asked)), until=until)
    if refused:
        return Activity(tuple(dict.fromkeys(refused)))
    messages = tuple(dict.fromkeys(_messages(node, False)))
    if messages:
        return Activity(messages=messages)
    return Activity(added=any(kind == "" for kind, _, _ in marks))


def _asked_until(
    windows: list[Window | None], ctx: EngineContext, now: datetime
) -> datetime | None:
    """The end of the last window asked in, when every one of them ended before `now`."""
    if any(window is None for window in windows):
        return None
    local_now = now.astimezone(ctx.timezone)
    ends = [as_of(resolve_window(w, now, ctx.timezone), now, ctx.timezone)[1] for w in windows]
    last = max(ends, default=local_now)
    return last if last < local_now else None


def _messages(node: Node, negated: bool) -> list[tuple[int | None, bool]]:
    """The campaigns of the mass messages `node` asks who received (not those it asks who
    did not)."""
    if isinstance(node, And | Or):
        return [m for child in node.children for m in _messages(child, negated)]
    if isinstance(node, Not):
        return _messages(node.child, not negated)
    if isinstance(node, Ranked):
        return _messages(node.base, negated)
    if isinstance(node, CampaignMessaged) and not negated:
        return [(node.campaign_id, node.latest)]
    return []


Mark = tuple[str, bool, Window | None]


def _order_marks(node: Node, ctx: EngineContext, negated: bool) -> list[Mark]:
    """(event kind, negated, window) per event condition (spend, scores and RFM classes are
    about orders), and ("", negated, window) per new-customer condition; the window is the
    condition's own (None: all time)."""
    if isinstance(node, And | Or):
        return [m for child in node.children for m in _order_marks(child, ctx, negated)]
    if isinstance(node, Not):
        return _order_marks(node.child, ctx, not negated)
    if isinstance(node, Ranked):
        return [("order", negated, node.window), *_order_marks(node.base, ctx, negated)]
    if isinstance(node, NamedSegment):
        entry = ctx.named.get(node.key)
        if entry is None:
            return []
        if isinstance(entry.definition, RfmRule):
            return [("order", negated, None)]
        return _order_marks(entry.definition, ctx, negated)
    if isinstance(node, kinds.CORE_TYPES):
        return []
    window = getattr(node, "window", None)
    return [(kind, neg, window) for kind, neg in kinds.kind_of(node).activity(node, negated)]


def listing_order(activity: Activity, cust: FromClause, now: datetime) -> list[Any]:
    """ORDER BY terms for the customers of `cust`: the activity, latest first (customers
    without any last), then external_userid by code point."""
    from segmentation.compiler import BinaryOrder

    if activity.kinds:
        latest = _latest_of_kinds(cust, activity.kinds, min(now, activity.until or now))
    elif activity.messages:
        latest = _latest_message(cust, activity.messages, now)
    elif activity.added:
        latest = _first_added(cust, now)
    else:
        latest = func.coalesce(_latest_of_any(cust, now), _first_added(cust, now))
    return [latest.desc().nulls_last(), BinaryOrder(cust.c.external_userid)]


def _latest_message(
    cust: FromClause, messages: Sequence[tuple[int | None, bool]], now: datetime
) -> Any:
    """When the customer last received a mass message (WeCom reported it sent) up to `now`,
    of the campaigns asked about (any campaign when one condition names none)."""
    d = contacts.deliveries.alias()
    where = [
        d.c.external_userid == cust.c.external_userid,
        d.c.channel == contacts.MASS_MESSAGE,
        d.c.status == contacts.DELIVERED,
        d.c.status_at <= _at(now),
    ]
    if all(campaign_id is not None or latest for campaign_id, latest in messages):
        named = [
            d.c.campaign_id == contacts.latest_message_campaign(now)
            if campaign_id is None
            else d.c.campaign_id == campaign_id
            for campaign_id, _latest in messages
        ]
        where.append(or_(*named))
    return select(func.max(d.c.status_at)).where(*where).correlate(cust).scalar_subquery()


def _at(now: datetime) -> Any:
    return literal(now, UTCDateTime())


def _greatest(values: Sequence[Any]) -> Any:
    """The largest non-null value (NULL when all are): SQLite's max(a, b) is NULL as soon as
    one is, PostgreSQL has greatest(); a CASE reads the same on both."""
    result = values[0]
    for value in values[1:]:
        result = case(
            (result.is_(None), value),
            (value.is_(None), result),
            (result > value, result),
            else_=value,
        )
    return result


def _events_latest(cust: FromClause, now: datetime, kinds: Sequence[str] = ()) -> Any:
    """The latest event up to `now` (of `kinds`, when given) read from the events: for the
    few customers whose rollup has an event after `now` (a question about the past)."""
    ev = cond.events.alias()
    where = [ev.c.external_userid == cust.c.external_userid, ev.c.occurred_at <= _at(now)]
    if kinds:
        where.append(ev.c.kind.in_(list(kinds)))
    return select(func.max(ev.c.occurred_at)).where(*where).correlate(cust).scalar_subquery()


def _up_to_now(rollup: Any, cust: FromClause, now: datetime, kinds: Sequence[str] = ()) -> Any:
    """The rollup's latest time when it is not after `now` (then it is the latest up to now),
    else the latest read from the events."""
    return case((rollup > _at(now), _events_latest(cust, now, kinds)), else_=rollup)


def _latest_of_kinds(cust: FromClause, kinds: Sequence[str], now: datetime) -> Any:
    """The latest event of `kinds` up to `now`: orders and inquiries from the customer's own
    row, other kinds from one event_stats probe (each kind's rollup where it is not after
    `now`, else that kind's events)."""
    parts = [
        _up_to_now(column, cust, now, [kind])
        for kind in kinds
        if (column := cond.customer_rollup(cust, kind, "last_at")) is not None
    ]
    others = [k for k in kinds if cond.customer_rollup(cust, k, "last_at") is None]
    if others:
        st, ev = cond.stats.alias(), cond.events.alias()
        before_now = (
            select(func.max(ev.c.occurred_at))
            .where(
                ev.c.external_userid == st.c.external_userid,
                ev.c.kind == st.c.kind,
                ev.c.occurred_at <= _at(now),
            )
            .scalar_subquery()
        )
        latest = case((st.c.last_at > _at(now), before_now), else_=st.c.last_at)
        parts.append(
            select(func.max(latest))
            .where(st.c.external_userid == cust.c.external_userid, st.c.kind.in_(others))
            .correlate(cust)
            .scalar_subquery()
        )
    return _greatest(parts)


def _latest_of_any(cust: FromClause, now: datetime) -> Any:
    return _up_to_now(cust.c.last_event_at, cust, now)


def _first_added(cust: FromClause, now: datetime) -> Any:
    fo = cond.follows.alias()
    return (
        select(func.min(fo.c.added_at))
        .where(fo.c.external_userid == cust.c.external_userid, fo.c.added_at <= _at(now))
        .correlate(cust)
        .scalar_subquery()
    )


# ---------------------------------------------------------------- the values of one page


@dataclass(frozen=True)
class Latest:
    """An event: when, of which kind, and its amount (None: none)."""

    at: datetime
    kind: str
    amount: Decimal | None = None


@dataclass(frozen=True)
class Tally:
    count: int
    last: datetime | None


def read_facts(
    session: Session, ids: Sequence[str], facts: Sequence[Fact], now: datetime, tz: ZoneInfo
) -> dict[Fact, dict[str, Any]]:
    """{fact: {external_userid: value}} for these customers (a page: a few dozen), as of
    `now`; a customer without a value is absent. Values: LastEvent → Latest, EventTally →
    Tally, WindowSpend → Decimal yuan, ScoreValue → float or Decimal, MatchingTags → tuple of
    names, AddedAt → datetime, CityName → str, LastActivity → Latest or, without events,
    the datetime first added."""
    out: dict[Fact, dict[str, Any]] = {}
    if not ids:
        return out
    ids = list(ids)
    for fact in facts:
        if isinstance(fact, LastEvent):
            out[fact] = _latest_events(session, ids, _until(fact.window, now, tz), fact.kind)
        elif isinstance(fact, EventTally):
            out[fact] = _tallies(session, ids, fact, now, tz)
        elif isinstance(fact, WindowSpend):
            out[fact] = _spend(session, ids, fact.window, now, tz)
        elif isinstance(fact, ScoreValue):
            out[fact] = _scores(session, ids, fact.metric)
        elif isinstance(fact, MatchingTags):
            out[fact] = _tags(session, ids, fact.names)
        elif isinstance(fact, AddedAt):
            out[fact] = _added(session, ids, now)
        elif isinstance(fact, CityName):
            stmt = select(Customer.external_userid, Customer.city).where(
                Customer.external_userid.in_(ids), Customer.city.is_not(None), Customer.city != ""
            )
            out[fact] = {eid: city for eid, city in session.execute(stmt)}
        else:
            latest = _latest_events(session, ids, now)
            added = _added(session, ids, now)
            out[fact] = {eid: latest.get(eid) or added[eid] for eid in {*latest, *added}}
    return out


def _latest_events(
    session: Session, ids: list[str], now: datetime, kind: str | None = None
) -> dict[str, Latest]:
    """Each customer's latest event up to `now` (of `kind`, else of any kind), with its
    amount; ties at one instant by event_id."""
    where = [Event.external_userid.in_(ids), Event.occurred_at <= now]
    if kind is not None:
        where.append(Event.kind == kind)
    position = (
        func.row_number()
        .over(
            partition_by=Event.external_userid,
            order_by=(Event.occurred_at.desc(), Event.event_id.desc()),
        )
        .label("place")
    )
    ranked = (
        select(Event.external_userid, Event.occurred_at, Event.kind, Event.amount, position)
        .where(*where)
        .subquery()
    )
    stmt = select(ranked.c.external_userid, ranked.c.occurred_at, ranked.c.kind,
                  ranked.c.amount).where(ranked.c.place == 1)  # fmt: skip
    return {eid: Latest(at, kind, amount) for eid, at, kind, amount in session.execute(stmt)}


def _until(window: Window | None, now: datetime, tz: ZoneInfo) -> datetime:
    """The end of `window` when it is over, else `now`."""
    return min(_interval(window, now, tz)[1], now)


def _interval(window: Window | None, now: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    return as_of(resolve_window(window, now, tz), now, tz)


def _tallies(
    session: Session, ids: list[str], fact: EventTally, now: datetime, tz: ZoneInfo
) -> dict[str, Tally]:
    start, end = _interval(fact.window, now, tz)
    stmt = (
        select(Event.external_userid, func.count(), func.max(Event.occurred_at))
        .where(
            Event.external_userid.in_(ids),
            Event.kind == fact.kind,
            Event.occurred_at >= start,
            Event.occurred_at <= end,
        )
        .group_by(Event.external_userid)
    )
    found = {eid: Tally(int(n), last) for eid, n, last in session.execute(stmt)}
    return {eid: found.get(eid, Tally(0, None)) for eid in ids}  # zero counts count


def _spend(
    session: Session, ids: list[str], window: Window | None, now: datetime, tz: ZoneInfo
) -> dict[str, Decimal]:
    start, end = _interval(window, now, tz)
    stmt = (
        select(Event.external_userid, func.coalesce(func.sum(cond.fen(Event.amount)), 0))
        .where(
            Event.external_userid.in_(ids),
            Event.kind == "order",
            Event.occurred_at >= start,
            Event.occurred_at <= end,
        )
        .group_by(Event.external_userid)
    )
    fen = {eid: int(total) for eid, total in session.execute(stmt)}
    return {eid: (Decimal(fen.get(eid, 0)) / 100).quantize(Decimal("0.01")) for eid in ids}


def _scores(session: Session, ids: list[str], metric: str) -> dict[str, Any]:
    column = score_sql.scores.c[score_sql.COLUMNS[metric][0]]
    stmt = select(score_sql.scores.c.external_userid, column).where(
        score_sql.scores.c.external_userid.in_(ids), column.is_not(None)
    )
    return {eid: value for eid, value in session.execute(stmt)}


def _tags(session: Session, ids: list[str], names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    wanted = [fold_case(n) for n in names]
    stmt = (
        select(CustomerTag.external_userid, Tag.name)
        .join(Tag, Tag.tag_id == CustomerTag.tag_id)
        .where(
            CustomerTag.external_userid.in_(ids),
            Tag.deleted.is_(False),
            func.lower(Tag.name).in_(wanted),
        )
        .order_by(CustomerTag.external_userid, Tag.name)
    )
    found: dict[str, list[str]] = {}
    for eid, name in session.execute(stmt):
        if name not in found.setdefault(eid, []):
            found[eid].append(name)
    return {eid: tuple(names) for eid, names in found.items()}


def _added(session: Session, ids: list[str], now: datetime) -> dict[str, datetime]:
    stmt = (
        select(Follow.external_userid, func.min(Follow.added_at))
        .where(Follow.external_userid.in_(ids), Follow.added_at <= now)
        .group_by(Follow.external_userid)
    )
    return {eid: at for eid, at in session.execute(stmt) if at is not None}
