"""Issue #16 finding 6: customer- and staff-chosen text (segment, tag, customer, campaign and
staff names) is data, never markup — in markdown replies, cards, text messages, the digest
and the reminders to salespeople. Through the chat path, the digest builder and the sender."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import Engine

from bot.services.campaigns.sending import Batch, reminder_text
from bot.services.digest.build import DigestConfig, build_digest, digest_requester
from bot.services.digest.render import render_markdown
from integrations.wecom.simulator.company import SimCustomer, SimMember
from segmentation.engine import default_context
from segmentation.markup import escape_markdown
from segmentation.snapshots import take_snapshots
from tests.commands.chatworld import ADMINS, NOW, SETTINGS
from tests.commands.conftest import ChatRig
from tests.reliability.chat import chat_rig, company_with

LINK = "[紧急通知点此](http://evil.example)"
ANCHOR = '<a href="http://evil.example">点此领奖</a>'
FONT = '<font color="warning">紧急</font>'
# Markup WeCom would act on: a link, an HTML tag, bold, a heading or quote at a line start.
LIVE = re.compile(r"\[[^\]\n]*\]\(|<\s*(?:a|font)\b", re.IGNORECASE)


@pytest.fixture
def chat(clean_engine: Engine) -> ChatRig:
    company = company_with({})
    added = int((NOW - timedelta(days=40)).timestamp())
    company.members["evil"] = SimMember("evil", LINK, [2], [])
    company.add_follow(SimCustomer("wmEVIL1", ANCHOR, city=FONT), "zhangsan", added)
    company.add_follow(SimCustomer("wmEVIL2", LINK, city=FONT), "zhangsan", added)
    company.add_follow(SimCustomer("wmEVIL3", "某客户"), "evil", added)
    return chat_rig(clean_engine, company)


def _sent(chat: ChatRig, msgtype: str) -> list[str]:
    return [
        json.dumps(m[msgtype], ensure_ascii=False) if msgtype == "template_card"
        else str(m[msgtype]["content"])
        for m in chat.gateway.sent
        if m["msgtype"] == msgtype
    ]  # fmt: skip


def test_a_saved_segment_name_is_no_link_in_markdown_replies(chat: ChatRig) -> None:
    chat.tell("boss", f"把李四的客户保存为“{LINK}”")
    with chat.factory() as session:  # overlaps are read from the nightly snapshot
        take_snapshots(session, chat.now, default_context(SETTINGS.timezone_name))
        session.commit()
    chat.tell("boss", f"分析一下“{LINK}”分群")  # the name restated in the head
    chat.tell("boss", "分析一下所有客户")  # the name in the overlap line
    markdown = _sent(chat, "markdown")
    assert len(markdown) == 2
    assert all("紧急通知点此" in m for m in markdown), markdown  # still readable
    assert not any(LIVE.search(m) for m in markdown), markdown


def test_customer_names_are_no_link_in_text_replies(chat: ChatRig) -> None:
    chat.tell("zhangsan", "我的客户")
    [text] = _sent(chat, "text")
    assert '＜a href="http://evil' in text  # shown as the customer's own name, inert
    assert not re.search(r"<\s*a\b", text), text


def test_card_fields_are_inert(chat: ChatRig) -> None:
    chat.tell("zhangsan", f"给我的客户打上“{LINK}”标签")
    [card] = _sent(chat, "template_card")
    assert "紧急通知点此" in card
    assert not LIVE.search(card), card


def test_the_digest_markdown_keeps_names_inert(chat: ChatRig) -> None:
    chat.tell("boss", f"把所有客户保存为“{LINK}”")
    chat.tell("boss", f"给“{LINK}”分群的客户发消息“你好”")
    chat.tell("boss", "确认")
    config = DigestConfig(engine=default_context(SETTINGS.timezone_name), admins=ADMINS)
    with chat.factory() as session:
        digest = build_digest(session, digest_requester(session, "boss", ADMINS),
                              chat.now + timedelta(days=1), config)  # fmt: skip
    assert any(line.name_zh == LINK for line in digest.segments)
    for language in ("zh", "en"):
        markdown = render_markdown(digest, language)
        assert "紧急通知点此" in markdown
        assert not LIVE.search(markdown), markdown


def test_a_reminder_to_a_salesperson_keeps_names_inert() -> None:
    batch = Batch([1, 2], 1, LINK, "reminder", "zhangsan", ["wmEVIL1", "wmEVIL2"],
                  [f"{ANCHOR}：回访", f"{LINK}：回访"])  # fmt: skip
    text = reminder_text(batch)
    assert "点此领奖" in text and "紧急通知点此" in text
    assert not LIVE.search(text), text


@pytest.mark.parametrize(
    "text", [LINK, ANCHOR, FONT, "**粗体**", "# 标题", "> 引用", "`代码`", "a\n> 换行引用", "x\\]"]
)
def test_the_escaping_leaves_no_markup(text: str) -> None:
    escaped = escape_markdown(text)
    assert not LIVE.search(escaped)
    assert not set(escaped) & set("[]<>*`#\\\n")
