"""Every user-facing word of a segment description, in Chinese and English, in one place."""

from __future__ import annotations

from segmentation.insights.model import Language

GENDER = {1: ("男性", "male"), 2: ("女性", "female")}

# Spend bands in fen: (key, lower bound inclusive, upper bound exclusive or None, zh, en).
SPEND_BANDS: tuple[tuple[str, int, int | None, str, str], ...] = (
    ("0", 0, 1, "无消费", "no spend"),
    ("<500", 1, 50_000, "消费¥500以下", "spent under ¥500"),
    ("500-2000", 50_000, 200_000, "消费¥500–2000", "spent ¥500–2,000"),
    ("2000-5000", 200_000, 500_000, "消费¥2000–5000", "spent ¥2,000–5,000"),
    (">=5000", 500_000, None, "消费¥5000以上", "spent ¥5,000+"),
)
# Order-count bands: (key, lower inclusive, upper exclusive or None, zh, en).
ORDER_BANDS: tuple[tuple[str, int, int | None, str, str], ...] = (
    ("0", 0, 1, "未下单", "never ordered"),
    ("1", 1, 2, "下单1次", "ordered once"),
    ("2-3", 2, 4, "下单2–3次", "ordered 2–3 times"),
    ("4-9", 4, 10, "下单4–9次", "ordered 4–9 times"),
    (">=10", 10, None, "下单10次以上", "ordered 10+ times"),
)

ATTRIBUTE_NAMES = {
    "city": ("城市", "city"),
    "gender": ("性别", "gender"),
    "tag": ("标签", "tag"),
    "owner": ("跟进人", "owner"),
    "spend_band": ("累计消费", "total spend"),
    "order_band": ("下单次数", "orders"),
    "rfm": ("RFM分类", "RFM class"),
}

TEXTS: dict[str, tuple[str, str]] = {
    "empty": ("该分群没有客户。", "This segment has no customers."),
    "profile": ("典型画像：{values}", "Typical profile: {values}"),
    "no_profile": ("共 {size} 人，构成与整体相近", "{size} customers, much like the whole base"),
    "avg_spend": ("平均消费 ¥{amount}", "average spend ¥{amount}"),
    "last_inquiry": ("最近一次咨询在 {days} 天前", "last inquiry {days} days ago"),
    "last_order": ("最近一次下单在 {days} 天前", "last order {days} days ago"),
    "owner_value": ("{name}的客户", "{name}'s customers"),
    "list_sep": ("、", ", "),
    "clause_sep": ("，", "; "),
    "end": ("。", "."),
    "size": (
        "规模：{size} 人，占您客户的 {share}（共 {base} 人）",
        "Size: {size} customers, {share} of your {base}",
    ),
    "fresh": ("数据更新：最新事件 {at}", "Data: latest event {at}"),
    "fresh_none": ("数据更新：成员没有任何事件", "Data: no events for these members"),
    "reach": ("可触达：{reach} 人有在跟进的企微好友关系", "Reachable: {reach} with a live follow"),
    "budget": ("，其中 {n} 人本月群发额度未用完", ", {n} of them with mass-message budget left"),
    "budget_unknown": ("（本月群发额度未知）", " (mass-message budget unknown)"),
    "spend": ("消费：合计 ¥{total}，人均 ¥{avg}", "Spend: total ¥{total}, average ¥{avg}"),
    "expected": ("，预期价值 ¥{value}", ", expected value ¥{value}"),
    "overlaps": ("与已存分群重合：{items}", "Overlaps: {items}"),
    "overlap_item": (
        "“{name}” 重合度 {jaccard}（本分群 {containment} 在其中）",
        "“{name}” Jaccard {jaccard} ({containment} of this segment inside)",
    ),
    "no_overlaps": ("与已存分群无重合", "No overlap with saved segments"),
    "stable": (
        "稳定性：近7天新进 {e7} 人、退出 {x7} 人；近30天新进 {e30} 人、退出 {x30} 人",
        "Stability: 7 days +{e7}/−{x7}; 30 days +{e30}/−{x30}",
    ),
    "chart_title": ("分群构成 vs 全部客户", "Segment vs base"),
    "chart_segment": ("本分群", "segment"),
    "chart_base": ("全部客户", "base"),
}


def say(key: str, language: Language, **values: object) -> str:
    zh, en = TEXTS[key]
    return (zh if language == "zh" else en).format(**values)


def attribute_name(attribute: str, language: Language) -> str:
    zh, en = ATTRIBUTE_NAMES[attribute]
    return zh if language == "zh" else en
