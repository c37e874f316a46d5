"""User-facing sentences of push and schedule confirm cards (zh and en)."""

from __future__ import annotations

PUSH_TEXTS: dict[str, dict[str, str]] = {
    "campaign_none_before": {
        "zh": "在这个活动之前没有发过券的活动。您想看哪个活动？可以说活动名或编号。",
        "en": "No campaign issued coupons before that one. Which campaign do you mean? "
        "Say its name or number.",
    },
    "key_holdout": {"zh": "对照组", "en": "Holdout"},
    # under the card's title: whom it reaches, all of them when few, else some
    "send_to_names": {"zh": "发给：{names}", "en": "To: {names}"},
    "send_to_some": {"zh": "例如：{names}", "en": "E.g.: {names}"},
    "key_send_at": {"zh": "发送时间", "en": "Sends at"},
    "key_cost_max": {"zh": "最高成本", "en": "Max cost"},
    "key_tasks": {"zh": "企微确认", "en": "Tasks"},  # WeCom keynames: 8 characters
    "key_received": {"zh": "客户收到的内容", "en": "What a customer receives"},
    # the card's title is short (26): the placeholder and that it is not filled in
    "received_as_typed": {
        "zh": "客户收到的内容（{typed}不替换）",
        "en": "Sent as typed ({typed})",
    },
    "recipients_value": {"zh": "{count} 人 · 发送 {sent}", "en": "{count} · {sent} sent"},
    "holdout_value": {"zh": "{count} 人不发送（衡量效果）", "en": "{count} not sent (to measure)"},
    "excluded_none": {"zh": "无", "en": "none"},
    "send_at_value": {"zh": "{at}", "en": "{at}"},
    "schedule_first": {"zh": "{every}（首次 {first}）", "en": "{every} (first {first})"},
    "send_at_quiet": {"zh": "{at}（静默时段后）", "en": "{at} (after quiet hours)"},
    "cost_value": {"zh": "¥{total}（{count}人×¥{value}）", "en": "¥{total} ({count}×¥{value})"},
    "cost_none": {"zh": "无券，¥0", "en": "no coupon, ¥0"},
    # the value is cut at 26 characters: the discount first
    "cost_unbounded": {"zh": "{coupon}，随订单而定", "en": "{coupon} (varies)"},
    "needs_approval": {"zh": " · 需审批", "en": " · needs approval"},
    "task_value": {"zh": "{name}{n}次", "en": "{name} {n}×"},
    "task_sep": {"zh": "、", "en": ", "},
    "reason_deleted": {"zh": "已删除", "en": "deleted"},
    "reason_no_owner": {"zh": "无可用跟进人", "en": "no sender in scope"},
    "reason_opted_out": {"zh": "勿扰", "en": "opted out"},
    "reason_frequency_cap": {"zh": "频控", "en": "frequency cap"},
    "reason_monthly_limit": {"zh": "本月额度满", "en": "monthly limit"},
    "push_text": {
        "zh": "{description}：共 {count} 人，实际发送 {recipients} 人，对照组 {holdout} 人。"
        "客户收到：“{message}”"
        "。发送时间 {send_at}。最高成本 {cost}。企业微信确认：{tasks}。{approval}"
        "请在卡片上点“确认执行”，或回复“确认”/“取消”。",
        "en": "{description}: {count} customers, {recipients} recipients, {holdout} in the "
        "holdout. A customer "
        "receives: “{message}”. Sends at {send_at}. Max cost {cost}. WeCom tasks: {tasks}. "
        "{approval}Press Confirm on the card, or reply 'confirm' / 'cancel'.",
    },
    "placeholder_as_typed": {
        "zh": "注意：消息里的 {typed} 不是变量，会按原样发给客户；要逐个称呼客户，请改用 {{name}}"
        "并说“逐个发送”。",
        "en": "Note: {typed} in the message is no variable and is sent as typed; to greet each "
        "customer by name, use {{name}} and say 'one by one'. ",
    },
    "approval_text": {
        "zh": "超过审批额度 ¥{limit} 或为定时群发，需经理或管理员确认。",
        "en": "Over the approval limit of ¥{limit}, or a schedule: a manager or an admin must "
        "confirm it. ",
    },
    "not_allowed_cost": {
        "zh": "您不能确认这个群发：最高成本 ¥{cost} 超过审批额度 ¥{limit}，需经理或管理员确认。",
        "en": "You cannot confirm this push: its maximum cost ¥{cost} is over the approval "
        "limit of ¥{limit}; a manager or an admin must confirm it.",
    },
    "buttons_request": {"zh": "提交审批", "en": "Ask for approval"},
    "buttons_approve": {"zh": "批准", "en": "Approve"},
    "buttons_decline": {"zh": "拒绝", "en": "Decline"},
    "title_approval": {"zh": "审批：{name}的群发", "en": "Approve: {name}'s push"},
    "approval_asked": {
        "zh": "{requester}申请群发（超过审批额度或为定时群发），需要您批准。"
        "请在卡片上点“批准”或“拒绝”。",
        "en": "{requester} asks to send this; it is over the approval limit or a schedule, so "
        "it needs your approval. Press Approve or Decline on the card.",
    },
    "approval_sent": {
        "zh": "已提交给{approver}审批，批准后自动执行，结果会通知您。",
        "en": "Sent to {approver} for approval; it runs once approved, and you will be told.",
    },
    "approval_approved": {
        "zh": "{approver}已批准您的群发申请：{outcome}",
        "en": "{approver} approved your request: {outcome}",
    },
    "approval_declined": {
        "zh": "{approver}拒绝了您的群发申请，没有发送。",
        "en": "{approver} declined your request; nothing was sent.",
    },
    "no_approver": {
        "zh": "找不到可以审批的经理或管理员，请联系管理员。",
        "en": "There is no manager or admin to approve this; please contact an admin.",
    },
}
