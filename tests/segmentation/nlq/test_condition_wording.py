"""Condition, count and time wording (issue 19 blind s11): 起码 after a window, adverbs between
a measure and its comparison (却/也/都), 加起来/合起来/加埋/combined after a list, 扣掉…之后
(except), 最多只 (at most), 一直都冇 (never), 净系 (only), 有几多位 (how many) — in zh-Hans,
Taiwan, Cantonese, English and mixed, with the near misses that must still be asked back."""

from __future__ import annotations

from decimal import Decimal

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import (
    And,
    AvgOrderValue,
    CalendarWindow,
    City,
    EventCount,
    Gender,
    HasTag,
    InDepartment,
    Node,
    Not,
    Owner,
    Performed,
    RollingWindow,
    Spend,
)
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[
        StaffInfo("zhangsan", "张三", (1,)),
        StaffInfo("wangwu", "王五", (1,)),
        StaffInfo("zhaoliu", "赵六", (2,)),
    ],
    departments=[(1, "销售一部"), (2, "销售二部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
    channels=["抖音直播"],
)
_READER = Reader(VOCAB)
parse, segment, asked = _READER.parse, _READER.segment, _READER.asked
THREE_MONTHS = RollingWindow(3, "months")
ORDERED = Performed("order", None)


def _flat(node: Node | None) -> list[Node]:
    """The conditions of an AND, nested ANDs flattened (the grouping says nothing here)."""
    if isinstance(node, And):
        return [leaf for child in node.children for leaf in _flat(child)]
    return [node] if node is not None else []


def _cities(node: Node) -> set[str]:
    assert isinstance(node, City), node
    return set(node.names)


# ---- 起码 after a window is "at least", not 起 = since


@pytest.mark.parametrize(
    "text",
    [
        "近三个月起码买过两次的客户",
        "近三個月起碼買過兩次的客戶",
        "近三個月起碼買過兩次嘅客",
        "近3个月起码下过2单的",
        "三个月内起码买过两次的",
    ],
)
def test_at_least_after_a_window(text: str) -> None:
    assert segment(text) == EventCount("order", ">=", 2, THREE_MONTHS)


@pytest.mark.parametrize(
    "text", ["上个月起码下过3单的客户", "10月1日起码买过3次的", "last month起码买过3次"]
)
def test_at_least_after_a_date(text: str) -> None:
    node = segment(text)
    assert isinstance(node, EventCount) and (node.op, node.value) == (">=", 3)


def test_since_is_still_since() -> None:
    node = segment("10月1日起买过两次以上的")
    assert isinstance(node, EventCount) and node.window is not None
    assert node.window != THREE_MONTHS


# ---- an adverb between a measure and its comparison


@pytest.mark.parametrize(
    "text",
    [
        "下过单、累计消费却不到800的",
        "有过订单、总消费却不到800的",
        "有下單、消費卻不到800的客戶",
        "落過單但總消費都唔夠800嘅客",
        "下过单但消费也不到800的",
        "customers who ordered but whose spend was still under 800",
    ],
)
def test_spend_with_an_adverb(text: str) -> None:
    assert _flat(segment(text)) == [ORDERED, Spend("<", Decimal(800), None)]


@pytest.mark.parametrize(
    "text",
    [
        "三个月内至少下了两单、平均每单也在400以上的",
        "三個月內至少下了兩單、平均每單也在400以上的",
        "三个月内至少下了两单、客单价都在400以上的",
    ],
)
def test_order_value_with_an_adverb(text: str) -> None:
    assert _flat(segment(text)) == [
        EventCount("order", ">=", 2, THREE_MONTHS),
        AvgOrderValue(">=", Decimal(400), THREE_MONTHS),
    ]


@pytest.mark.parametrize("text", ["下单次数却不到3次的", "下單次數卻不到3次的"])
def test_a_count_with_an_adverb(text: str) -> None:
    assert segment(text) == EventCount("order", "<", 3, None)


def test_an_adverb_between_conditions_keeps_its_meaning() -> None:
    assert _flat(segment("咨询过也下过单的")) == [Performed("inquiry", None), ORDERED]


# ---- 加起来 / 合起来 / 加埋 / combined: a list counted once


@pytest.mark.parametrize(
    "text",
    [
        "帮我数一下上海和北京加起来有几个女客户",
        "上海和北京的女客户合起来有几个",
        "上海同北京嘅女客加埋有幾多個",
        "上海和北京的女客戶加在一起有多少",
        "Shanghai and Beijing customers combined, how many are female",
    ],
)
def test_a_list_combined(text: str) -> None:
    result = parse(text)
    assert result.intent == "count"
    city, gender = _flat(segment(text))
    assert {"上海", "北京"} <= _cities(city)
    assert gender == Gender(2)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("销售一部和销售二部的女客户合起来有几个", InDepartment((1, 2))),
        ("趙六同王五啲客加埋有幾多個係女仔", Owner(("zhaoliu", "wangwu"))),
        ("how many female customers do Zhao Liu and Wang Wu have combined", None),
    ],
)
def test_owners_combined(text: str, want: Node | None) -> None:
    conditions = _flat(segment(text))
    assert Gender(2) in conditions and len(conditions) == 2
    if want is not None:
        assert want in conditions


