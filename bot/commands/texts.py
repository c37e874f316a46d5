"""Every user-facing sentence of the chat bot, Chinese and English side by side."""

from __future__ import annotations

import re

from bot.commands.texts_actions import ACTION_TEXTS
from bot.commands.texts_push import PUSH_TEXTS
from segmentation.kinds.event_words import EVENT_WORDS
from segmentation.text import language_of as message_language

TEXTS: dict[str, dict[str, str]] = {
    "not_member": {
        "zh": "抱歉，您还不是本企业的成员（或账号已停用），暂时无法使用客户查询。"
        "如需开通，请联系管理员。",
        "en": "Sorry, you are not an active member of this company, so I cannot look up "
        "customers for you. Please ask an administrator for access.",
    },
    "empty": {
        "zh": "请告诉我您想查的客户，例如：近30天有咨询但未下单的客户。发送“帮助”查看示例。",
        "en": "Tell me which customers you want, e.g. 'customers who inquired in the last "
        "30 days but did not order'. Send 'help' for examples.",
    },
    "total": {"zh": "{description}：共 {count} 人", "en": "{description}: {count} in total"},
    "count": {"zh": "{description}：共 {count} 人", "en": "{description}: {count} customers"},
    "none": {
        "zh": "{description}：共 0 人（按您的查询条件，没有符合的客户）",
        "en": "{description}: 0 customers match",
    },
    "more_hint": {
        "zh": "回复“更多”查看更多（还有 {left} 人）",
        "en": "Reply 'more' to see more ({left} left)",
    },
    "no_more": {
        "zh": "没有更多了，上一个列表已经全部显示。",
        "en": "Nothing more: the last list has been shown in full.",
    },
    "no_list": {
        "zh": "还没有可以继续查看的列表，请先查询客户，例如：我的VIP客户。",
        "en": "There is no list to continue yet; ask for customers first, e.g. 'my VIP customers'.",
    },
    "list_expired": {
        "zh": "上一个列表已超过 24 小时，已失效，请重新查询。",
        "en": "The last list is more than 24 hours old and has expired; please ask again.",
    },
    "page_head": {
        "zh": "{description}（第 {first}–{last} 人，共 {count} 人）",
        "en": "{description} ({first}–{last} of {count})",
    },
    "clarify_suggestions": {"zh": "您可以试试：", "en": "You could try:"},
    "owner": {"zh": "跟进人：{names}", "en": "owner: {names}"},
    "added": {"zh": "添加于 {when}", "en": "added {when}"},
    # the facts of a list row (bot.commands.rows)
    "fact_last": {"zh": "最近{kind} {when}", "en": "last {kind} {when}"},
    "fact_never": {"zh": "从未{kind}", "en": "no {kind} yet"},
    "fact_spend": {"zh": "{window}消费 {amount}", "en": "spent {amount} ({window})"},
    "fact_spend_all": {"zh": "累计消费 {amount}", "en": "spent {amount} in all"},
    "fact_tally": {"zh": "{window}{kind} {count} 次", "en": "{count} {kind} ({window})"},
    "fact_tally_all": {"zh": "累计{kind} {count} 次", "en": "{count} {kind} in all"},
    "fact_tally_last": {"zh": "，最近 {when}", "en": ", last {when}"},
    "fact_tags": {"zh": "标签：{tags}", "en": "tags: {tags}"},
    "also_nothing": {
        "zh": "上一个问题（{description}）里没有同类的条件可以再加一个值。是要在这些客户里再筛选"
        "（例如：其中{new}），还是重新查询：{new}？",
        "en": "The last question ({description}) has no condition of that kind to add a value "
        "to. Do you want to narrow it (e.g. of these, {new}) or ask about {new} anew?",
    },
    "drop_not_listed": {
        "zh": "{name}不在这份名单里（{description}），没有去掉谁。",
        "en": "{name} is not on this list ({description}); nobody was taken off.",
    },
    "also_and_or": {
        # {new} is not quoted: a pick is the suggestion itself, not put in the message's place
        "zh": "是要在这些客户（{description}）里再加一个条件：{new}（两个都满足），"
        "还是把{new}客户也算进来（满足其一即可）？",
        "en": "One more condition on these customers ({description}): {new}, both to hold; "
        "or count the customers who are {new} in as well (either one)?",
    },
    "also_window": {
        "zh": "新加的条件也按{window}算",
        "en": "the added condition taken {window} as well",
    },
    "also_which_window": {
        "zh": "{new}——按哪段时间算：{windows}？请连时间一起说，例如：加上近30天{new}。",
        "en": "{new}: in which period — {windows}? Please say it with the period, e.g. "
        "'also those who … in the last 30 days'.",
    },
    "together_which": {
        "zh": "要把哪两段时间合起来看？上一个问题（{description}）之前没有换过时间。请直接说出来，"
        "例如：9月和10月新加的客户。",
        "en": "Which two periods should I put together? The last question ({description}) "
        "had no other period before it. Please say both, e.g. customers added in September "
        "or October.",
    },
    "together_note": {"zh": "两段时间合起来", "en": "both periods together"},
    "drop_unknown": {
        "zh": "没有找到客户“{name}”，它也不是能识别的条件。要从名单里去掉谁？请说名单上的名字，"
        "或一个条件，例如：去掉上海的。",
        "en": "No customer of yours is called “{name}”, and it is no condition I know. Whom "
        "should I take off the list? Say a name on it, or a condition, e.g. without Shanghai.",
    },
    "drop_which": {
        "zh": "名单里有{count}位叫“{name}”的客户，要去掉哪一位？请用备注名或客户ID说明。",
        "en": "{count} customers on the list are called “{name}”: which one should go? "
        "Please say their remark or customer ID.",
    },
    "also_which": {
        "zh": "{new}——要加到上一个问题（{description}）的哪个条件里？请直接说完整的条件。",
        "en": "Which condition of the last question ({description}) should this be added to: "
        "{new}? Please give the whole condition.",
    },
    "refine_no_context": {
        "zh": "“这些/其中”指的是哪些客户？请先查询一批客户，或直接说出完整条件，"
        "例如：近30天有咨询的上海客户。",
        "en": "Which customers do 'these' refer to? Ask for some customers first, or give the "
        "whole condition, e.g. 'customers in Shanghai who inquired in the last 30 days'.",
    },
    "earlier_nothing": {
        "zh": "这次对话里还没有可以回去的名单，请先查询一批客户，例如：上海的VIP客户。",
        "en": "There is no earlier list in this conversation to go back to yet; ask for some "
        "customers first, e.g. 'VIP customers in Shanghai'.",
    },
    "step_nothing": {
        "zh": "没有可以回去的上一步了：这次对话里在“{description}”之前没有别的名单。"
        "要看哪些客户？例如：上海的VIP客户。",
        "en": "There is no earlier step to go back to: no other list was answered before "
        "“{description}” in this conversation. Which customers would you like to see?",
    },
    "earlier_none": {
        "zh": "这次对话里没有 {count} 人的名单（“{said}”）。要回到哪一个？",
        "en": "No list of {count} was answered in this conversation (“{said}”). Which one do "
        "you mean?",
    },
    "count_not_shown": {
        "zh": "刚才的名单是 {shown} 人，您说的是 {count} 位：指的是哪些客户？请说出条件，"
        "或先把这 {count} 位列出来。",
        "en": "The list just shown has {shown}, not {count}: which customers do you mean? Say "
        "the condition, or list those {count} first.",
    },
    "rest_count_differs": {
        "zh": "剩下的是 {shown} 人，刚才的名单是 {listed} 人，都不是 {count} 人："
        "您说的是哪些客户？",
        "en": "The rest are {shown} and the list just shown has {listed}, neither is {count}: "
        "which customers do you mean?",
    },
    "period_count_differs": {
        "zh": "{period}是 {found} 人，不是 {count} 人：您说的是哪些客户？",
        "en": "{period} has {found}, not {count}: which customers do you mean?",
    },
    "earlier_which": {
        "zh": "之前有几个名单都是 {count} 人（“{said}”），要回到哪一个？",
        "en": "Several earlier lists were {count} long (“{said}”): which one do you mean?",
    },
    "earlier_described": {
        "zh": "之前有几个名单都符合“{said}”，要回到哪一个？",
        "en": "Several earlier lists fit “{said}”: which one do you mean?",
    },
    "earlier_no_such": {
        "zh": "这次对话里没有符合“{said}”的名单。要回到哪一个？",
        "en": "No earlier list in this conversation fits “{said}”. Which one do you mean?",
    },
    "earlier_place": {
        "zh": "这次对话里只有 {kept} 个名单，没有“{said}”。要回到哪一个？",
        "en": "This conversation has only {kept} list(s), so there is no “{said}”. Which one "
        "do you mean?",
    },
    "ranked_which": {
        "zh": "是指{description}里排第一的那位吗？",
        "en": "Do you mean the first one of {description}?",
    },
    "earlier_label": {"zh": "{description}（{count} 人）", "en": "{description} ({count})"},
    "widen_nothing": {
        "zh": "上一个回答（{description}）里没有“{what}”这个条件，要去掉哪个条件？"
        "例如：不要上海这个条件了、不限时间。",
        "en": "The last answer ({description}) has no “{what}” condition: which condition "
        "should I drop? E.g. 'drop the city filter', 'without the date range'.",
    },
    "widen_what": {
        "zh": "要放宽哪个条件？上一个回答是：{description}。"
        "例如：不限城市、不限性别、放宽到近90天。",
        "en": "Loosen which condition? The last answer was: {description}. E.g. 'drop the city "
        "filter', 'any gender', 'widen it to 90 days'.",
    },
    "widen_City": {"zh": "城市", "en": "city"},
    "widen_window": {"zh": "时间", "en": "time"},
    "widen_Gender": {"zh": "性别", "en": "gender"},
    "widen_Owner": {"zh": "跟进人", "en": "owner"},
    "widen_InDepartment": {"zh": "部门", "en": "department"},
    "widen_HasTag": {"zh": "标签", "en": "tag"},
    "widen_amount": {"zh": "金额", "en": "amount"},
    "widen_item": {"zh": "产品", "en": "product"},
    "refine_what": {
        "zh": "要在上一批客户里按什么条件筛选？例如：其中上海的有几个、只要VIP的、去掉已下单的。",
        "en": "Narrow the last answer by what? E.g. 'of these, who is in Shanghai', "
        "'only VIPs', 'without those who ordered'.",
    },
    "tag_which_customer": {
        "zh": "有 {count} 位客户叫“{name}”，是哪一位？",
        "en": "{count} customers are called “{name}”: which one?",
    },
    "named_customer": {"zh": "客户“{name}”", "en": "the customer “{name}”"},
    # A pronoun for one customer after a list of several: which of them, never a guess.
    "pronoun_which": {
        "zh": "“{word}”是指哪一位？上一个结果里有 {count} 位客户。",
        "en": "Which one do you mean by “{word}”? The last answer has {count} of them.",
    },
    "subject_which": {
        "zh": "您是问上一个问题（{description}）换成这个条件，还是所有这样的客户？",
        "en": "Do you mean the last question ({description}) with this instead, or all such "
        "customers?",
    },
    "refine_or_new": {
        "zh": "您是想在上一个结果（{description}）里再筛选，还是重新查询？",
        "en": "Do you mean within the last answer ({description}), or a new question?",
    },
    "swap_which": {
        "zh": "上一个问题里有不同的时间：{windows}。“{new}”要换掉哪一个？",
        "en": "The last question has different time windows: {windows}. Which should “{new}” "
        "replace?",
    },
    "thanks": {
        "zh": "不客气！还想查什么直接说，例如“其中上海的”“导出这些”“每个销售各有多少”。",
        "en": "You're welcome! Ask anything else, e.g. 'only the ones in Shanghai', 'export "
        "these', 'how many per rep'.",
    },
    "meaning": {
        "zh": "上一个回答指的是：{description}（共 {count} 人）。每个条件都按字面理解；"
        "想改哪一条，直接说，例如“换成近7天”“不限城市”。",
        "en": "The last answer means: {description} ({count} customers). Each condition is "
        "read as said; to change one, just say so, e.g. 'make it the last 7 days', 'any city'.",
    },
    "meaning_which": {
        "zh": "您指的是哪个回答？请先查询一批客户，例如：近30天有咨询的客户。",
        "en": "Which answer do you mean? Ask about some customers first, e.g. 'customers who "
        "inquired in the last 30 days'.",
    },
    "pick_from_nobody": {
        "zh": "上一个回答（{description}）没有客户，没有可以选的一行。",
        "en": "The last answer ({description}) had no customers, so there is no row to pick.",
    },
    "compare_same": {
        "zh": "上一个回答（{description}）就是“{period}”的。要和哪个时间比？"
        "例如：跟前一个月比、跟9月比。",
        "en": "The last answer ({description}) is already for “{period}”. Which period should "
        "I compare it with? E.g. 'compare with the month before', 'compare with September'.",
    },
    "compared_with": {
        "zh": "对比：{description} {count} 人",
        "en": "compared with {description}: {count}",
    },
    "swap_kept_window": {
        "zh": "时间同上一个问题；不限时间请说从来没…",
        "en": "in the same window as before; say 'never' for all time",
    },
    "swap_no_window": {
        "zh": "上一个问题（{description}）没有时间条件，“{new}”要用在哪个条件上？"
        "例如：{new}下过单的客户。",
        "en": "The last question ({description}) has no time window. Which condition is “{new}” "
        "for? E.g. 'customers who ordered in {new}'.",
    },
    "bound_no_condition": {
        "zh": "上一个问题（{description}）没有金额或次数的条件，“{new}”要用在哪个条件上？"
        "例如：消费{new}的客户、下单{new}次的客户。",
        "en": "The last question ({description}) compares no amount or count. Which condition "
        "is “{new}” for? E.g. 'customers who spent {new}'.",
    },
    "bound_which": {
        "zh": "上一个问题（{description}）有几个金额或次数的条件，“{new}”要换掉哪一个？"
        "请说完整的条件，例如：消费{new}的客户。",
        "en": "The last question ({description}) compares several amounts or counts. Which one "
        "should “{new}” replace? Please give the whole condition, e.g. 'spent {new}'.",
    },
    "not_a_list": {
        "zh": "上一条回复是{what}，不是一批客户，不能再加条件筛选。"
        "请先查询客户，例如：近30天有咨询的客户。",
        "en": "The last answer was {what}, not a list of customers, so it cannot be narrowed. "
        "Ask for customers first, e.g. 'customers who inquired in the last 30 days'.",
    },
    "not_exportable": {
        "zh": "上一条回复是{what}，没有可导出的客户名单。"
        "请先查询客户再导出，例如：导出近30天有咨询的客户。",
        "en": "The last answer was {what}: there is no list of customers to export. Ask for "
        "customers first, e.g. 'export customers who inquired in the last 30 days'.",
    },
    "more_not_list": {
        "zh": "上一条回复是{what}，没有可以继续查看的客户列表。"
        "请先查询客户，例如：近30天有咨询的客户。",
        "en": "The last answer was {what}: there is no list of customers to continue. Ask for "
        "customers first, e.g. 'customers who inquired in the last 30 days'.",
    },
    "group_row_missing": {
        "zh": "上一张表只列出了{rows}组，没有第{number}组。请说第几组，或直接说那一组的名字。",
        "en": "The last table showed {rows} groups, so there is no group {number}. Say which "
        "group by its number or by its name.",
    },
    "group_row_no_value": {
        "zh": "那一组是“{label}”，没有可以单独筛选的值。请直接说要看哪些客户。",
        "en": "That group is “{label}”: it has no value to list it by. Please say which "
        "customers you mean.",
    },
    "export_no_context": {
        "zh": "要导出哪些客户？请先查询客户，或直接说出条件，例如：导出近30天有咨询的客户。",
        "en": "Export which customers? Ask for some first, or name them, e.g. 'export "
        "customers who inquired in the last 30 days'.",
    },
    "shown_breakdown": {"zh": "一张分组统计表", "en": "a breakdown table"},
    "shown_digest": {"zh": "日报", "en": "the digest"},
    "shown_saved": {"zh": "分群列表", "en": "the list of saved segments"},
    "shown_customer": {"zh": "一位客户的资料卡", "en": "one customer's card"},
    "shown_nobody": {"zh": "没有找到客户的查询", "en": "a customer look-up that found nobody"},
    "shown_changes": {"zh": "成员变化名单", "en": "a list of membership changes"},
    "pick_none": {
        "zh": "好的，请换个说法告诉我您要找的客户，例如：近30天有咨询的上海客户。",
        "en": "All right; please tell me again which customers you want, e.g. 'customers in "
        "Shanghai who inquired in the last 30 days'.",
    },
    "pick_which": {
        "zh": "请回复编号，告诉我是哪一个：",
        "en": "Which one? Reply with its number:",
    },
    "busy": {
        "zh": "抱歉，这个问题我暂时无法回答，请换个说法再试一次。",
        "en": "Sorry, I could not answer that; please try rephrasing it.",
    },
}

