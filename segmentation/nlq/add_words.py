"""Whether "add" says which way it adds (spec/commands.md §2c, golden rule): "加上北京的" after
上海 adds a value (上海 or 北京), and "北京的也算上", "连VIP的也要", "include VIPs too" count more
customers in; but "再加上近7天有下單的", "加多個近7日落過單嘅", "add ordered in the last 7 days",
said right after a narrowing ("只要男生"), may as well add one more condition (AND) as one more
group of customers (OR). The chat asks which of those is meant. Text only."""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern

# The add verb alone, first in the message: 加上 / 再加上 / 加多 / 加埋 (HK) / 添加, "add", "plus".
_ADD_ZH = lazy_pattern(
    r"^\s*(?:那|那么|那麼|好|好的|嗯|咁|噉|然后|然後|另外)?[\s,，]*(?:再|还要|還要)?\s*"
    r"(?:加上|加多|加埋|添加|添上|加)(?!\s*(?:标签|標籤|tag))"
)
_ADD_EN = lazy_pattern(r"^\s*(?:(?:ok|okay|and|now|then)[\s,]+)*(?:add|plus)\b", re.I)
# Words that say the customers are counted in as well: "也算上", "都要", "too", "as well",
# "include": the OR reading is said.
_COUNTED_IN = lazy_pattern(
    r"也|都|算上|算埋|计上|計上|包括|包含|连|連|进来|進來|\b(?:too|as\s+well|also|include\w*)\b",
    re.I,
)


def adds_either_way(text: str) -> bool:
    """Whether `text` adds with a verb that may add a condition as well as customers, and says
    nothing that makes it one or the other."""
    said = text.strip()
    found = _ADD_ZH.match(said) or _ADD_EN.match(said)
    return found is not None and _COUNTED_IN.search(said[found.end() :]) is None