def test_combined_before_how_many() -> None:
    assert {"上海"} <= _cities(segment("上海客户加起来有几个"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["张三和王五的客户加起来消费超过10万的", "上海和北京加起来下单超过100次吗"]
)
def test_a_total_over_a_group_is_asked(text: str) -> None:
    assert "加起来" in asked(text)


# ---- 扣掉…之后 = except


@pytest.mark.parametrize(
    "text",
    [
        "请问扣掉北京的客户之后，消费超过3000的有几位",
        "請問扣掉北京的客戶之後，消費超過3000的有幾位",
        "扣咗北京啲客之后，使咗超过3000嘅有幾多個",
        "减去北京的客户后，消费超过3000的有多少",
        "扣掉北京的客户，消费超过3000的有几位",
        "除了北京的客户以后，消费超过3000的有几位",
        "after excluding Beijing customers, how many spent over 3000",
    ],
)
def test_taking_away(text: str) -> None:
    not_city, spend = _flat(segment(text))
    assert isinstance(not_city, Not) and {"北京"} <= _cities(not_city.child)
    assert spend == Spend(">", Decimal(3000), None)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("扣除退款后消费超过1000的客户", "扣除"),
        ("上个月扣了积分的客户", "扣了"),
        ("扣了500块的客户", "扣了"),
    ],
)
def test_a_deduction_is_asked(text: str, word: str) -> None:
    assert word in asked(text)


def test_ranked_last_is_still_a_ranking() -> None:
    result = parse("消费排名后10的客户")
    assert result.intent == "list" and type(result.segment).__name__ == "Ranked"


# ---- 最多只 / 至多仅 / at most just: at most; 只 / 净系 alone: exactly


@pytest.mark.parametrize(
    "text",
    [
        "最多只下過一次單的客戶",
        "最多只下过一次单的客户",
        "至多仅买过一次的",
        "頂多只落過一次單嘅客",
        "customers who ordered at most just once",
    ],
)
def test_at_most_only(text: str) -> None:
    assert segment(text) == EventCount("order", "<=", 1, None)


@pytest.mark.parametrize(
    "text",
    [
        "只下过一次单的客户",
        "淨係落過一次單嘅客",
        "净系得一次落单嘅客",
        "customers who ordered only once",
    ],
)
def test_only_is_exactly(text: str) -> None:
    assert segment(text) == EventCount("order", "=", 1, None)


# ---- 一直都冇 / 始终没 / 一路都冇: never


@pytest.mark.parametrize(
    "text",
    [
        "問過價但係一直都冇買嘢嘅客",
        "咨询过但始终没下单的客户",
        "問過價但一直都沒有買的",
        "询过价但向来没下过单的",
    ],
)
def test_all_along_not(text: str) -> None:
    assert _flat(segment(text)) == [Performed("inquiry", None), Not(ORDERED)]


# ---- how many with a people word: 有几多位 / 有多少位


@pytest.mark.parametrize(
    "text",
    [
        "今个月问过价嘅有几多位",
        "今個月問過價嘅有幾多位",
        "今个月问过价的有多少位",
        "今个月问过价嘅有几多人",
    ],
)
def test_how_many_people(text: str) -> None:
    result = parse(text)
    assert result.intent == "count"
    assert segment(text) == Performed("inquiry", segment("今个月问过价的").window)  # type: ignore[union-attr]


def test_vip_still_a_tag() -> None:
    assert segment("最多只下过一次单的VIP") == And(
        (EventCount("order", "<=", 1, None), HasTag("VIP"))
    )


# ---- 新加入 / 加入 after a time: new customers, not a membership change


