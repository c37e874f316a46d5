"""Word categories found on the session-15 blind set, each in several forms: "not only … but
also", half years, the polite and colloquial gender nouns (and a surname with an honorific
still a name), 字 after a quoted text, the average order said around its amount, and a tag
verb first with the tag quoted last."""

from __future__ import annotations

from datetime import date

import pytest

from segmentation.nodes import (
    And,
    AvgOrderValue,
    DateRangeWindow,
    Gender,
    Performed,
    RemarkContains,
)
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

READ = Reader(small_vocabulary())


@pytest.mark.parametrize(
    "text",
    [
        "不仅下过单还退过款的客户",
        "不但下过单，还退过款的",
        "不只下過單，還退過貨的客戶",
        "唔止落過單仲退過貨嘅客",
        "customers who not only ordered but also got a refund",
    ],
)
def test_not_only_but_also_is_both(text: str) -> None:
    assert READ.segment(text) == And((Performed("order"), Performed("refund")))


@pytest.mark.parametrize("text", ["下单不只一次的客户", "不止下过一次单的"])
def test_not_only_before_a_number_stays_more_than(text: str) -> None:
    assert "超过1次" in READ.command(text).description


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("今年上半年买过东西的客户", date(2026, 1, 1), date(2026, 6, 30)),
        ("上半年下过单的", date(2026, 1, 1), date(2026, 6, 30)),
        ("去年下半年下过单的", date(2025, 7, 1), date(2025, 12, 31)),
        ("2025年上半年下過單的客戶", date(2025, 1, 1), date(2025, 6, 30)),
        (
            "customers who ordered in the first half of the year",
            date(2026, 1, 1),
            date(2026, 6, 30),
        ),
        ("ordered in H2 2025", date(2025, 7, 1), date(2025, 12, 31)),
        ("ordered in the second half of last year", date(2025, 7, 1), date(2025, 12, 31)),
    ],
)
def test_half_years(text: str, start: date, end: date) -> None:
    assert READ.segment(text) == Performed("order", DateRangeWindow(start, end))


def test_a_half_year_is_not_half_a_year() -> None:
    assert "近6个月" in READ.command("近半年下过单的").description


@pytest.mark.parametrize(
    ("text", "value"),
    [("本月新增的女士", 2), ("近7天加過購物車的小姐有幾位", 2), ("啲靚女客有幾多個", 2),
     ("上个月新加的先生们有多少", 1), ("帅哥们谁下过单", 1), ("女客有几个", 2)],
)  # fmt: skip
def test_gender_nouns(text: str, value: int) -> None:
    node = READ.segment(text)
    children = node.children if isinstance(node, And) else (node,)
    assert Gender(value) in children  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["查一下陈小姐", "查一下王女士", "陈小姐的情况", "王先生最近买了什么"]
)
def test_a_surname_with_an_honorific_is_a_name(text: str) -> None:
    assert READ.command(text).intent == "customer"


@pytest.mark.parametrize("text", ["备注带“急”字的客户", "备注里有“急”字的", '备注有"急"字的客户'])
def test_the_character_after_a_quoted_text(text: str) -> None:
    assert READ.segment(text) == RemarkContains("急")


@pytest.mark.parametrize(
    "text",
    [
        "customers averaging more than 500 per order",
        "averaging over 500 an order",
        "customers who spend more than 500 per order on average",
    ],
)
def test_the_average_said_around_its_amount(text: str) -> None:
    node = READ.segment(text)
    assert isinstance(node, AvgOrderValue) and node.op == ">" and node.value == 500


def test_spend_per_order_without_average_is_still_asked() -> None:
    READ.asked("customers who spent 500 per order")


@pytest.mark.parametrize(
    "text",
    [
        "帮我 tag 一下近30天到店的客户“待跟进”",
        "tag 近30天到店的客户“待跟进”",
        "帮我打一下近30天到店的客户“待跟进”",
    ],
)
def test_a_tag_verb_first_with_the_tag_quoted_last(text: str) -> None:
    command = READ.command(text)
    assert command.intent == "tag" and command.details["tag"] == "待跟进"
    assert "到过店" in command.description


@pytest.mark.parametrize(
    "text",
    [
        "部门里的VIP客户",
        "组里谁下过单",
        "部门有几个VIP",
        "team customers",
        "list team VIPs",
        "show me the team's customers",
    ],
)
def test_the_team_said_alone_is_the_askers(text: str) -> None:
    assert "销售一部" in READ.command(text).description


@pytest.mark.parametrize("text", ["按部门分", "每个部门各有多少"])
def test_department_as_a_dimension_stays_one(text: str) -> None:
    assert READ.command(text).intent == "breakdown"


@pytest.mark.parametrize("text", ["總共幾多個客係我跟緊", "我负责的客户有几个", "幾多個客係我跟進"])
def test_the_owner_verb_last_without_de(text: str) -> None:
    assert "张三" in READ.command(text).description


def test_a_colon_message_keeps_its_own_quotes() -> None:
    command = READ.command('给VIP客户发消息：=HYPERLINK("http://x.cn","领券")')
    assert command.details["message"] == '=HYPERLINK("http://x.cn","领券")'
    assert READ.command("给VIP客户发消息：“周末见”").details["message"] == "周末见"


@pytest.mark.parametrize(
    "text",
    ["提醒他", "提醒一下她们", "催一下佢哋", "remind him", "remind them", "nudge her", "text her"],
)
def test_a_message_verb_with_only_whom_asks_for_the_words(text: str) -> None:
    assert "“" in READ.asked(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("remind them: coupon expires soon", "coupon expires soon"),
        ("提醒他们“券快到期了”", "券快到期了"),
        ("ping them “new arrivals”", "new arrivals"),
    ],
)
def test_a_reminder_with_its_words_is_a_send(text: str, message: str) -> None:
    command = READ.command(text)
    assert command.intent == "push" and command.details["message"] == message


@pytest.mark.parametrize(
    ("text", "said"),
    [("就下过一次单的客户", "正好1次"), ("就VIP里北京的", "北京"), ("就北京的VIP吧", "VIP")],
)
def test_just_before_an_event_is_only_and_before_whom_is_a_lead_in(text: str, said: str) -> None:
    assert said in READ.command(text).description
