"""Questions that name something no condition reads, asked back before the words are read
one by one (which had given absurd questions back).

A ranking by how often of an event other than ordering, which Ranked has no measure for
(rankings are by spend, §2, or by the number of orders: count_superlative): "问得最多的",
"来店最多的5个", "customers who visit the least"; and 买得最多 / "bought the most", which may
be the amount as well as the number of times. Read word by word these became an unknown 得
or "most" ("没有找到商品“得”"); they are asked back saying what is offered, with the rankings
by spend and by the number of orders to pick. 最多 before a number stays "at most"
(下单最多2次): a number after it is no ranking."""

from __future__ import annotations

import re

from segmentation.nlq.ask import Ask
from segmentation.nlq.holdout_words import names_a_holdout, which_holdout
from segmentation.nlq.lazy_re import lazy_pattern

_EVENT_ZH = (
    r"(?:下单|下單|下过单|下過單|订购|訂購|购买|購買|买|買|落单|落單|帮衬|幫襯|问价|問價|询价|詢價|"
    r"咨询|諮詢|查询|查詢|询问|詢問|问|問|来店|來店|到店|来|來|嚟|光顾|光顧|退款|退货|退貨|退|加购|加購)"
)
_MOST_ZH = r"(?:最多|最少|最频繁|最頻繁|最勤|最常)"
# Not a number after it: 下单最多2次 is "at most twice".
_NO_NUMBER = r"(?!\s*(?:\d|[一二两兩三四五六七八九十几幾]+\s*(?:次|单|單|回)))"
_COUNT_RANK_ZH = lazy_pattern(
    rf"{_EVENT_ZH}(?:的)?(?:次数|次數)?(?:得|嘅|的)?{_MOST_ZH}{_NO_NUMBER}"
)
_COUNT_RANK_EN = lazy_pattern(
    r"\b(?:order(?:ed|s)?|bought|buy(?:s)?|purchas(?:ed|es?)|inquir(?:ed|es?)|asked|visit(?:ed|s)?|"
    r"came in|refund(?:ed|s)?|shop(?:ped|s)?)\s+(?:the\s+)?(?:most|least|most often|least often|"
    r"the most times|most frequently)\b(?!\s+\d)",
    re.I,
)


def refuse_count_ranking(text: str) -> None:
    """Ask back when `text` ranks customers by how often they did something."""
    found = _COUNT_RANK_ZH.search(text) or _COUNT_RANK_EN.search(text)
    if found is None:
        return
    said = found.group(0).strip()
    english = said.isascii()
    raise Ask(
        f"“{said}”是按次数排名，目前只支持按消费金额或下单次数排名。要看消费最多或下单最多的客户吗？"
        "按次数也可以作条件，例如“咨询3次以上的客户”。",
        f"“{said}” ranks by how often; only rankings by spend or by number of orders are "
        "supported. Do you want the top spenders, or those with the most orders? A count "
        "works as a condition, e.g. 'customers who inquired 3+ times'.",
        ("top 10 spenders", "top 10 by number of orders")
        if english
        else ("消费最多的10个客户", "下单最多的10个客户"),
    )


# A campaign's control group (对照组, holdout) of no campaign: asked which campaign's, before
# the rest is read, so "对照组" is not taken for a department.
_HOLDOUT = lazy_pattern(
    r"对照组|對照組|控制组|控制組|留出组|\bhold-?outs?\b(?:\s+group)?|\bcontrol\s+group\b|"
    r"\bheld[- ]out\b",
    re.I,
)


def refuse_holdout(text: str, campaigns: dict[int, str]) -> None:
    """Ask back when `text` asks for a control group of no campaign (对照组有谁, who was in
    the holdout group): which campaign's. One campaign's (老客关怀的对照组) is read."""
    found = _HOLDOUT.search(text)
    if found is not None and not names_a_holdout(text):
        raise which_holdout(found.group(0), campaigns)


# "Not only X" with nothing joined after it (the parser reads "不仅A还B" / "not only A but also B"
# as both): X and more besides — never "not X"; which customers are meant is asked. A number
# after it is a comparison (不止3次, 不只一单 = more than).
_NOT_ONLY = lazy_pattern(
    r"(?:不仅仅|不仅|不光是|不光|不单止|不单是|不单|不只是|不止是|不只|唔止係|唔止|唔单止)"
    r"(?!\s*(?:[\d一二两三四五六七八九十几百千万]|多|少))"
    r"[^，,。；;！!？?\s]{0,12}|"
    r"\bnot (?:just|only|merely|simply|solely)\b(?!\s+(?:once|twice|one|\d))[^,.;!?]{0,24}"
)


def refuse_not_only(text: str) -> None:
    """Ask back when `text` says "not only X" ("不光是VIP，金卡的也要", "not just VIPs, all my
    customers in Shanghai"): read word by word it was "not VIP", or VIP and 金卡 at once."""
    found = _NOT_ONLY.search(text)
    if found is None:
        return
    said = found.group(0).strip()
    raise Ask(
        f"“{said}”：是除了这些，还要别的客户吗？请直接说要哪些客户，例如“VIP或金卡的客户”"
        "或“上海的所有客户”。",
        f"“{said}”: do you want these and other customers besides? Please say which "
        "customers, e.g. 'customers tagged VIP or 金卡' or 'all customers in Shanghai'.",
    )
