"""The parameters of chat actions: coupon words → a coupon template, schedules → crontab."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from bot.commands.texts import say
from bot.services.campaigns.push_preview import schedule_cron
from segmentation.nlq.coupons import parse_coupon_words

_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def coupon_template(text: str) -> dict[str, Any] | None:
    """The parser's canonical coupon words (满100减20, 20元券, 8.5折, 满200打9折) as a campaign
    coupon template (bot.services.coupons.CouponTemplate.from_dict), or None when not one."""
    words = parse_coupon_words(text)
    return words.template() if words is not None else None


def coupon_value(template: dict[str, Any] | None) -> Decimal | None:
    """The most one coupon can cost (its face value); None for discounts."""
    if template is None or template.get("kind") == "discount":
        return None
    return Decimal(str(template["value"]))


def cron_line(schedule: dict[str, Any]) -> str:
    """{every: day|week|weekdays|month, weekday, day, time: HH:MM} → a crontab line."""
    return schedule_cron(schedule)


def schedule_words(schedule: dict[str, Any], lang: str) -> str:
    time = str(schedule["time"])
    if schedule.get("every") == "once":  # 仅一次：11月2日（周一）09:00 / once, Mon Nov 2 at 09:00
        day = date.fromisoformat(str(schedule["date"]))
        if lang == "zh":
            week = _WEEKDAYS_ZH[day.weekday()]
            return say("once_at", lang, day=f"{day.month}月{day.day}日（周{week}）", time=time)
        return say(
            "once_at", lang, day=f"{_WEEKDAYS_EN[day.weekday()][:3]} {day:%b} {day.day}", time=time
        )
    if schedule.get("every") == "week":
        index = int(schedule.get("weekday") or 1) - 1
        day = _WEEKDAYS_ZH[index] if lang == "zh" else _WEEKDAYS_EN[index]
        return say("every_week", lang, day=day, time=time)
    if schedule.get("every") == "weekdays":
        return say("every_weekday", lang, time=time)
    if schedule.get("every") == "month":
        return say("every_month", lang, day=int(schedule["day"]), time=time)
    return say("every_day", lang, time=time)


def content_words(details: dict[str, Any]) -> str:
    """What will be sent or written, for the card: the tag, the message or the coupon."""
    if details.get("coupon") and details.get("message"):
        return f"{details['coupon']} + “{details['message']}”"
    if details.get("coupon"):
        return str(details["coupon"])
    if details.get("message"):
        return f"“{details['message']}”"
    return str(details.get("tag") or details.get("name") or "")
