# ruff: noqa: E501
"""The sentences of the conversation replies (breakdowns, customer cards, membership changes,
digest, my segments), Chinese and English side by side. Traditional Chinese is the Chinese
converted (bot.commands.conversation_chat)."""

from __future__ import annotations

from bot.commands.texts import agree
from segmentation.kinds.event_words import EVENT_WORDS

CARD_TEXTS: dict[str, dict[str, str]] = {
    "bd_head": {"zh": "{description}，按{by}分：共 {count} 人", "en": "{description} by {by}: {count} in total"},
    "bd_row": {"zh": "{rank}. {label}：{count} 人（{share}）", "en": "{rank}. {label}: {count} ({share})"},
    "bd_most": {"zh": "最多的是：{labels}（{count} 人）", "en": "Most: {labels} ({count})"},
    "bd_fewest": {"zh": "最少的是：{labels}（{count} 人）", "en": "Fewest: {labels} ({count})"},
    "bd_most_n": {"zh": "最多的{n}组：{groups}", "en": "Top {n}: {groups}"},
    "bd_fewest_n": {"zh": "最少的{n}组：{groups}", "en": "Bottom {n}: {groups}"},
    "rank_by_what": {
        "zh": "按什么排？目前支持按消费金额或下单次数排名。",
        "en": "Ranked by what? Rankings are by spend or by number of orders.",
    },
    "no_card_to_change": {
        "zh": "现在没有待确认的卡片，没有可以改的券。要发券，请说发给谁、什么券，例如“给VIP客户发一张满100减20的券”。",
        "en": "There is no card waiting for confirmation, so there is no coupon to change. To send one, say to whom and which coupon, e.g. 'send VIP customers a coupon: 20 off orders over 100'.",
    },
    "rank_by_spend": {"zh": "其中消费{end}的{n}个", "en": "of these, the {end} {n} by spend"},
    "bd_tied": {"zh": "（含并列）", "en": " (ties included)"},
    "bd_no_extreme": {"zh": "这些客户都没有{by}信息。", "en": "None of these customers has a {by}."},
    "bd_other": {"zh": "其他（{groups} 组）：{count} 人", "en": "other ({groups} groups): {count}"},
    "bd_overlap": {
        "zh": "注：一位客户可属于多个{by}，各组相加可能多于总数。",
        "en": "Note: one customer can have several {by}s, so the groups may add up to more.",
    },
    "bd_empty": {"zh": "{description}：共 0 人，没有可分组的客户。", "en": "{description}: 0 customers, nothing to break down."},
    "bd_export_hint": {"zh": "回复“导出这个”下载完整表格。", "en": "Reply 'export this' for the full table."},
    "bd_export_text": {"zh": "{description}，按{by}分（{groups} 组）已导出。", "en": "{description} by {by} ({groups} groups), exported."},
    "bd_headers": {"zh": "{by}|人数|占比", "en": "{by}|customers|share"},
    # what a question asked of one customer's history, said before the card ("他买过什么")
    "asked_items": {"zh": "{name}{did}过：{products}", "en": "{name} {did}: {products}"},
    "asked_item_times": {"zh": "{product}（{times} 次，最近 {at}）", "en": "{product} ({times}×, last {at})"},
    "asked_last": {"zh": "{name}最近一次{did}：{at}{what}", "en": "{name}'s last {kind}: {at}{what}"},
    "asked_last_what": {"zh": "，{products}", "en": ", {products}"},
    "asked_last_more": {"zh": "；此前还有：{products}", "en": "; before that: {products}"},
    "asked_no_item": {"zh": "（记录里没有商品名）", "en": " (no product recorded)"},
    "asked_none": {"zh": "{name}没有{did}记录。", "en": "{name} has no {kind} on record."},
    "asked_count": {"zh": "（共 {count} 次）", "en": " ({count} in all)"},
    # what a question asked of the card's own facts ("她在哪个城市", "who follows him"), said first
    "field_city": {"zh": "{name}的城市：{value}", "en": "{name}'s city: {value}"},
    "field_city_none": {"zh": "{name}没有城市信息。", "en": "{name} has no city on record."},
    "field_owner": {"zh": "{name}的跟进人：{value}", "en": "{name} is followed by {value}"},
    "field_owner_none": {"zh": "{name}目前没有跟进人。", "en": "Nobody follows {name} now."},
    "field_channel": {"zh": "{name}的添加方式：{value}", "en": "How {name} was added: {value}"},
    "field_channel_none": {"zh": "{name}的添加方式没有记录。", "en": "How {name} was added is not on record."},
    "field_tags": {"zh": "{name}的标签：{value}", "en": "{name}'s tags: {value}"},
    "field_tags_none": {"zh": "{name}没有标签。", "en": "{name} has no tags."},
    "field_spend": {
        "zh": "{name}累计消费 ¥{total}（{orders} 单），近{days}天 ¥{recent}",
        "en": "{name} has spent ¥{total} in total ({orders} orders), ¥{recent} in the last {days} days",
    },
    "field_company": {"zh": "{name}的公司：{value}", "en": "{name}'s company: {value}"},
    "field_company_none": {"zh": "{name}没有公司信息。", "en": "{name} has no company on record."},
    "field_phone": {"zh": "{name}的手机：{value}", "en": "{name}'s phone: {value}"},
    "field_phone_none": {"zh": "{name}没有手机号记录。", "en": "{name} has no phone on record."},
    "field_remark": {"zh": "{name}的备注：{value}", "en": "{name}'s remark: {value}"},
    "field_remark_none": {"zh": "{name}没有备注。", "en": "{name} has no remark."},
    "card_head": {"zh": "客户：{name}", "en": "Customer: {name}"},
    "card_phone": {"zh": "手机：{phone}", "en": "phone: {phone}"},
    "card_owner": {"zh": "跟进人：{owners}", "en": "Owners: {owners}"},
    "card_owner_one": {"zh": "{name}（添加于 {added}{how}{remark}）", "en": "{name} (added {added}{how}{remark})"},
    "card_add_way": {"zh": " · {way}", "en": " · {way}"},
    "card_channel": {"zh": " · 渠道活码：{channel}", "en": " · channel code: {channel}"},
    "card_remark": {"zh": "，备注：{remark}", "en": ", remark: {remark}"},
    "card_no_owner": {"zh": "跟进人：无", "en": "Owners: none"},
    "card_tags": {"zh": "标签：{tags}", "en": "Tags: {tags}"},
    "card_place": {"zh": "城市：{city} · 公司：{company} · 性别：{gender}", "en": "City: {city} · company: {company} · gender: {gender}"},
    "card_spend": {
        "zh": "消费：累计 ¥{total}（{orders} 单），近{days}天 ¥{recent}；咨询 {inquiries} 次",
        "en": "Spend: ¥{total} in total ({orders} orders), ¥{recent} in the last {days} days; {inquiries} inquiries",
    },
    "card_last": {"zh": "最近咨询：{inquiry} · 最近下单：{order} · 最近到店：{visit}", "en": "Last inquiry: {inquiry} · last order: {order} · last visit: {visit}"},
    "card_rfm": {"zh": "RFM 分类：{rfm}", "en": "RFM class: {rfm}"},
    "card_scores": {
        "zh": "预测：仍活跃概率 {alive}，未来90天预计购买 {purchases} 次{clv}",
        "en": "Predicted: {alive} likely still active, {purchases} purchases expected in 90 days{clv}",
    },
    "card_clv": {"zh": "，一年价值约 ¥{clv}", "en": ", about ¥{clv} in a year"},
    "card_segments": {"zh": "所在分群：{names}", "en": "In segments: {names}"},
    "card_coupons": {"zh": "优惠券：已发 {issued} 张，已核销 {redeemed} 张", "en": "Coupons: {issued} issued, {redeemed} redeemed"},
    "card_events": {"zh": "最近 {count} 条动态：", "en": "Last {count} events:"},
    "card_no_events": {"zh": "暂无动态记录。", "en": "No events yet."},
    "card_pick": {
        "zh": "找到 {count} 位符合“{query}”的客户，您指的是哪一位？回复序号即可：",
        "en": "{count} customers match “{query}”. Which one? Reply with the number:",
    },
    "pick_owner": {"zh": "跟进人：{owners}", "en": "owner: {owners}"},
    "card_pick_more": {"zh": "（只列出前 {shown} 位，请说得更具体些）", "en": "(only the first {shown}; please be more specific)"},
    "card_gone": {"zh": "这位客户已不在您的权限范围内（或已删除）。", "en": "That customer is no longer one you may see (or was deleted)."},
    "ch_tags_since": {"zh": "注意：标签变动从 {since} 起才有记录，此前的变动不在其中。", "en": "Note: tag changes are recorded since {since}; changes before then are not included."},
    "card_nobody_called": {"zh": "没有找到客户“{name}”。", "en": "No customer of yours is called “{name}”."},
    "card_which_customer": {"zh": "您说的是哪位客户？请说出客户的名字、备注或手机尾号，例如：客户王静的情况。", "en": "Which customer do you mean? Name them (name, remark or last four phone digits), e.g. 'show me 王静'."},
    "card_tag_which": {"zh": "{name}有几个标签：{tags}。要去掉哪一个？请说出标签名，例如：去掉{name}的“{first}”标签。", "en": "{name} has several tags: {tags}. Which one should come off? Name it, e.g. 'remove the “{first}” tag from {name}'."},
    "same_tag_which": {"zh": "{name}有几个标签：{tags}。要找和{name}哪个标签一样的客户？回复序号即可：", "en": "{name} has several tags: {tags}. The same as which one? Reply with the number:"},
    "same_tag_none": {"zh": "{name}现在没有标签，找不到和{name}标签一样的客户。", "en": "{name} has no tags now: there is no tag of theirs to match."},
    "card_tag_none": {"zh": "{name}现在没有标签，没有可去掉的。", "en": "{name} has no tags now: there is none to remove."},
    "card_rows_unnumbered": {"zh": "这张卡片背后没有编号的列表，不知道第几位指的是谁。请直接说出要去掉的客户名字。", "en": "There is no numbered list behind this card, so I cannot tell who that number is. Please name the customers to leave out."},
    "card_rows_past": {"zh": "列表只有 {count} 位，没有第 {number} 位。要去掉哪几位？请回复 1 到 {count} 之间的序号。", "en": "The list has {count} customers, so there is no number {number}. Which ones should come off? Reply with numbers from 1 to {count}."},
    "card_rows_gone": {"zh": "第 {numbers} 位已经不在这张卡片上了，卡片没有改动。", "en": "Number {numbers} is no longer on the card; the card is unchanged."},
    "card_rows_all": {"zh": "去掉这几位后卡片上就没有客户了。要取消这张卡片吗？回复“取消”即可。", "en": "Without those, nobody is left on the card. Cancel it? Reply 'cancel'."},
    "pick_out_of_range": {"zh": "请回复 1 到 {count} 之间的序号。", "en": "Please reply with a number from 1 to {count}."},
    "none_value": {"zh": "无", "en": "none"},
    "no_rfm": {"zh": "无订单，暂无分类", "en": "no orders yet"},
    "ch_default": {"zh": "（未说时间，按近7天计算）", "en": "(no period given: the last 7 days)"},
    "ch_computed": {
        "zh": "（按现在与期初分别计算比较得出）",
        "en": "(compared as of the start of the period and now)",
    },
    "ch_current_only": {
        "zh": "注意：标签、跟进人、城市、性别和预测分数没有历史记录，两端都按现在的值计算，它们的变化不会显示在这里；要跟踪它们，请把条件保存为分群（每晚留存成员快照）。",
        "en": "Note: tags, owners, city, gender and scores have no history and are read as they are now at both ends, so changes in them do not show here; save the condition as a segment to track them (members are snapshotted nightly).",
    },
    "digest_head_sales": {"zh": "以下是您自己客户范围内的日报：", "en": "Your digest, for your own customers:"},
    "saved_mine": {"zh": "我的分群：", "en": "My segments:"},
    "saved_shared": {"zh": "其他同事共享的分群：", "en": "Shared by colleagues:"},
    "saved_line": {
        "zh": "· {name}（{owner}）：{size} 人，较7天前 {change}{description}",
        "en": "· {name} ({owner}): {size}, {change} vs a week ago{description}",
    },
    "saved_none": {
        "zh": "还没有保存的分群。可以说“把近30天咨询未下单的客户保存为“待跟进””。",
        "en": "No saved segments yet. Try 'save customers who inquired in the last 30 days as follow-up'.",
    },
    "list_context": {
        "zh": "这份名单来自成员变化，不能直接执行操作；可以回复“导出这些”“更多”，或“其中上海的”再筛选。",
        "en": "This list comes from membership changes: it can be exported ('export these'), paged ('more') or narrowed ('which of them are in Shanghai'), not acted on.",
    },
}  # fmt: skip

KIND_ZH_EN = {kind: words.label for kind, words in EVENT_WORDS.items()}
GENDER_WORDS = {1: ("男", "male"), 2: ("女", "female")}


def say_card(key: str, lang: str, **values: object) -> str:
    template = CARD_TEXTS[key].get(lang) or CARD_TEXTS[key]["zh"]
    text = template.format(**values)
    return agree(text) if lang == "en" else text
