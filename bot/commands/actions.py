"""The parameters of chat actions: coupon words → a coupon template, schedules → crontab."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from bot.commands.texts import say

_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def coupon_template(text: str) -> dict[str, Any] | None:
    """The parser's coupon words (满100减20, 20元券, 8折, 8.5折, 20% off) as a campaign coupon
    template (bot.services.coupons.CouponTemplate.from_dict), or None when not understood."""
    m = re.fullmatch(r"满(\d+(?:\.\d+)?)减(\d+(?:\.\d+)?)", text)
    if m:
        return {"kind": "threshold", "threshold": m.group(1), "value": m.group(2)}
    m = re.fullmatch(r"(\d+(?:\.\d+)?)元券", text)
    if m:
        return {"kind": "no_threshold", "value": m.group(1)}
    m = re.fullmatch(r"(\d(?:\.\d)?)折", text)
    if m:
        return {"kind": "discount", "percent": int(Decimal(m.group(1)) * 10)}
    m = re.fullmatch(r"(\d{1,2})% off", text)
    if m:
        return {"kind": "discount", "percent": 100 - int(m.group(1))}
    return None


def coupon_value(template: dict[str, Any] | None) -> Decimal | None:
    """The most one coupon can cost (its face value); None for discounts."""
    if template is None or template.get("kind") == "discount":
        return None
    return Decimal(str(template["value"]))


def cron_line(schedule: dict[str, Any]) -> str:
    """{every: day|week, weekday: 1..7 (Monday=1), time: HH:MM} → a crontab line."""
    hour, minute = (int(part) for part in str(schedule["time"]).split(":"))
    if schedule.get("every") == "week":
        weekday = int(schedule.get("weekday") or 1) % 7  # crontab: 0 = Sunday
        return f"{minute} {hour} * * {weekday}"
    return f"{minute} {hour} * * *"


def schedule_words(schedule: dict[str, Any], lang: str) -> str:
    time = str(schedule["time"])
    if schedule.get("every") == "week":
        index = int(schedule.get("weekday") or 1) - 1
        day = _WEEKDAYS_ZH[index] if lang == "zh" else _WEEKDAYS_EN[index]
        return say("every_week", lang, day=day, time=time)
    return say("every_day", lang, time=time)


def content_words(details: dict[str, Any]) -> str:
    """What will be sent or written, for the card: the tag, the message or the coupon."""
    if details.get("coupon"):
        return str(details["coupon"])
    if details.get("message"):
        return f"“{details['message']}”"
    return str(details.get("tag") or details.get("name") or "")
