"""The coupon ledger: unguessable codes with a check character, issuing, redeeming once."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.models.campaigns import Coupon
from segmentation.models import Event

# No 0/O, 1/I/L: the codes are read aloud and typed by hand at the till. 31 symbols, a prime,
# so a weighted mod-31 check character (weights 1 and 2 alternating) catches every single
# mistyped symbol and every swap of two neighbours. (Classic Luhn mod N doubles with a digit
# sum, which is only a permutation for an even N.)
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
# 10 random symbols = 31**10 ≈ 2**49.5 possibilities; a guess hits one of a million live codes
# with a chance of about 1 in 800 million.
RANDOM_LENGTH = 10
CODE_LENGTH = RANDOM_LENGTH + 1

KINDS = ("threshold", "discount", "no_threshold")


class CouponError(ValueError):
    """A coupon template that cannot be issued (bad kind, value or validity)."""


def check_character(body: str) -> str:
    """The character c that makes sum(weight * value) ≡ 0 (mod 31), where c has weight 1 and
    the body, from its right end, weights 2, 1, 2, …"""
    n = len(ALPHABET)
    total = sum((2 if i % 2 == 0 else 1) * _INDEX[ch] for i, ch in enumerate(reversed(body)))
    return ALPHABET[(-total) % n]


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return body + check_character(body)


def normalize_code(text: str) -> str | None:
    """The canonical code for what someone typed (case, spaces and dashes ignored), or None
    when it cannot be a code: wrong length, a foreign symbol, or a wrong check character."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(cleaned) != CODE_LENGTH or any(ch not in _INDEX for ch in cleaned):
        return None
    if check_character(cleaned[:-1]) != cleaned[-1]:
        return None
    return cleaned


def format_code(code: str) -> str:
    """Grouped for reading: ABCD-EFGH-JKM."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


@dataclass(frozen=True)
class CouponTemplate:
    """A campaign's coupon: 满减 (threshold+value), 折扣 (percent) or 无门槛 (value)."""

    kind: str
    validity_days: int
    value: Decimal | None = None
    threshold: Decimal | None = None
    percent: int | None = None
    description: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CouponTemplate:
        kind = str(data.get("kind", ""))
        if kind not in KINDS:
            raise CouponError(f"coupon kind must be one of {', '.join(KINDS)}")
        template = cls(
            kind=kind,
            validity_days=_positive_int(data.get("validity_days", 30), "validity_days"),
            value=_money(data.get("value")),
            threshold=_money(data.get("threshold")),
            percent=int(data["percent"]) if data.get("percent") is not None else None,
            description=str(data.get("description") or ""),
        )
        template.check()
        return template

    def check(self) -> None:
        if self.kind in ("threshold", "no_threshold") and not (self.value and self.value > 0):
            raise CouponError("a 满减/无门槛 coupon needs a positive value")
        if self.kind == "threshold" and not (self.threshold and self.threshold > 0):
            raise CouponError("a 满减 coupon needs a positive threshold")
        if self.kind == "discount" and not (self.percent and 1 <= self.percent <= 99):
            raise CouponError("a 折扣 coupon needs a percent between 1 and 99 (e.g. 85 = 8.5折)")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "validity_days": self.validity_days,
            "value": str(self.value) if self.value is not None else None,
            "threshold": str(self.threshold) if self.threshold is not None else None,
            "percent": self.percent,
            "description": self.description or self.default_description(),
        }

    def default_description(self) -> str:
        if self.kind == "threshold":
            return f"满{_plain(self.threshold)}减{_plain(self.value)}"
        if self.kind == "discount":
            zhe = f"{_plain(Decimal(self.percent or 0) / 10)}折"
            # 满200打9折: the threshold is part of the promise (and of redeeming it)
            return f"满{_plain(self.threshold)}打{zhe}" if self.threshold else zhe
        return f"无门槛{_plain(self.value)}元"

    @property
    def label(self) -> str:
        return self.description or self.default_description()


def _plain(value: Decimal | None) -> str:
    return format((value or Decimal(0)).normalize(), "f")


