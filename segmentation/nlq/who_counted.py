"""A who-question that says the answer's size again after what it asks about ("张三的是哪两个",
"李四嘅係邊三位", "北京的是哪2个客户"): the list of those customers. The count only repeats
what the asker saw in the previous answer (a breakdown's "张三：2 人"), so it is no condition
and no ranking; the list shows however many there are. Said first ("哪5个客户消费最多") it is
a ranking's size, and is left to the ranking grammar."""

from __future__ import annotations

from segmentation.nlq.lazy_re import lazy_pattern

# Normalised text (Simplified, lower case): 邊/係 arrive as 边/系.
_COUNTED_TAIL = lazy_pattern(
    r"(?<=\S)(?:都|分别|又)?(?:是|系)?(?:哪|边)(?:两|俩|二|三|四|五|六|七|八|九|十|\d{1,2})"
    r"(?:个|位|名)(?:人|客户|客人|客|顾客)?(?:呢|啊|呀|嚟㗎|嚟|来的)?(?P<end>[?？。!！\s]*)$"
)


def who_counted_tail(norm: str) -> str:
    """`norm` with a counted who-question at its end said as 是哪几个 (which ones)."""
    return _COUNTED_TAIL.sub(lambda m: "是哪几个" + m.group("end"), norm)
