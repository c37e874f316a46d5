"""One customer's card: who they are, who follows them, what they did, where they stand.

Found among the customers the asker may see only (the segment engine's scope), by
external_userid, name, a follow's remark or the last four digits of the phone. The card never
holds a full phone number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import opencc
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from bot.models.campaigns import Coupon
from bot.services.exports import mask_phone, safe_name
from segmentation.breakdown import NONE, rfm_groups
from segmentation.compiler import SegmentError
from segmentation.engine import EngineContext, segment_query
from segmentation.models import Customer, CustomerTag, Event, Follow, Staff, Tag
from segmentation.models.scores import CustomerScore
from segmentation.nodes import All, SavedSegment
from segmentation.saved import list_saved_segments
from segmentation.scope import Requester

MAX_CANDIDATES = 20
RECENT_DAYS = 30
LAST_EVENTS = 10
MAX_SEGMENTS_CHECKED = 50
_S2T = opencc.OpenCC("s2t")


@dataclass(frozen=True)
class Owner:
    userid: str
    name: str
    added_at: datetime | None
    remark: str
    add_way: int | None = None  # how they added the customer (WeCom's add_way code)
    channel: str = ""  # the 渠道活码 (state) they were added through


@dataclass(frozen=True)
class CardEvent:
    at: datetime
    kind: str
    amount: Decimal | None
    product: str


@dataclass(frozen=True)
class CustomerCard:
    external_userid: str
    name: str
    phone: str  # masked
    gender: int
    city: str
    company: str
    owners: tuple[Owner, ...]
    tags: tuple[str, ...]
    lifetime_spend: Decimal
    recent_spend: Decimal  # the last RECENT_DAYS days
    order_count: int
    inquiry_count: int
    last_inquiry_at: datetime | None
    last_order_at: datetime | None
    last_visit_at: datetime | None
    rfm: str  # a named RFM class key, "" when the customer has no order
    scores: dict[str, Any] | None
    segments: tuple[str, ...]
    coupons_issued: int
    coupons_redeemed: int
    events: tuple[CardEvent, ...]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CustomerCard:
        """The card of its JSON (to_json's), for an answer read back at the chat's edge."""

        def when(value: Any) -> datetime | None:
            return datetime.fromisoformat(str(value)) if value else None

        return cls(
            external_userid=str(data["external_userid"]),
            name=str(data["name"]),
            phone=str(data.get("phone") or ""),
            gender=int(data.get("gender") or 0),
            city=str(data.get("city") or ""),
            company=str(data.get("company") or ""),
            owners=tuple(
                Owner(
                    str(o["userid"]),
                    str(o["name"]),
                    when(o.get("added_at")),
                    str(o.get("remark") or ""),
                    None if o.get("add_way") is None else int(o["add_way"]),
                    str(o.get("channel") or ""),
                )
                for o in data.get("owners") or ()
            ),
            tags=tuple(str(t) for t in data.get("tags") or ()),
            lifetime_spend=Decimal(str(data.get("lifetime_spend") or 0)),
            recent_spend=Decimal(str(data.get("recent_spend") or 0)),
            order_count=int(data.get("order_count") or 0),
            inquiry_count=int(data.get("inquiry_count") or 0),
            last_inquiry_at=when(data.get("last_inquiry_at")),
            last_order_at=when(data.get("last_order_at")),
            last_visit_at=when(data.get("last_visit_at")),
            rfm=str(data.get("rfm") or ""),
            scores=data.get("scores") if isinstance(data.get("scores"), dict) else None,
            segments=tuple(str(n) for n in data.get("segments") or ()),
            coupons_issued=int(data.get("coupons_issued") or 0),
            coupons_redeemed=int(data.get("coupons_redeemed") or 0),
            events=tuple(
                CardEvent(
                    datetime.fromisoformat(str(e["at"])),
                    str(e["kind"]),
                    None if e.get("amount") is None else Decimal(str(e["amount"])),
                    str(e.get("product") or ""),
                )
                for e in data.get("events") or ()
            ),
        )

    def to_json(self) -> dict[str, Any]:
        def when(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "external_userid": self.external_userid,
            "name": self.name,
            "phone": self.phone,
            "gender": self.gender,
            "city": self.city,
            "company": self.company,
            "owners": [
                {
                    "userid": o.userid,
                    "name": o.name,
                    "added_at": when(o.added_at),
                    "remark": o.remark,
                    "add_way": o.add_way,
                    "channel": o.channel,
                }
                for o in self.owners
            ],
            "tags": list(self.tags),
            "lifetime_spend": str(self.lifetime_spend),
            "recent_spend": str(self.recent_spend),
            "recent_days": RECENT_DAYS,
            "order_count": self.order_count,
            "inquiry_count": self.inquiry_count,
            "last_inquiry_at": when(self.last_inquiry_at),
            "last_order_at": when(self.last_order_at),
            "last_visit_at": when(self.last_visit_at),
            "rfm": self.rfm,
            "scores": self.scores,
            "segments": list(self.segments),
            "coupons_issued": self.coupons_issued,
            "coupons_redeemed": self.coupons_redeemed,
            "events": [
                {
                    "at": e.at.isoformat(),
                    "kind": e.kind,
                    "amount": None if e.amount is None else str(e.amount),
                    "product": e.product,
                }
                for e in self.events
            ],
        }


def find_visible(
    session: Session,
    requester: Requester,
    *,
    now: datetime,
    ctx: EngineContext,
    name: str | None = None,
    phone_tail: str | None = None,
    exact: bool = False,
) -> list[tuple[str, str]]:
    """(external_userid, name) of the customers `requester` may see that the words name: the
    external_userid itself, else an exact name (any case or script), else a follow's remark
    equal to it, else names or remarks containing it; or a phone ending in `phone_tail`.
    `exact`: only the first three (a bare name typed alone is a customer only if it is one)."""
    visible = segment_query(session, All(), requester=requester, now=now, ctx=ctx)
    base = select(Customer.external_userid, Customer.name).where(
        Customer.external_userid.in_(visible)
    )
    conditions: list[ColumnElement[bool]] = []
    if phone_tail:
        conditions.append(Customer.phone.like(f"%{phone_tail}"))
    if name:
        wanted = name.strip()
        spellings = sorted({wanted.lower(), _S2T.convert(wanted).lower()})
        remark_is = select(Follow.external_userid).where(
            func.lower(Follow.remark).in_(spellings), Follow.deleted.is_(False)
        )
        remark_has = select(Follow.external_userid).where(
            Follow.deleted.is_(False),
            *[func.lower(Follow.remark).contains(s, autoescape=True) for s in spellings[:1]],
        )
        conditions += [
            Customer.external_userid == wanted,
            func.lower(Customer.name).in_(spellings),
            Customer.external_userid.in_(remark_is),
        ]
        if not exact:
            conditions += [
                func.lower(Customer.name).contains(spellings[0], autoescape=True)
                | (func.lower(Customer.name).contains(spellings[-1], autoescape=True)),
                Customer.external_userid.in_(remark_has),
            ]
    for condition in conditions:
        stmt = base.where(condition).order_by(Customer.external_userid).limit(MAX_CANDIDATES)
        rows = [(eid, cname or eid) for eid, cname in session.execute(stmt)]
        if rows:
            return rows
    return []


def match_details(session: Session, eids: list[str]) -> dict[str, tuple[tuple[str, ...], str]]:
    """external_userid → (the names of its live followers, its city), for the customers a
    numbered question back offers: what tells two customers of the same name apart (the card
    picked next shows the same)."""
    cities = dict(
        session.execute(
            select(Customer.external_userid, Customer.city).where(
                Customer.external_userid.in_(eids)
            )
        ).all()
    )
    owners: dict[str, list[str]] = {}
    stmt = (
        select(Follow.external_userid, Follow.userid, Staff.name)
        .outerjoin(Staff, Staff.userid == Follow.userid)
        .where(Follow.external_userid.in_(eids), Follow.deleted.is_(False))
        .order_by(Follow.added_at, Follow.userid)
    )
    for eid, userid, name in session.execute(stmt):
        owners.setdefault(eid, []).append(name or userid)
    return {eid: (tuple(owners.get(eid, ())), cities.get(eid) or "") for eid in eids}


def customer_card(
    session: Session,
    external_userid: str,
    *,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
) -> CustomerCard | None:
    """The card of a customer `requester` may see (None when they may not, or it is gone)."""
    visible = segment_query(session, All(), requester=requester, now=now, ctx=ctx)
    seen = session.execute(
        select(Customer).where(
            Customer.external_userid == external_userid, Customer.external_userid.in_(visible)
        )
    ).scalar_one_or_none()
    if seen is None:
        return None
    return CustomerCard(
        external_userid=seen.external_userid,
        name=safe_name(seen.name) or seen.external_userid,
        phone=mask_phone(seen.phone),
        gender=seen.gender or 0,
        city=seen.city or "",
        company=seen.corp_name or "",
        owners=_owners(session, external_userid),
        tags=_tags(session, external_userid),
        lifetime_spend=seen.order_total or Decimal(0),
        recent_spend=_spend_since(session, external_userid, now - timedelta(days=RECENT_DAYS), now),
        order_count=seen.order_count or 0,
        inquiry_count=seen.inquiry_count or 0,
        last_inquiry_at=seen.last_inquiry_at,
        last_order_at=seen.last_order_at,
        last_visit_at=_last_of(session, external_userid, "visit", now),
        rfm=_rfm(session, external_userid, requester, now, ctx),
        scores=_scores(session, external_userid),
        segments=_segments(session, external_userid, requester, now, ctx),
        coupons_issued=_coupons(session, external_userid, redeemed=False),
        coupons_redeemed=_coupons(session, external_userid, redeemed=True),
        events=_events(session, external_userid, now),
    )


def _owners(session: Session, eid: str) -> tuple[Owner, ...]:
    stmt = (
        select(
            Follow.userid, Staff.name, Follow.added_at, Follow.remark, Follow.add_way, Follow.state
        )
        .outerjoin(Staff, Staff.userid == Follow.userid)
        .where(Follow.external_userid == eid, Follow.deleted.is_(False))
        .order_by(Follow.added_at, Follow.userid)
    )
    return tuple(
        Owner(userid, name or userid, added, safe_name(remark or ""), way, safe_name(state or ""))
        for userid, name, added, remark, way, state in session.execute(stmt)
    )


def _tags(session: Session, eid: str) -> tuple[str, ...]:
    stmt = (
        select(Tag.name)
        .join(CustomerTag, CustomerTag.tag_id == Tag.tag_id)
        .where(CustomerTag.external_userid == eid, Tag.deleted.is_(False))
        .distinct()
    )
    return tuple(sorted(session.execute(stmt).scalars()))


def _spend_since(session: Session, eid: str, start: datetime, now: datetime) -> Decimal:
    stmt = select(func.coalesce(func.sum(Event.amount), 0)).where(
        Event.external_userid == eid,
        Event.kind == "order",
        Event.occurred_at >= start,
        Event.occurred_at <= now,
    )
    return Decimal(str(session.execute(stmt).scalar_one()))


def _last_of(session: Session, eid: str, kind: str, now: datetime) -> datetime | None:
    stmt = select(func.max(Event.occurred_at)).where(
        Event.external_userid == eid, Event.kind == kind, Event.occurred_at <= now
    )
    value: datetime | None = session.execute(stmt).scalar_one()
    return value


def _rfm(
    session: Session, eid: str, requester: Requester, now: datetime, ctx: EngineContext
) -> str:
    one = select(Customer.external_userid).where(Customer.external_userid == eid).subquery()
    groups = rfm_groups(session, one, now, requester, ctx)
    return next((key for key, _label, count in groups if count and key != NONE), "")


def _scores(session: Session, eid: str) -> dict[str, Any] | None:
    row = session.get(CustomerScore, eid)
    if row is None:
        return None
    return {
        "p_alive": round(float(row.p_alive), 3),
        "expected_purchases_90d": round(float(row.expected_purchases_90d), 2),
        "clv_365d": None if row.clv_365d is None else str(row.clv_365d),
        "scored_at": row.scored_at.isoformat(),
    }


def _segments(
    session: Session, eid: str, requester: Requester, now: datetime, ctx: EngineContext
) -> tuple[str, ...]:
    """The saved segments the customer is in now (evaluated in the asker's scope)."""
    found = []
    for row in list_saved_segments(session)[:MAX_SEGMENTS_CHECKED]:
        try:
            stmt = segment_query(
                session, SavedSegment(row.name), requester=requester, now=now, ctx=ctx
            ).subquery()
        except SegmentError:
            continue  # a definition that no longer compiles says nothing about this customer
        hit = session.execute(select(stmt.c[0]).where(stmt.c[0] == eid).limit(1)).first()
        if hit is not None:
            found.append(row.name)
    return tuple(found)


def _coupons(session: Session, eid: str, *, redeemed: bool) -> int:
    stmt = select(func.count()).select_from(Coupon).where(Coupon.external_userid == eid)
    if redeemed:
        stmt = stmt.where(Coupon.redeemed_at.is_not(None))
    return int(session.execute(stmt).scalar_one())


def _events(session: Session, eid: str, now: datetime) -> tuple[CardEvent, ...]:
    stmt = (
        select(Event.occurred_at, Event.kind, Event.amount, Event.properties)
        .where(Event.external_userid == eid, Event.occurred_at <= now)
        .order_by(Event.occurred_at.desc(), Event.event_id.desc())
        .limit(LAST_EVENTS)
    )
    return tuple(
        CardEvent(at, kind, amount, _product(props))
        for at, kind, amount, props in session.execute(stmt)
    )


def _product(properties: Any) -> str:
    if not isinstance(properties, dict):
        return ""
    for key in ("product", "category", "sku", "title", "name"):
        value = properties.get(key)
        if isinstance(value, str) and value.strip():
            return safe_name(value.strip())[:40]
    return ""
