"""A card's send moved to one later time before it is confirmed: "改成明天上午10点再发",
"改做聽日朝早10點先發", "改成只发一次，明天上午9点", "改成11月5号上午10点只发一次",
"move it to tomorrow 8am", "推迟到后天", "send it tomorrow at 9 instead".

A push card becomes a schedule that runs once ({every: once, date, time}); a one-off card gets
its new day (its hour kept when none is said). A repeating schedule becomes a one-off only when
the member says so (只发一次 / just once): "改成明天上午10点" on a daily card could as well mean
"start tomorrow", so it is asked back. The day is read by the parser (segmentation/nlq/one_off),
so a past time or an hour-less part of the day is asked back exactly as in a new command.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from segmentation.nlq import Clarification, Command
from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.one_off import ONCE_WORDS, day_matches
from segmentation.nlq.schedules import FREQUENCY_WORDS, find_clock
from segmentation.nodes import All
from segmentation.text import normalize

# Words after the new time that only say "then send": "再发", "先發", "才推", "send it".
_THEN_SEND = lazy_pattern(
    r"(?:再|先|才|就)?(?:发送|发|推送|推|群发|send(?:\s+it)?|push(?:\s+it)?)?(?:吧|啦|喇|好了|就好|就行)?"
    r"[\s,，.。!！]*$"
)
# Moving the send without a change word the content rules know ("改到明天", "move it to …").
MOVE = lazy_pattern(
    r"^(?:(?:那就|那|还是|其实|哦|嗯|不对|等下|等等|actually|wait|hmm|oh|ok(?:ay)?|no|well|then)"
    r"[\s,，]*)*(?:把)?(?:时间|发送时间)?(?:再|又|就)?(?:改到|改在|改去|调到|推迟到|推后到|推迟至|"
    r"延后到|延迟到|延到|推到|挪到|移到|改期到|提前到|定在|放到|留到|等到|"
    # a schedule word with its place (Taiwan 排程, 安排, 预约, 定时): 排程到明天早上九点
    r"(?:排程|排期|安排|预约|定时|排)(?:到|在|于|喺))(?P<new>.+)$"
    r"|^(?:(?:actually|wait|hmm|oh|ok(?:ay)?|no|well|then)[\s,]*)*"
    r"(?:move|reschedule|postpone|push|delay|shift|put)\s+(?:it|this|that|the\s+(?:send|message|"
    r"push|campaign|coupon))\s+(?:back\s+)?(?:to|until|till|for)\s+(?P<new_en>.+)$"
    # "send it next Friday 3pm instead of now", "do it tomorrow at 10am instead", "schedule it
    # for Monday 9am", "actually send on Friday at 3pm"
    r"|^(?:(?:and|so|actually|wait|hmm|oh|ok(?:ay)?|no|well|then|can\s+(?:we|you)|let'?s)[\s,]*)*"
    # (an "at" before the hour stays: "at 9 tomorrow morning" is 9am, "9 tomorrow" no time)
    r"(?:send|do|run|schedule|push)(?:\s+(?:it|this|that|them))?(?:\s+(?:for|on|at(?!\s+\d)))?\s+"
    r"(?P<instead>.+?)(?:\s+instead(?:\s+of\s+(?:now|today|right\s+now|immediately|that|this))?)?"
    r"(?:\s+(?:please|pls|thanks))?[.!?]*$"
)

Parse = Callable[[str], Command | Clarification]
# "每周三都发", "逢星期三都send", "下午3点照发": the send said again after the new time.
_SEND_AGAIN = lazy_pattern(
    r"(?<=[\da-z点點时時分半午晚早朝天日一二三四五六七八九十])\s*(?:都|也|照|再|先|才|就)?(?:要)?"
    r"(?:发送|发|推送|推|群发|send(?:\s+it)?|push(?:\s+it)?)"
    r"(?:吧|啦|喇|好了|就好|就行)?[\s,，.。!！]*$",
    re.I,
)


def without_send_words(new: str) -> str:
    """`new` without the "都发" / "照send" that only repeats the send after a new time."""
    return _SEND_AGAIN.sub("", new).strip() or new


# A send made to repeat, the words before its frequency: "改成每周一上午9点发", "改做逢星期一
# 朝早9點發", "actually schedule it every Monday at 9am instead", "make it every Monday at 9am",
# "send it every Monday instead".
_REPEAT_LEAD = lazy_pattern(
    r"^(?:(?:那就|那|还是|其实|哦|嗯|不对|actually|wait|hmm|oh|ok(?:ay)?|no|well|then|instead)"
    r"[\s,，]*)*(?:把)?(?:时间|发送时间)?(?:改成|改为|改做|换成|变成|改到|定在|改)?(?:成|为)?"
    r"(?:(?:schedule|reschedule|make|set|change|switch|send|do|run|repeat|turn)\s+(?:it|this|that|"
    r"the\s+(?:send|message|push|coupon|campaign))(?:\s+(?:to|into|as|for))?\s*)?"
)
_INSTEAD = lazy_pattern(r"\s*(?:instead|rather)\s*[.!。！]*$")
# "weekly, Mondays 9am" / "weekly on Monday": the day it repeats on, said as the parser reads it.
_WEEKLY_ON = lazy_pattern(
    r"\b(?:weekly|every\s+week)[\s,，]+(?:on\s+)?"
    r"(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?\b"
)


def moved_to(plain: str) -> str | None:
    """The new time in a move of the send ("改到明天上午10点" → "明天上午10点"), or None."""
    found = MOVE.match(plain)
    if found is None:
        return None
    return found.group("new") or found.group("new_en") or found.group("instead")


# A weekday said alone ("周六早上十点", "on Friday at 3pm"): on a card sent once, the first such
# day from today on, as "this coming Friday" is (never after 每/逢/every, which repeat).
_BARE_DAY_ZH = lazy_pattern(
    r"(?<![每逢下这本今个上])(?:周|星期|礼拜|拜)(?P<d>[一二三四五六日天1-7])"
)
_BARE_DAY_EN = lazy_pattern(
    r"(?<![\w])(?<!next\s)(?<!this\s)(?<!coming\s)(?<!every\s)(?<!each\s)(?:on\s+)?"
    r"(?P<d>(?:mon|tues|tue|wednes|wed|thurs|thur|thu|fri|satur|sat|sun)(?:day)?)(?![\w])",
    re.I,
)
_ZH_DAY_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ZH_DAY_INDEX.update({str(i + 1): i for i in range(7)})


def coming_day(plain: str, today: date) -> str:
    """`plain` with a bare weekday said as the day it is from `today` on ("周六" → "下周六" on a
    Sunday, "this coming friday")."""
    plain = _BARE_DAY_EN.sub(lambda m: f"this coming {m['d']}", plain, count=1)
    found = _BARE_DAY_ZH.search(plain)
    if found is None or day_matches(plain):
        return plain
    ahead = (_ZH_DAY_INDEX[found["d"]] - today.weekday()) % 7
    week = "下周" if today.weekday() + ahead > 6 else "这周"
    return plain[: found.start()] + week + found["d"] + plain[found.end() :]


def new_when(
    new: str, old: dict[str, Any] | None, parse: Parse, today: date | None = None
) -> dict[str, Any] | Clarification | Ask | None:
    """The schedule `new` (the words after 改成 / move it to) gives the card, a question back,
    or None when it says no day and no 只发一次 (a time or a frequency, read as before)."""
    plain = normalize(new)
    if "“" in plain:
        return None  # quoted words are a message ("消息改成“本周五新品到店”"), never a time
    once_found = ONCE_WORDS.search(plain)
    if once_found is not None:
        plain = (plain[: once_found.start()] + " " + plain[once_found.end() :]).strip(" ，,")
    plain = _THEN_SEND.sub("", plain).strip(" ，,")
    repeating = isinstance(old, dict) and old.get("every") != "once"
    if today is not None and not repeating and not day_matches(plain):
        plain = coming_day(plain, today)
    days = day_matches(plain)
    if not days and once_found is None:
        return None
    if not days:
        return _ask_which_day()
    if repeating and once_found is None:
        return _ask_once_or_repeat(plain)
    # English in an English frame: "at 9 tomorrow morning给…" would glue "morning给"
    frame = "{} send all customers the message “x”" if plain.isascii() else "{}给所有客户发消息“x”"
    parsed = parse(frame.format(plain))
    if isinstance(parsed, Clarification):
        return parsed
    schedule = parsed.details.get("schedule")
    if not isinstance(schedule, dict) or schedule.get("every") != "once":
        return None
    if isinstance(old, dict) and old.get("every") == "once" and not _says_time(plain):
        # "改成后天" on a one-off card: the day changes, its hour stays.
        kept = parse(frame.format(f"{plain} {old['time']}"))
        if isinstance(kept, Clarification):
            return kept
        schedule = kept.details.get("schedule", schedule)
    return {"schedule": schedule}


def repeat_of(
    plain: str, old: dict[str, Any] | None, parse: Parse, lang: str
) -> dict[str, Any] | Clarification | None:
    """The repeating schedule a change of the send says ("改成每周一上午9点发" → every Monday
    09:00), a question back (an hour-less part of the day), or None when `plain` says no
    frequency or says more than the time (other customers, other content: not this rule's).
    A schedule card keeps its hour when only the days change."""
    lead = _REPEAT_LEAD.match(plain)
    when = plain[lead.end() if lead else 0 :]
    when = _THEN_SEND.sub("", without_send_words(_INSTEAD.sub("", when))).strip(" ，,")
    when = _WEEKLY_ON.sub(lambda m: f"every {m.group('day')}", when)
    if not when or "“" in when or FREQUENCY_WORDS.search(when) is None:
        return None
    # the frame in the member's language: a question back about the time is asked in it
    frame = "{} send all customers the message “x”" if lang == "en" else "{}给所有客户发消息“x”"
    parsed = parse(frame.format(when))
    if isinstance(parsed, Clarification):
        return parsed  # "改成每周一下午": which hour, asked (never the card's 9 read as 21:00)
    if isinstance(old, dict) and old.get("time") and not _says_time(when):
        parsed = parse(frame.format(f"{when} {old['time']}"))  # "改成每周三" keeps 9am
        if isinstance(parsed, Clarification):
            return parsed
    schedule = parsed.details.get("schedule")
    if parsed.segment != All() or not isinstance(schedule, dict) or schedule.get("every") == "once":
        return None
    return {"schedule": schedule}


def _says_time(plain: str) -> bool:
    try:
        return find_clock(plain) is not None
    except Ask:  # not a time of day: the parse asks about it
        return True


def _ask_which_day() -> Ask:
    return Ask(
        "哪一天几点只发一次？例如：改成明天上午10点只发一次。",
        "Which day and time, once? E.g. 'make it tomorrow at 10am, just once'.",
        ["改成明天上午10点只发一次"],
    )


def _ask_once_or_repeat(said: str) -> Ask:
    return Ask(
        f"要改成只在“{said}”发一次，还是继续定期发送？只发一次请说“改成{said}只发一次”；"
        "定期发送请说例如“改成每天上午10点”。",
        f"Send it just once, “{said}”, or keep repeating? Say 'make it {said}, just once', or "
        "e.g. 'change it to every day at 10am'.",
    )
