"""Plaintext callback XML for typed messages in WeCom's shapes (sent by the simulator, tests)."""

from __future__ import annotations

from integrations.wecom.events import (
    CallbackMessage,
    CardClick,
    ContactChange,
    TagChange,
    TextMessage,
    UnknownCallback,
)


def _cdata(value: str) -> str:
    # "]]>" cannot appear inside CDATA; split it the standard way.
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _fields(pairs: list[tuple[str, object]]) -> str:
    out = []
    for tag, value in pairs:
        if value is None:
            continue
        text = str(value) if isinstance(value, int) else _cdata(str(value))
        out.append(f"<{tag}>{text}</{tag}>")
    return "".join(out)


def render_callback(message: CallbackMessage, corp_id: str) -> str:
    """The decrypted XML WeCom would send for `message`."""
    head: list[tuple[str, object]] = [("ToUserName", corp_id)]
    if isinstance(message, TextMessage):
        body = [
            *head,
            ("FromUserName", message.from_user),
            ("CreateTime", message.create_time),
            ("MsgType", "text"),
            ("Content", message.content),
            ("MsgId", int(message.msg_id) if message.msg_id.isdigit() else message.msg_id),
            ("AgentID", message.agent_id),
        ]
        return "<xml>" + _fields(body) + "</xml>"
    if isinstance(message, ContactChange):
        body = [
            *head,
            ("FromUserName", "sys"),
            ("CreateTime", message.create_time),
            ("MsgType", "event"),
            ("Event", "change_external_contact"),
            ("ChangeType", message.change_type),
            ("UserID", message.userid),
            ("ExternalUserID", message.external_userid),
            ("State", message.state),
            ("WelcomeCode", message.welcome_code),
            ("Source", message.source),
            ("FailReason", message.fail_reason),
        ]
        return "<xml>" + _fields(body) + "</xml>"
    if isinstance(message, TagChange):
        body = [
            *head,
            ("FromUserName", "sys"),
            ("CreateTime", message.create_time),
            ("MsgType", "event"),
            ("Event", "change_external_tag"),
            ("Id", message.tag_id),
            ("TagType", message.tag_type),
            ("ChangeType", message.change_type),
            ("StrategyId", message.strategy_id),
        ]
        return "<xml>" + _fields(body) + "</xml>"
    if isinstance(message, CardClick):
        return _render_card(message, head)
    if isinstance(message, UnknownCallback):
        return message.raw_xml
    raise TypeError(f"not a callback message: {type(message).__name__}")


def _render_card(message: CardClick, head: list[tuple[str, object]]) -> str:
    body = [
        *head,
        ("FromUserName", message.from_user),
        ("CreateTime", message.create_time),
        ("MsgType", "event"),
        ("Event", "template_card_event"),
        ("EventKey", message.event_key),
        ("TaskId", message.task_id),
        ("CardType", message.card_type),
        ("ResponseCode", message.response_code),
        ("AgentID", message.agent_id),
    ]
    selected = ""
    if message.selected_items:
        items = "".join(
            "<SelectedItem><QuestionKey>"
            + _cdata(question)
            + "</QuestionKey><OptionIds>"
            + "".join(f"<OptionId>{_cdata(o)}</OptionId>" for o in options)
            + "</OptionIds></SelectedItem>"
            for question, options in message.selected_items
        )
        selected = f"<SelectedItems>{items}</SelectedItems>"
    return "<xml>" + _fields(body) + selected + "</xml>"
