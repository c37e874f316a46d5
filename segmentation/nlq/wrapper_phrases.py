"""Rambling around a request (issue 19): an apology ("sorry to bug you again"), doubt ("not
sure how to pull this"), a purpose ("it's for the weekly report tomorrow", "明天开会要用"), a
talk with the boss ("i was talking to my manager and she wants") — each a closed grammar of
parts, every combination a wrapper (K.FILLER "wrapper"), never a word of it alone.

Read by patterns built from the parts: listed as surfaces the combinations were ~14k words
of the lexicon (issue 22: its build and its cached tables at every start).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from segmentation.nlq.lazy_re import lazy_pattern

Parts = tuple[tuple[str, ...], ...]

APOLOGY: Parts = (
    ("sorry to", "sorry for", "so sorry to", "apologies for", "apologies to", "sorry, i have to"),
    ("bug", "bother", "trouble", "pester", "disturb", "ping", "nag", "interrupt", "bugging",
     "bothering", "troubling", "pestering", "disturbing", "pinging", "nagging"),
    ("you", "ya", "u", ""),
    ("again", "once more", "yet again", "again today", "on a sunday", "on the weekend", ""),
)  # fmt: skip
DOUBT: Parts = (
    ("i'm not sure", "i am not sure", "im not sure", "not sure", "i don't know", "i dont know",
     "idk"),
    ("how to get", "how to do", "how to find", "how to pull", "how to check", "how to ask for",
     "how to ask", "how to see"),
    ("this", "that", "it", "this myself", "that myself", "it myself"),
)  # fmt: skip
PURPOSE: Parts = (
    ("it's for", "its for", "it is for", "this is for", "that's for", "need it for",
     "needed for", "i need it for", "we need it for", "gonna use it for", "for"),
    ("the", "a", "our", "my", "tomorrow's", "today's", "this afternoon's", "monday's",
     "this week's", "next week's", "the team's"),
    ("promo", "promotion", "meeting", "report", "presentation", "deck", "call", "review",
     "weekly report", "monthly report", "sync", "standup", "stand-up", "catch-up", "newsletter",
     "weekly meeting", "monthly meeting", "team meeting", "board meeting", "sales meeting",
     "weekly review", "monthly review", "quarterly review", "daily report", "daily standup",
     "weekly sync", "huddle", "briefing", "boss", "manager", "client visit"),
    ("tomorrow", "today", "later", "later today", "this afternoon", "tonight", "next week",
     "on monday", "this week", "in an hour", ""),
)  # fmt: skip
TALKED: Parts = (
    ("i was talking to", "i was chatting with", "i just talked to", "i talked to", "i spoke to",
     "i just spoke to", "i was speaking with", "i had a chat with"),
    ("my", "our"),
    ("manager", "boss", "supervisor", "team lead", "lead", "director", "gm", "head"),
    ("and she wants", "and he wants", "and they want", "and she needs", "and he needs",
     "and they need", "and she asked for", "and he asked for", "and she asked me for",
     "and he asked me for", "and she wants to know", "and he wants to know"),
)  # fmt: skip
# Chinese: what the list is for (下午开会要用, 明天汇报用, 给老板看), after the request.
ZH_PURPOSE: Parts = (
    ("", "下午", "上午", "明天", "明早", "等会", "等下", "待会", "晚上", "今天", "今晚", "周一",
     "一会儿", "马上", "听日", "后天", "下周", "下礼拜", "礼拜一", "星期一", "今日", "听朝",
     "下昼", "晏昼", "听晚", "阵间", "等阵", "下个礼拜", "这周", "本周", "周五"),
    ("开会", "开会时", "见客", "汇报", "做报表", "做报告", "写报告", "做ppt", "写周报", "写月报",
     "做周报", "做月报", "给老板看", "给领导看", "交差", "复盘", "开例会", "跟老板汇报",
     "周会", "例会", "月会", "晨会", "早会", "夕会", "开周会", "开月会", "开晨会", "季度会",
     "周报", "月报", "日报", "写日报", "做日报", "汇报会", "部门会", "开部门会", "见老板",
     "给老细睇", "开会时候", "做slides", "做slide", "做deck", "做report"),
    ("要用", "用", "需要", "要", "要看", "用的", "要用的", "急用", "要睇", "睇", "用嘅"),
)  # fmt: skip
# A time and a use with nothing between (下午要用, 明天要看, 听日要用): only the two-character uses,
# never a bare 用 (今天用券 is a coupon used today).
ZH_WHEN_USE: Parts = (
    tuple(o for o in ZH_PURPOSE[0] if o),
    ("要用", "要用的", "急用", "要看", "要睇", "就要用", "就要"),
)
ENGLISH = (APOLOGY, DOUBT, PURPOSE, TALKED)


def phrases(parts: Parts, joiner: str = " ") -> list[str]:
    """Every combination of `parts` (an empty option leaves its part out)."""
    out = [""]
    for options in parts:
        out = [f"{a}{joiner}{b}".strip() if b and a else a or b for a in out for b in options]
    return [p for p in out if p]


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first (the longest reading wins, as the
    lexicon's longest match does); a space matches any run of spaces."""
    unique = sorted({w for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique) + ")"


def parts_pattern(parts: Parts, sep: str) -> str:
    """The regex that matches exactly `phrases(parts)` (with `sep` between parts)."""
    out = ""
    for index, options in enumerate(parts):
        optional = "" in options
        if index == 0 and optional and sep:
            raise ValueError("an optional first part needs no separator")
        piece = alternatives(options) if index == 0 or not sep else f"{sep}{alternatives(options)}"
        out += f"(?:{piece})?" if optional else piece
    return out


_EN = lazy_pattern("(?:" + "|".join(parts_pattern(p, r"\s+") for p in ENGLISH) + r")(?![a-z0-9'])")
_ZH = lazy_pattern(
    "(?:" + parts_pattern(ZH_PURPOSE, "") + "|" + parts_pattern(ZH_WHEN_USE, "") + ")"
)
_FIRST_EN = frozenset(o[0] for parts in ENGLISH for o in parts[0])
_FIRST_ZH = frozenset(o[0] for part in ZH_PURPOSE[:2] for o in part if o)


def scan_wrapper_phrase(text: str, pos: int) -> int | None:
    """Where a rambling phrase starting at `pos` ends (never inside a Latin word), or None."""
    ch = text[pos]
    if ch in _FIRST_ZH:
        found = _ZH.match(text, pos)
        return found.end() if found else None
    if ch not in _FIRST_EN or (pos > 0 and text[pos - 1].isascii() and text[pos - 1].isalnum()):
        return None
    found = _EN.match(text, pos)
    return found.end() if found else None