def _money(raw: Any) -> Decimal | None:
    if raw is None or raw == "":
        return None
    try:
        return Decimal(str(raw)).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise CouponError(f"not an amount: {raw!r}") from None


def _positive_int(raw: Any, name: str) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise CouponError(f"{name} must be a whole number") from None
    if value <= 0:
        raise CouponError(f"{name} must be positive")
    return value


def issue_coupons(
    session: Session,
    *,
    campaign_id: int,
    run_id: int,
    external_userids: Sequence[str],
    template: CouponTemplate,
    now: datetime,
) -> dict[str, str]:
    """One new coupon per customer for this run; returns {external_userid: code}."""
    codes = _unused_codes(session, len(external_userids))
    expires = now + timedelta(days=template.validity_days)
    issued: dict[str, str] = {}
    rows = []
    for eid, code in zip(external_userids, codes, strict=True):
        issued[eid] = code
        rows.append(
            {
                "code": code,
                "campaign_id": campaign_id,
                "run_id": run_id,
                "external_userid": eid,
                "kind": template.kind,
                "threshold": template.threshold,
                "value": template.value,
                "percent": template.percent,
                "description": template.label,
                "issued_at": now,
                "expires_at": expires,
            }
        )
    if rows:
        # Core executemany: the column types (Money, UTCDateTime) still convert the values.
        session.execute(Coupon.__table__.insert(), rows)
    return issued


def new_shared_code(session: Session) -> str:
    """A fresh code for a whole campaign (one text for all its recipients), unique across the
    ledger and other campaigns' shared codes, so a typed code is never two things."""
    from bot.models.campaigns import Campaign

    while True:
        code = new_code()
        taken = session.scalar(select(Campaign.id).where(Campaign.shared_code == code))
        if taken is None and not _existing(session, [code]):
            return code


def is_shared_code(session: Session, code: str) -> bool:
    from bot.models.campaigns import Campaign

    return session.scalar(select(Campaign.id).where(Campaign.shared_code == code)) is not None


def resolve_shared_code(session: Session, code: str, order_event_id: str | None) -> str | None:
    """The recipient's own coupon behind a campaign's shared code: the order's customer's
    coupon in that campaign (not yet redeemed, the latest issued first). None when `code` is no
    shared code, or the order's customer got no coupon from that campaign."""
    from bot.models.campaigns import Campaign
    from segmentation.models import Event

    campaign_id = session.scalar(select(Campaign.id).where(Campaign.shared_code == code))
    if campaign_id is None or not order_event_id:
        return None
    customer = session.scalar(select(Event.external_userid).where(Event.event_id == order_event_id))
    if customer is None:
        return None
    stmt = (
        select(Coupon.code)
        .where(Coupon.campaign_id == campaign_id, Coupon.external_userid == customer)
        .order_by(Coupon.redeemed_at.is_not(None), Coupon.issued_at.desc(), Coupon.id.desc())
        .limit(1)
    )
    return session.scalar(stmt)


def _unused_codes(session: Session, count: int) -> list[str]:
    """`count` fresh codes that collide neither with each other nor with the ledger."""
    codes: set[str] = set()
    while len(codes) < count:
        batch = {new_code() for _ in range(count - len(codes))} - codes
        taken = set(_existing(session, batch))
        codes |= batch - taken
    return list(codes)


def _existing(session: Session, codes: Iterable[str]) -> list[str]:
    found: list[str] = []
    pending = list(codes)
    for start in range(0, len(pending), 1000):
        chunk = pending[start : start + 1000]
        found += session.scalars(select(Coupon.code).where(Coupon.code.in_(chunk))).all()
    return found


