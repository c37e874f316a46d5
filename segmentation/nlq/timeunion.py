"""Two periods joined by 或 / or (issue 19): "上个月或这个月下过单", "in Sept or Oct", "9月、10月".

A condition in either period is a condition in their union, so periods that touch or overlap
become the one window from the first start to the last end (9月或10月 = 9月1日–10月31日, which
is right for counts and amounts too). Periods with a gap between them cannot be one window:
that is asked back naming both, never answered with one of them. 都 / both / each after the
second period means every one of them (not the union), left to the rest of the grammar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from segmentation.nlq.dates import TimeMatch
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.periodchains import period_before
from segmentation.nodes import DateRangeWindow, Window
from segmentation.windows import local_midnight, resolve_window

_JOIN = lazy_pattern(r"\s*(?:或者|或是|或|还是|抑或|定系|定係|、|/|和|与|及|跟|,\s*or|or|and)\s*")
# After the second period: every one of them is meant, not either ("9月和10月都下过单").
_EACH = lazy_pattern(r"\s*(?:都|均|皆|各|分别|両|两个月都|both|each|every|in\s+both)")

Scanner = Callable[[str, int], TimeMatch | None]


def join_periods(
    pos: int, first: TimeMatch, text: str, scan: Scanner, now: datetime, tz: ZoneInfo
) -> TimeMatch:
    """`first` (written from `pos`), or `first` joined with the period after 或/or as one
    window."""
    if first.window is None or first.problem:
        return first
    join = _JOIN.match(text, first.end)
    if join is None or join.end() >= len(text):
        return first
    second = scan(text, join.end()) or period_before(text, join.end(), first.window)
    if second is None:
        return first
    if second.problem:
        return TimeMatch(None, second.end, english=first.english, problem=second.problem)
    if second.window is None or _EACH.match(text, second.end):
        return first
    union = _union(first.window, second.window, now, tz)
    english = first.english or second.english
    if union is None:
        written = text[pos : second.end].strip()
        return TimeMatch(None, second.end, english=english, problem=f"gap|{written}")
    return TimeMatch(union, second.end, english=english)


def _union(a: Window, b: Window, now: datetime, tz: ZoneInfo) -> Window | None:
    """One window covering exactly a ∪ b, or None when they leave a gap."""
    ia, ib = resolve_window(a, now, tz), resolve_window(b, now, tz)
    assert ia is not None and ib is not None
    (s1, e1), (s2, e2) = sorted((ia, ib))
    if s2 > e1 + timedelta(microseconds=1):
        return None  # a gap between them
    if e2 <= e1:
        return a if ia == (s1, e1) else b  # one holds the other
    start, end = s1, e2
    if (start, end) in (ia, ib):
        return a if ia == (start, end) else b
    local_start = start.astimezone(tz)
    if local_start != local_midnight(local_start.date(), tz):
        return None  # a rolling start mid-day: no window says it; asked back
    local_now = now.astimezone(tz)
    if end >= local_now:
        return DateRangeWindow(local_start.date(), None)
    last = (end + timedelta(microseconds=1)).astimezone(tz)
    if last != local_midnight(last.date(), tz):
        return None
    return DateRangeWindow(local_start.date(), last.date() - timedelta(days=1))
