"""A superlative of the number of orders (issue 19): "下单最多的5个", "落單次數最多嘅3個",
"上个月订单最少的3位", "最常下单的前十", "the 3 who ordered most often", "5 customers with
the most orders". It ranks by that number, as 按下单次数排 already does (Ranked by "orders":
an extension of spec §2, which ranks by spend only; docs/rankings.md). The words are said as
the spend superlative the grammar reads, in place, and the parser then ranks by orders.

A count or share must be said ("下单最多的客户" alone: how many?), asked in the words of
orders, never of spend. By how often of another event (咨询最多, 到店最多, "visits the most")
Ranked has no measure: no_condition.refuse_count_ranking asks it back. 买得最多 / "bought the
most" may be the amount as well as the number of times: asked back there too. The number
of orders said as a noun beside the rank ("top 10 by number of orders", 订单数前10) is
rank_by_count's.
"""

from __future__ import annotations

import re

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern

# normalised text: simplified characters (落單 → 落单), lower case.
_ORDER_ZH = (
    r"(?:下订单|下订|下单|下过单|落单|订单|订购|购买次数|买的次数|帮衬|(?:消费|成交|交易)(?:的)?次数|"
    r"(?<![a-z])order(?:s)?(?=\s*(?:的)?(?:次数|数|量)))"
)
_AMOUNT_ZH = r"(?:的)?(?:次数|数量|数|量)?(?:得|的)?"
_MOST_ZH = r"(?P<end>最多|最少|最频繁|最勤|最常)"
# Not a number of times after it: 下单最多2次 is "at most twice".
_NO_TIMES = r"(?!\s*(?:\d|[一二两三四五六七八九十几]+)\s*(?:次|单|回))"
_SUPERLATIVE_ZH = lazy_pattern(rf"{_ORDER_ZH}{_AMOUNT_ZH}{_MOST_ZH}{_NO_TIMES}")
# 最常下单的 / 最经常买的 / 最频繁落单的: the adverb before the verb.
_OFTEN_FIRST_ZH = lazy_pattern(
    r"(?P<end>最常|最经常|最频繁|最勤)(?:地)?(?:下单|落单|买|购买|帮衬|光顾)(?:东西|嘢)?"
)
_ORDER_EN = r"(?:ordered|orders|order|placed\s+orders|purchased|purchases|purchase)"
_SUPERLATIVE_EN = lazy_pattern(
    rf"\b(?:{_ORDER_EN}|bought|buy|buys|shopped|shop)\s+(?:the\s+)?(?P<end>most|least|fewest)"
    r"(?:\s+(?:often|frequently|times))\b|"
    rf"\b{_ORDER_EN}\s+(?:the\s+)?(?P<end2>most|least)\b(?!\s+(?:\d|often|frequently|times))|"
    r"\b(?P<end3>most|fewest|least)\s+(?:number\s+of\s+)?orders\b|"
    r"\b(?P<end4>most|least)\s+frequent\s+(?:buyers|customers|shoppers|purchasers)\b",
    re.I,
)
_FEWEST = ("最少", "least", "fewest")

# A count or a share said with the ranking: 前5 / 5个 / 5位 / 20% / top 3 / "the 3 who".
_NUMBER = r"(?:\d+(?![\d.])|[一二两三四五六七八九十]+)"
_COUNT_SAID = lazy_pattern(
    rf"(?:前|后|倒数|top|bottom)\s*{_NUMBER}|{_NUMBER}\s*%|百分之|{_NUMBER}\s*(?:个|位|名)(?!月)|"
    r"\b(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+"
    r"(?:who|customers|clients|people|buyers|shoppers|most|least|fewest)\b",
    re.I,
)


def orders_said_as_spend(norm: str) -> tuple[str, bool]:
    """`norm` (normalised) with a superlative of the number of orders said as the spend
    superlative the grammar reads, and whether there was one (the ranking is then by
    orders). Asks how many when no count or share is said."""
    zh = _SUPERLATIVE_ZH.search(norm) or _OFTEN_FIRST_ZH.search(norm)
    if zh is not None:
        top = zh["end"] not in _FEWEST
        _ask_how_many(norm, zh.group(0), top)
        return f"{norm[: zh.start()]}消费{'最多' if top else '最少'}{norm[zh.end() :]}", True
    en = _SUPERLATIVE_EN.search(norm)
    if en is not None:
        end = next(en[g] for g in ("end", "end2", "end3", "end4") if en[g])
        top = end.lower() not in _FEWEST
        _ask_how_many(norm, en.group(0), top)
        spent = "spent the most" if top else "spent the least"
        return f"{norm[: en.start()]}{spent}{norm[en.end() :]}", True
    return norm, False


def _ask_how_many(norm: str, said: str, top: bool) -> None:
    if _COUNT_SAID.search(norm):
        return
    english = said.isascii()
    if english:
        offered = f"the 10 who ordered {'most' if top else 'least'} often"
    else:
        offered = f"下单次数{'最多' if top else '最少'}的10个客户"
    raise Ask(
        f"“{said}”按下单次数排名，要前多少名？请给出人数或比例，例如“{offered}”。",
        f"“{said}” ranks by number of orders: how many? Give a number or a share, "
        f"e.g. '{offered}'.",
        (offered,),
    )
