"""A ranking whose measure is a count of events said as a noun beside the rank (issue 19):
"top 10 by number of orders", "bottom 5 customers by order count", "VIPs, top 3 by orders",
订单数前10的客户, 下单次数top5, 訂單量排名前五, 消费次数最多的10个. The number of orders ranks as
the superlative of it does (count_superlative: 下单最多的10个) and the sort by it (sort_words:
按下单次数排): the measure is said as spend, in place, for the grammar's ranking, and the parser
then ranks by orders (Ranked by "orders", docs/rankings.md).

A count of any other event said so (咨询次数前10, "top 10 by visits", "most inquiries, top 10",
"top 5 customers by refunds") is no measure Ranked has: asked back naming it, with the two
rankings there are offered. A spend word said beside the number of orders ("top 10 spenders
by orders") is asked which of the two, never read as one of them.
"""

from __future__ import annotations

import re

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern

# normalised text: simplified characters, lower case.
_NUMBER = r"(?:\d+(?![\d.])|[一二两三四五六七八九十]+)"
_ORDERS_EN = (
    r"(?:(?:the\s+)?(?:total\s+)?(?:number|no\.?|#|count|amount)\s+of\s+(?:orders|purchases)"
    r"(?:\s+(?:placed|made))?|(?:order|purchase)\s+(?:counts?|numbers?|volume|frequency)|"
    r"how\s+many\s+(?:orders|purchases|times\s+they(?:'ve|\s+have)?\s+(?:ordered|bought))"
    r"(?:\s+(?:they(?:'ve|\s+have)?|each\s+(?:one|customer)\s+(?:has|have))\s+"
    r"(?:placed|made|ordered|bought|done))?|orders(?:\s+placed)?)"
)
_OTHER_EN = (
    r"(?:(?:the\s+)?(?:total\s+)?(?:number|no\.?|#|count)\s+of\s+(?P<n1>inquiries|visits|"
    r"refunds|store\s+visits)|(?P<n2>inquiry|visit|refund)\s+(?:counts?|numbers?|frequency)|"
    r"how\s+many\s+(?P<n3>inquiries|visits|refunds)|(?P<n4>inquiries|visits|store\s+visits|"
    r"refunds))"
)
_RANK_EN = r"(?<![a-z])(?:top|bottom|highest|lowest|ranked|ranking|rank)(?![a-z])"
_RANK_EN_RE = lazy_pattern(_RANK_EN, re.I)
_BY = r"(?<![a-z])(?:by|in\s+terms\s+of)\s+"
_BY_ORDERS_EN = lazy_pattern(rf"{_BY}(?P<said>{_ORDERS_EN})(?![a-z])", re.I)
_BY_OTHER_EN = lazy_pattern(rf"{_BY}(?P<said>{_OTHER_EN})(?![a-z])", re.I)
# "most inquiries, top 10", "the 5 with the fewest visits": a superlative of another count.
_MOST_OTHER_EN = lazy_pattern(
    r"(?<![a-z])(?P<said>(?:most|fewest|least)\s+(?P<n5>inquiries|visits|store\s+visits|"
    r"refunds))(?![a-z])",
    re.I,
)
# "top 10 by purchases": the amount bought as well as the number of orders.
_BY_EITHER_EN = lazy_pattern(
    r"(?<![a-z])by\s+(?P<said>purchases|purchasing|buying)"
    r"(?![a-z])",
    re.I,
)
_SPEND_EN = lazy_pattern(r"(?<![a-z])(?:spend|spends|spent|spender|spenders|spending)(?![a-z])")

_ORDERS_ZH = (
    r"(?:下单次数|下单数|下订次数|下订单数|订单数量|订单数|订单量|订单次数|下单量|单数|购买次数|"
    r"买的次数|落单次数|落单数|消费次数|成交次数|成交单数|交易次数|order次数|order数|订单)"
)
_OTHER_ZH = (
    r"(?P<z>咨询次数|询价次数|问价次数|询问次数|查询次数|到店次数|来店次数|嚟店次数|访问次数|"
    r"退款次数|退货次数|退款单数)"
)
_RANK_ZH = rf"(?:的)?(?:排名|排行榜|排行)?(?:的)?(?:前|后|倒数|top|bottom)\s*{_NUMBER}"
_ORDERS_RANKED_ZH = lazy_pattern(rf"(?<![按依照以根跟用]){_ORDERS_ZH}(?={_RANK_ZH})")
_OTHER_RANKED_ZH = lazy_pattern(rf"{_OTHER_ZH}(?={_RANK_ZH})")