class RedeemOutcome(Enum):
    REDEEMED = "redeemed"
    INVALID = "invalid"  # not a code at all (check character, length, symbols): HTTP 400
    UNKNOWN = "unknown"  # well formed but never issued: HTTP 404
    EXPIRED = "expired"  # HTTP 410
    ALREADY_REDEEMED = "already_redeemed"  # HTTP 409
    # The order does not qualify (HTTP 409, the body names which of these it is):
    NO_ORDER = "no_order"  # no order given (chat: "核销 CODE" without 订单)
    ORDER_NOT_FOUND = "order_not_found"  # no order event with that id
    NOT_AN_ORDER = "not_an_order"  # the event exists but is not an order (e.g. an inquiry)
    OTHER_CUSTOMER = "order_of_another_customer"
    ORDER_BEFORE_ISSUE = "order_before_issue"  # placed before the coupon existed
    ORDER_AFTER_EXPIRY = "order_after_expiry"
    BELOW_THRESHOLD = "below_threshold"  # 满减: the order amount is under the threshold
    ORDER_USED = "order_already_used"  # that order already redeemed another coupon


HTTP_STATUS = {
    RedeemOutcome.REDEEMED: 200,
    RedeemOutcome.INVALID: 400,
    RedeemOutcome.UNKNOWN: 404,
    RedeemOutcome.EXPIRED: 410,
}
# Every other refusal is a conflict between the coupon and the order (or its earlier use).
CONFLICT = 409

# What the API's error and the CLI say for each refusal (chat has its own zh/en texts).
REASONS = {
    RedeemOutcome.INVALID: "not a coupon code (check for a typo)",
    RedeemOutcome.UNKNOWN: "no such coupon",
    RedeemOutcome.EXPIRED: "the coupon has expired",
    RedeemOutcome.ALREADY_REDEEMED: "the coupon was already redeemed",
    RedeemOutcome.NO_ORDER: "a coupon is redeemed against an order: give the order's event id",
    RedeemOutcome.ORDER_NOT_FOUND: "no order event with that id",
    RedeemOutcome.NOT_AN_ORDER: "that event is not an order",
    RedeemOutcome.OTHER_CUSTOMER: "the order belongs to another customer than the coupon",
    RedeemOutcome.ORDER_BEFORE_ISSUE: "the order was placed before the coupon was issued",
    RedeemOutcome.ORDER_AFTER_EXPIRY: "the order was placed after the coupon expired",
    RedeemOutcome.BELOW_THRESHOLD: "the order amount is below the coupon's threshold",
    RedeemOutcome.ORDER_USED: "the order already redeemed another coupon",
}


@dataclass(frozen=True)
class RedeemResult:
    outcome: RedeemOutcome
    code: str | None = None
    external_userid: str | None = None
    description: str = ""
    order_event_id: str | None = None
    redeemed_at: datetime | None = None
    # The order looked at (a refusal names it: its amount against the threshold, its time).
    order_amount: Decimal | None = None
    threshold: Decimal | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is RedeemOutcome.REDEEMED

    @property
    def http_status(self) -> int:
        return HTTP_STATUS.get(self.outcome, CONFLICT)

    @property
    def reason(self) -> str:
        return REASONS.get(self.outcome, "")

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "outcome": self.outcome.value,
            "code": self.code,
            "external_userid": self.external_userid,
            "description": self.description,
            "order_event_id": self.order_event_id,
            "redeemed_at": self.redeemed_at.isoformat() if self.redeemed_at else None,
        }
        if not self.ok:
            body["reason"] = self.reason
        if self.threshold is not None:
            body["threshold"] = str(self.threshold)
        if self.order_amount is not None:
            body["order_amount"] = str(self.order_amount)
        return body


@dataclass(frozen=True)
class _Order:
    event_id: str
    external_userid: str
    kind: str
    occurred_at: datetime
    amount: Decimal | None


