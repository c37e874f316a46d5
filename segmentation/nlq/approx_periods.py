"""A period said as nearly so long: 快两个月没下单, 将近三周没来店, 差不多半年, 快兩個月冇落單,
"almost 2 months", "nearly three weeks" (issue 19, session-16 blind set).

快 / 将近 / 差不多 / almost before a number and a unit of time is no window: which days count
is not said. Never read as the exact period (快两个月 was read as 近2个月); asked back, with
the exact period offered (“近2个月没下单的VIP”). 近 alone is no approximate word: 近两个月 is
the last two months.
"""

from __future__ import annotations

import re

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.numbers import parse_chinese_numeral

_ZH_UNITS = {"天": "天", "周": "周", "星期": "周", "礼拜": "周", "月": "个月", "年": "年"}
_ZH_UNITS |= {"季度": "个季度", "季": "个季度", "个月": "个月"}
_ZH = lazy_pattern(
    r"(?P<word>就快|快要|快|将近|接近|差不多|差唔多|大概|大约|约莫|几乎|快到)(?:有)?\s*"
    r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3}|半)\s*"
    # a month only with 个 (大概3月 is March), never a day of the month (快到11日)
    r"(?P<unit>个\s*月|(?:个\s*)?(?:天|周|星期|礼拜|年|季度|季))"
)
_EN_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_EN_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "half a": 0}
_EN_UNITS = {"day": "days", "week": "weeks", "wk": "weeks", "month": "months", "mth": "months"}
_EN_UNITS |= {"year": "years", "yr": "years", "quarter": "quarters"}
_EN = lazy_pattern(
    r"(?<![a-z])(?P<word>almost|nearly|close\s+to|roughly|approximately|approx|around|about|"
    r"just\s+under|not\s+quite|like)\s+"
    r"(?P<n>\d{1,3}|half\s+a|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*"
    r"(?P<unit>days?|weeks?|wks?|months?|mths?|years?|yrs?|quarters?)(?![a-z])"
)


# 前两周 / 前两个月 / 前3个礼拜 said alone: counted back from today (近2周), or the two whole
# calendar weeks or months before this one — people say both, so it is asked (前3天 is read as
# 近3天: days have no calendar unit to mean instead). After a month (10月前两周) it is that
# month's part; before 名/位/个 people (前两个月份的前10名) it is no period.
_BEFORE_ZH = lazy_pattern(
    r"(?<![月\d年])前\s*(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*"
    r"(?P<unit>个\s*月|(?:个\s*)?(?:周|星期|礼拜))"
)


# "this past week" / "this last month": this calendar week so far, or the last 7 days — people
# mean both, so it is asked with both offered ("this week" alone is the calendar week).
_THIS_PAST_EN = lazy_pattern(r"(?<![a-z])this\s+(?:past|last)\s+(?P<unit>week|month|year)(?![a-z])")


def ask_approximate_period(norm: str) -> None:
    """Raise Ask when `norm` (normalised, quotes already apart) says a period as nearly so long,
    or as 前N周 / 前N个月 (two readings)."""
    unquoted = re.sub(r"“[^”]*”", "", norm)
    before = _BEFORE_ZH.search(unquoted)
    if before is not None:
        raise _ask_before(before)
    this_past = _THIS_PAST_EN.search(unquoted)
    if this_past is not None:
        raise _ask_this_past(this_past)
    for zh in _ZH.finditer(unquoted):
        if not _jiang_is_ba(zh, unquoted):
            raise _ask_zh(zh)
    en = _EN.search(unquoted)
    if en is not None:
        raise _ask_en(en)


# 将 is also 把 (the object marker): "帮我将近两个礼拜问过价的客打上高意向" is 把 + 近两个礼拜,
# said after who is asked or before an action on whom.
_ASKER_BEFORE = lazy_pattern(r"(?:帮我|帮忙|同我|帮手|请|麻烦|唔该|可以|能不能|可唔可以|你)\s*$")
_ACTION_AFTER = lazy_pattern(
    r"打上|打个|标上|标做|标为|标成|贴上|加上|去掉|删掉|拿掉|移除|导出|发|推|送|派|"
    r"(?<![a-z])(?:tag|push|send|export|untag)(?![a-z])"
)


