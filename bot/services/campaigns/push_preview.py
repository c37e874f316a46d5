"""What a push or schedule asked in chat will really do, before anyone confirms it: the text
one real recipient gets, when it goes out, who receives it after the holdout, caps, budget
and opt-outs, the most its coupons can cost, the WeCom tasks each salesperson will confirm,
and whether someone else must approve it. The card and `segbot query --json` show these facts,
and the campaign created on confirmation uses the same seed and shared code, so they hold."""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import opencc
from sqlalchemy.orm import Session

from bot.models.campaigns import CRON, MASS_MESSAGE, ONCE, Campaign
from bot.services.campaigns.audience import Audience, build_audience
from bot.services.campaigns.content import (
    expiry_words,
    message_values,
    personalised,
    render,
)
from bot.services.campaigns.cron import CronSchedule
from bot.services.campaigns.definition import NAMED_CUSTOMERS, without_holdout
from bot.services.campaigns.schedule import release_time
from bot.services.campaigns.settings import CampaignSettings
from bot.services.coupons import CouponTemplate, format_code, new_shared_code
from segmentation.nlq.coupons import parse_coupon_words
from segmentation.scope import Requester

COUPON_MESSAGE = {
    "zh": "送您一张{coupon_desc}优惠券，券码 {coupon_code}，{coupon_expires} 前有效。",
    "en": "A coupon for you, {coupon_desc}: code {coupon_code}, valid until {coupon_expires}.",
}
# Who must approve what a salesperson asks for (spec/security.md).
APPROVERS = ("manager", "admin")


def campaign_content(details: dict[str, Any], lang: str) -> str:
    """The message template of a chat push: the user's message, and for a coupon the line
    that carries its code when the message does not place {coupon_code} itself — in
    Traditional characters, the coupon's words too, when the push was asked in them."""
    message = str(details.get("message") or "")
    coupon_line = COUPON_MESSAGE["zh" if lang == "zh" else "en"]
    template = coupon_of(details) if lang == "zh" and details.get("script") == "hant" else None
    if template is not None:
        coupon_line = _s2t().convert(coupon_line.replace("{coupon_desc}", template.label))
    if lang != "zh" and details.get("coupon"):  # "20% off", never the Chinese 8折
        coupon_line = coupon_line.replace("{coupon_desc}", coupon_reading(details, "en"))
    if not details.get("coupon"):
        return message
    if not message:
        return coupon_line
    return message if "{coupon_code}" in message else f"{message}\n{coupon_line}"


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")  # as the chat's Traditional replies (bot.commands.script)


def coupon_reading(details: dict[str, Any], lang: str) -> str:
    """The card's coupon as a customer reads it in `lang` (85折, 20% off); "" for none."""
    words = parse_coupon_words(str(details.get("coupon") or ""))
    return words.reading(lang) if words is not None else ""


def coupon_of(details: dict[str, Any]) -> CouponTemplate | None:
    words = parse_coupon_words(str(details.get("coupon") or ""))
    return CouponTemplate.from_dict(words.template()) if words is not None else None


@dataclass(frozen=True)
class PushPlan:
    """What the campaign created on confirmation must reuse for the facts to hold."""

    holdout_seed: str
    shared_code: str | None

    @classmethod
    def new(cls, session: Session, details: dict[str, Any]) -> PushPlan:
        shared = details.get("coupon") and not details.get("per_customer")
        return cls(
            holdout_seed=secrets.token_hex(8),
            shared_code=new_shared_code(session) if shared else None,
        )

    def to_json(self) -> dict[str, Any]:
        return {"holdout_seed": self.holdout_seed, "shared_code": self.shared_code}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> PushPlan | None:
        if not data:
            return None
        return cls(str(data["holdout_seed"]), data.get("shared_code"))


@dataclass(frozen=True)
class Task:
    sender: str
    customers: int
    confirmations: int


@dataclass(frozen=True)
class PushFacts:
    message: str
    send_at: datetime
    quiet_hours: bool
    recipients: int
    holdout: int
    excluded: dict[str, int]
    cost_max: Decimal | None
    tasks: list[Task] = field(default_factory=list)
    needs_approval: bool = False
    approvers: tuple[str, ...] = ()
    coupon_expires: str | None = None

    def to_json(self, timezone: Any) -> dict[str, Any]:
        out: dict[str, Any] = {
            "message": self.message,
            "send_at": self.send_at.astimezone(timezone).isoformat(),
            "quiet_hours": self.quiet_hours,
            "recipients": self.recipients,
            "holdout": self.holdout,
            "excluded": dict(self.excluded),
            "cost_max": None if self.cost_max is None else float(self.cost_max),
            "tasks": [
                {"sender": t.sender, "customers": t.customers, "confirmations": t.confirmations}
                for t in self.tasks
            ],
            "needs_approval": self.needs_approval,
        }
        if self.needs_approval:
            out["approvers"] = list(self.approvers)
        if self.coupon_expires:
            out["coupon_expires"] = self.coupon_expires
        return out


def push_facts(
    session: Session,
    *,
    requester: Requester,
    customers: list[str],
    details: dict[str, Any],
    language: str,
    plan: PushPlan,
    now: datetime,
    settings: CampaignSettings,
    cost_limit: Decimal,
) -> PushFacts:
    """The facts of pushing `details` to `customers` (the segment in the asker's scope)."""
    template = coupon_of(details)
    draft = _draft(requester, details, language, plan, settings)
    audience = build_audience(
        session, draft, customers, now=now, settings=settings, requester=requester
    )
    due = _due(details, now, settings)
    send_at = release_time(due, settings)
    # Coupons are issued when the run is planned (when due); quiet hours only hold the send.
    expires = (
        expiry_words(due + timedelta(days=template.validity_days), settings.timezone)
        if template is not None
        else None
    )
    cost = _cost_max(template, len(audience.treated))
    approval = _needs_approval(requester, details, cost, cost_limit)
    return PushFacts(
        message=_sample_message(draft, audience, template, expires or ""),
        send_at=send_at,
        quiet_hours=send_at != due,
        recipients=len(audience.treated),
        holdout=len(audience.holdout),
        excluded={k: v for k, v in audience.exclusions.items() if k != "holdout"},
        cost_max=cost,
        tasks=_tasks(draft, audience),
        needs_approval=approval,
        approvers=APPROVERS if approval else (),
        coupon_expires=expires,
    )


