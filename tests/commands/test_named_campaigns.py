"""A push confirmed for customers named one by one — a pronoun after a customer's card ("给他
发消息"), or a card changed by name ("不要发给Dan") — becomes a campaign that reaches only
them: its tree is all customers, so the names travel with it and every run keeps to them."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.models.campaigns import Campaign
from bot.services.campaigns.planning import PlanContext, current_members
from segmentation.engine import default_context
from tests.commands import test_conversations as played
from tests.segmentation.nlq.fixture import NOW

company = played.company  # the corpus company, loaded once for this module

DAN, OMAR, EVE = "c04", "c15", "c05"


def _play(factory: sessionmaker[Session], userid: str, *messages: str) -> None:
    turns = [played.Turn(text, [], line) for line, text in enumerate(messages, 1)]
    played.test_conversation(factory, played.Script("named", 1, userid, turns))


def _last_campaign_members(factory: sessionmaker[Session]) -> set[str]:
    settings = played.SETTINGS
    pctx = PlanContext(settings.campaigns, default_context(settings.timezone), settings.admins)
    with factory() as session:
        campaign = session.scalars(select(Campaign).order_by(Campaign.id.desc())).first()
        assert campaign is not None
        return set(current_members(session, campaign, NOW, pctx))


@pytest.mark.parametrize(
    "messages",
    [
        ("客户Dan的情况", "给他发消息“您的积分下月到期”", "确认"),
        ("show me Dan", "send him a message “Points expire next month”", "confirm"),
        ("VIP客户", "其中北京的", "给他发一张满100减20的券", "确认"),
        ("客户Dan的情况", "每周五上午10点给他发消息“周末店里有活动哦”", "确认"),
        ("VIP客户", "其中北京的", "每周一上午9点给佢發個訊息「新貨到咗」", "確認"),
    ],
)
def test_a_push_to_one_named_customer_reaches_only_them(company, messages):
    _play(company, "boss", *messages)
    assert _last_campaign_members(company) == {DAN}


def test_a_card_changed_by_name_reaches_only_those_left(company):
    _play(company, "boss", "流失风险客户", "给他们发满500减100的券", "不要发给Omar", "确认")
    assert _last_campaign_members(company) == {EVE}