def _jiang_is_ba(m: re.Match[str], text: str) -> bool:
    if m["word"] != "将近":
        return False
    return bool(_ASKER_BEFORE.search(text[: m.start()]) or _ACTION_AFTER.search(text, m.end()))


def _ask_zh(m: re.Match[str]) -> Ask:
    unit = _ZH_UNITS[re.sub(r"^个|\s", "", m["unit"]) or "月"]
    if m["n"] == "半":
        exact = "近6个月" if unit == "年" else "近15天" if unit == "个月" else None
    else:
        n = int(m["n"]) if m["n"].isdigit() else parse_chinese_numeral(m["n"])
        exact = f"近{n}{unit}" if n else None
    exact = exact or "近30天"
    return Ask(
        f"“{m.group()}”不是确切的时间，请说确切的时间，例如“{exact}”。",
        f"“{m.group()}” is not an exact period; please say one, e.g. '{exact}'.",
    )


def _ask_before(m: re.Match[str]) -> Ask:
    n = int(m["n"]) if m["n"].isdigit() else parse_chinese_numeral(m["n"])
    unit = "个月" if "月" in m["unit"] else "周"
    rolling, whole = f"近{n}{unit}", "个自然月" if unit == "个月" else "个自然周"
    return Ask(
        f"“{m.group()}”是指{rolling}（从今天往前数），还是之前的{n}{whole}？"
        f"请说“{rolling}”，或说具体的日期。",
        f"Does “{m.group()}” mean the last {n} {'months' if unit == '个月' else 'weeks'} "
        f"counted back from today, or the {n} whole calendar "
        f"{'months' if unit == '个月' else 'weeks'} before this one? Say '{rolling}' or the dates.",
        [_replaced(m, rolling)],
    )


def _replaced(m: re.Match[str], said: str) -> str:
    """The message with the matched words replaced by `said`."""
    return m.string[: m.start()] + said + m.string[m.end() :]


def _ask_this_past(m: re.Match[str]) -> Ask:
    unit = m["unit"]
    rolling = {"week": "the last 7 days", "month": "the last 30 days"}
    rolling["year"] = "the last 12 months"
    zh = {"week": ("本周", "近7天"), "month": ("本月", "近30天"), "year": ("今年", "近12个月")}
    zh_this, zh_rolling = zh[unit]
    return Ask(
        f"“{m.group()}”是指{zh_this}，还是{zh_rolling}？",
        f"Does “{m.group()}” mean this {unit} (the calendar {unit} so far) or {rolling[unit]}?",
        [_replaced(m, f"this {unit}"), _replaced(m, rolling[unit])],
    )


def _ask_en(m: re.Match[str]) -> Ask:
    unit = _EN_UNITS[m["unit"].removesuffix("s")]
    said = re.sub(r"\s+", " ", m["n"])
    n = int(said) if said.isdigit() else _EN_NUMBERS[said]
    if n == 0:  # half a year / half a month
        exact = "the last 6 months" if unit == "years" else "the last 15 days"
    else:
        exact = f"the last {unit.removesuffix('s')}" if n == 1 else f"the last {n} {unit}"
    return Ask(
        f"“{m.group()}”不是确切的时间，请说确切的时间，例如“{_zh_of(exact)}”。",
        f"“{m.group()}” is not an exact period; please say one, e.g. '{exact}'.",
    )


def _zh_of(exact_en: str) -> str:
    n, _, unit = exact_en.removeprefix("the last ").rpartition(" ")
    zh_unit = {"day": "天", "week": "周", "month": "个月", "year": "年", "quarter": "个季度"}
    return f"近{n or 1}{zh_unit[unit.removesuffix('s')]}"