def _draft(
    requester: Requester,
    details: dict[str, Any],
    language: str,
    plan: PushPlan,
    settings: CampaignSettings,
) -> Campaign:
    """The campaign confirmation would create, never added to the session."""
    schedule = details.get("schedule")
    return Campaign(
        id=0,
        name="preview",
        creator_userid=requester.userid,
        schedule_kind=CRON if schedule and not is_once(schedule) else ONCE,
        channel=MASS_MESSAGE,
        content=campaign_content(details, language),
        holdout_percent=0
        if without_holdout(details.get(NAMED_CUSTOMERS))
        else settings.holdout_percent,
        frequency_cap_days=settings.frequency_cap_days,
        holdout_seed=plan.holdout_seed,
        shared_code=plan.shared_code,
        status="active",
    )


def is_once(schedule: Any) -> bool:
    """Whether a chat schedule runs once ({every: once, date: YYYY-MM-DD, time: HH:MM})."""
    return isinstance(schedule, dict) and schedule.get("every") == "once"


def once_at(schedule: dict[str, Any], tz: ZoneInfo) -> datetime:
    """The moment a one-off schedule runs: its date and time of day in SEGBOT_TIMEZONE."""
    day = date.fromisoformat(str(schedule["date"]))
    hour, minute = (int(part) for part in str(schedule["time"]).split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def schedule_cron(schedule: dict[str, Any]) -> str:
    """{every: day|week|weekdays|month, weekday: 1..7 (Monday=1), day: 1..28, time: HH:MM}
    → a crontab line."""
    hour, minute = (int(part) for part in str(schedule["time"]).split(":"))
    every = schedule.get("every")
    if every == "once":
        raise ValueError("a one-off schedule has no crontab line: see once_at")
    if every == "week":
        weekday = int(schedule.get("weekday") or 1) % 7  # crontab: 0 = Sunday
        return f"{minute} {hour} * * {weekday}"
    if every == "weekdays":
        return f"{minute} {hour} * * 1-5"
    if every == "month":
        return f"{minute} {hour} {int(schedule['day'])} * *"
    return f"{minute} {hour} * * *"


def _due(details: dict[str, Any], now: datetime, settings: CampaignSettings) -> datetime:
    """When the first message is due: now (a push is planned within a minute of confirming)
    or the schedule's next slot; quiet hours may hold it later (release_time)."""
    schedule = details.get("schedule")
    if not schedule:
        return now
    if is_once(schedule):
        return max(once_at(schedule, settings.timezone), now)
    return CronSchedule.parse(schedule_cron(schedule)).next_after(now, settings.timezone)


def _cost_max(template: CouponTemplate | None, recipients: int) -> Decimal | None:
    """Every recipient redeems at face value: the most the coupons can cost. A discount has no
    bound (it depends on the orders): None."""
    if template is None:
        return Decimal(0)
    if template.kind == "discount" or template.value is None:
        return None
    return (template.value * recipients).quantize(Decimal("0.01"))


def _needs_approval(
    requester: Requester, details: dict[str, Any], cost: Decimal | None, limit: Decimal
) -> bool:
    if requester.role in APPROVERS:
        return False
    if details.get("schedule"):
        return True  # a salesperson's schedule is a campaign: a manager or admin confirms it
    return cost is not None and cost > limit


def _sample_message(
    draft: Campaign, audience: Audience, template: CouponTemplate | None, expires: str
) -> str:
    """The text the first recipient (by id) gets; a per-customer code is issued only when
    the run is planned, so it is shown as a placeholder."""
    first = audience.treated[0] if audience.treated else None
    code = format_code(draft.shared_code) if draft.shared_code else "XXXX-XXXX-XXX"
    values = message_values(
        first.name if first else "", code, template.label if template else "", expires
    )
    return render(draft.content, values)


def _tasks(draft: Campaign, audience: Audience) -> list[Task]:
    """One WeCom task per sender and distinct text: one per sender unless the text is
    personal ({name}, or per-customer codes)."""
    per_customer = personalised(draft.content, shared_code=bool(draft.shared_code))
    counts = Counter(r.owner_userid for r in audience.treated)
    return [Task(sender, n, n if per_customer else 1) for sender, n in sorted(counts.items())]


def push_preview_json(
    session: Session,
    *,
    requester: Requester,
    details: Mapping[str, Any],
    customers: Sequence[str],
    language: str,
    now: datetime,
    settings: CampaignSettings,
    cost_limit: Decimal,
) -> dict[str, Any]:
    """The facts of a push/schedule answer of `segbot query --json` (nothing is stored):
    `details` are the answer's action details (message, coupon, schedule, per_customer)."""
    push = {k: details[k] for k in _PUSH_DETAILS if k in details}
    facts = push_facts(
        session,
        requester=requester,
        customers=list(customers),
        details=push,
        language=language,
        plan=PushPlan.new(session, push),
        now=now,
        settings=settings,
        cost_limit=cost_limit,
    )
    return facts.to_json(settings.timezone)


_PUSH_DETAILS = ("message", "coupon", "schedule", "per_customer", "script")
