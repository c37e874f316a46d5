"""Questions of one customer's card facts (city, owner, channel, tags, spend…), what-questions
never read as yes/no, and a breakdown said twice (issue 19, session 20)."""

from __future__ import annotations

import pytest

from segmentation.nlq import Command
from segmentation.nlq.card_asks import card_asks, field_asks
from segmentation.nlq.focus_questions import yes_no_words
from segmentation.nlq.one_customer import asks_about_customer, asks_card_fact
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

READ = Reader(small_vocabulary())


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("他在哪个城市", "city"),
        ("佢喺邊個城市", "city"),
        ("佢住邊", "city"),
        ("她在哪個城市", "city"),
        ("where is she from", "city"),
        ("他是哪里人", "city"),
        ("他是通过什么渠道加的", "channel"),
        ("她是透過什麼管道加的", "channel"),
        ("佢係點樣加我嘅", "channel"),
        ("how was he added", "channel"),
        ("which channel", "channel"),
        ("谁在跟他", "owner"),
        ("邊個跟佢", "owner"),
        ("他是谁的客户", "owner"),
        ("佢係邊個跟開㗎", "owner"),
        ("who follows him", "owner"),
        ("他有什么标签", "tags"),
        ("佢有冇咩標籤", "tags"),
        ("what tags does he have", "tags"),
        ("他消费了多少", "spend"),
        ("佢使咗幾多錢", "spend"),
        ("how much has he spent", "spend"),
        ("她公司是哪个", "company"),
        ("what's her number", "phone"),
        ("他的备注是什么", "remark"),
    ],
)
def test_a_card_fact_asked(text: str, kind: str) -> None:
    asks = card_asks(text)
    assert [(a.kind, a.about) for a in asks] == [(kind, "field")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("佢買過咩", "order"),
        ("他买过什么", "order"),
        ("what has he bought", "order"),
        ("他 refund 过什么", "refund"),
        ("他退过什么", "refund"),
        ("what did he refund", "refund"),
        ("她最近 inquired 什么", "inquiry"),
    ],
)
def test_history_asks_are_no_card_fact(text: str, kind: str) -> None:
    assert [(a.kind, a.about) for a in card_asks(text)] == [(kind, "items")]


@pytest.mark.parametrize(
    "text", ["他最近怎么样", "他几点来的", "上海的客户", "她的情况", "他最近咨询的是什么产品"]
)
def test_no_card_fact(text: str) -> None:
    assert field_asks(normalize(text)) == ()


@pytest.mark.parametrize(
    "text", ["佢買過咩", "佢問咗啲咩", "佢退咗乜", "佢最近睇過咩", "他买过什么", "佢呢排買咗啲咩"]
)
def test_what_is_no_yes_no(text: str) -> None:
    assert yes_no_words(text) == ()


@pytest.mark.parametrize("text", ["佢係VIP咩", "佢落過單咩", "他退过款没", "她是VIP吗"])
def test_yes_no_still_read(text: str) -> None:
    assert yes_no_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "谁在跟他",
        "邊個跟佢",
        "他消费了多少",
        "佢使咗幾多錢",
        "他退过什么",
        "佢住邊",
        "谁是她的跟进人",
        "佢呢排買咗啲咩",
        "她这阵子问过什么",
    ],
)
def test_asks_about_the_customer(text: str) -> None:
    assert asks_about_customer(normalize(text))


@pytest.mark.parametrize(
    "text", ["which channel", "what city?", "哪个城市？", "渠道呢？", "標籤係咩", "his tags?"]
)
def test_a_fact_alone(text: str) -> None:
    assert asks_card_fact(normalize(text))


@pytest.mark.parametrize("text", ["北京的", "上海的客户", "城市", "by city", "他们在哪个城市"])
def test_no_fact_alone(text: str) -> None:
    assert not asks_card_fact(normalize(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Bob在哪个城市", "city"),
        ("Alice是通过什么渠道加的", "channel"),
        ("Alice是谁跟的", "owner"),
        ("Omar消费了多少", "spend"),
    ],
)
def test_the_name_said_first(text: str, kind: str) -> None:
    command = READ.command(text)
    assert command.intent == "customer"
    assert [a["kind"] for a in command.details["asks"]] == [kind]


@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("每个销售有多少客户, per owner", "owner"),
        ("每個業務各有多少客戶，按跟進人", "owner"),
        ("how many customers does each salesperson have, by owner", "owner"),
        ("按城市分一下所有客户，每个城市多少人", "city"),
        ("by gender, 按性别分", "gender"),
    ],
)
def test_a_breakdown_said_twice(text: str, by: str) -> None:
    command = READ.parse(text)
    assert isinstance(command, Command), command
    assert command.intent == "breakdown"
    assert command.details["by"] == by


def test_another_grouping_is_asked_back() -> None:
    """Two groupings are no restatement: asked back, never one of them dropped."""
    assert not isinstance(READ.parse("每个销售有多少客户，按城市分"), Command)
