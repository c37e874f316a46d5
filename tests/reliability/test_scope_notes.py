"""Issue #16 findings 3 and 4, through the chat path: a non-admin is never told how many
customers outside their scope match (cards, refusals, replies, the query JSON), and every
count / list / export / describe answer narrowed by their scope says so in their language."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine

from bot.services.query import run_query
from segmentation.engine import default_context
from tests.commands.chatworld import ADMINS, NOW, SETTINGS
from tests.commands.conftest import ChatRig
from tests.reliability.chat import chat_rig, company_with, texts

# lisi follows 1 + 23 customers, zhangsan 7: "所有客户" has 24 matches outside zhangsan's scope.
LI_EXTRA = {f"wmL{i:02d}": f"李新{i:02d}" for i in range(23)}
OUTSIDE = "24"


@pytest.fixture
def chat(clean_engine: Engine) -> ChatRig:
    return chat_rig(clean_engine, company_with({"lisi": LI_EXTRA}))


def test_a_sales_card_never_counts_the_customers_outside_their_scope(chat: ChatRig) -> None:
    replies = chat.tell("zhangsan", "给所有客户打上“VIP”标签")
    [card] = chat.cards()
    rows = {r["keyname"]: r["value"] for r in card["horizontal_content_list"]}
    assert rows["目标人数"] == "7 人"
    assert not re.search(r"\d", rows["已排除"]), rows["已排除"]
    # As a number of its own, once the card's random ids (which may hold "24") are taken out.
    shown = texts(replies)
    for random_id in (card.get("task_id"), *(b.get("key") for b in card.get("button_list", []))):
        shown = shown.replace(str(random_id), "") if random_id else shown
    assert not re.search(rf"(?<![0-9A-Za-z]){OUTSIDE}(?![0-9A-Za-z])", shown)


def test_a_refused_confirmation_does_not_count_what_is_outside_the_confirmer_scope(
    chat: ChatRig,
) -> None:
    chat.tell("boss", "给所有客户打上“VIP”标签")  # 31 customers: 7 of zhangsan's, 24 of lisi's
    [card] = chat.cards()
    [refusal, _] = chat.click("lisi", card["task_id"])
    assert "不在您的权限范围内" in refusal.text
    assert not re.search(r"\d", refusal.text), refusal.text


def test_the_query_json_of_a_sales_member_counts_only_their_scope(chat: ChatRig) -> None:
    with chat.factory() as session:
        answer = run_query(session, "所有客户有多少", as_userid="zhangsan", now=NOW,
                           ctx=default_context(SETTINGS.timezone_name), admins=ADMINS)  # fmt: skip
    assert answer["count"] == 7 == len(answer["customers"])
    assert OUTSIDE not in str({k: v for k, v in answer.items() if k != "segment"})
    assert "scope_note" in answer


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("李四的客户有多少", "您只能查看自己权限范围内的客户"),
        ("所有客户有多少", "只包含您自己跟进的客户"),
        ("所有客户", "只包含您自己跟进的客户"),
        ("导出所有客户", "只包含您自己跟进的客户"),
        ("分析一下所有客户", "只包含您自己跟进的客户"),
        ("how many customers of lisi", "You can only see the customers in your own scope"),
        ("all customers", "Limited to the customers you follow yourself"),
    ],
)
def test_an_answer_narrowed_by_the_scope_says_so(chat: ChatRig, text: str, note: str) -> None:
    first = chat.tell("zhangsan", text)[0]
    assert note in first.text, first.text


@pytest.mark.parametrize(
    ("userid", "text"),
    [("zhangsan", "我的客户有多少"), ("boss", "所有客户有多少"), ("boss", "李四的客户有多少")],
)
def test_an_answer_not_narrowed_by_the_scope_has_no_note(
    chat: ChatRig, userid: str, text: str
) -> None:
    [reply] = chat.tell(userid, text)
    assert "权限范围" not in reply.text and "只包含" not in reply.text, reply.text


def test_a_follow_up_about_the_previous_answer_keeps_the_note(chat: ChatRig) -> None:
    chat.tell("zhangsan", "所有客户")
    first = chat.tell("zhangsan", "导出这个分群")[0]
    assert "只包含您自己跟进的客户" in first.text, first.text