# 消费最多的3个城市 / 订单数前3的城市: the groups ranked, not customers (a breakdown).
_GROUPS_RANKED_ZH = lazy_pattern(
    rf"(?:(?:前|后|倒数|top|bottom)\s*{_NUMBER}|(?:最多|最少|最高|最低)(?:的)?{_NUMBER})\s*"
    r"(?:个|名|位)?(?:的)?(?P<g>城市|地区|省份|省|区域|渠道)"
)


def orders_ranking_said_as_spend(norm: str) -> tuple[str, bool]:
    """`norm` (normalised) with a ranking by the number of orders said as noun ("top 10 by
    number of orders", 订单数前10) said as the ranking by spend, and whether there was one."""
    refuse_other_count_ranking(norm)
    refuse_groups_ranked(norm)
    zh = _ORDERS_RANKED_ZH.search(norm)
    if zh is not None:
        return f"{norm[: zh.start()]}消费{norm[zh.end() :]}", True
    if not _RANK_EN_RE.search(norm):
        return norm, False
    either = _BY_EITHER_EN.search(norm)
    if either is not None:
        raise _spend_or_orders(either["said"])
    en = _BY_ORDERS_EN.search(norm)
    if en is None:
        return norm, False
    if _SPEND_EN.search(norm):
        raise _spend_or_orders(en["said"])
    return f"{norm[: en.start()]}by spend{norm[en.end() :]}", True


def refuse_other_count_ranking(norm: str) -> None:
    """Ask back when `norm` ranks by a count of an event other than orders."""
    zh = _OTHER_RANKED_ZH.search(norm)
    if zh is not None:
        raise _not_a_measure(zh["z"], english=False)
    en = _BY_OTHER_EN.search(norm) if _RANK_EN_RE.search(norm) else None
    en = en or _MOST_OTHER_EN.search(norm)
    if en is not None:
        raise _not_a_measure(en["said"], english=True)


def _not_a_measure(said: str, english: bool) -> Ask:
    offered = ("top 10 spenders", "top 10 by number of orders")
    if not english:
        offered = ("消费最多的10个客户", "下单最多的10个客户")
    return Ask(
        f"暂不支持按“{said}”排名：目前支持按消费金额或下单次数排名，例如“消费最多的10个客户”"
        "“下单最多的10个客户”。次数也可以作条件，例如“咨询3次以上的客户”。",
        f"Ranking by “{said}” is not supported: rankings are by spend or by number of orders, "
        "e.g. 'top 10 spenders' or 'top 10 by number of orders'. A count works as a "
        "condition, e.g. 'customers who inquired 3+ times'.",
        offered,
    )


def _spend_or_orders(said: str) -> Ask:
    return Ask(
        f"按消费金额还是按“{said}”排名？",
        f"Ranked by spend or by “{said}”?",
        ("top 10 spenders", "top 10 by number of orders"),
    )


def refuse_groups_ranked(norm: str) -> None:
    """Ask back when `norm` ranks cities or channels (消费最多的3个城市): rankings are of
    customers; the customers per group are a breakdown (按城市分), offered."""
    found = _GROUPS_RANKED_ZH.search(norm)
    if found is None:
        return
    group = found["g"]
    by = "渠道" if group == "渠道" else "城市"
    by_en = "channel" if group == "渠道" else "city"
    raise Ask(
        f"“{found.group(0)}”：排名是按客户排的，不能给{group}排名。要看各{by}的客户数，可以说"
        f"“按{by}分”。",
        f"“{found.group(0)}”: rankings are of customers, not of {group}. For customers per "
        f"{by_en}, say 'by {by_en}'.",
        (f"按{by}分",),
    )
