"""A sum of money asked per group: "各品類的營業額", "break down revenue by category", "按产品看看
各卖了多少钱", "revenue per city". A breakdown counts customers in each group; read with the
money word as "who ordered", it would answer a different question (how many bought, not how
much was sold), so it is asked back, naming what can be answered (issue 19: never silently
wrong). A bound on the money ("消费超过1000的客户按城市分") is a condition, read as such."""

from __future__ import annotations

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern

# Normalised text (simplified script, lower case).
_MONEY_SUM = lazy_pattern(
    r"营业额|营收|销售额|销售金额|销售总额|业绩|流水|成交额|成交金额|交易额|消费额|消费金额|消费总额|"
    r"总消费|总金额|总额|卖了多少|卖出多少|卖了几多|卖咗几多|卖出几多|卖得几多|各卖|多少钱|几多钱|"
    r"(?<![a-z])(?:revenue|turnover|gmv|sales|takings|how much)(?![a-z])"
)
# Any of these makes the money a condition or a ranking, not the thing asked.
_BOUND = lazy_pattern(
    r"\d|超过|以上|以下|以内|不到|不足|多于|少于|高于|低于|大于|小于|最多|最少|最高|最低|前\d|破|过万|过千|"
    r"(?<![a-z])(?:over|under|above|below|more than|less than|at least|at most|top|bottom|"
    r"north of|south of)(?![a-z])"
)


def ask_money_per_group(rest: str, language: str) -> None:
    """Ask back when a breakdown's words (`rest`, the dimension taken out) ask for money."""
    if not _MONEY_SUM.search(rest) or _BOUND.search(rest):
        return
    raise Ask(
        "这句话在问每组的金额合计。我能按组数客户（每组多少人），或分析一组客户（画像里有合计消费）。"
        "例如：“按城市分一下下过单的客户”“分析一下买过护肤类的客户”。",
        "That asks for a sum of money per group. I can count the customers in each group or "
        "profile one group (the profile shows its total spend), e.g. 'break down customers who "
        "ordered by city' or 'describe customers who bought skincare'.",
        ("按城市分一下下过单的客户", "分析一下买过护肤类的客户")
        if language == "zh"
        else ("break down customers who ordered by city", "describe customers who bought skincare"),
    )
