"""User-facing sentences of confirmations, exports, explanations and profiles (zh and en)."""

from __future__ import annotations

ACTION_TEXTS: dict[str, dict[str, str]] = {
    "card_source": {"zh": "客户分群助手", "en": "Segment bot"},
    "title_tag": {"zh": "确认打标签“{tag}”", "en": "Confirm: tag “{tag}”"},
    "title_untag": {"zh": "确认去掉标签“{tag}”", "en": "Confirm: remove tag “{tag}”"},
    "title_push": {"zh": "确认群发", "en": "Confirm: send"},
    "title_schedule": {"zh": "确认定时群发", "en": "Confirm: scheduled send"},
    "title_save": {"zh": "确认覆盖分群“{name}”", "en": "Confirm: replace segment “{name}”"},
    "key_size": {"zh": "目标人数", "en": "Audience"},  # WeCom keynames: 8 characters
    "key_sample": {"zh": "例如", "en": "E.g."},
    "key_excluded": {"zh": "已排除", "en": "Excluded"},
    "key_content": {"zh": "内容", "en": "Content"},
    "key_cost": {"zh": "成本", "en": "Cost"},
    "key_when": {"zh": "时间", "en": "When"},
    "key_expires": {"zh": "有效期", "en": "Expires"},
    "size_value": {"zh": "{count} 人", "en": "{count}"},
    "excluded_scope": {
        "zh": "已删除客户及您权限范围外的客户",
        "en": "deleted or out of scope",  # a card value: at most 26 characters (cards.py)
    },
    "excluded_deleted": {"zh": "已删除客户不计入", "en": "deleted customers"},
    "cost_coupon": {
        "zh": "最多 ¥{total}（{count} 人 × ¥{value}）",
        "en": "at most ¥{total} ({count} × ¥{value})",
    },
    "cost_discount": {"zh": "{coupon}，按折扣核销，无法预估", "en": "{coupon}: depends on orders"},
    "cost_mass": {
        "zh": "每人占用本月群发额度 1 次（上限 {limit} 次）",
        "en": "1 of each customer's {limit} mass messages this month",
    },
    "every_day": {"zh": "每天 {time}", "en": "every day at {time}"},
    # a card's value holds 26 characters: "once: Mon Nov 2, 09:00" shows its time whole
    "once_at": {"zh": "仅一次：{day} {time}", "en": "once: {day}, {time}"},
    "every_week": {"zh": "每周{day} {time}", "en": "every {day} at {time}"},
    "every_weekday": {
        "zh": "每个工作日（周一至周五） {time}",
        "en": "every weekday (Mon–Fri) at {time}",
    },
    "every_month": {"zh": "每月{day}日 {time}", "en": "on day {day} of every month at {time}"},
    "now": {"zh": "确认后立即（静默时段顺延）", "en": "right after confirming (quiet hours wait)"},
    "buttons_confirm": {"zh": "确认执行", "en": "Confirm"},
    "buttons_cancel": {"zh": "取消", "en": "Cancel"},
    "card_text": {
        "zh": "{description}：共 {count} 人。请在卡片上点“确认执行”，或回复“确认”/“取消”。",
        "en": "{description}: {count} customers. Press Confirm on the card, or reply "
        "'confirm' / 'cancel'.",
    },
    "nothing_to_do": {
        "zh": "{description}：共 0 人，没有需要执行的操作。",
        "en": "{description}: 0 customers, so there is nothing to do.",
    },
    "no_pending": {
        "zh": "没有等待您确认的操作。",
        "en": "There is no action waiting for your confirmation.",
    },
    "unknown_card": {"zh": "找不到这张卡片对应的操作。", "en": "That card's action is unknown."},
    "already": {"zh": "已执行，不会重复执行。", "en": "Already done; it will not run twice."},
    "already_cancelled": {"zh": "这个操作已取消。", "en": "That action was cancelled."},
    "already_expired": {
        "zh": "这个操作已过期，请重新发起。",
        "en": "That action has expired; please ask again.",
    },
    "in_progress": {
        "zh": "这个操作已确认，正在执行或已中断，不会重复执行。",
        "en": "That action was confirmed already; it will not run twice.",
    },
    "expired": {
        "zh": "这个操作已过期（{minutes} 分钟内未确认），没有执行。请重新发起。",
        "en": "That action expired ({minutes} minutes without confirmation) and did not run. "
        "Please ask again.",
    },
    "cancelled": {
        "zh": "已取消，没有执行。",
        "en": "Cancelled; nothing was done, and the cancelled card can no longer run.",
    },
    "card_replaced": {
        "zh": "已按您的修改重新生成确认卡片；上一张卡片已作废，不会执行。",
        "en": "Here is the card with your change; the previous card is void and will not run.",
    },
    "without_named": {
        "zh": "{description}（不含{names}）",
        "en": "{description} (without {names})",
    },
    "only_named": {"zh": "{description}中的{names}", "en": "{names}, of {description}"},
    "tag_or_holders": {
        "zh": "是把卡片上的标签改成“{tag}”，还是只给已有“{tag}”标签的客户打？"
        "请说“标签换成{tag}”或“只给{tag}的打”。",
        "en": "Change the card's tag to “{tag}”, or keep only the customers already tagged "
        "“{tag}”? Say 'change the tag to {tag}' or 'only the {tag} ones'.",
    },
    "also_named": {"zh": "{description}（另加{names}）", "en": "{description} (and {names})"},
    # the same words whether or not such a customer exists outside the member's scope
    "card_add_unknown": {
        "zh": "您的客户里没有“{name}”，卡片没有改动（只能加上您权限范围内的客户）。",
        "en": "No customer of yours is called “{name}”; the card is unchanged (only customers "
        "you may see can be added).",
    },
    # on a tag card the word may have been meant as a tag: how to say that is shown too
    "card_add_unknown_tag": {
        "zh": "您的客户里没有“{name}”，卡片没有改动（只能加上您权限范围内的客户；"
        "要换成这个标签，请说：标签改成“{name}”）。",
        "en": "No customer of yours is called “{name}”; the card is unchanged (only customers "
        "you may see can be added; for that tag instead, say: change the tag to “{name}”).",
    },
    "new_tag": {
        "zh": "{tag}（新标签：确认后在企业微信中创建）",
        "en": "{tag} (a new tag: created in WeCom when confirmed)",
    },
    "confirm_how": {
        "zh": "还没有执行{what}。要执行请回复“确认”（或点卡片上的按钮）；不执行请回复“取消”。",
        "en": "Nothing has run yet{what}. Reply “confirm” (or press the card's button) to run it, "
        "or “cancel” to drop it.",
    },
    # What waits, in the words of its card's title: （打标签“高意向”：上海的客户）
    "confirm_how_what": {"zh": "（{title}：{description}）", "en": " ({title}: {description})"},
    "widen_which": {
        "zh": "刚才的名单（{description}）现在有 {count} 人，卡片不全是从中选的，或人数对不上。"
        "要改成给这 {count} 人吗？请说“改成这{count}个都…”，或说出要加上谁，例如“也给Bob”。",
        "en": "The list shown before ({description}) now holds {count} people, and the card is "
        "not all from it or the number differs. All {count} of them? Say 'all {count} of them', "
        "or name whom to add, e.g. 'also Bob'.",
    },
    "widen_no_list": {
        "zh": "“都/全部”是指哪些客户？请先说出完整条件，例如“给待跟进标签的客户都去掉待跟进标签”。",
        "en": "All of which customers? Say the whole condition, e.g. 'remove the 待跟进 tag from "
        "all customers tagged 待跟进'.",
    },
    "content_what": {
        "zh": "要改成什么？例如：改成满300减30的券、消息改成“周末到店有礼”、只给上海的发。",
        "en": "Change it to what? E.g. 'make it 30 off orders over 300', "
        "'change the message to \"See you this weekend\"', 'only send to Shanghai'.",
    },
    "replace_confirmed": {"zh": "已确认", "en": "Confirmed"},
    "replace_cancelled": {"zh": "已取消", "en": "Cancelled"},
    "replace_expired": {"zh": "已过期", "en": "Expired"},
    "replace_replaced": {"zh": "已作废", "en": "Replaced"},
    "replace_refused": {"zh": "无权确认", "en": "Not allowed"},
    "not_allowed_role": {
        "zh": "您没有权限确认这个操作（{what}需要{role}确认）。",
        "en": "You may not confirm this ({what} needs {role}).",
    },
    "not_allowed_scope": {
        "zh": "您不能确认这个操作：其中有客户不在您的权限范围内。",
        "en": "You cannot confirm this: some of its customers are outside your scope.",
    },
    "not_yours": {
        "zh": "只有发起人或管理员可以决定这个操作。",
        "en": "Only the person who asked, or an admin, may decide this.",
    },
    "asker_gone": {
        "zh": "发起人已不是在职成员，这个操作不能执行。",
        "en": "The person who asked is no longer an active member; this cannot run.",
    },
    "no_gateway": {
        "zh": "暂时无法连接企业微信，操作没有执行，请稍后再试。",
        "en": "WeCom cannot be reached right now; nothing was done. Please try again later.",
    },
    "changed": {
        "zh": "（确认时重新计算：{before} → {after} 人）",
        "en": " (recounted at confirmation: {before} → {after})",
    },
    "tag_done": {
        "zh": "已为 {ok} 位客户打上标签“{tag}”{changed}。",
        "en": "Tagged {ok} customers with “{tag}”{changed}.",
    },
    "tag_queued": {
        "zh": "已确认：正在为 {count} 位客户打上标签“{tag}”{changed}，完成后告诉您结果。",
        "en": "Confirmed: tagging {count} customers with “{tag}”{changed}; I will report back "
        "when it is done.",
    },
    "untag_queued": {
        "zh": "已确认：正在为 {count} 位客户去掉标签“{tag}”{changed}，完成后告诉您结果。",
        "en": "Confirmed: removing “{tag}” from {count} customers{changed}; I will report back "
        "when it is done.",
    },
    "untag_done": {
        "zh": "已为 {ok} 位客户去掉标签“{tag}”{changed}。",
        "en": "Removed “{tag}” from {ok} customers{changed}.",
    },
    "tag_failed": {
        "zh": "{failed} 位客户失败（例如 {examples}）。",
        "en": "{failed} failed (e.g. {examples}).",
    },
    "no_such_tag": {
        "zh": "没有名为“{tag}”的标签，无需去掉。",
        "en": "There is no tag named “{tag}”, so there is nothing to remove.",
    },
    "tag_create_failed": {
        "zh": "无法在企业微信创建标签“{tag}”：{error}",
        "en": "Could not create the tag “{tag}” in WeCom: {error}",
    },
    "campaign_created": {
        "zh": "已创建群发任务 #{id}（{count} 人{who}）：由群发任务在一分钟内发出（静默时段顺延），"
        "成员需在企业微信中确认发送。",
        "en": "Created campaign #{id} ({count} customers{who}): the campaign worker sends it "
        "within a minute (held in quiet hours); members confirm the send in WeCom.",
    },
    "schedule_created": {
        "zh": "已创建定时群发 #{id}（目前 {count} 人{who}）：{when}，"
        "每次发送时按当时的客户数据计算（已保存分群按本次确认时的定义）。",
        "en": "Created scheduled campaign #{id} ({count} customers now{who}): {when}; each run "
        "uses the customers' data as it is then (saved segments as defined now).",
    },
    "once_created": {
        "zh": "已创建定时群发 #{id}（目前 {count} 人{who}）：{when}，只发这一次；"
        "发送时按当时的客户数据计算（已保存分群按本次确认时的定义）。",
        "en": "Created scheduled campaign #{id} ({count} customers now{who}): {when}, sent this "
        "once only; it uses the customers' data as it is then (saved segments as defined now).",
    },
    "once_passed": {
        "zh": "没有创建：计划的时间（{when}）已经过去了。请重新说一个将来的时间，"
        "例如“明天上午10点给…发…”。",
        "en": "Not created: the time planned ({when}) has passed. Say a time to come, e.g. "
        "'tomorrow at 10am send …'.",
    },
    "campaign_failed": {
        "zh": "群发任务没有创建：{error}",
        "en": "The campaign was not created: {error}",
    },
    "saved": {
        "zh": "已保存分群“{name}”：{description}（当前共 {count} 人）。",
        "en": "Saved segment “{name}”: {description} ({count} in total now).",
    },
    "save_failed": {"zh": "无法保存：{error}", "en": "Could not save: {error}"},
    "name_taken": {
        "zh": "“{name}”已被{owner}使用，换个名字？",
        "en": "“{name}” is already used by {owner}. Choose another name?",
    },
    "segment_redefined_for_owner": {
        "zh": "您的分群“{name}”已被{who}修改（第 {version} 版），所有者仍是您。",
        "en": "Your segment “{name}” was changed by {who} (version {version}); it is still yours.",
    },
    "segment_changed": {
        "zh": "分群“{name}”已被{who}修改（第 {version} 版）。活动 #{id}“{campaign}”仍按您确认时的"
        "第 {pinned} 版发送；回复“活动 #{id} 使用新分群”后才按新定义发送。",
        "en": "Segment “{name}” was changed by {who} (version {version}). Campaign #{id} "
        "“{campaign}” keeps sending to version {pinned}, the one you confirmed; reply "
        "'campaign #{id} use the new segment' to switch.",
    },
    "segment_reconfirmed": {
        "zh": "活动 #{id} 已改用分群的最新定义（{versions}），当前 {count} 人。",
        "en": "Campaign #{id} now uses the segments' current definitions ({versions}); "
        "{count} customers now.",
    },
    "segment_current": {
        "zh": "活动 #{id} 已经在使用分群的最新定义。",
        "en": "Campaign #{id} already uses the segments' current definitions.",
    },
    "campaign_unknown": {
        "zh": "找不到您可以确认的活动 #{id}（只有活动的创建人或管理员可以确认）。",
        "en": "No campaign #{id} that you may re-confirm (only its creator or an admin may).",
    },
    "export_text": {
        "zh": "{description}：共 {count} 人，已导出为 {kind}{phones}。",
        "en": "{description}: {count} customers, exported to {kind}{phones}.",
    },
    # Which phones an export shows in full (README: admins all, others their own customers').
    "export_phones_shown": {"zh": "", "en": ""},
    "export_phones_masked": {"zh": "（手机号已打码）", "en": " (phone numbers masked)"},
    "export_phones_some": {
        "zh": "（非您本人跟进的客户，手机号已打码）",
        "en": " (phone numbers masked except for the customers you follow yourself)",
    },
    "export_too_big": {
        "zh": "{description}：共 {count} 人，导出文件 {mb} MB，超过企业微信 20 MB 的文件上限。"
        "请缩小范围后再导出。",
        "en": "{description}: {count} customers; the file would be {mb} MB, over WeCom's "
        "20 MB limit. Please narrow the segment.",
    },
    "export_empty": {
        "zh": "{description}：共 0 人，没有可导出的客户。",
        "en": "{description}: 0 customers, nothing to export.",
    },
    "history": {
        "zh": "昨天：{yesterday} 人；一周前：{week} 人",
        "en": "yesterday: {yesterday}; a week ago: {week}",
    },
    "history_unknown": {"zh": "未知", "en": "unknown"},
    "explain_which": {
        "zh": "有 {count} 位客户叫“{name}”，您指的是哪一位？",
        "en": "{count} customers are called “{name}”; which one do you mean?",
    },
    "explain_nobody": {
        "zh": "在您能查看的客户中没有找到“{name}”。",
        "en": "No customer called “{name}” among the customers you can see.",
    },
    "explain_in": {
        "zh": "{name} 在“{description}”中，因为：",
        "en": "{name} is in “{description}” because:",
    },
    "explain_out": {
        "zh": "{name} 不在“{description}”中，因为：",
        "en": "{name} is not in “{description}” because:",
    },
    "no_context": {
        "zh": "请先查询一个分群，或直接说出条件，例如：为什么张三在近30天有咨询的客户里。",
        "en": "Ask for a segment first, or name it, e.g. 'why is Zhang San in customers who "
        "inquired in the last 30 days'.",
    },
    "profile_head": {"zh": "{description}：共 {count} 人", "en": "{description}: {count}"},
    "profile_city": {"zh": "城市", "en": "City"},
    "profile_owner": {"zh": "跟进人", "en": "Owner"},
    "profile_tag": {"zh": "标签", "en": "Tags"},
    "profile_spend": {"zh": "消费", "en": "Spend"},
    "profile_none": {"zh": "（无）", "en": "(none)"},
    "help": {
        "zh": "您可以这样问我：\n"
        "· 查询：近30天有咨询但未下单的客户\n"
        "· 数量：上海的VIP客户有多少\n"
        "· 导出：导出消费最多的50个客户\n"
        "· 画像：分析一下流失风险客户\n"
        "· 解释：为什么张三在这个分群里\n"
        "· 保存：把近30天新加的客户保存为“新客跟进”\n"
        "· 打标签：给近30天咨询未下单的客户打上“待跟进”标签\n"
        "· 群发：给高意向客户发一张满100减20的券\n"
        "· 定时：每周一上午10点给沉睡客户发消息“好久不见”\n"
        "打标签、群发和定时任务会先发确认卡片，点“确认执行”或回复“确认”后才执行；"
        "列表回复“更多”翻页。",
        "en": "You can ask me:\n"
        "· list: customers who inquired in the last 30 days but did not order\n"
        "· count: how many VIP customers in Shanghai\n"
        "· export: export the top 50 spenders\n"
        "· profile: describe at-risk customers\n"
        "· explain: why is Zhang San in this segment\n"
        "· save: save new customers from the last 30 days as “new follow-up”\n"
        "· tag: tag customers who inquired in the last 30 days with “follow-up”\n"
        "· send: send high-intent customers a coupon ¥20 off orders over ¥100\n"
        "Tagging and sending first show a card; nothing runs until you press Confirm or "
        "reply 'confirm'. Reply 'more' to page through a list.",
    },
    "saved_list": {"zh": "已保存的分群：", "en": "Saved segments:"},
    "saved_none": {"zh": "还没有保存的分群。", "en": "No saved segments yet."},
}
