"""Issue 19 (conv28b): a salesperson introducing themselves before they ask ("我是刚入职的赵六，…",
"我係新嚟嘅趙六，…", "hi, I'm Zhao Liu, just joined sales - …"): the introduction says who asks,
never new customers or a colleague's, and grants nothing (corpus rows: rounds/fix-conv28b.tsv).
After a customer's card: several questions about her in one message, and her tag put on or
taken off by a pronoun (the chat's side: tests/commands/conversations/conv28b.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.engine import default_context
from segmentation.nlq import load_vocabulary
from segmentation.nlq.actions import find_action
from segmentation.nlq.joined_questions import joined_questions
from segmentation.nlq.one_customer import asks_about_customer
from segmentation.nlq.parser import typed_quotes
from segmentation.nlq.period_reply import period_words
from segmentation.nlq.self_intros import without_self_intro
from segmentation.text import normalize
from tests.segmentation.nlq import test_corpus
from tests.segmentation.nlq.fixture import load_fixture

ROWS = Path(__file__).parent / "rounds" / "fix-conv28b.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("你好，我是刚入职的赵六，先看看我名下一共几个客户", "先看看我名下一共几个客户"),
        ("我係新嚟嘅趙六，想睇下我啲客", "想睇下我啲客"),
        ("Hi, I'm Zhao Liu, just joined sales - how many?", "how many?"),
        ("hi 我是新来的 team lead 王五, 我 team 里 VIP 有谁", "我 team 里 VIP 有谁"),
    ],
)
def test_the_introduction_is_taken_off_as_typed(text: str, rest: str) -> None:
    assert without_self_intro(text) == rest


@pytest.mark.parametrize(
    "text",
    ["新来的客户有哪些", "我是新来的", "刚入职的员工，他们的客户", "我新加入的客户有哪些"],
)
def test_no_introduction_is_read_where_none_opens_the_message(text: str) -> None:
    assert without_self_intro(text) == text


# ---------------------------------------------------------------- her card, asked on


@pytest.mark.parametrize(
    "said",
    [
        "她买过啥，谁在跟",
        "他最近买了啥？归谁管",
        "她上次詢問的是什麼，身上有什麼標籤",
        "她當初走哪個管道進來，現在誰顧",
        "佢買咗咩，有冇退過款",
        "佢有咩標籤，邊個跟緊",
        "what did he ask about and who follows him",
    ],
)
def test_several_questions_about_her_ask_of_the_card(said: str) -> None:
    assert asks_about_customer(normalize(said))


@pytest.mark.parametrize(
    "said",
    ["她买过啥，上海的客户有哪些", "她买过啥，还有谁买过", "她买过啥，导出VIP", "谁在跟，她买过啥"],
)
def test_a_question_on_about_others_is_no_question_about_her(said: str) -> None:
    assert not asks_about_customer(normalize(said))
    assert not joined_questions(normalize(said.replace("还有谁", "谁")), lambda _: False)


# ---------------------------------------------------------------- her tag, by a pronoun


@pytest.mark.parametrize(
    ("text", "intent", "whom", "tag"),
    [
        ("把她 VIP untag 掉", "untag", "她", "VIP"),
        ("除咗佢嘅高意向", "untag", "佢", "高意向"),
        ("除咗佢個VIP標籤", "untag", "佢", "VIP"),
        ("將佢VIP除咗", "untag", "佢", "VIP"),
        ("put 高意向 on him", "tag", "him", "高意向"),
        ("stick 金卡 on her", "tag", "her", "金卡"),
    ],
)
def test_her_tag_is_put_on_or_taken_off(
    session: Session, text: str, intent: str, whom: str, tag: str
) -> None:
    load_fixture(session)
    tags = load_vocabulary(session, default_context(test_corpus.TZ).named).tags
    action = find_action(normalize(text), typed_quotes(text), text, tags)
    assert action is not None
    assert (action.intent, action.segment_text, action.details.get("tag")) == (intent, whom, tag)


@pytest.mark.parametrize("text", ["除咗佢哋嘅VIP", "除了他的VIP之外", "put a coupon on them"])
def test_except_and_coupons_are_no_tag_change(session: Session, text: str) -> None:
    load_fixture(session)
    tags = load_vocabulary(session, default_context(test_corpus.TZ).named).tags
    action = find_action(normalize(text), typed_quotes(text), text, tags)
    assert action is None or action.intent not in ("tag", "untag")


# ---------------------------------------------------------------- a period given back


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("就算近三天好了", "近三天"),
        ("那改看十月份", "十月份"),
        ("改睇上個月啦", "上個月"),
        ("算近7天吧", "近7天"),
        ("按 last 5 days 算", "last 5 days"),
    ],
)
def test_the_words_around_a_period_given_back_are_left(text: str, period: str) -> None:
    assert period_words(text) == period
