"""Validated input records (CSV rows and API payloads): one definition of what is acceptable."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.settings import DEFAULT_EVENT_KINDS, KIND_PATTERN
from segmentation.channels import parse_add_way
from segmentation.models import ROLES, to_money

MAX_AMOUNT = Decimal("1000000000000")
# Times outside these bounds are typing mistakes (0001-01-01, 9999-12-31): they would overflow
# the conversion to UTC or every later date calculation, so the record is rejected instead.
EARLIEST_TIME = datetime(1900, 1, 1, tzinfo=UTC)
LATEST_TIME = datetime(2100, 1, 1, tzinfo=UTC)
MAX_PROPERTIES_BYTES = 16_384


class RecordError(ValueError):
    """One record is unacceptable; the message names the field and the reason."""


def parse_time(value: Any, tz: ZoneInfo) -> datetime:
    """ISO-8601 time or date; without an offset it is in the deployment's time zone.

    Only times from 1900 to 2099 are accepted (see EARLIEST_TIME)."""
    parsed = _parse_iso_time(value, tz)
    try:
        utc = parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        utc = None  # year 0 or 10000 once converted to UTC
    if utc is None or not EARLIEST_TIME <= utc < LATEST_TIME:
        raise ValueError(
            f"out of range: {str(value).strip()[:40]!r} (times must lie between 1900 and 2099)"
        )
    return parsed


def _parse_iso_time(value: Any, tz: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            try:
                parsed = datetime.combine(date.fromisoformat(text), time())
            except ValueError:
                raise ValueError(f"not an ISO-8601 time: {text[:40]!r}") from None
    else:
        raise ValueError("a time is required")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def parse_amount(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError("an amount must be a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("an amount must be a finite number")
    text = str(value).strip().replace(",", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a number: {text[:40]!r}") from None
    if not amount.is_finite() or abs(amount) >= MAX_AMOUNT:
        raise ValueError(f"amount out of range: {text[:40]!r}")
    if amount < 0:
        raise ValueError(
            f"must not be negative ({text[:40]!r}); a refund is its own event "
            "(kind refund) with a positive amount"
        )
    return to_money(amount)


def parse_properties(value: Any) -> dict[str, Any] | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise ValueError("properties must be a JSON object") from None
    if not isinstance(value, dict):
        raise ValueError("properties must be a JSON object")
    if len(json.dumps(value, ensure_ascii=False)) > MAX_PROPERTIES_BYTES:
        raise ValueError(f"properties larger than {MAX_PROPERTIES_BYTES} bytes")
    return value


def parse_flag(value: Any) -> bool:
    text = str(value).strip().lower() if value is not None else ""
    if text in ("", "0", "false", "no"):
        return False
    if text in ("1", "true", "yes"):
        return True
    raise ValueError("must be 0 or 1")


def field(name: str, parse: Any, *args: Any) -> Any:
    """Run one field's parser, naming the field in the error."""
    try:
        return parse(*args)
    except ValueError as exc:
        raise RecordError(f"{name}: {exc}") from None


@dataclass(frozen=True, slots=True)
class Record:
    """A validated record. `from_row` parses and checks every field itself, with messages that
    name the field; plain slotted dataclasses keep a million-row import cheap."""

    key_fields: ClassVar[tuple[str, ...]] = ()

    def key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in self.key_fields)


_CONTROL = re.compile(r"[\x00-\x1f]")


def _required_id(value: Any, name: str, limit: int = 64) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise RecordError(f"{name}: is required")
    if len(text) > limit:
        raise RecordError(f"{name}: longer than {limit} characters")
    if _CONTROL.search(text):
        raise RecordError(f"{name}: contains control characters")
    return text


def _optional_text(value: Any, limit: int) -> str | None:
    text = "" if value is None else str(value).strip()
    return text[:limit] if text else None


def _optional_code(value: Any, name: str, limit: int) -> str | None:
    """An optional code (a 渠道活码 state): cut short, it would name a different channel."""
    text = "" if value is None else str(value).strip()
    return _required_id(text, name, limit) if text else None


@dataclass(frozen=True, slots=True)
class CustomerRecord(Record):
    key_fields: ClassVar[tuple[str, ...]] = ("external_userid",)
    external_userid: str
    name: str = ""
    gender: int = 0
    city: str | None = None
    corp_name: str | None = None
    phone: str | None = None
    created_at: datetime | None = None
    deleted: bool = False

    @classmethod
    def from_row(cls, row: dict[str, Any], tz: ZoneInfo) -> CustomerRecord:
        gender_text = (row.get("gender") or "").strip()
        if gender_text not in ("", "0", "1", "2"):
            raise RecordError("gender: must be 0 (unknown), 1 (male) or 2 (female)")
        created = row.get("created_at")
        return cls(
            external_userid=_required_id(row.get("external_userid"), "external_userid"),
            name=_optional_text(row.get("name"), 128) or "",
            gender=int(gender_text or 0),
            city=_optional_text(row.get("city"), 64),
            corp_name=_optional_text(row.get("corp_name"), 128),
            phone=_optional_text(row.get("phone"), 32),
            created_at=field("created_at", parse_time, created, tz)
            if created and str(created).strip()
            else None,
            deleted=field("deleted", parse_flag, row.get("deleted")),
        )


