"""The time grammar of spec §3, by hand: a phrase starting at a position → a window.

Month names and dates without a year are resolved against `now` (the most recent one not in
the future) before the window is built, so the tree means the same thing tomorrow.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from segmentation.nlq.dates import (
    FUTURE,
    UP_TO_NOW_ZH,
    Span,
    TimeMatch,
    day_span,
    half_span,
    month_span,
    number,
    quarter_span,
    window_start,
    year_span,
)
from segmentation.nlq.dotdates import dotted_date, that_day_end
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.mixedperiods import scan_mixed
from segmentation.nlq.periodchains import scan_chain
from segmentation.nlq.subperiods import scan_month_part
from segmentation.nlq.timephrases_en import scan_english
from segmentation.nlq.timeunion import join_periods
from segmentation.nodes import CalendarWindow, DateRangeWindow, RollingWindow

NUM = r"(\d{1,4}|[一二两三四五六七八九十百]{1,4})"
# A length takes any number of digits, so 近99999999999天 reaches the window's bound check and
# is asked back as too large instead of "not understood".
_LENGTH = r"(\d{1,24}|[一二两三四五六七八九十百]{1,4})"
# 近一个月来 ("over the last month"), but 近一个月来过店: the 来 of 来过/来了/来店 is the visit.
_SUFFIX_LAI = r"来(?!过|了|店|门|铺|到|访|买|咨询|问|下)"
_ZH_ROLLING = lazy_pattern(
    r"(近|最近|过去|前面?|这|在过去的?)?的?"
    + _LENGTH
    # 个钟/个钟头/钟头 (Cantonese and colloquial: hours): 近24个钟, 3个钟头内
    + r"\s*(个)?(天|日|周|星期|礼拜|个?月|小时|钟头|钟|年|季度|季|"
    # 近30 days / 近 2 weeks: an English unit after a Chinese lead (mixed text)
    r"days?(?![a-z])|weeks?(?![a-z])|months?(?![a-z])|hours?(?![a-z])|years?(?![a-z]))"
    r"(内|以内|之内|里|以来|当中|" + _SUFFIX_LAI + ")?"
)
_ZH_HALF = lazy_pattern(
    r"(近|最近|过去)?(半年|一年|1年|半个月)(内|以内|之内|里|以来|" + _SUFFIX_LAI + ")?"
)
_ZH_CALENDAR: list[tuple[str, str, int]] = [
    (r"今天|今日", "day", 0),
    # 琴日/寻日: Cantonese "yesterday"; 昨儿(个): northern
    # (噚日 arrives as 㖊日: the converter takes 噚 for a fathom's 㖊)
    (r"昨天|昨日|琴日|寻日|噚日|㖊日|尋日|昨儿个|昨儿", "day", -1),
    (r"大前天|大前日", "day", -3),  # the day before 前天 (Cantonese 大前日): a whole day
    (r"前天|前日|前儿个|前儿", "day", -2),
    # 今个礼拜 / 呢个星期 / 今个月: Cantonese "this week / this month"
    (
        r"本周|这周|这一?个?星期|本星期|这个?礼拜|本礼拜|今个?(?:星期|礼拜)|今周|呢个?(?:星期|礼拜)",
        "week",
        0,
    ),
    (r"上上周|上上个?星期|上上个?礼拜", "week", -2),
    (r"上周|上一?个?星期|上一?个?礼拜|上一周", "week", -1),
    (r"本月|这个月|当月|这月|今个月|呢个月", "month", 0),
    (r"上上个?月|前个?月", "month", -2),  # 前月 as 前天 / 前年: the one before the last
    (r"上一?个月|上月", "month", -1),
    # 季 without 度 after 本/这/上 is the quarter too (上一季, 今季, 呢个季度: Cantonese)
    (r"本季度?|这一?个?季度?|当季|今个?季度?|呢一?个?季度?", "quarter", 0),
    (r"上上一?个?季度?", "quarter", -2),
    (r"上一?个?季度?", "quarter", -1),
    (r"今年|本年|本年度", "year", 0),
    (r"去年|上一年|旧年|上年", "year", -1),  # 旧年 (舊年): Cantonese "last year"
    (r"前年", "year", -2),
]
# From the start of this year / month / quarter up to now (年初到现在, 年初至今, 由年头到而家,
# 自今年年初以来, 月初到现在, 本季度初至今): this calendar unit so far, as "year to date" is.
# The start alone (年初下过单的) is vague and stays asked.
# 年初开始 / 月初起 alone say "since" as 以来 does (issue 19: 上个月初开始 = since its 1st).
_SO_FAR = rf"(?:(?:开始|起(?!码))(?:{UP_TO_NOW_ZH})?|{UP_TO_NOW_ZH}|以来)"
_FROM_START = {
    "year": r"(?:今年|本年)?(?:的)?(?:年初|年头|开年)|(?:今年|本年)初",
    "month": r"(?:本月|这个月|今个月|呢个月)?(?:的)?(?:月初|月头)|(?:本月|这个月|今个月)初",
    "quarter": r"(?:本|这一?个?|今个?|呢一?个?)?季度?(?:初|头)",
}
_ZH_CALENDAR += [
    (rf"(?:自从|自|从|由)?(?:{start}){_SO_FAR}", unit, 0) for unit, start in _FROM_START.items()
]
_ZH_CAL = [(lazy_pattern(p), u, o) for p, u, o in _ZH_CALENDAR]
_ZH_DATE = lazy_pattern(r"(?:(\d{4})年)?" + NUM + r"月" + NUM + r"(?:日|号)")
_ISO_DATE = lazy_pattern(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_MD_DATE = lazy_pattern(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_ZH_MONTH = lazy_pattern(
    r"(?:(\d{4})年)?" + r"(\d{1,2}|十[一二]?|[一二三四五六七八九])月份?(?![\d日号])"
)
_ZH_YEAR = lazy_pattern(r"(\d{4})年(?:度)?(?!\d|\s*\d{1,2}月)")
# 第三季度 / 三季度 / 第三季 (季 alone only after 第: 三季 may be a count of seasons)
_ZH_QUARTER = lazy_pattern(
    r"(?:(\d{4})年|(今年|本年|去年|旧年|前年))?(?:的)? ?"
    r"(?:第([1-4一二三四])季度?|([1-4一二三四])季度|"
    # 去年Q4 / 旧年 Q4 / 今年的Q1: the English quarter after a Chinese year
    r"q([1-4])(?![\d]))"
)
# 今年上半年 / 去年下半年 / 2025年上半年 / 上半年: half a calendar year
_ZH_YEAR_HALF = lazy_pattern(
    r"(?:(\d{4})年|(今年|本年|去年|旧年|前年))?(?:的)? ?(?P<h>上半年|下半年|上半年度|下半年度)"
)
_YEAR_WORDS = {"今年": 0, "本年": 0, "去年": -1, "旧年": -1, "前年": -2}
_SINCE_PREFIX = lazy_pattern(r"(自从|自|从)")
# 起码 ("at least") after a window is a comparison word, not "since": 近三个月起码买过两次.
_SINCE_SUFFIX = lazy_pattern(rf"(以来|起(?!码)|开始|{UP_TO_NOW_ZH}|之后至今)")
# After a date, month, year or quarter: 10月1日之后 = from 10月2日; 9月以前 = up to 8月31日.
# 前后 ("around") is not "before".
_AFTER_SUFFIX = lazy_pattern(
    r"\s*(?:之后|以后|后)(?!\s*(?:至今|到现在|到今天|\d|[一二两三四五六七八九十]))"
)
_BEFORE_SUFFIX = lazy_pattern(r"\s*(?:之前|以前|前)(?!后|\d|[一二两三四五六七八九十])")
# 3天前 / 两周前 / 三个月以前 said after a bare length: a point in time ("N days ago", on that day
# or any time before it?), which the lexicon's "ago" asks about; never a length and a ranking.
_AGO_AFTER = lazy_pattern(r"\s*(?:之前|以前|前)(?![\d一二两三四五六七八九十名位个])")
_RANGE_JOIN = lazy_pattern(r"\s*(到|至|-|~|—|–)\s*")
_RANGE_TAIL = lazy_pattern(r"(之间|期间|这段时间)")
_DAY_ONLY = lazy_pattern(NUM + r"(?:日|号)")
# A day of a month with its month said as this / last month (本月5号, 上个月20日), or with no
# month at all and 号 (从1号到现在, 15号以来): 号 alone names a date, never a length.
_MONTH_DAY = lazy_pattern(
    r"(?:(本月|这个?月|当月|今个月|呢个月)|(上一?个?月|上月))?的?"
    r"(?<![\d月])(\d{1,2}|[一二三四五六七八九十]{1,3})(号|日)(?![\d楼店线点时])"
)
# A day of a week (上周五, 这周一, 礼拜天, 周三): that whole day; weeks start on Monday. Without a
# week word it is the most recent such day not in the future, as a date without a year is.
_WEEKDAY = lazy_pattern(
    r"(上上|上一?个?|本|这一?个?|今个?)?(?:周|星期|礼拜)([一二三四五六日天1-7])"
    # 上周一单都没下 / 本周一个都没买: a 一 before a measure word is a count, not Monday
    r"(?![一二三四五六七八九十\d次单个张件笔样位名条回趟款份些人遍])"
)
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAYS.update({str(n): n - 1 for n in range(1, 8)})


# A Chinese ending on an English period ("half a year内", "last 30 days 以内"): the same period.
_EN_ZH_TAIL = lazy_pattern(r"\s*(?:以内|之内|内|里面|里|当中)")


def scan_time(text: str, pos: int, now: datetime, tz: ZoneInfo) -> TimeMatch | None:
    """The longest time phrase starting at `pos`, or None; two joined by 或/or are one."""
    found = _scan_one(text, pos, now, tz)
    if found is None:
        return None
    tail = _EN_ZH_TAIL.match(text, found.end) if found.english else None
    if tail is not None and found.window is not None:  # "half a year内", "last 30 days以来"
        found = TimeMatch(found.window, tail.end(), english=True, problem=found.problem)
    window = found.window
    one_day = isinstance(window, CalendarWindow) and window.unit == "day"
    if one_day or (isinstance(window, DateRangeWindow) and window.start == window.end):
        # "2026-10-27那天", "10/27当日", "Sept 30 那天": that date
        found = TimeMatch(window, that_day_end(text, found.end), found.english, found.problem)
    return join_periods(pos, found, text, lambda t, p: scan_time(t, p, now, tz), now, tz)


def _scan_one(
    text: str, pos: int, now: datetime, tz: ZoneInfo, mixed: bool = True
) -> TimeMatch | None:
    today = now.astimezone(tz).date()
    best: TimeMatch | None = None
    for found in (
        _scan_since_or_range(text, pos, today, now, tz),
        _scan_before_after(text, pos, today),
        _scan_rolling(text, pos),
        _scan_calendar(text, pos),
        _as_match(_scan_dateish(text, pos, today), today),
        scan_english(text, pos, today, now, tz),
        scan_month_part(text, pos, now, tz),
        scan_chain(text, pos, now, tz),
    ):
        if found is not None and (best is None or found.end > best.end):
            best = found
    if mixed:  # the periods inside a mixed frame are each of one language
        scan = lambda t, p: _scan_one(t, p, now, tz, mixed=False)  # noqa: E731
        found = scan_mixed(text, pos, now, tz, scan, best)
        if found is not None and (best is None or found.end > best.end):
            best = found
    return best


def _as_match(found: tuple[Span | str, int] | None, today: date) -> TimeMatch | None:
    if found is None:
        return None
    span, end = found
    if isinstance(span, str):
        return TimeMatch(None, end, problem=span)
    if span.start > today:  # 2027年 / 2026年12月 said on 2026-11-01: nothing has happened yet
        return TimeMatch(None, end, problem=FUTURE)
    return TimeMatch(DateRangeWindow(span.start, span.end), end)


def _scan_rolling(text: str, pos: int) -> TimeMatch | None:
    half = _ZH_HALF.match(text, pos)
    if half and not half.group(1) and not half.group(3) and _AGO_AFTER.match(text, half.end()):
        return None  # 半年前: a point in time, as 3天前
    if half:
        if half.group(2) == "半个月":  # half a month: a fortnight and a day, as 15天
            return TimeMatch(RollingWindow(15, "days"), half.end())
        months = 6 if half.group(2) == "半年" else 12
        return TimeMatch(RollingWindow(months, "months"), half.end())
    m = _ZH_ROLLING.match(text, pos)
    if not m:
        return None
    prefix, raw, ge, unit, suffix = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
    amount = number(raw)
    if not amount:
        return None
    if not prefix and not suffix and _AGO_AFTER.match(text, m.end()):
        return None
    # "5日", "2025年", "3月" are dates, not lengths; "90日" (Cantonese 90 days) is no day of a
    # month: a length, as 90天.
    days_only = unit == "日" and amount > 31
    if unit == "钟" and not ge:
        return None  # 3钟 is no length; 3个钟 is three hours
    if (unit in ("日", "年") or (unit == "月" and not ge)) and not (prefix or suffix or days_only):
        return None
    if unit == "年" and amount > 20:
        return None
    # 这两个月 / 這三週 / 这两个礼拜: the last N months or weeks, as 近 says (a length counted
    # back from now); 这两天/这3天 stay vague (spec §2), 这一个月 is this month or the last one.
    these = prefix == "这" and amount >= 2 and unit in ("月", "个月", "周", "星期", "礼拜")
    # 前3天 said alone: the last 3 days, as 近 says (a ranking counts people, never days);
    # 前两周 / 前两个月 may be calendar weeks or months and are asked (approx_periods.py);
    # after a month (10月前10天) the month's part is read before this.
    before = prefix in ("前", "前面") and unit == "天"
    if prefix in ("前", "前面", "这") and not suffix and not these and not before:
        return None  # 这3天 is vague (spec §2), read elsewhere
    table = {"天": "days", "日": "days", "周": "weeks", "星期": "weeks", "礼拜": "weeks"}
    table.update({"月": "months", "个月": "months", "小时": "hours"})
    table.update({"钟": "hours", "钟头": "hours"})
    if unit[0].isascii():  # 近30 days: only after a Chinese lead or before a Chinese tail
        if not (prefix or suffix):
            return None
        unit = {"d": "天", "w": "周", "m": "月", "h": "小时", "y": "年"}[unit[0]]
    if unit == "年":
        return TimeMatch(RollingWindow(12 * amount, "months"), m.end())
    if unit in ("季度", "季"):  # 近一个季度 / 两个季度内: three months each, counted back
        if not (prefix or suffix):
            return None  # 三季度 is the third quarter (a date), 三季 a count of seasons
        return TimeMatch(RollingWindow(3 * amount, "months"), m.end())
    return TimeMatch(RollingWindow(amount, table[unit]), m.end())  # type: ignore[arg-type]


def _scan_calendar(text: str, pos: int) -> TimeMatch | None:
    best: TimeMatch | None = None
    for pattern, unit, offset in _ZH_CAL:
        m = pattern.match(text, pos)
        if m and (best is None or m.end() > best.end):
            best = TimeMatch(CalendarWindow(unit, offset), m.end())  # type: ignore[arg-type]
    return best


def _scan_dateish(
    text: str, pos: int, today: date, *, in_range: bool = False
) -> tuple[Span | str, int] | None:
    """A date, month, year or quarter: the whole days it covers. `in_range`: the second end
    of a range, where a dotted date (10.15) needs nothing after it to be a date."""
    options: list[tuple[Span | str, int]] = []
    dotted = dotted_date(text, pos, today, in_range=in_range)
    if dotted is not None:
        options.append(dotted)
    m = _ZH_DATE.match(text, pos)
    if m:
        options.append(
            (day_span(m.group(1), number(m.group(2)), number(m.group(3)), today), m.end())
        )
    m = _ISO_DATE.match(text, pos)
    if m:
        options.append((day_span(m.group(1), int(m.group(2)), int(m.group(3)), today), m.end()))
    m = _MD_DATE.match(text, pos)
    if m:
        options.append((day_span(None, int(m.group(1)), int(m.group(2)), today), m.end()))
    m = _ZH_MONTH.match(text, pos)
    if m:
        options.append((month_span(m.group(1), number(m.group(2)), today), m.end()))
    m = _ZH_YEAR.match(text, pos)
    if m:
        options.append((year_span(int(m.group(1))), m.end()))
    m = _ZH_QUARTER.match(text, pos)
    if m:
        year = m.group(1) or (str(today.year + _YEAR_WORDS[m.group(2)]) if m.group(2) else None)
        said = m.group(3) or m.group(4) or m.group(5)
        options.append((quarter_span(year, number(said), today), m.end()))
    m = _ZH_YEAR_HALF.match(text, pos)
    if m:
        year = m.group(1) or (str(today.year + _YEAR_WORDS[m.group(2)]) if m.group(2) else None)
        options.append((half_span(year, 1 if m["h"].startswith("上") else 2, today), m.end()))
    m = _MONTH_DAY.match(text, pos)
    said_month = m is not None and (m.group(1) or m.group(2) or m.group(4) == "号")
    if m and said_month and (pos == 0 or text[pos - 1] != "每"):
        options.append((_month_day_span(m, today), m.end()))
    m = _WEEKDAY.match(text, pos)
    if m and (pos == 0 or text[pos - 1] != "每"):  # 每周一 is a schedule, not a day
        options.append((_weekday_span(m.group(1), _WEEKDAYS[m.group(2)], today), m.end()))
    return max(options, key=lambda o: o[1]) if options else None


def _month_day_span(m: re.Match[str], today: date) -> Span | str:
    """本月5号 / 上个月20日 / 1号 (no month: the most recent such day, today included)."""
    day = number(m.group(3))
    if m.group(2):  # last month
        first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    elif m.group(1) or (day or 0) <= today.day:
        first = today.replace(day=1)
    else:  # 25号 said on the 1st: last month's
        first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    span = day_span(str(first.year), first.month, day, today)
    if isinstance(span, Span) and span.start > today:
        return "这一天还没到"
    return span


def _weekday_span(which: str | None, weekday: int, today: date) -> Span | str:
    monday = today - timedelta(days=today.weekday())
    if which is None:  # the most recent such day, today included
        day = today - timedelta(days=(today.weekday() - weekday) % 7)
        return Span(day, day)
    weeks = -2 if which.startswith("上上") else -1 if which.startswith("上") else 0
    day = monday + timedelta(weeks=weeks, days=weekday)
    if day > today:
        return "这一天还没到"
    return Span(day, day)


def _scan_since_or_range(
    text: str, pos: int, today: date, now: datetime, tz: ZoneInfo
) -> TimeMatch | None:
    prefix = _SINCE_PREFIX.match(text, pos)
    start_at = prefix.end() if prefix else pos
    first = _scan_dateish(text, start_at, today)
    first_start: date | str
    if first is not None:
        span, end = first
        first_start = span if isinstance(span, str) else span.start
        has_start = isinstance(span, Span) and span.start != span.end
    else:
        cal = _scan_calendar(text, start_at) or _scan_rolling(text, start_at)
        if cal is None or cal.window is None:
            return None
        end = cal.end
        first_start = window_start(cal.window, now, tz)
        has_start = isinstance(cal.window, CalendarWindow) and cal.window.unit in _STARTED_UNITS
    suffix = _SINCE_SUFFIX.match(text, _start_part_end(text, end) if has_start else end)
    if suffix:
        if isinstance(first_start, str):
            return TimeMatch(None, suffix.end(), problem=first_start)
        return TimeMatch(DateRangeWindow(first_start, None), suffix.end())
    join = _RANGE_JOIN.match(text, end)
    if not join or first is None:
        return None
    second = _scan_dateish(text, join.end(), today, in_range=True) or _day_in_same_month(
        first[0], text, join.end()
    )
    if second is None:
        return None
    span2, end2 = second
    tail = _RANGE_TAIL.match(text, end2)
    end2 = tail.end() if tail else end2
    if isinstance(first_start, str) or isinstance(span2, str):
        return TimeMatch(
            None, end2, problem=str(first_start if isinstance(first_start, str) else span2)
        )
    if span2.end < first_start:
        return TimeMatch(None, end2, problem="the range ends before it starts")
    return TimeMatch(DateRangeWindow(first_start, span2.end), end2)


# The start of a period said before a since word (上个月初开始, 9月初以来, 去年年初起, 上季度初
# 至今): since the period's first day. Without the since word (上个月初下过单) the start is
# vague and stays asked (subperiods).
_START_PART = lazy_pattern(r"(?:的)?(?:月初|月头|年初|年头|开年|季初|季度初|初|头)")
# The calendar units whose start may be said so (a week's start is a weekday: not defined).
_STARTED_UNITS = frozenset({"month", "quarter", "year"})


def _start_part_end(text: str, end: int) -> int:
    """Where the start-of-period word after a month, quarter or year ends, when a since word
    follows it; else `end`."""
    part = _START_PART.match(text, end)
    if part is None or _SINCE_SUFFIX.match(text, part.end()) is None:
        return end
    return part.end()


def _scan_before_after(text: str, pos: int, today: date) -> TimeMatch | None:
    """10月1日之后 / 2026/10/1以后 / 9月前: the days strictly after or before the date, month,
    year or quarter named (the restatement shows the first or last day, so the reading is
    visible)."""
    first = _scan_dateish(text, pos, today)
    if first is None:
        return None
    span, end = first
    after, before = _AFTER_SUFFIX.match(text, end), _BEFORE_SUFFIX.match(text, end)
    found = after or before
    if found is None:
        return None
    if isinstance(span, str):
        return TimeMatch(None, found.end(), problem=span)
    if after:
        return TimeMatch(DateRangeWindow(span.end + timedelta(days=1), None), found.end())
    return TimeMatch(DateRangeWindow(None, span.start - timedelta(days=1)), found.end())


def _day_in_same_month(first: Span | str, text: str, pos: int) -> tuple[Span | str, int] | None:
    """10月1日到15日: the second date takes the first one's month."""
    m = _DAY_ONLY.match(text, pos)
    if not m or isinstance(first, str) or first.start != first.end:
        return None
    day = number(m.group(1))
    try:
        value = first.start.replace(day=day or 0)
    except ValueError:
        return "invalid date", m.end()
    return Span(value, value), m.end()
