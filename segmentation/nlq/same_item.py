"""A product bought and then returned, said once (issue 19): "买了精华液又退了",
"精华液买了又退货的", "bought Serum X and returned it". The return is of that product — read
word by word it was any refund at all ("买过“精华液” 且 退过款"), another question. Written
out with the product said twice, so the refund condition names it; only a name the company
has as a product or category is repeated."""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

_BUY_ZH = r"(?:买了|买过|买咗|买|购买了|购买过|购买|下单买了|落单买咗|入了)"
_THEN_ZH = r"(?:之后|以后|后来|然后|但是|但|却|可是)?\s*(?:又|再)?\s*"
_RETURN_ZH = r"(?:退了货|退了款|退了|退过|退咗货|退咗|退货了|退货|退款了|退款)"
# 买了精华液又退了 / 买过精华液后来退货的
_BOUGHT_THEN_RETURNED_ZH = lazy_pattern(
    rf"{_BUY_ZH}\s*(?P<item>[^\s，,。、又再然但却后之以可]{{1,20}}?)\s*{_THEN_ZH}{_RETURN_ZH}"
)
# 精华液买了又退了 (the product said first)
_ITEM_FIRST_ZH = lazy_pattern(
    rf"(?P<item>[^\s，,。、的嘅]{{1,20}}?)\s*(?:买了|买过|买咗)\s*{_THEN_ZH}{_RETURN_ZH}"
)
_BOUGHT_THEN_RETURNED_EN = lazy_pattern(
    r"\b(?:bought|purchased|ordered)\s+(?P<item>[^,.;]{1,30}?)\s+(?:and|but)\s+(?:then\s+|later\s+)?"
    r"(?:returned|refunded|got a refund for|sent back)\s+(?:it|them)\b"
)


def returned_item_said(text: str, items: Callable[[], Container[str]]) -> str:
    """`text` (normalised) with a product bought then returned said out in full, when the name
    is one of `items()` (read only when the wording is found)."""
    if (
        "退" not in text
        and "return" not in text
        and "refund" not in text
        and "sent back" not in text
    ):
        return text

    def known(item: str) -> bool:
        said = normalize(item)
        return said in items() or (said.endswith("类") and said[:-1] in items())  # 护肤类

    def zh(m: re.Match[str]) -> str:
        item = m.group("item")
        return f"买过{item}且退过{item}" if known(item) else m.group(0)

    def en(m: re.Match[str]) -> str:
        item = m.group("item")
        return f"bought {item} and returned {item}" if known(item) else m.group(0)

    text = _BOUGHT_THEN_RETURNED_ZH.sub(zh, text)
    text = _ITEM_FIRST_ZH.sub(zh, text)
    return _BOUGHT_THEN_RETURNED_EN.sub(en, text)
