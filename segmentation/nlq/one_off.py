"""The day of a send that runs once, later ("明早9点给…发…", "下周三下午3点…", "11月5号上午10点…",
"听朝10点同…讲…", "tomorrow at 9am send …", "next Friday 3pm message …").

A one-off send is a schedule of its own kind, {"every": "once", "date": "YYYY-MM-DD",
"time": "HH:MM"}: the day is resolved against the parse's `now` (so the card shows the date it
will run, never a word to be read again later), the time of day is read as a recurring
schedule's is (segmentation/nlq/schedules.py). A day that has passed, or that no calendar has,
is asked back; a day that is not one day (下周, next month) is asked back too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from segmentation.nlq.ask import Ask
from segmentation.nlq.dates import number
from segmentation.nlq.lazy_re import lazy_pattern

_CN_NUM = r"[零一二两三四五六七八九十]"
_EN_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EN_DAY = r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?"
_EN_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_EN_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Days counted from today (normalised text: Simplified; Cantonese 听日 = 明天, 后日 = 后天).
_RELATIVE = {
    "今天": 0, "今日": 0, "今晚": 0, "今晚上": 0, "今夜": 0,
    "明天": 1, "明日": 1, "明早": 1, "明晚": 1, "明晨": 1, "明儿": 1,
    "听日": 1, "听朝": 1, "听晚": 1,
    "后天": 2, "后日": 2, "大后天": 3, "大后日": 3,
    "today": 0, "tonight": 0, "tomorrow": 1, "tmr": 1, "tmrw": 1,
    "the day after tomorrow": 2, "day after tomorrow": 2,
}  # fmt: skip
# The part of the day a relative day word holds (明早, 今晚, 听朝, tonight).
_DAY_PART = {"明早": "早", "明晨": "早", "听朝": "朝", "今晚": "晚", "今晚上": "晚", "今夜": "晚",
             "明晚": "晚", "听晚": "晚", "tonight": "night"}  # fmt: skip
_ZH_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_ZH_WEEKDAYS.update({str(i): i for i in range(1, 8)})
_ZH_WEEK = r"(?:周|星期|礼拜|拜)"

ONE_DAY = lazy_pattern(
    r"(?P<rel>大后天|大后日|后天|后日|今天|今日|今晚上?|今夜|明天|明日|明早|明晚|明晨|明儿|听日|听朝|听晚|"
    r"(?:the\s+)?day\s+after\s+tomorrow|today|tonight|tomorrow|tmrw?)"
    r"|(?P<zh_week>下下?个?" + _ZH_WEEK + r"|这个?" + _ZH_WEEK + r"|本" + _ZH_WEEK + r"|今个?"
    r"(?:星期|礼拜))(?P<zh_day>[一二三四五六日天1-7])"
    r"|(?:(?P<year>20\d\d)\s*年\s*)?(?P<month>\d{1,2}|" + _CN_NUM + r"{1,3})\s*月\s*"
    r"(?P<mday>\d{1,2}|" + _CN_NUM + r"{1,3})\s*(?:号|日)?"
    r"|\b(?:on\s+)?(?P<en_which>next|this|this\s+coming|coming)\s+(?P<en_day>" + _EN_DAY + r")\b"
    # "for Monday" / "on Monday" (one Monday, never "on Mondays"): the coming one, as "this
    # coming Monday" (a weekday alone, "周一…", is asked: once or every week)
    r"|\b(?:on|for)\s+(?P<en_day1>" + _EN_DAY + r")\b"
    r"|\b(?:on\s+)?(?P<en_month>" + _EN_MONTH + r")\s+(?P<en_mday>\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?:,?\s*(?P<en_year>20\d\d)\b)?"
    r"|\b(?:on\s+)?(?:the\s+)?(?P<en_mday2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?P<en_month2>" + _EN_MONTH + r")(?![a-z])",
    re.I,
)
# Days that are not one day: asked which day, never guessed.
VAGUE_DAY = lazy_pattern(
    r"^(?:请)?(?:下周|下个?星期|下个?礼拜|下个月|(?:on\s+)?(?:next\s+(?:week|month)))"
    r"(?![一二三四五六日天1-7])",
    re.I,
)
# "只发一次", "发一次就好", "one time only", "just once": what a one-off says of itself.
ONCE_WORDS = lazy_pattern(
    r"[，,]?\s*(?:只|仅|就|净系|净)(?:发|推|发送|推送|send)?(?:一次|1次)(?:就好|就行|就够了?|即可)?"
    r"(?:吧|啦|喇|哈)?|[，,]?\s*(?:发一次就好|一次过|一次性)|"
    r"[，,]?\s*\b(?:(?:just|only)\s+once|once\s+only|one\s+time\s+only|just\s+the\s+once|"
    r"a\s+one-off|one-off)\b",
    re.I,
)


@dataclass(frozen=True)
class OneDay:
    """The day said, where, and the part of the day its word holds (明早 → 早)."""

    span: tuple[int, int]
    day: date
    said: str
    part: str | None


def day_matches(text: str) -> list[re.Match[str]]:
    """Every one-off day word in `text` (quotes masked by the caller), first to last."""
    return list(ONE_DAY.finditer(text))


def resolve_day(m: re.Match[str], now: datetime, tz: ZoneInfo) -> OneDay:
    """The day a match of ONE_DAY says, counted from `now`; Ask for a date no calendar has."""
    today = now.astimezone(tz).date()
    said = m.group(0).strip()
    rel = m.group("rel")
    if rel:
        word = re.sub(r"\s+", " ", rel.lower())
        offset = _RELATIVE.get(word, _RELATIVE.get(word.removeprefix("the "), 1))
        return OneDay(m.span(), today + timedelta(days=offset), said, _DAY_PART.get(word))
    if m.group("zh_day"):
        return OneDay(m.span(), _zh_week_day(m.group("zh_week"), m.group("zh_day"), today), said,
                      None)  # fmt: skip
    if m.group("en_day"):
        return OneDay(m.span(), _en_week_day(m.group("en_which"), m.group("en_day"), today), said,
                      None)  # fmt: skip
    if m.group("en_day1"):
        return OneDay(m.span(), _en_week_day("coming", m.group("en_day1"), today), said, None)
    if m.group("month"):
        month, mday = number(m.group("month")), number(m.group("mday"))
        year = int(m.group("year")) if m.group("year") else None
    else:
        name = (m.group("en_month") or m.group("en_month2")).lower().rstrip(".")
        month = next(i + 1 for i, full in enumerate(_EN_MONTHS) if full.startswith(name[:3]))
        mday = int(m.group("en_mday") or m.group("en_mday2"))
        year = int(m.group("en_year")) if m.group("en_year") else None
    return OneDay(m.span(), _calendar_day(year, month or 0, mday or 0, today, said), said, None)


def _zh_week_day(week: str, day: str, today: date) -> date:
    monday = today - timedelta(days=today.weekday())
    weeks = 2 if week.startswith("下下") else 1 if week.startswith("下") else 0
    return monday + timedelta(weeks=weeks, days=_ZH_WEEKDAYS[day] - 1)


def _en_week_day(which: str, day: str, today: date) -> date:
    """The day of "next Friday": Friday of next week, as 下周五 is (the card shows the date); "this
    Friday" / "this coming Friday" / "coming Friday": the first Friday from today on."""
    index = next(i for i, full in enumerate(_EN_DAYS) if full.startswith(day.lower()[:3]))
    if which.lower() == "next":
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(weeks=1, days=index)
    return today + timedelta(days=(index - today.weekday()) % 7)