@dataclass(frozen=True, slots=True)
class StaffRecord(Record):
    key_fields: ClassVar[tuple[str, ...]] = ("userid",)
    userid: str
    name: str = ""
    departments: tuple[str, ...] = ()
    role: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any], tz: ZoneInfo) -> StaffRecord:
        role = (row.get("role") or "").strip().lower() or None
        if role is not None and role not in ROLES:
            raise RecordError(f"role: must be one of {', '.join(ROLES)} (got {role[:20]!r})")
        raw_departments = re.split(r"[;；|]", row.get("department") or "")
        return cls(
            userid=_required_id(row.get("userid"), "userid"),
            name=_optional_text(row.get("name"), 128) or "",
            departments=tuple(d.strip()[:128] for d in raw_departments if d.strip()),
            role=role,
        )


@dataclass(frozen=True, slots=True)
class FollowRecord(Record):
    key_fields: ClassVar[tuple[str, ...]] = ("external_userid", "userid")
    external_userid: str
    userid: str
    added_at: datetime | None = None
    remark: str | None = None
    # How the relation began: WeCom's follow_user.add_way code and the 渠道活码 `state`.
    add_way: int | None = None
    state: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any], tz: ZoneInfo) -> FollowRecord:
        added = row.get("added_at")
        state = _optional_code(row.get("state"), "state", 64)
        return cls(
            external_userid=_required_id(row.get("external_userid"), "external_userid"),
            userid=_required_id(row.get("userid"), "userid"),
            added_at=field("added_at", parse_time, added, tz)
            if added and str(added).strip()
            else None,
            remark=_optional_text(row.get("remark"), 128),
            add_way=field("add_way", parse_add_way, row.get("add_way")),
            state=state,
        )


@dataclass(frozen=True, slots=True)
class TagRecord(Record):
    key_fields: ClassVar[tuple[str, ...]] = ("tag_id",)
    tag_id: str
    name: str
    group_name: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any], tz: ZoneInfo) -> TagRecord:
        name = (row.get("name") or "").strip()
        if not name:
            raise RecordError("name: is required")
        if len(name) > 64:
            raise RecordError("name: longer than 64 characters")
        return cls(
            tag_id=_required_id(row.get("tag_id"), "tag_id"),
            name=name,
            group_name=_optional_text(row.get("group_name"), 64),
        )


@dataclass(frozen=True, slots=True)
class CustomerTagRecord(Record):
    key_fields: ClassVar[tuple[str, ...]] = ("external_userid", "tag_id", "userid")
    external_userid: str
    tag_id: str
    userid: str = ""

    @classmethod
    def from_row(cls, row: dict[str, Any], tz: ZoneInfo) -> CustomerTagRecord:
        userid = (row.get("userid") or "").strip()
        return cls(
            external_userid=_required_id(row.get("external_userid"), "external_userid"),
            tag_id=_required_id(row.get("tag_id"), "tag_id"),
            userid=_required_id(userid, "userid") if userid else "",
        )


@dataclass(frozen=True, slots=True)
class EventRecord(Record):
    """One behaviour event, from a CSV row or an API payload."""

    key_fields: ClassVar[tuple[str, ...]] = ("event_id",)
    event_id: str
    external_userid: str
    kind: str
    occurred_at: datetime
    amount: Decimal | None = None
    properties: dict[str, Any] | None = None

    @classmethod
    def from_row(
        cls, row: dict[str, Any], tz: ZoneInfo, kinds: Collection[str] = DEFAULT_EVENT_KINDS
    ) -> EventRecord:
        """`kinds`: the event kinds this deployment knows (SEGBOT_EVENT_KINDS adds to them)."""
        kind = (str(row.get("kind") or "")).strip().lower()
        if not KIND_PATTERN.match(kind):
            raise RecordError(
                "kind: must be a lowercase word such as inquiry, order, visit, cart or refund"
            )
        if kind not in kinds:
            raise RecordError(
                f"kind: unknown event kind {kind!r} (known: {', '.join(sorted(kinds))}; "
                "a deployment adds kinds with SEGBOT_EVENT_KINDS)"
            )
        return cls(
            event_id=_required_id(row.get("event_id"), "event_id", limit=128),
            external_userid=_required_id(row.get("external_userid"), "external_userid"),
            kind=kind,
            occurred_at=field("occurred_at", parse_time, row.get("occurred_at"), tz),
            amount=field("amount", parse_amount, row.get("amount")),
            properties=field("properties", parse_properties, row.get("properties")),
        )


class EventPayload(BaseModel):
    """The API's shape of an event (documented in the OpenAPI file); validated via EventRecord."""

    model_config = ConfigDict(extra="forbid")
    event_id: str = Field(min_length=1, max_length=128)
    external_userid: str = Field(min_length=1, max_length=64)
    kind: str = Field(min_length=1, max_length=32)
    occurred_at: str
    amount: Decimal | float | int | str | None = None
    properties: dict[str, Any] | None = None


def error_text(exc: Exception) -> str:
    """A one-line reason for a rejected record."""
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
        return f"{where}: {message}" if where else message
    return str(exc)
