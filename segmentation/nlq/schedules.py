"""How often and at what time a scheduled send runs, read off the command ("每天上午10点",
"逢星期一朝早十点", "每个月1号上午10点", "every Monday at 10", "weekdays at 9am").

The scheduler runs a crontab line (bot.services.campaigns.cron), so what can be said is what
one line holds: every day, one weekday every week, Monday to Friday, or one day of the month
(1–28: a 31st that most months lack is asked back). Anything else — weekends, the last day of
the month, a week or month without its day — is asked back, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from segmentation.nlq.ask import Ask
from segmentation.nlq.dates import number
from segmentation.nlq.lazy_re import lazy_pattern

# A weekday in full or in the short forms calendars print (Wed, Thur, Sat): the first three
# letters say which.
_EN_DAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu(?:rs?)?|"
    r"fri|sat|sun)(?![a-rt-z])"
)
_ZH_DAY = r"[一二三四五六日天1-7]"
_ZH_WEEK = r"(?:周|星期|礼拜)"
# "for the weekly report", "daily standup": what a list is for, not how often to send.
_NOT_PURPOSE = (
    r"(?!\s+(?:report|meeting|review|sync|standup|stand-up|call|catch-up|update|summary|deck|"
    r"newsletter|huddle|briefing)s?\b)"
)
FREQUENCY_WORDS = lazy_pattern(
    # Monday to Friday first: "每周一到周五" is not Monday.
    r"(?P<weekdays>每个?工作日|工作日每天|每逢工作日|(?:每逢|逢|每)?"
    + _ZH_WEEK
    + r"一(?:到|至|-|~)"
    + _ZH_WEEK
    + r"?五(?:每天)?|(?:every|each|on)\s+weekdays?|weekdays|every\s+(?:work|business)\s*day|"
    r"(?:every\s+day\s+)?mon(?:day)?\s*(?:to|through|thru|-)\s*fri(?:day)?)"
    r"|(?P<weekend>每个?周末|每逢周末|(?:every|each|on)\s+weekends?|weekends)"
    r"|(?P<month>每个?月|逢每月|每逢每?月|monthly|(?:every|each)\s+month|of\s+(?:every|each)\s+month)"
    r"|(?:每逢|逢|每个?)" + _ZH_WEEK + r"(?P<zh_day>" + _ZH_DAY + r")?"
    r"|(?:every|each)\s+(?P<en_day>" + _EN_DAY + r")s?|on\s+(?P<en_days>" + _EN_DAY + r")s\b"
    r"|(?P<en_plural>" + _EN_DAY + r")s(?=\s+at\b)"
    # the day after "weekly" with or without "on": "weekly on Friday", "a weekly Friday 5pm …"
    r"|(?:every\s+week|weekly)"
    + _NOT_PURPOSE
    + r"(?:\s+(?:on\s+)?(?P<en_week_day>"
    + _EN_DAY
    + r"))?"
    r"|(?P<daily>每天|每日|天天|每晚|每早|每朝|每个?晚上|每个?早上|每个?下午|every\s*day|"
    r"each\s+day|every\s+(?:morning|evening|night|afternoon)|daily" + _NOT_PURPOSE + r")"
)
_ZH_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_ZH_WEEKDAYS.update({str(i): i for i in range(1, 8)})
_EN_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _en_weekday(said: str) -> int:
    """1–7 for a weekday said in full or short ("wed", "thurs")."""
    return next(i for i, day in enumerate(_EN_DAYS, 1) if day.startswith(said[:3]))


_CN_NUM = r"[零一二两三四五六七八九十]"
# The day of the month: right after 每月 ("每个月1号"), or in English anywhere ("on the 1st
# of every month", "every month on day 15").
_ZH_MONTH_DAY = lazy_pattern(r"\s*(\d{1,2}|" + _CN_NUM + r"{1,3})\s*[号日]")
_EN_MONTH_DAY = lazy_pattern(
    r"(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?:\s+(?:day\s+)?of)?|(?:on\s+)?day\s+(\d{1,2})\b"
)
_MONTH_END = lazy_pattern(r"月初|月底|月末|最后一天|last\s+day|end\s+of")

# Parts of the day: the hours after them are afternoon or evening ones.
_PM_ZH = ("下午", "下昼", "晚上", "傍晚", "夜晚", "晚黑", "夜里", "夜间", "晚间", "晏昼", "晚")
_AM_ZH = ("早上", "上午", "早晨", "清早", "清晨", "朝早", "朝头早", "凌晨", "早", "朝")
_PART_ZH = (
    r"(早上|上午|中午|下午|下昼|晚上|早晨|傍晚|清早|清晨|朝头早|朝早|晏昼|夜晚|晚黑|夜里|夜间|晚间|"
    r"凌晨)"
)
_CLOCK_ZH = lazy_pattern(
    _PART_ZH + r"?\s*(\d{1,2}|" + _CN_NUM + r"{1,3})\s*(?:点钟|点|时|:|：)\s*"
    r"(半|一刻|三刻|\d{1,2}|" + _CN_NUM + r"{1,3})?\s*(?:分钟|分)?"
)
_CLOCK_EN = lazy_pattern(
    r"(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)"
    r"|at\s+(\d{1,2})(?::(\d{2}))?(?:\s*o'?clock)?(?:\s+(in\s+the\s+(?:morning|afternoon|evening)|"
    r"at\s+night|tonight))?"
    r"|(?:at\s+)?(noon|midday|midnight|午夜)"
    r"|\b([01]?\d|2[0-3]):([0-5]\d)\b"
)


@dataclass(frozen=True)
class Frequency:
    schedule: dict[str, Any]  # every, weekday/day; the time is added from the clock
    cuts: tuple[tuple[int, int], ...]  # the words that said it, taken out of the command
    pm: bool | None  # a part of the day said with the frequency (每晚, every morning)


def find_frequency(text: str) -> Frequency | None:
    """How often, or None when nothing in `text` repeats; Ask for what cannot be run."""
    m = FREQUENCY_WORDS.search(text)
    if m is None:
        return None
    said = m.group(0)
    pm = _part_of_day(said)
    if m.group("weekdays"):
        return Frequency({"every": "weekdays", "weekday": None}, (m.span(),), pm)
    if m.group("weekend"):
        raise Ask(
            "暂不支持“每个周末”这样一周两天的定时发送。请选一天，例如“每周六上午10点”。",
            "Weekend schedules (two days a week) are not supported; pick one day, e.g. "
            "'every Saturday at 10am'.",
        )
    if m.group("month"):
        return _monthly(text, m, pm)
    day = m.group("zh_day")
    en_day = next(
        (m.group(g) for g in ("en_day", "en_days", "en_plural", "en_week_day") if m.group(g)),
        None,
    )
    if m.group("daily"):
        return Frequency({"every": "day", "weekday": None}, (m.span(),), pm)
    weekday = _ZH_WEEKDAYS[day] if day else (_en_weekday(en_day) if en_day else None)
    if weekday is None:
        # "a weekly message every Sunday at 6pm", "每周的周日": the day is said after "weekly".
        later = _week_day_after(text, m.end())
        if later is not None:
            return Frequency(
                {"every": "week", "weekday": later[1]}, (m.span(), later[0]), _part_of_day(said)
            )
        raise Ask(
            "每周哪一天发送？例如“每周一上午10点给…发…”。",
            "Which day of the week? E.g. 'every Monday at 10am send …'.",
        )
    return Frequency({"every": "week", "weekday": weekday}, (m.span(),), pm)


def _week_day_after(text: str, start: int) -> tuple[tuple[int, int], int] | None:
    """The weekday of a later frequency in `text` (its span and 1–7), or None."""
    m = FREQUENCY_WORDS.search(text, start)
    if m is None:
        return None
    en_day = next(
        (m.group(g) for g in ("en_day", "en_days", "en_plural", "en_week_day") if m.group(g)),
        None,
    )
    if m.group("zh_day"):
        return m.span(), _ZH_WEEKDAYS[m.group("zh_day")]
    if en_day:
        return m.span(), _en_weekday(en_day)
    return None


def _monthly(text: str, m: re.Match[str], pm: bool | None) -> Frequency:
    start, end = m.span()
    zh = _ZH_MONTH_DAY.match(text, end)
    en = None if zh else _EN_MONTH_DAY.search(text)
    if zh is None and en is None:
        if _MONTH_END.search(text):
            raise Ask(
                "暂不支持月初、月底或每月最后一天发送，请说具体日期，例如“每月1号上午10点”。",
                "The start, end or last day of a month is not supported; say a date, e.g. "
                "'on the 1st of every month at 10am'.",
            )
        raise Ask(
            "每月几号发送？例如“每月1号上午10点给…发…”。",
            "Which day of the month? E.g. 'on the 1st of every month at 10am send …'.",
        )
    found = zh or en
    assert found is not None
    day = number(next(g for g in found.groups() if g)) or 0
    if not 1 <= day <= 28:
        raise Ask(
            f"不是每个月都有{day}号，请选1到28号之间的一天。",
            f"Not every month has a day {day}; please pick a day from 1 to 28.",
        )
    # "每个月1号" is one piece; "on the 1st of every month" two, whatever is between stays.
    cuts = ((start, found.end()),) if zh else tuple(sorted({m.span(), found.span()}))
    return Frequency({"every": "month", "day": day}, cuts, pm)


def _part_of_day(said: str) -> bool | None:
    if any(w in said for w in ("晚", "下午", "evening", "night", "afternoon")):
        return True
    if any(w in said for w in ("早", "朝", "morning")):
        return False
    return None


def find_clock(text: str, pm: bool | None = None) -> tuple[tuple[int, int], str] | None:
    """The time of day in `text` (its span, "HH:MM"), or None; Ask for a time that is none."""
    zh = _CLOCK_ZH.search(text)
    en = _CLOCK_EN.search(text)
    found = min((c for c in (zh, en) if c is not None), key=lambda c: c.start(), default=None)
    if found is None:
        return None
    hour, minute = _zh_clock(found, pm) if found is zh else _en_clock(found, pm)
    if pm is None and 1 <= hour <= 6 and _bare_hour(found, found is zh):
        # "每天3点", "明天3点", "at 3": 3am is as likely a slip as 3pm; quiet hours hide the
        # difference until the card, so it is asked, never guessed.
        said = found.group(0).strip()
        raise Ask(
            f"“{said}”是凌晨{hour}点还是下午{hour}点？请说“下午{hour}点”或“凌晨{hour}点”。",
            f"Is “{said}” {hour}am or {hour}pm? Say '{hour}pm' or '{hour}am'.",
        )
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise Ask("这个时间不对，请说例如“上午10点”。", "That is not a time of day; e.g. '10am'.")
    return found.span(), f"{hour:02d}:{minute:02d}"


def _bare_hour(m: re.Match[str], zh: bool) -> bool:
    """Whether a clock says its hour with no part of the day and no am/pm ("3点", "at 3")."""
    if zh:  # "03:00" says its hour on a 24-hour clock
        return m.group(1) is None and not m.group(2).startswith("0")
    g = m.groups()
    return g[3] is not None and g[5] is None


def _zh_clock(m: re.Match[str], pm: bool | None) -> tuple[int, int]:
    part, hour_raw, minute_raw = m.groups()
    hour = number(hour_raw.replace("两", "二")) if not hour_raw.isdigit() else int(hour_raw)
    minute_words = {"半": 30, "一刻": 15, "三刻": 45}
    if minute_raw in minute_words:
        minute = minute_words[minute_raw]
    else:
        minute = (number(minute_raw.lstrip("零")) or 0) if minute_raw else 0
    later = part in _PM_ZH or (part is None and pm is True)
    if part == "中午" and (hour or 0) < 11:
        later = True
    return _twelve((hour or 0), minute, later, part == "凌晨")


def _en_clock(m: re.Match[str], pm: bool | None) -> tuple[int, int]:
    g = m.groups()
    if g[0] is not None:  # 9am, 9:30 pm
        hour, minute = int(g[0]), int(g[1] or 0)
        if g[2].startswith("a"):
            return (0 if hour == 12 else hour), minute
        return _twelve(hour, minute, True, False)
    if g[3] is not None:  # at 9, at 9:30 in the evening
        hour, minute = int(g[3]), int(g[4] or 0)
        later = (g[5] is not None and "morning" not in g[5]) or (g[5] is None and pm is True)
        return _twelve(hour, minute, later, False)
    if g[6] is not None:  # noon; midnight (午夜) is the day's first minute
        return (12, 0) if g[6] in ("noon", "midday") else (0, 0)
    return int(g[7]), int(g[8])  # 21:00


def _twelve(hour: int, minute: int, later: bool, small_hours: bool) -> tuple[int, int]:
    if later and hour < 12:
        hour += 12
    if small_hours and hour == 12:
        hour = 0
    return hour, minute


# A part of the day said without a clock: the hours a question back offers for it.
_PART_HOURS_ZH = {
    "早上": (8, 9, 10),
    "早晨": (8, 9, 10),
    "清早": (7, 8, 9),
    "清晨": (7, 8, 9),
    "朝早": (8, 9, 10),
    "朝头早": (8, 9, 10),
    "上午": (9, 10, 11),
    "中午": (11, 12, 13),
    "晏昼": (12, 13, 14),
    "下午": (14, 15, 16),
    "下昼": (14, 15, 16),
    "傍晚": (17, 18, 19),
    "晚上": (19, 20, 21),
    "夜晚": (19, 20, 21),
    "晚黑": (19, 20, 21),
    "夜里": (20, 21, 22),
    "夜间": (20, 21, 22),
    "晚间": (19, 20, 21),
    "晚": (19, 20, 21),
    "早": (8, 9, 10),
    "朝": (8, 9, 10),
}
_PART_HOURS_EN = {
    "morning": (8, 9, 10),
    "afternoon": (14, 15, 16),
    "evening": (18, 19, 20),
    "night": (20, 21, 22),
}
_LEADING_PART = lazy_pattern(
    r"^\s*(?:(?P<zh>早上|上午|早晨|清早|清晨|朝头早|朝早|中午|下午|下昼|晏昼|傍晚|晚上|夜晚|晚黑|夜里|"
    r"夜间|晚间)|(?:in\s+the\s+)?(?P<en>morning|afternoon|evening|night)s?\b|at\s+night\b)"
)


@dataclass(frozen=True)
class PartOfDay:
    """A part of the day said right after the frequency ("每周五下午", "every Monday morning")."""

    span: tuple[int, int]
    word: str
    pm: bool


def leading_part(rest: str) -> PartOfDay | None:
    """The part of the day that begins `rest` (the command without its frequency), or None."""
    m = _LEADING_PART.match(rest)
    if m is None:
        return None
    word = m.group("zh") or m.group("en") or "night"
    start = m.start("zh") if m.group("zh") else m.start("en") if m.group("en") else m.start()
    pm = word in _PM_ZH or word in ("afternoon", "evening", "night")
    return PartOfDay((start, m.end()), word, pm)


def which_hour(said: str, part: str) -> Ask:
    """The question back for a part of the day without its hour ("每周五下午给…"): a default hour
    would be a guess, so the question offers three of that part, each to pick."""
    hours = _PART_HOURS_EN.get(part) or _PART_HOURS_ZH.get(part)
    if part in _PART_HOURS_EN:
        choices = [f"{said} at {_en_hour(h)}" for h in hours or ()]
        return Ask(
            f"“{said}”几点发送？例如：{'、'.join(choices)}。",
            f"Which hour for “{said}”? E.g. {', '.join(choices)}.",
            choices,
        )
    named = [f"{said}{h if h <= 12 else h - 12}点" for h in hours or (9, 10, 11)]
    return Ask(
        f"“{said}”几点发送？例如：{'、'.join(named)}。",
        f"Which hour for “{said}”? E.g. {', '.join(named)}.",
        named,
    )


def _en_hour(hour: int) -> str:
    return f"{hour}am" if hour < 12 else "12pm" if hour == 12 else f"{hour - 12}pm"


def part_in_frequency(said: str) -> str | None:
    """The part of the day inside the frequency words ("每晚", "每天下午", "every morning")."""
    for word in ("morning", "afternoon", "evening", "night"):
        if word in said:
            return word
    for word in sorted(_PART_HOURS_ZH, key=len, reverse=True):
        if word in said:
            return word
    return None