@pytest.mark.parametrize(
    "text",
    [
        "上個月新加入的客戶裡，有幾位已經下單了？",
        "上个月新加入的客户里，有几位已经下单了",
        "上個月新加入嘅客入面有幾多個落咗單",
    ],
)
def test_new_customers_who_ordered(text: str) -> None:
    result = parse(text)
    assert result.intent == "count"
    new, ordered = _flat(result.segment)  # type: ignore[union-attr]
    assert type(new).__name__ == "NewCustomer" and ordered == ORDERED


@pytest.mark.parametrize(
    "text",
    [
        "把這個月加入、還沒有下過單的客戶存成「十一月新客」",
        "这个月加入、还没下过单的客户",
        "这个月添加、还没下单的",
        "上个月新加入之后还没下单的",
        "上個月新加入之後仲未落單嘅客",
    ],
)
def test_joined_then_not_ordered(text: str) -> None:
    new, not_ordered = _flat(segment(text) if "存成" not in text else parse(text).segment)  # type: ignore[union-attr]
    assert type(new).__name__ == "NewCustomer" and not_ordered == Not(ORDERED)


def test_entering_a_segment_is_still_a_change() -> None:
    assert parse("这个月新进入VIP的客户").intent == "changes"
    assert parse("customers who joined the VIP segment this week").intent == "changes"


def test_joined_in_english_is_added() -> None:
    result = parse("customers who joined last month")
    assert result.intent == "list" and type(result.segment).__name__ == "NewCustomer"


@pytest.mark.parametrize(
    "text",
    [
        "看看哪些人通过抖音直播活码进来后还没下过单",
        "扫码加进来之后还没下过单的",
        "經掃碼入嚟之後仲未落過單嘅客",
    ],
)
def test_after_joining_then_not_ordered(text: str) -> None:
    channel, not_ordered = _flat(segment(text))
    assert "Channel" in type(channel).__name__ or "AddedVia" in type(channel).__name__
    assert not_ordered == Not(ORDERED)


def test_after_joining_with_a_time_then_an_event_is_asked() -> None:
    asked("上个月新加进来之后下过单的")


# ---- used to (ever), add … cart, refund amount, or more than


@pytest.mark.parametrize(
    "text",
    [
        "customers who used to buy from us but haven't ordered in 90 days",
        "customers who used to order but not in the last 90 days",
        "以前买过但90天没下单的",
    ],
)
def test_used_to(text: str) -> None:
    assert _flat(segment(text)) == [ORDERED, Not(Performed("order", RollingWindow(90, "days")))]


@pytest.mark.parametrize(
    "text",
    [
        "琴日 add 咗 cart 嘅客",
        "昨天 add 了 cart 的客户",
        "昨天加过cart的",
        "yesterday add 咗 購物車 嘅客",
    ],
)
def test_add_cart_apart(text: str) -> None:
    node = segment(text)
    assert isinstance(node, Performed) and node.event_kind == "cart"


@pytest.mark.parametrize(
    "text", ["退款 amount 超过 ¥200 的客户", "refund 金额超过200的", "退款金额超过200的"]
)
def test_refund_amount(text: str) -> None:
    assert type(segment(text)).__name__ == "RefundAmount"


def test_or_more_than() -> None:
    node = segment("customers with refunds over ¥300 or more than 2 refunds")
    assert type(node).__name__ == "Or"
    assert node.children[1] == EventCount("refund", ">", 2, None)  # type: ignore[union-attr]
    assert segment("customers who ordered 2 or more times") == EventCount("order", ">=", 2, None)


# ---- company names of several Latin words; phone search in Taiwan wording


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("company 係 ABC Ltd 嘅 customers", "abc ltd"),
        ("公司是ABC Ltd的客户", "abc ltd"),
        ("公司是 Tiger Beer 且在上海的", "tiger beer"),
        ("公司係匯豐嘅客", "汇丰"),
    ],
)
def test_company_names(text: str, name: str) -> None:
    company = _flat(segment(text))[0]
    assert getattr(company, "text", None) == name


@pytest.mark.parametrize(
    "text", ["查詢透過搜尋手機號加入的客戶", "透過搜尋手機號碼加的客戶", "搜寻手机号加的客户"]
)
def test_phone_search_taiwan(text: str) -> None:
    assert getattr(segment(text), "codes", None) == (2,)


# ---- quarters of a named year; a unit with 内


