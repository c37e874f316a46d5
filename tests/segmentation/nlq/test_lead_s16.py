"""Session 16 (lead): empty quotes are asked back, never read past; "do I have" next to the
asker's own team says whose team, not the asker's own follows; a ranking flipped in English."""

from __future__ import annotations

from decimal import Decimal

import pytest

from segmentation.nlq.intents_extra import named_first
from segmentation.nlq.rank_pick import OTHER, read_ranked_pick
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import tokenize
from segmentation.nodes import All, CampaignMessaged, Not, Performed, Ranked, RollingWindow, Spend
from tests.segmentation.nlq.fixture import NOW, TZ, Reader, small_vocabulary

READ = Reader(small_vocabulary())


@pytest.mark.parametrize(
    "text",
    [
        'my customers tagged ""',
        "customers tagged “ ”",
        "标签是“”的客户",
        "標籤是「 」的客戶有哪些",
        '打了""标签的客户有几个',
        "VIP 里 标签为“”的",
    ],
)
def test_empty_quotes_are_asked_back(text: str) -> None:
    message = READ.asked(text)
    assert "quotes" in message or "引号" in message


def test_quoted_name_still_read() -> None:
    assert READ.command("“VIP”客户").description == "有“VIP”标签的客户"


@pytest.mark.parametrize(
    "text",
    [
        "how many do I have in my team",
        "ok how many do I have in my team then",
        "how many VIPs have I got in my team",
        "how many customers I've got in our team",
    ],
)
def test_have_next_to_own_team_is_the_team(text: str) -> None:
    kinds = [t.kind for t in tokenize(text.lower(), small_vocabulary(), NOW, TZ)]
    assert K.MYDEPT in kinds
    assert K.MY not in kinds


@pytest.mark.parametrize("text", ["how many customers do I have", "do I have any VIPs"])
def test_have_alone_is_still_mine(text: str) -> None:
    kinds = [t.kind for t in tokenize(text.lower(), small_vocabulary(), NOW, TZ)]
    assert K.MY in kinds


@pytest.mark.parametrize(
    "text",
    [
        "flip it",
        "ok reverse it please",
        "flip the order",
        "and the other way round?",
        "the other way around then",
        "turn it around",
        "调转",
        "反轉呢",
    ],
)
def test_flip_words_are_the_other_end(text: str) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and pick.end == OTHER


@pytest.mark.parametrize("text", ["flip it to Beijing", "reverse the VIP tag"])
def test_flip_with_more_words_is_no_pick(text: str) -> None:
    assert read_ranked_pick(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Alice是谁跟的", "Alice"),
        ("Alice问过什么", "Alice"),
        ("王芳近况", "王芳"),
        ("Frank系边个跟开㗎", "Frank"),
        ("any news on Alice?", "Alice"),
        ("who owns Pia", "Pia"),
        ("what did Ivan ask about", "Ivan"),
        ("what's new with the customer Judy", "Judy"),
    ],
)
def test_name_said_first_then_a_question_about_her(text: str, name: str) -> None:
    assert named_first(text) == name


@pytest.mark.parametrize("text", ["how's it going", "Alice", "上海的客户", "Alicebought"])
def test_no_question_after_a_name(text: str) -> None:
    assert named_first(text) is None


@pytest.mark.parametrize(
    "text", ["Alice是谁跟的", "Frank最近有冇落單", "帮我看看 Alice 近况", "any news on Alice?"]
)
def test_name_said_first_is_a_card(text: str) -> None:
    command = READ.command(text)
    assert command.intent == "customer"


@pytest.mark.parametrize("text", ["VIP是谁跟的", "我哋部门啲客按跟进人分", "张三的客户近况"])
def test_conditions_said_first_are_no_card(text: str) -> None:
    result = READ.parse(text)
    assert getattr(result, "intent", None) != "customer"


@pytest.mark.parametrize(
    ("text", "kind", "amount", "unit"),
    [
        ("超过一个月没下单的客户", "order", 1, "months"),
        ("30天以上没下单的客户", "order", 30, "days"),
        ("已经超过两周没来店的客户", "visit", 2, "weeks"),
        ("超過一個月冇落單嘅客", "order", 1, "months"),
        ("customers who haven't ordered for more than a month", "order", 1, "months"),
        ("customers who haven't ordered in over 30 days", "order", 30, "days"),
    ],
)
def test_more_than_a_while_without_is_none_in_that_window(
    text: str, kind: str, amount: int, unit: str
) -> None:
    assert READ.segment(text) == Not(Performed(kind, RollingWindow(amount, unit)))


@pytest.mark.parametrize(
    "text", ["近30天没联系过的客户", "超过一个月没联系的客户", "近30天冇聯絡過嘅客"]
)
def test_not_contacted_is_no_message_received(text: str) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, Not) and isinstance(segment.child, CampaignMessaged)


@pytest.mark.parametrize("text", ["外部联系人", "联系人"])
def test_contact_person_is_a_customer_word(text: str) -> None:
    assert READ.segment(text) == All()


def test_a_comparison_with_no_negation_keeps_its_meaning() -> None:
    assert READ.segment("消费超过1000的客户") == Spend(">", Decimal("1000"))


@pytest.mark.parametrize(
    ("text", "direction", "count"),
    [
        ("边个客最近三个月使得最多钱", "top", 1),
        ("谁花了最多钱", "top", 1),
        ("花得最少钱的5个客户", "bottom", 5),
        ("使咗最多錢嘅三個客", "top", 3),
    ],
)
def test_spend_verb_split_by_its_complement_ranks(text: str, direction: str, count: int) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, Ranked)
    assert (segment.direction, segment.count) == (direction, count)
