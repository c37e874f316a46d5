"""Processing one stored callback: route it by type, send what it produces."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from bot.bootstrap import Deps
from bot.commands import CommandContext
from bot.commands.outbound import send_replies
from bot.commands.router import handle_card_click, handle_text
from bot.models.inbox import InboxMessage
from bot.services.sync import apply_callback_event
from integrations.wecom.callback import parse_callback
from integrations.wecom.events import (
    CardClick,
    ContactChange,
    TagChange,
    TextMessage,
)
from integrations.wecom.gateway import WeComGateway

log = logging.getLogger(__name__)


class GatewayUnavailable(RuntimeError):
    """WeCom API settings are missing: the message is kept for a retry, not dropped."""


def _gateway(deps: Deps) -> WeComGateway:
    if deps.gateway is None:
        raise GatewayUnavailable(
            "cannot reach WeCom: set SEGBOT_WECOM_CORP_ID and SEGBOT_WECOM_SECRET"
        )
    return deps.gateway


def dispatch(session: Session, deps: Deps, stored: InboxMessage) -> None:
    """Process one inbox message inside the caller's transaction."""
    message = parse_callback(stored.payload)
    ctx = CommandContext(
        settings=deps.settings,
        now=deps.now(),
        query=deps.query,
        inbox_id=stored.id,
        gateway=deps.gateway,
        engine_ctx=deps.engine_ctx,
    )
    if isinstance(message, TextMessage):
        gateway = _gateway(deps)
        replies = handle_text(session, ctx, message.from_user, message.content)
        send_replies(session, gateway, replies)
    elif isinstance(message, CardClick):
        gateway = _gateway(deps)
        send_replies(session, gateway, handle_card_click(session, ctx, message))
    elif isinstance(message, ContactChange | TagChange):
        outcome = apply_callback_event(session, _gateway(deps), message, ctx.now)
        log.info("inbox message %s: %s", stored.id, outcome)
    else:
        log.info("inbox message %s: %s callback needs no action", stored.id, stored.kind)