@pytest.mark.parametrize(
    "text",
    [
        "舊年 Q4 有 visit 嘅客",
        "去年Q4有到店的",
        "去年的Q4到过店的",
        "customers who visited in Q4 last year",
        "customers who visited in last year's Q4",
        "customers who visited in the fourth quarter of last year",
    ],
)
def test_quarter_of_last_year(text: str) -> None:
    window = getattr(segment(text), "window", None)
    assert (str(window.start), str(window.end)) == ("2025-10-01", "2025-12-31")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "唔該 count 下 fortnight 內退過款嘅客",
        "fortnight内退过款的客户",
        "within a fortnight退过款的",
    ],
)
def test_fortnight_within(text: str) -> None:
    assert segment(text) == Performed("refund", RollingWindow(2, "weeks"))


# ---- times listed before one event with 都 / a negation: the event in each time

LAST_YEAR, THIS_YEAR = CalendarWindow("year", -1), CalendarWindow("year", 0)


@pytest.mark.parametrize(
    "text", ["去年和今年都没买的客户", "舊年同今年都冇買嘢嘅客", "去年、今年都沒有下過單的客戶"]
)
def test_neither_time(text: str) -> None:
    assert _flat(segment(text)) == [
        Not(Performed("order", LAST_YEAR)),
        Not(Performed("order", THIS_YEAR)),
    ]


def test_before_and_neither() -> None:
    assert _flat(segment("前年买过但去年和今年都没买的客户")) == [
        Performed("order", CalendarWindow("year", -2)),
        Not(Performed("order", LAST_YEAR)),
        Not(Performed("order", THIS_YEAR)),
    ]


@pytest.mark.parametrize("text", ["去年和今年都买过的", "去年同今年都有落单嘅客"])
def test_both_times(text: str) -> None:
    assert _flat(segment(text)) == [Performed("order", LAST_YEAR), Performed("order", THIS_YEAR)]


# ---- ordering again in a second time, after an order in a first: an order in that time


@pytest.mark.parametrize(
    "text",
    [
        "請問2025年下過單、但今年還沒回購的客戶有幾位",
        "去年买过但今年还没回购的",
        "舊年買過、今年仲未回購嘅客",
        "customers who bought last year but have not bought again this year",
    ],
)
def test_not_again_this_year(text: str) -> None:
    first, again = _flat(segment(text))
    assert isinstance(first, Performed) and first.event_kind == "order"
    assert again == Not(Performed("order", THIS_YEAR))


@pytest.mark.parametrize(
    "text",
    [
        "How many of the customers that ordered in Q2 came back and ordered again in Q3?",
        "customers who bought in Q2 and bought again in Q3",
        "二季度下过单、三季度又回购过的",
    ],
)
def test_again_in_a_later_quarter(text: str) -> None:
    first, again = _flat(segment(text))
    assert isinstance(first, Performed) and isinstance(again, Performed)
    assert first.event_kind == again.event_kind == "order"
    assert first.window != again.window


@pytest.mark.parametrize(
    "text",
    ["今年还没回购的客户", "回购过的客户", "customers who ordered again in Q3", "repeat buyers"],
)
def test_again_alone_is_asked(text: str) -> None:
    asked(text)


# ---- a category or product first, then "not once" before its verb

ITEM_VOCAB = build_vocabulary(
    tags=["金卡"],
    staff=[],
    departments=[],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
    items=[("category", "彩妆"), ("product", "精华液")],
)


@pytest.mark.parametrize(
    ("text", "item", "name"),
    [
        ("彩妝類一次都沒買過的客戶", "category", "彩妆"),
        ("彩妆类一件都没买过的", "category", "彩妆"),
        ("精华液一次都没买过的", "product", "精华液"),
    ],
)
def test_item_not_once(text: str, item: str, name: str) -> None:
    node = Reader(ITEM_VOCAB).segment(text)
    assert isinstance(node, Not)
    assert (node.child.item, node.child.names) == (item, (name,))  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["今年和去年都消费超过1000的", "今年同舊年都使咗超过1000嘅客"])
def test_spend_in_both_times(text: str) -> None:
    assert _flat(segment(text)) == [
        Spend(">", Decimal(1000), THIS_YEAR),
        Spend(">", Decimal(1000), LAST_YEAR),
    ]


@pytest.mark.parametrize("text", ["90日冇落过单嘅客", "90日冇落過單嘅客"])
def test_cantonese_days_without_a_lead(text: str) -> None:
    assert segment(text) == Not(Performed("order", RollingWindow(90, "days")))


def test_a_day_of_the_month_stays_asked() -> None:
    asked("30日冇落单嘅客")
