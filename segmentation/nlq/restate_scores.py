"""Predictive-score conditions in plain words: "仍活跃概率低于30%", "预计未来30天购买次数至少0.5次",
"客户终身价值（预测）最高的前10%" — thresholds always written out, defaults included."""

from __future__ import annotations

from decimal import Decimal

from segmentation.nodes import Ranked, Score

_OP_ZH = {">": "高于", ">=": "不低于", "<": "低于", "<=": "不高于", "=": "等于"}
_COUNT_ZH = {">": "超过", ">=": "至少", "<": "少于", "<=": "不超过", "=": "正好"}
_OP_EN = {">": "above", ">=": "at least", "<": "below", "<=": "at most", "=": "exactly"}
_NAME_ZH = {
    "p_alive": "仍活跃概率",
    "expected_purchases_30d": "预计未来30天购买次数",
    "expected_purchases_90d": "预计未来90天购买次数",
    "expected_avg_value": "预计客单价",
    "clv": "客户终身价值（预测）",
}
_NAME_EN = {
    "p_alive": "P(alive) (chance of still being a customer)",
    "expected_purchases_30d": "expected purchases in the next 30 days",
    "expected_purchases_90d": "expected purchases in the next 90 days",
    "expected_avg_value": "expected order value",
    "clv": "predicted customer lifetime value (CLV)",
}


def score_phrase(node: Score, zh: bool) -> str:
    """The condition as a predicate: "仍活跃概率低于30%" / "have P(alive) below 30%"."""
    if zh:
        if node.metric == "p_alive":
            return f"仍活跃概率{_OP_ZH[node.op]}{percent(node.value)}"
        if node.metric.startswith("expected_purchases"):
            return f"{_NAME_ZH[node.metric]}{_COUNT_ZH[node.op]}{_plain(node.value)}次"
        return f"{_NAME_ZH[node.metric]}{_COUNT_ZH[node.op]}{_plain(node.value)}元"
    name = _NAME_EN[node.metric]
    if node.metric == "p_alive":
        return f"have a {name} {_OP_EN[node.op]} {percent(node.value)}"
    if node.metric.startswith("expected_purchases"):
        return f"have {_OP_EN[node.op]} {_plain(node.value)} {name}"
    article = "an" if name[0] in "aeiou" else "a"
    return f"have {article} {name} {_OP_EN[node.op]} ¥{_plain(node.value)}"


def ranked_by_score_phrase(node: Ranked, base: str, size: str, zh: bool) -> str:
    """A ranking by a score: "重要价值客户中客户终身价值（预测）最高的前10%"."""
    if zh:
        most = "最高" if node.direction == "top" else "最低"
        among = f"{unwrapped(base)}的客户中" if base else ""
        return f"{among}{_NAME_ZH[node.by]}{most}的{size}"
    which = "top" if node.direction == "top" else "bottom"
    among = f" among those who {base}" if base else ""
    return f"are the {which} {size} by {_NAME_EN[node.by]}{among}"


def percent(value: Decimal) -> str:
    """0.3 → "30%", 0.355 → "35.5%"."""
    return f"{_plain(value * 100)}%"


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def unwrapped(text: str) -> str:
    """`text` without the brackets around the whole of it ("（A 或 B）" → "A 或 B"); brackets
    that close inside it stay ("属于销售一部（按跟进人）" keeps its own)."""
    if not (text.startswith("（") and text.endswith("）")):
        return text
    depth = 0
    for i, ch in enumerate(text):
        depth += {"（": 1, "）": -1}.get(ch, 0)
        if depth == 0 and i < len(text) - 1:
            return text  # the first bracket closes before the end: not one group
    return text[1:-1]
