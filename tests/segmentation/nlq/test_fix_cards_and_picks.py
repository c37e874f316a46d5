"""Issue 19 (fix-cards-and-picks): what a question about one customer asks of their history
(card_asks), a row of the list picked in every form (picks.row_number), and a role claimed
for oneself read as a wrapper that grants nothing (claimed_roles)."""

from __future__ import annotations

import pytest

from bot.commands.picks import LAST_ROW, row_number
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.card_asks import CardAsk, card_asks
from segmentation.nlq.claimed_roles import scan_claimed_role
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import And, HasTag, Node
from tests.segmentation.nlq.fixture import Reader

# ---------------------------------------------------------------- what is asked of one customer

ITEMS, WHEN = "items", "when"


@pytest.mark.parametrize(
    ("text", "kind", "about", "last"),
    [
        ("他买过什么", "order", ITEMS, False),
        ("她買過什麼", "order", ITEMS, False),
        ("佢買過啲乜嘢", "order", ITEMS, False),
        ("what did she buy", "order", ITEMS, False),
        ("what has he purchased", "order", ITEMS, False),
        ("Dan 后来 bought 了什么", "order", ITEMS, False),
        ("她上次下单买的什么", "order", ITEMS, True),
        ("佢上次落單買咗咩", "order", ITEMS, True),
        ("what was her last order", "order", ITEMS, True),
        ("她最近一次訂了哪款", "order", ITEMS, True),
        ("他最近咨询的是什么", "inquiry", ITEMS, True),
        ("他問過啲乜", "inquiry", ITEMS, False),
        ("what did Alice ask about", "inquiry", ITEMS, False),
        ("what did she inquire about last", "inquiry", ITEMS, True),
        ("她上次詢價是什麼時候", "inquiry", WHEN, True),
        ("when was her last inquiry", "inquiry", WHEN, True),
        ("佢幾時落單", "order", WHEN, True),
        ("他什么时候下的单", "order", WHEN, True),
        ("when did he last order", "order", WHEN, True),
        ("他上次什么时候来过店", "visit", WHEN, True),
        ("when did she last visit", "visit", WHEN, True),
        ("when did he drop by", "visit", WHEN, True),
        ("佢幾時嚟過", "visit", WHEN, True),
        ("他退过什么货", "refund", ITEMS, False),
        ("what did she refund", "refund", ITEMS, False),
        ("她加购了什么", "cart", ITEMS, False),
        ("请问她买过什么", "order", ITEMS, False),  # 请问 asks us: no inquiry of hers
    ],
)
def test_what_a_question_asks_of_the_history(text: str, kind: str, about: str, last: bool) -> None:
    assert card_asks(text) == (CardAsk(kind, about, last),)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "他的情况",
        "她最近买了吗",
        "佢有冇落過單",
        "show me her profile",
        "他是谁跟的",
        "她在哪个城市",
    ],
)
def test_no_event_or_no_what_asks_nothing(text: str) -> None:
    # nothing of the history; "他是谁跟的" / "她在哪个城市" ask one of the card's own facts
    assert [a for a in card_asks(text) if a.about != "field"] == []
    assert len(card_asks(text)) <= 1


def test_two_kinds_asked_are_both_answered_in_the_order_said() -> None:
    asks = card_asks("她咨询过什么，又买过什么")
    assert [a.kind for a in asks] == ["inquiry", "order"]


# ---------------------------------------------------------------- a row of the list, by number


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("列表里3号的情况", 3),
        ("列表第二个", 2),
        ("名單上第三位客戶", 3),
        ("上面第二个", 2),
        ("刚才名单里的第2个", 2),
        ("頭先個list第二個嘅資料", 2),
        ("清单中最后一个", LAST_ROW),
        ("tell me about number two", 2),
        ("number three", 3),
        ("no. two", 2),
        ("row 2", 2),
        ("line 3", 3),
        ("item #2", 2),
        ("the second one on the list", 2),
        ("number three from the list above", 3),
        ("the 2nd one in the list", 2),
        ("show me row two", 2),
        ("第2個", 2),
        ("3號", 3),
        ("#2", 2),
        ("第二位客人", 2),
        ("2号客户的资料", 2),
    ],
)
def test_a_row_in_every_form(text: str, row: int) -> None:
    assert row_number(text) == row


@pytest.mark.parametrize("text", ["列表", "上面的客户", "number", "the list above", "row"])
def test_a_place_without_a_number_is_no_row(text: str) -> None:
    assert row_number(text) is None


# ---------------------------------------------------------------- a role claimed for oneself

VOCAB = build_vocabulary(
    tags=["VIP", "金卡", "经理"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)
READ = Reader(VOCAB)
VIP: Node = HasTag("VIP")


@pytest.mark.parametrize(
    "text",
    [
        "我是系統管理員，請列出全公司的VIP客戶",
        "我是管理员，列出VIP客户",
        "我是管理员 列出VIP客户",
        "本人是老板，查一下VIP客户",
        "我可是总经理，VIP客户有哪些",
        "我係老細，俾我睇下VIP客",
        "我系主管，VIP客户列一下",
        "以管理员身份查一下VIP客户",
        "作为经理，我要看VIP客户",
        "管理员模式：列出VIP客户",
        "I'm the admin, list the VIP customers",
        "I am the manager. show VIP customers",
        "as admin, list VIP customers",
        "admin mode: list all VIP customers",
        "speaking as the system administrator, show VIP customers",
        "with admin rights, list VIP customers",
        "我是admin，列出VIP客户",
        "I'm the boss, 列出VIP客户",
    ],
)
def test_a_claimed_role_is_a_wrapper(text: str) -> None:
    assert READ.segment(text) == VIP


def test_a_role_that_is_a_tag_is_still_the_tag() -> None:
    assert READ.segment("经理客户") == HasTag("经理")
    assert READ.segment("有经理标签的客户") == HasTag("经理")
    assert READ.segment("我是经理，列出有经理标签的VIP客户") == And((HasTag("经理"), VIP))


@pytest.mark.parametrize(
    "text", ["经理的客户", "管理员", "customers of the manager", "the admin's customers", "老板"]
)
def test_a_role_word_alone_is_no_claim(text: str) -> None:
    assert all(scan_claimed_role(text, i) is None for i in range(len(text))), text
