"""Why a customer is (or is not) in a segment: each condition, whether it held, and the facts.

Whether each part held is asked of the same compiled SQL as membership, so an explanation
can never disagree with a list; the facts are read with small per-customer queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, func, select, type_coerce
from sqlalchemy.orm import Session

from segmentation import contacts, kinds
from segmentation.compiler import CompileFacts, compile_condition, compile_segment
from segmentation.engine import EngineContext, prepare
from segmentation.models import Customer, CustomerScore, CustomerTag, Event, Follow, Tag
from segmentation.named import RfmRule
from segmentation.nodes import (
    ORDER_MEASURES,
    And,
    NamedSegment,
    Node,
    Not,
    Or,
    Ranked,
    Window,
    node_to_dict,
)
from segmentation.scope import Requester
from segmentation.windows import as_of, resolve_window

# Event kinds whose amounts the facts show (orders' spend, refunds' refunded amount).
AMOUNT_KINDS = ("order", "refund")


@dataclass(frozen=True)
class ConditionExplanation:
    node: dict[str, Any]  # the node's JSON form
    held: bool
    facts: dict[str, Any] = field(default_factory=dict)
    children: tuple[ConditionExplanation, ...] = ()


@dataclass(frozen=True)
class Explanation:
    external_userid: str
    visible: bool  # False: unknown, deleted, or outside the asker's scope; nothing else is said
    member: bool
    condition: ConditionExplanation | None = None


def explain_customer(
    session: Session,
    node: Node,
    external_userid: str,
    *,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
) -> Explanation:
    expanded, facts = prepare(session, node, now=now, ctx=ctx)
    if not _visible(session, external_userid, requester, now, ctx):
        return Explanation(external_userid, visible=False, member=False)
    stmt = compile_segment(expanded, requester=requester, now=now, ctx=ctx, facts=facts)
    stmt = stmt.where(Customer.__table__.c.external_userid == external_userid)
    member = session.execute(stmt).first() is not None
    walker = _Walker(session, external_userid, requester, now, ctx, facts)
    return Explanation(external_userid, True, member, walker.explain(expanded))


def _visible(
    session: Session, eid: str, requester: Requester, now: datetime, ctx: EngineContext
) -> bool:
    from segmentation.nodes import All

    stmt = compile_segment(All(), requester=requester, now=now, ctx=ctx)
    stmt = stmt.where(Customer.__table__.c.external_userid == eid)
    return session.execute(stmt).first() is not None


class _Walker:
    def __init__(
        self,
        session: Session,
        eid: str,
        requester: Requester,
        now: datetime,
        ctx: EngineContext,
        facts: CompileFacts,
    ) -> None:
        self.session, self.eid, self.requester = session, eid, requester
        self.now, self.ctx, self.facts = now, ctx, facts

    def held(self, node: Node) -> bool:
        condition = compile_condition(
            node, requester=self.requester, now=self.now, ctx=self.ctx, facts=self.facts
        )
        customers = Customer.__table__
        stmt = select(customers.c.external_userid).where(
            customers.c.external_userid == self.eid, condition
        )
        return self.session.execute(stmt).first() is not None

    def explain(self, node: Node) -> ConditionExplanation:
        children: tuple[Node, ...] = ()
        if isinstance(node, And | Or):
            children = node.children
        elif isinstance(node, Not):
            children = (node.child,)
        elif isinstance(node, Ranked):
            children = (node.base,)
        elif isinstance(node, NamedSegment):
            entry = self.ctx.named.get(node.key)
            if entry is not None and not isinstance(entry.definition, RfmRule):
                children = (entry.definition,)
        return ConditionExplanation(
            node=node_to_dict(node),
            held=self.held(node),
            facts=self.facts_for(node),
            children=tuple(self.explain(c) for c in children),
        )

    def interval(self, window: Window | None) -> tuple[datetime, datetime]:
        tz = self.ctx.timezone
        return as_of(resolve_window(window, self.now, tz), self.now, tz)

    def facts_for(self, node: Node) -> dict[str, Any]:
        """The grammar core's facts here; a condition kind's from its module."""
        if isinstance(node, Ranked) and node.by not in ORDER_MEASURES:
            return self.score_facts(node.by)
        if isinstance(node, Ranked):
            return self.event_facts("order", node.window)
        if isinstance(node, NamedSegment):
            return self.named_facts(node)
        if isinstance(node, kinds.CORE_TYPES):
            return {}  # and, or, not, everyone: their parts say
        return kinds.kind_of(node).explain(self, node)

    def event_facts(self, kind: str, window: Window | None, *only: Any) -> dict[str, Any]:
        """Count, last time and (orders) amount of the customer's `kind` events in the window
        (`only`: those about one product, say)."""
        start, end = self.interval(window)
        events = Event.__table__
        count, last, fen = self.session.execute(
            select(
                func.count(),
                func.max(events.c.occurred_at),
                func.coalesce(func.sum(type_coerce(events.c.amount, BigInteger)), 0),
            ).where(
                events.c.external_userid == self.eid,
                events.c.kind == kind,
                events.c.occurred_at >= start,
                events.c.occurred_at <= end,
                *only,
            )
        ).one()
        facts: dict[str, Any] = {"kind": kind, "from": start, "to": end, "count": int(count)}
        facts["last_at"] = last
        if kind in AMOUNT_KINDS:
            facts["amount"] = _yuan(int(fen))
        return facts

    def score_facts(self, metric: str) -> dict[str, Any]:
        """The stored score (None: no score row or no value) and when it was computed."""
        row = self.session.get(CustomerScore, self.eid)
        column = "clv_365d" if metric == "clv" else metric
        if row is None:
            return {"score": metric, "value": None, "scored_at": None}
        return {"score": metric, "value": getattr(row, column), "scored_at": row.scored_at}

    def tag_names(self) -> list[str]:
        stmt = (
            select(Tag.name)
            .join(CustomerTag, CustomerTag.tag_id == Tag.tag_id)
            .where(CustomerTag.external_userid == self.eid, Tag.deleted.is_(False))
            .distinct()
        )
        return sorted(self.session.execute(stmt).scalars())

    def followers(self) -> list[str]:
        stmt = select(Follow.userid).where(
            Follow.external_userid == self.eid, Follow.deleted.is_(False)
        )
        return sorted(self.session.execute(stmt).scalars())

    def channels(self) -> list[dict[str, Any]]:
        """How each live follow began: who, WeCom's add_way code, the 渠道活码 code."""
        stmt = (
            select(Follow.userid, Follow.add_way, Follow.state)
            .where(Follow.external_userid == self.eid, Follow.deleted.is_(False))
            .order_by(Follow.userid)
        )
        return [
            {"userid": userid, "add_way": add_way, "state": state}
            for userid, add_way, state in self.session.execute(stmt)
        ]

    def messages(self) -> list[dict[str, Any]]:
        """The customer's latest mass-message deliveries (up to 5) up to now: campaign,
        status, when the status was reported."""
        d = contacts.deliveries
        stmt = (
            select(d.c.campaign_id, d.c.status, d.c.status_at)
            .where(
                d.c.external_userid == self.eid,
                d.c.channel == contacts.MASS_MESSAGE,
                d.c.created_at <= self.now,
            )
            .order_by(d.c.id.desc())
            .limit(5)
        )
        return [
            {"campaign_id": c, "status": status, "at": at}
            for c, status, at in self.session.execute(stmt)
        ]

    def coupons(self) -> list[dict[str, Any]]:
        """The customer's latest coupons (up to 5) issued by now, and when they were used."""
        c = contacts.coupons
        stmt = (
            select(c.c.campaign_id, c.c.issued_at, c.c.redeemed_at)
            .where(c.c.external_userid == self.eid, c.c.issued_at <= self.now)
            .order_by(c.c.id.desc())
            .limit(5)
        )
        return [
            {
                "campaign_id": campaign,
                "issued_at": issued,
                "redeemed_at": used if used is not None and used <= self.now else None,
            }
            for campaign, issued, used in self.session.execute(stmt)
        ]

    def named_facts(self, node: NamedSegment) -> dict[str, Any]:
        entry = self.ctx.named.get(node.key)
        if entry is None or not isinstance(entry.definition, RfmRule):
            return {}
        facts = self.event_facts("order", None)
        means = self.facts.rfm
        if means is not None:
            last = facts["last_at"]
            facts.update(
                recency=(self.now - last) if last else None,
                mean_recency=means.mean_recency(self.now),
                mean_frequency=means.mean_frequency,
                mean_amount=means.mean_amount,
            )
        return facts


def _yuan(fen: int) -> Any:
    from decimal import Decimal

    return (Decimal(fen) / 100).quantize(Decimal("0.01"))