def _calendar_day(year: int | None, month: int, mday: int, today: date, said: str) -> date:
    try:
        return date(year or today.year, month, mday)
    except ValueError:
        raise Ask(
            f"没有“{said}”这一天，请说一个日期，例如“11月5号上午10点”。",
            f"There is no such day as “{said}”; say a date, e.g. 'Nov 5 at 10am'.",
        ) from None


def check_future(at: datetime, now: datetime, said: str) -> None:
    """A one-off time that has passed is asked back: sending it at once would be another
    time than the one said, and next year's is a guess."""
    if at <= now and at.date() < now.date() and re.search(r"月|[a-z]", said, re.I):
        raise Ask(
            f"“{said}”已经过去了。要发在明年的这一天，请带上年份，例如“{at.year + 1}年"
            f"{at.month}月{at.day}号上午10点”。",
            f"“{said}” has already passed. For next year, say the year, e.g. "
            f"'{_EN_MONTHS[at.month - 1].title()} {at.day}, {at.year + 1} at 10am'.",
        )
    if at <= now:
        raise Ask(
            f"“{said}”已经过去了，请说一个将来的时间，例如“明天上午10点”。",
            f"“{said}” has already passed; say a time to come, e.g. 'tomorrow at 10am'.",
        )


def vague_day() -> Ask:
    return Ask(
        "哪一天几点发送？请说具体的日子，例如“明天上午10点给…发…”或“11月5号上午10点给…发…”；"
        "要定期发送请说“每周一上午10点…”。",
        "Which day and time? Say the day, e.g. 'tomorrow at 10am send …' or 'on Nov 5 at 10am "
        "send …'; for a repeating send, 'every Monday at 10am …'.",
    )