TEXTS.update(ACTION_TEXTS)
TEXTS.update(PUSH_TEXTS)

KIND_WORDS: dict[str, dict[str, str]] = {  # from the one table of event-kind words
    kind: {"zh": words.label[0], "en": words.label[1]} for kind, words in EVENT_WORDS.items()
}

MORE_WORDS = frozenset(
    {"更多", "more", "更多客户", "下一页", "next", "繼續", "继续", "more please"}
)


def language_of(text: str) -> str:
    """The language of the words around the names: "customers tagged 高意向" is English,
    "上海的customers有几个" Chinese (segmentation.text.language_of)."""
    return message_language(text or "")


# English nouns a count is put before, and their singular ("1 customers" → "1 customer").
_SINGULAR = {
    "customers": "customer",
    "orders": "order",
    "inquiries": "inquiry",
    "visits": "visit",
    "refunds": "refund",
    "cart adds": "cart add",
    "events": "event",
    "purchases": "purchase",
    "groups": "group",
    "recipients": "recipient",
    "members": "member",
    "segments": "segment",
    "coupons": "coupon",
    "tags": "tag",
    "mass messages": "mass message",
    "messages": "message",
    "people": "person",
    "times": "time",
    "minutes": "minute",
    "hours": "hour",
    "days": "day",
    "weeks": "week",
    "months": "month",
    "rows": "row",
    "files": "file",
    "matches": "match",
}
_ONE = re.compile(
    r"(?<![\d.,¥$])\b1 ("
    + "|".join(sorted(map(re.escape, _SINGULAR), key=len, reverse=True))
    + r")\b"
)


def agree(text: str) -> str:
    """English with its counts agreeing: a count of exactly one takes the singular noun."""
    return _ONE.sub(lambda m: f"1 {_SINGULAR[m[1]]}", text)


def say(key: str, lang: str, **values: object) -> str:
    template = TEXTS[key].get(lang) or TEXTS[key]["zh"]
    text = template.format(**values)
    return agree(text) if lang == "en" else text


def kind_word(kind: str, lang: str) -> str:
    return KIND_WORDS.get(kind, {}).get(lang, kind)


def is_more(text: str) -> bool:
    cleaned = re.sub(r"[\s。.!！?？“”\"'‘’]+", "", text or "").lower()
    return cleaned in {w.replace(" ", "") for w in MORE_WORDS}
