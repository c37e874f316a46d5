"""A chat rig for the safety tests: the chat company (tests/commands/chatworld.py) with extra
customers, synced into an empty database, answered through the real chat path."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine

from bot.database import make_session_factory
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator.company import Company, SimCustomer
from integrations.wecom.simulator.state import SimConfig
from tests.commands.chatworld import CORP_ID, NOW, chat_company, load_world
from tests.commands.conftest import ChatRig


def company_with(extra: dict[str, dict[str, str]]) -> Company:
    """The chat company plus, per member userid, {external_userid: name} more customers."""
    company = chat_company()
    added = int((NOW - timedelta(days=40)).timestamp())
    for owner, customers in extra.items():
        for eid, name in customers.items():
            company.add_follow(SimCustomer(eid, name, city="杭州"), owner, added)
    return company


def chat_rig(engine: Engine, company: Company | None = None) -> ChatRig:
    gateway = FakeWeComGateway(company or chat_company(), SimConfig(corp_id=CORP_ID))
    factory = make_session_factory(engine)
    load_world(factory, gateway)
    return ChatRig(factory, gateway)


def texts(replies: list) -> str:  # type: ignore[type-arg]
    """Everything the member was sent: texts and card contents, as one string."""
    return "\n".join(f"{r.text}\n{r.card or ''}" for r in replies)
