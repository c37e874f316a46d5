"""Two periods looked at together after a window was swapped: "两个月一起看", "兩個月的一起看",
"合起来看", "两个月加起来有几个", "兩個月合埋一齊睇", "both months together", "combine the two
periods", "put them together", "两个月 together".

Only the words are read here (on normalised text: simplified, lower case); which two periods
— the previous question's window and the one it was swapped from — is the conversation's
(bot/commands/together.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

_LEAD_ZH = r"(?:那|那么|那就|好|好的|ok|咁|噉|再|帮我|麻烦|请|把|将)?\s*"
# "两个月", "这两周", "两段时间", "两个时间段", "9月和10月" (said as the two periods)
_TWO_ZH = (
    r"(?:这|那|呢|嗰)?(?:两|俩|二)\s*(?:个|段|期)?\s*"
    r"(?:月|星期|礼拜|周|天|日|季度|季|年|时间段|时间|时段|期间|区间|窗口|period)?"
)
# The two periods said by name: "九月同十月", "9月和10月", "上个月跟这个月", "上周同今周".
_NAMED_PERIOD = (
    r"(?:(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*月份?|上个?月|这个?月|今个月|本月|上个?星期|"
    r"上个?礼拜|上周|这周|本周|今周|这个?星期|呢个?星期)"
)
_TWO_NAMED_ZH = rf"{_NAMED_PERIOD}\s*(?:和|同|跟|与|及|、|加|同埋|and|&)\s*{_NAMED_PERIOD}"
_BOTH_ZH = (
    rf"(?:{_TWO_NAMED_ZH}|{_TWO_ZH}|两者|两边|两次|两个|前后|上下)?\s*(?:的|嘅)?\s*(?:都)?\s*"
)
_JOIN_ZH = (
    r"(?:一起|一齐|一并|一块|合起来|合在一起|合并|合埋|合埋一齐|加起来|加埋|加埋一齐|加在一起|"
    r"放在一起|放一起|并在一起|凑在一起|together|combined)"
)
_SEE_ZH = r"(?:看|睇|算|计|查|统计|列|列出来|显示|看看|睇下|看一下|算一下|计一下|查一下)?"
_COUNT_ZH = (
    r"(?P<count>(?:一共|总共|共)?(?:有)?(?:几个|多少|几多|几位|多少人|几多个|几个人|几多人))"
)
_TAIL_ZH = r"(?:呢|吧|啦|喇|啊|呀|嘛|la)?[?？。.!！~～\s]*"
_TOGETHER_ZH = lazy_pattern(
    rf"^{_LEAD_ZH}{_BOTH_ZH}{_JOIN_ZH}\s*(?:来|起来)?\s*{_SEE_ZH}\s*(?:下|一下)?\s*"
    rf"(?:{_COUNT_ZH})?\s*(?:客户|人)?\s*{_TAIL_ZH}$"
)
_PERIODS_EN = (
    r"(?:months|weeks|periods|windows|time\s+ranges|ranges|quarters|years|days|timeframes|"
    r"time\s+periods|lists|月|个月|周)"
)
_TOGETHER_EN = lazy_pattern(
    r"^(?:(?:ok|okay|and|now|then|so|what\s+about|how\s+about|can\s+you|could\s+you|please|pls)"
    r"[\s,]+)*"
    r"(?:(?P<count>how\s+many)\s+(?:are\s+there\s+|customers\s+|people\s+)?(?:in|across|for|over)\s+)?"
    r"(?:(?:show|list|give\s+me|see|look\s+at|count)\s+(?:me\s+)?)?"
    rf"(?:(?:both|the\s+two|the\s+2|two|2|两个|兩個)\s*{_PERIODS_EN}(?:\s+together|\s+combined)?|"
    rf"(?:combine|merge|join|put|add\s+up|add)\s+(?:them|the\s+two|both|these|those|the\s+two\s+"
    rf"{_PERIODS_EN}|both\s+{_PERIODS_EN})(?:\s+together|\s+up)?|"
    r"(?:both|them\s+all|all|the\s+two|them)\s+together|together|combined)"
    r"(?:\s*(?:一起看|一起|合起来看|合起来|一齐睇|一齐看))?(?:\s+(?:please|pls|then))?[\s?.!]*$",
    re.I,
)


_SAID_ZH = lazy_pattern(r"(?:两|俩)\s*(?:个|段)?\s*(?:月|星期|礼拜|周|天|日|季|年|时间|时段|期间)")
_SAID_EN = lazy_pattern(rf"\b(?:both|two|2)\s*{_PERIODS_EN}", re.I)


@dataclass(frozen=True)
class Together:
    """Both periods of the last two questions, together; `count` when a number is asked."""

    count: bool
    # Said which (两个月, both months): with no two periods to join it is asked back; a bare
    # "合起来" then is no such question.
    periods_said: bool


def read_together(text: str) -> Together | None:
    """The two periods together as `text` asks for them, or None."""
    plain = normalize(text).strip()
    if not plain or len(plain) > 60:
        return None
    found = _TOGETHER_ZH.match(plain) or _TOGETHER_EN.match(plain)
    if found is None:
        return None
    said = bool(_SAID_ZH.search(plain) or _SAID_EN.search(plain))
    return Together(count=bool(found["count"]), periods_said=said)
