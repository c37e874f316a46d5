"""Periods said half in English, half in Chinese (issue 19): "since 10月1号", "from 9/1 到
10/15", "before 10月", "between 9/1 和 10/15", "9月 to 10月", "自 Oct 1 以来". The words that
frame a period (since/before/从…以来/到) and the periods inside are read by the same rules as
spec §3 says for each language; only the mix is new here. Either scanner alone reads its own
language's phrase whole and wins a tie, so this one only adds what neither could read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from segmentation.nlq.dates import UP_TO_NOW_ZH, TimeMatch
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import CalendarWindow, DateRangeWindow, RollingWindow, Window
from segmentation.windows import resolve_window

Scan = Callable[[str, int], TimeMatch | None]

_EN_LEAD = lazy_pattern(
    r"(since|after|before|prior to|until|till|up to|up until|through|from|between)(?![a-z]) ?"
)
_ZH_LEAD = lazy_pattern(r"(自从|自|从|由|截至|截止到|截止)")
_ZH_SINCE = lazy_pattern(rf" ?(以来|起(?!码)|开始|{UP_TO_NOW_ZH})")
_ZH_BEFORE = lazy_pattern(r" ?(之前|以前|前)(?!后|\d)")
_ZH_AFTER = lazy_pattern(r" ?(之后|以后|后)(?!\d)")
# "10/8 up to now" / "Oct 8 up till today": up to joins like to does (then a now-word = since).
_JOIN = lazy_pattern(
    r" ?(?:(?:to|until|till|through|thru|up to|up till|up until)(?![a-z])|到|至|-|~|—|–) ?"
)
# "between 9/1 和 10/15": and joins the two ends only after between (上个月和这个月 is two periods).
_AND = lazy_pattern(r" ?(?:and(?![a-z])|和|与|跟|及) ?")
_RANGE_TAIL = lazy_pattern(r" ?(之间|期间|这段时间)")
_NOW = lazy_pattern(r"(?:(?:now|today|the present|present|date)(?![a-z])|现在|今天|目前|而家|今日)")
_UNTIL = {"until", "till", "up to", "up until", "through", "截至", "截止到", "截止"}


def scan_mixed(
    text: str, pos: int, now: datetime, tz: ZoneInfo, scan: Scan, here: TimeMatch | None
) -> TimeMatch | None:
    """A framed period at `pos` whose frame and period are not both of one language; `here`
    is the plain period the other scanners found at `pos` (not scanned twice)."""
    if pos > 0 and text[pos - 1].isascii() and text[pos - 1].isalpha():
        return None  # inside an English word
    lead = _EN_LEAD.match(text, pos) or _ZH_LEAD.match(text, pos)
    word = lead.group(1) if lead else None
    start = lead.end() if lead else pos
    if start >= len(text):
        return None  # "customers who ordered before": no period follows
    first = scan(text, start) if lead else here
    if first is None:
        return None
    if first.window is None:
        return TimeMatch(None, first.end, problem=first.problem) if first.problem else None
    if isinstance(first.window, RollingWindow):
        return None  # "30 days之前" is a point in time, asked elsewhere
    english = bool(word and word.isascii())
    span = _span(first.window, now, tz)
    join = _JOIN.match(text, first.end) or (
        _AND.match(text, first.end) if word == "between" else None
    )
    if join and word not in ("since", "after", "before", "prior to", *_UNTIL):
        now_word = _NOW.match(text, join.end())
        if now_word is not None:  # "from 10月1号 to now", "从 Oct 1 到现在": since
            return TimeMatch(DateRangeWindow(span[0], None), now_word.end(), english)
        second = scan(text, join.end())
        if second is not None and isinstance(second.window, (DateRangeWindow, CalendarWindow)):
            tail = _RANGE_TAIL.match(text, second.end)
            end = tail.end() if tail else second.end
            last = _span(second.window, now, tz)
            if last[1] < span[0]:
                return TimeMatch(None, end, english, problem="the range ends before it starts")
            return TimeMatch(DateRangeWindow(span[0], last[1]), end, english)
    if word in ("from", "between"):
        return None
    return _one_sided(text, word, first.end, span, english)


def _one_sided(
    text: str, word: str | None, end: int, span: tuple[date, date], english: bool
) -> TimeMatch | None:
    if word is None or not word.isascii():
        since, before, after = (p.match(text, end) for p in (_ZH_SINCE, _ZH_BEFORE, _ZH_AFTER))
        if since and word in (None, "自从", "自", "从", "由"):
            return TimeMatch(DateRangeWindow(span[0], None), since.end())
        if before and word is None:
            return TimeMatch(DateRangeWindow(None, span[0] - timedelta(days=1)), before.end())
        if after and word is None:
            return TimeMatch(DateRangeWindow(span[1] + timedelta(days=1), None), after.end())
        if word in _UNTIL:
            return TimeMatch(DateRangeWindow(None, span[1]), end)
        return None
    if word == "since":
        return TimeMatch(DateRangeWindow(span[0], None), end, english)
    if word == "after":
        return TimeMatch(DateRangeWindow(span[1] + timedelta(days=1), None), end, english)
    if word in ("before", "prior to"):
        return TimeMatch(DateRangeWindow(None, span[0] - timedelta(days=1)), end, english)
    return TimeMatch(DateRangeWindow(None, span[1]), end, english)  # until / through


def _span(window: Window, now: datetime, tz: ZoneInfo) -> tuple[date, date]:
    """The first and last whole day a period covers (an open end is today)."""
    interval = resolve_window(window, now, tz)
    assert interval is not None
    return interval[0].astimezone(tz).date(), interval[1].astimezone(tz).date()
