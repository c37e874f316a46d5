"""A chat rig: the chat company synced into an empty database, a fake WeCom, a movable clock."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.commands import CommandContext, Reply
from bot.commands.outbound import send_replies
from bot.commands.router import handle_card_click, handle_text
from bot.commands.tagging import report_text
from bot.database import make_session_factory
from bot.services.tag_outbox import send_tag_writes
from integrations.wecom.events import CardClick
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator.state import SimConfig
from tests.commands.chatworld import CORP_ID, NOW, SETTINGS, chat_company, load_world


@dataclass
class ChatRig:
    factory: sessionmaker[Session]
    gateway: FakeWeComGateway
    now: datetime = NOW
    # Run the tag outbox after each message, as the inbox worker does between messages.
    auto_outbox: bool = True

    def ctx(self) -> CommandContext:
        return CommandContext(settings=SETTINGS, now=self.now, gateway=self.gateway)

    def tell(self, userid: str, text: str) -> list[Reply]:
        """One chat message, answered, sent and committed (as the inbox worker does)."""
        with self.factory() as session:
            replies = handle_text(session, self.ctx(), userid, text)
            send_replies(session, self.gateway, replies)
            session.commit()
        if self.auto_outbox:
            self.send_tag_outbox()
        return replies

    def send_tag_outbox(self) -> None:
        """What the inbox worker does between messages: send the tag outbox, report."""
        while send_tag_writes(self.factory, self.gateway, lambda: self.now, report_text):
            pass

    def texts_to(self, userid: str) -> list[str]:
        """Plain texts sent to `userid` (replies and the tag outbox's reports)."""
        return [m["text"]["content"] for m in self.gateway.sent
                if m["msgtype"] == "text" and userid in m["touser"]]  # fmt: skip

    def click(self, userid: str, task_id: str, key: str = "confirm") -> list[Reply]:
        code = f"rc-{len(self.gateway.state.response_codes)}-{userid}-{key}"
        self.gateway.state.response_codes[code] = task_id
        click = CardClick(userid, key, task_id, "button_interaction", code, 0)
        with self.factory() as session:
            replies = handle_card_click(session, self.ctx(), click)
            send_replies(session, self.gateway, replies)
            session.commit()
        if self.auto_outbox:
            self.send_tag_outbox()
        return replies

    def later(self, delta: timedelta) -> ChatRig:
        return replace(self, now=self.now + delta)

    def cards(self) -> list[dict[str, object]]:
        return [m["template_card"] for m in self.gateway.sent if m["msgtype"] == "template_card"]

    def api_calls(self, api: str) -> int:
        return sum(1 for c in self.gateway.calls if c.api == api)


@pytest.fixture
def rig(clean_engine: Engine) -> ChatRig:
    gateway = FakeWeComGateway(chat_company(), SimConfig(corp_id=CORP_ID))
    factory = make_session_factory(clean_engine)
    load_world(factory, gateway)
    return ChatRig(factory, gateway)