def redeem_coupon(
    session: Session,
    code: str,
    order_event_id: str | None,
    now: datetime,
    *,
    order_kind: str = "order",
) -> RedeemResult:
    """Redeem the coupon once, against an order event that qualifies: the coupon's own
    customer's order (of kind `order_kind`), placed while the coupon was valid, meeting a
    满减 threshold, and not already used by another coupon. Each refusal names its reason.

    A conditional UPDATE makes it once even when two tills race (only the one whose UPDATE
    matched a not-yet-redeemed row wins), and the unique index on coupons.order_event_id
    makes one order redeem at most one coupon even when two coupons race for it."""
    canonical = normalize_code(code)
    if canonical is None:
        return RedeemResult(RedeemOutcome.INVALID)
    coupon = session.scalars(select(Coupon).where(Coupon.code == canonical)).first()
    if coupon is None:
        # A campaign's shared code: the order says whose coupon it is.
        if not (order_event_id or "").strip() and is_shared_code(session, canonical):
            return RedeemResult(RedeemOutcome.NO_ORDER, canonical)
        own = resolve_shared_code(session, canonical, order_event_id)
        if own is not None:
            coupon = session.scalars(select(Coupon).where(Coupon.code == own)).first()
    if coupon is None:
        return RedeemResult(RedeemOutcome.UNKNOWN, canonical)
    if coupon.redeemed_at is not None:
        return _result(RedeemOutcome.ALREADY_REDEEMED, coupon)
    if coupon.expires_at <= now:
        return _result(RedeemOutcome.EXPIRED, coupon)
    order_id = (order_event_id or "").strip()
    if not order_id:
        return _result(RedeemOutcome.NO_ORDER, coupon)
    order = _order(session, order_id)
    refusal = _order_refusal(session, coupon, order, order_kind)
    if refusal is not None:
        return _result(refusal, coupon, order_id, order)
    stmt = (
        update(Coupon)
        .where(Coupon.id == coupon.id, Coupon.redeemed_at.is_(None))
        .values(redeemed_at=now, order_event_id=order_id)
        .execution_options(synchronize_session=False)
    )
    try:
        with session.begin_nested():  # a lost race on the order leaves the transaction usable
            won = session.execute(stmt).rowcount == 1
    except IntegrityError:
        return _result(RedeemOutcome.ORDER_USED, coupon, order_id, order)
    session.refresh(coupon)
    if not won:
        return _result(RedeemOutcome.ALREADY_REDEEMED, coupon)
    return _result(RedeemOutcome.REDEEMED, coupon, order=order)


def _order(session: Session, event_id: str) -> _Order | None:
    row = session.get(Event, event_id)
    if row is None:
        return None
    return _Order(row.event_id, row.external_userid, row.kind, row.occurred_at, row.amount)


def _order_refusal(
    session: Session, coupon: Coupon, order: _Order | None, order_kind: str
) -> RedeemOutcome | None:
    """Why `order` cannot redeem `coupon`, or None when it can (the first reason found)."""
    if order is None:
        return RedeemOutcome.ORDER_NOT_FOUND
    if order.kind != order_kind:
        return RedeemOutcome.NOT_AN_ORDER
    if order.external_userid != coupon.external_userid:
        return RedeemOutcome.OTHER_CUSTOMER
    if order.occurred_at < coupon.issued_at:
        return RedeemOutcome.ORDER_BEFORE_ISSUE
    if order.occurred_at >= coupon.expires_at:
        return RedeemOutcome.ORDER_AFTER_EXPIRY
    if coupon.kind == "threshold" and (
        order.amount is None or coupon.threshold is None or order.amount < coupon.threshold
    ):
        return RedeemOutcome.BELOW_THRESHOLD
    if (
        coupon.kind == "discount"
        and coupon.threshold is not None
        and (order.amount is None or order.amount < coupon.threshold)
    ):
        return RedeemOutcome.BELOW_THRESHOLD  # 满200打9折: from 200 on, as a 满减 is
    used = select(Coupon.id).where(Coupon.order_event_id == order.event_id)
    if session.execute(used).first() is not None:
        return RedeemOutcome.ORDER_USED
    return None


def _result(
    outcome: RedeemOutcome,
    coupon: Coupon,
    order_id: str | None = None,
    order: _Order | None = None,
) -> RedeemResult:
    return RedeemResult(
        outcome,
        coupon.code,
        coupon.external_userid,
        coupon.description,
        coupon.order_event_id or order_id,
        coupon.redeemed_at,
        order.amount if order is not None else None,
        coupon.threshold if coupon.kind == "threshold" else None,
    )
