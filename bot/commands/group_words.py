"""One group of the breakdown just shown, said with a group word (issue 19): "tag Zhang San's
group 待跟进", "张三那组打上待跟进", "給張三嗰組發券", "男的那一组" are the group by its value
("Zhang San's ones", "张三的"), as the breakdown's own rows name it."""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern

_GROUP_EN = lazy_pattern(r"(?<=')s\s+(?:group|row|bucket|bunch|lot)\b", re.I)
_GROUP_ZH = lazy_pattern(
    r"(?<=[^\s，,。；;给給帮幫为為把将將])(?:那|嗰|这|這|呢)?(?:一)?[组組](?:的|嘅)?"
)


def as_group_value(text: str) -> str:
    """`text` with a breakdown group's group word said as its value ("张三那组" → "张三的")."""
    text = _GROUP_EN.sub("s ones", text)
    return _GROUP_ZH.sub("的", text)
