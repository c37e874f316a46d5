"""Sending replies through the gateway: texts, markdown, cards (their response_code kept with
the pending action), card updates, and files or images uploaded first."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import Reply
from bot.models.confirmations import PendingAction
from integrations.wecom.gateway import WeComGateway
from segmentation.markup import inert_text


def send_reply(session: Session, gateway: WeComGateway, reply: Reply) -> None:
    to = [reply.userid]
    if reply.update_code is not None and reply.card is not None:
        gateway.update_template_card(to, reply.update_code, card=reply.card)
        return
    if reply.card is not None:
        result = gateway.send_template_card(to, reply.card)
        action = session.get(PendingAction, reply.pending_id) if reply.pending_id else None
        if action is not None and result.response_code:
            action.response_code = result.response_code
        return
    if reply.text:
        if reply.markdown:
            gateway.send_markdown(to, reply.text)
        else:
            gateway.send_text(to, inert_text(reply.text))  # no <a href> from anyone's names
    if reply.attachment is not None:
        item = reply.attachment
        media = gateway.upload_media(item.kind, item.filename, item.content)
        if item.kind == "image":
            gateway.send_image(to, media.media_id)
        else:
            gateway.send_file(to, media.media_id)


def send_replies(session: Session, gateway: WeComGateway, replies: list[Reply]) -> None:
    for reply in replies:
        send_reply(session, gateway, reply)
