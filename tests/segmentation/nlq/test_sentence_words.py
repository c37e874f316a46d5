"""Condition words the blind sentence sets of session 13 exposed (issue 19): the asker named
inside a channel phrase (扫码加我的), Cantonese 埋 after a verb (又买埋), a measure's own total
("add up to", 加起来), rankings said in odd orders (排头, "lowest-spending 20%", "by 消费" last,
top10), the year so far (年初到现在), owners said in English before a department, Cantonese
剷咗 (untag), a verb carried into "not Y", caps (2000封顶), "check out" and 新加入的 X 客户 —
in zh-Hans, Taiwan, Cantonese, English and mixed, with the near misses that must stay as
they were."""

from __future__ import annotations

from decimal import Decimal

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command, build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import (
    AddedVia,
    All,
    And,
    CalendarWindow,
    ChannelCode,
    EventCount,
    HasTag,
    InDepartment,
    ItemEvent,
    NamedSegment,
    NewCustomer,
    Node,
    Not,
    Owner,
    Performed,
    Ranked,
    RefundAmount,
    RollingWindow,
    Spend,
)
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡", "待跟进"],
    staff=[
        StaffInfo("zhangsan", "张三", (1,)),
        StaffInfo("lisi", "李四", (1,)),
        StaffInfo("zhaoliu", "赵六", (2,)),
    ],
    departments=[(1, "销售一部"), (2, "销售二部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
    items=[
        ("product", "玻尿酸面霜"),
        ("product", "精华液"),
        ("product", "唇釉"),
        ("product", "Serum X"),
    ],
    channels=["Expo-A", "官网活码"],
)
_READER = Reader(VOCAB)
parse, segment, asked = _READER.parse, _READER.segment, _READER.asked
MINE = Owner(("zhangsan",))
SHANGHAI = segment("上海的客户")
EVERYONE = All()


def _flat(node: Node | None) -> list[Node]:
    """The conditions of an AND, nested ANDs flattened (the grouping says nothing here)."""
    if isinstance(node, And):
        return [leaf for child in node.children for leaf in _flat(child)]
    return [node] if node is not None else []


def _bought(name: str) -> ItemEvent:
    return ItemEvent("order", "product", (name,), None)


# ---- the asker named inside a channel phrase: that way, and the asker's own customers


@pytest.mark.parametrize(
    "text",
    [
        "扫码加我的客户",
        "扫码加了我的客户有几个",
        "掃QR code加我嘅客有幾多個",
        "掃碼加我的客戶",
        "扫码添加我的客户",
        "扫二维码加我的",
        "扫我二维码加的客户",
        "扫我的码加的客户",
        "customers who scanned my QR code",
        "how many customers scanned my qr code",
    ],
)
def test_scanned_to_add_me_is_mine(text: str) -> None:
    assert set(_flat(segment(text))) == {AddedVia((1,)), MINE}


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("經Expo-A活碼加我嘅客", ChannelCode(("Expo-A",))),
        ("通过官网活码加我的客户", ChannelCode(("官网活码",))),
        ("群里加我的客户", AddedVia((4,))),
    ],
)
def test_any_channel_added_to_me_is_mine(text: str, channel: Node) -> None:
    assert set(_flat(segment(text))) == {channel, MINE}


@pytest.mark.parametrize(
    "text", ["扫码加我们的客户", "掃QR code加我們嘅客", "扫码加我哋嘅客", "扫码加的客户"]
)
def test_added_to_us_is_the_company(text: str) -> None:
    assert segment(text) == AddedVia((1,))


# ---- Cantonese 埋 after a verb ("as well"): the verb; 仲 joins as 又


@pytest.mark.parametrize(
    "text",
    [
        "有冇客買咗玻尿酸麵霜又買埋精華液",
        "買咗玻尿酸麵霜仲買埋精華液嘅客",
        "买了玻尿酸面霜又买埋精华液的",
        "買過玻尿酸面霜又買過精華液的客戶",
        "customers who bought 玻尿酸面霜 and also bought 精华液",
    ],
)
def test_also_bought(text: str) -> None:
    assert _flat(segment(text)) == [_bought("玻尿酸面霜"), _bought("精华液")]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("問過價又落埋單嘅客", Performed("order", None)),
        ("落咗單又問埋價嘅客", Performed("inquiry", None)),
        ("落過單又退埋款嘅客", Performed("refund", None)),
        ("問過價又嚟埋店嘅客", Performed("visit", None)),
    ],
)
def test_also_did_another_event(text: str, second: Node) -> None:
    nodes = _flat(segment(text))
    assert len(nodes) == 2 and nodes[1] == second


def test_are_there_others_negates_nothing() -> None:
    assert segment("仲有冇其他VIP客") == HasTag("VIP")  # 有冇 asks; no 冇 = not


def test_not_yet_keeps_its_meaning() -> None:
    assert segment("問過價仲未落單嘅客") == And(
        (Performed("inquiry", None), Not(Performed("order", None)))
    )


# ---- a measure's own total: "add up to", 加起来, 合共 between the measure and the comparison


@pytest.mark.parametrize(
    "text",
    [
        "customers whose refunds add up to at most 100",
        "customers whose refunds total at most 100",
        "customers whose refunds came to 100 or less",
        "customers whose refunds in total are at most 100",
        "退款加起来不超过100的客户",
        "退款加起來不超過100的客戶",
        "退款加埋唔超過100嘅客",
        "退款合共唔超過100嘅客",
        "退款累计不超过100的客户",
    ],
)
def test_refunds_added_up(text: str) -> None:
    assert segment(text) == RefundAmount("<=", Decimal(100), None)


@pytest.mark.parametrize(
    "text",
    [
        "customers whose spend adds up to over 5000",
        "customers whose purchases add up to more than 5000",
        "customers whose orders total over 5000",
        "消费加起来超过5000的客户",
        "消費加埋超過5000嘅客",
        "下单金额加起来超过5000",
    ],
)
def test_spend_added_up(text: str) -> None:
    assert segment(text) == Spend(">", Decimal(5000), None)


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("退貨加起來超過3次的客戶", EventCount("refund", ">", 3, None)),
        ("customers whose orders add up to more than 5", EventCount("order", ">", 5, None)),
    ],
)
def test_a_count_added_up_stays_a_count(text: str, node: Node) -> None:
    assert segment(text) == node


@pytest.mark.parametrize(
    "text",
    [
        "张三和李四的客户消费加起来超过10万",  # a group's total: no condition says it
        "customers who came to 3 stores",
        "customers whose total came to",
    ],
)
def test_a_total_of_nothing_is_asked(text: str) -> None:
    asked(text)


# ---- rankings in odd orders: 排头/排尾, the measure in the rank word or last, top10


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("上個月使錢排頭5%嘅客", CalendarWindow("month", -1)),
        ("上个月消费排头5%的客户", CalendarWindow("month", -1)),
        ("上個月消費排前5%嘅客", CalendarWindow("month", -1)),
        ("消費排最前5%嘅客", None),
    ],
)
def test_ranked_first(text: str, window: CalendarWindow | None) -> None:
    assert segment(text) == Ranked(EVERYONE, "top", None, Decimal(5), window)


@pytest.mark.parametrize(
    "text", ["今年消費排尾5%嘅客", "今年消费排在尾5%的", "今年消费包尾5%的客户"]
)
def test_ranked_last(text: str) -> None:
    assert segment(text) == Ranked(EVERYONE, "bottom", None, Decimal(5), CalendarWindow("year", 0))


@pytest.mark.parametrize(
    "text",
    [
        "lowest-spending 20% of Shanghai customers",
        "the lowest spending 20% of Shanghai customers",
        "bottom 20% of Shanghai customers by spend",
        "消费后20%的上海客户",
        "bottom 20% 的上海客户 by 消费",
    ],
)
def test_ranked_within_a_base_with_the_measure_anywhere(text: str) -> None:
    assert segment(text) == Ranked(SHANGHAI, "bottom", None, Decimal(20), None)


@pytest.mark.parametrize(
    "text",
    ["bottom 10% 的客户 by 消费", "bottom 10% of customers by 消费", "bottom 10% 的客户 按消费"],
)
def test_measure_said_last(text: str) -> None:
    assert segment(text) == Ranked(EVERYONE, "bottom", None, Decimal(10), None)


@pytest.mark.parametrize(
    "text",
    [
        "top10 消费 本月",
        "top 10 消费 本月",
        "本月消费top10",
        "消费 top10 本月",
        "top10 by spend this month",
    ],
)
def test_count_glued_and_window_last(text: str) -> None:
    assert segment(text) == Ranked(EVERYONE, "top", 10, None, CalendarWindow("month", 0))


def test_a_ranking_with_no_measure_is_still_asked() -> None:
    asked("bottom10% 的客户")


# ---- the year (month, quarter) so far


@pytest.mark.parametrize(
    "text",
    [
        "年初到现在消费超过5000的",
        "年初至今消费超过5000的",
        "从年初到现在消费超过5000的客户",
        "自今年年初以來消費超過5000的客戶",
        "由年頭到而家使咗超過5000蚊嘅客",
        "開年到而家使咗超過5000嘅客",
        "customers who spent over 5000 since the start of the year",
        "customers who spent over 5000 from the beginning of the year until now",
        "customers who spent over 5000 year to date",
        "customers who spent over 5000 ytd",
    ],
)
def test_year_so_far(text: str) -> None:
    assert segment(text) == Spend(">", Decimal(5000), CalendarWindow("year", 0))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("月初到现在下过单的", "month"),
        ("月頭到而家落過單嘅客", "month"),
        ("季度初至今下过单的", "quarter"),
    ],
)
def test_month_and_quarter_so_far(text: str, unit: str) -> None:
    assert segment(text) == Performed("order", CalendarWindow(unit, 0))  # type: ignore[arg-type]


def test_the_start_alone_is_vague() -> None:
    asked("年初下过单的客户")


# ---- owners said in English before a department or a colleague


@pytest.mark.parametrize(
    "verb",
    ["owned by", "followed by", "handled by", "managed by", "followed up by", "maintained by"],
)
@pytest.mark.parametrize(
    ("whom", "node"),
    [
        ("销售一部", InDepartment((1,))),
        ("銷售二部", InDepartment((2,))),
        ("李四", Owner(("lisi",))),
    ],
)
def test_owned_by(verb: str, whom: str, node: Node) -> None:
    assert segment(f"customers {verb} {whom}") == node


def test_owned_by_a_department_in_a_long_sentence() -> None:
    text = (
        "list female customers in Shanghai owned by 销售一部 who spent over 3000 in the last "
        "90 days and had no refunds in that period"
    )
    nodes = _flat(segment(text))
    assert InDepartment((1,)) in nodes and SHANGHAI in nodes
    assert Spend(">", Decimal(3000), RollingWindow(90, "days")) in nodes


def test_by_the_sales_word_is_still_a_breakdown() -> None:
    result = parse("VIP customers by 销售")
    assert isinstance(result, Command) and result.intent == "breakdown"


# ---- Cantonese 剷咗 / 铲走: take a tag off


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("剷咗流失風險客嘅VIP標籤", NamedSegment("at_risk")),
        ("剷咗上個月落過單嘅客嘅「待跟進」標籤", Performed("order", CalendarWindow("month", -1))),
        ("铲走上海客户的VIP标签", SHANGHAI),
        ("幫我剷走上海客嘅VIP tag", SHANGHAI),
        ("上海客户的VIP标签铲了", SHANGHAI),
        ("將上海客嘅VIP標籤剷咗佢", SHANGHAI),
    ],
)
def test_shovel_off_is_untag(text: str, node: Node) -> None:
    result = parse(text)
    assert isinstance(result, Command) and result.intent == "untag", result
    assert result.segment == node


# ---- the verb carried into "not Y"


@pytest.mark.parametrize(
    "text",
    [
        "bought serum x not 唇釉",
        "bought Serum X but not 唇釉",
        "bought Serum X, not 唇釉",
        "bought Serum X and not 唇釉",
        "买过Serum X没买过唇釉",
        "买过Serum X不买唇釉",
        "买过Serum X但没唇釉",
        "买过Serum X没唇釉的",
        "買咗Serum X冇唇釉嘅客",
    ],
)
def test_not_y_takes_the_verb(text: str) -> None:
    assert segment(text) == And((_bought("Serum X"), Not(_bought("唇釉"))))


def test_not_a_tag_stays_a_tag() -> None:
    assert segment("bought serum x not VIP") == And((_bought("Serum X"), Not(HasTag("VIP"))))


# ---- caps: at most


@pytest.mark.parametrize(
    "text",
    [
        "近三个月消费2000封顶的客户",
        "近三個月消費封頂2000的客戶",
        "近三個月使錢上限2000嘅客",
        "近三个月消费2000为上限的客户",
        "customers whose spend in the last 3 months is capped at 2000",
        "customers who spent 2000 max in the last 3 months",
    ],
)
def test_capped_spend(text: str) -> None:
    assert segment(text) == Spend("<=", Decimal(2000), RollingWindow(3, "months"))


# ---- checking out is ordering


@pytest.mark.parametrize(
    "text",
    [
        "customers who added to cart in the last 48 hours but didn't check out",
        "customers who added to cart in the last 48 hours but did not check out",
        "customers who added to cart in the last 48 hours but never checked out",
        "customers who added to cart in the last 48 hours without checking out",
        "近48小时加购了但没checkout的客户",
    ],
)
def test_did_not_check_out(text: str) -> None:
    window = RollingWindow(48, "hours")
    assert segment(text) == And((Performed("cart", window), Not(Performed("order", window))))


def test_completed_checkout_is_an_order() -> None:
    assert segment("customers who completed checkout last week") == Performed(
        "order", CalendarWindow("week", -1)
    )


def test_check_out_as_a_request_stays_a_request() -> None:
    assert segment("check out the VIP customers") == HasTag("VIP")


# ---- 新加入的 X 客户: new customers who are X; 新加入X的 is joining the segment X


@pytest.mark.parametrize(
    "text",
    [
        "30 天內新加入的 VIP 客戶",
        "近30天新加入的VIP客户",
        "近30日新加入嘅VIP客",
        "new VIP customers in the last 30 days",
    ],
)
def test_newly_added_vip_customers(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Command) and result.intent == "list", result
    assert set(_flat(result.segment)) == {NewCustomer(RollingWindow(30, "days")), HasTag("VIP")}


@pytest.mark.parametrize(
    "text",
    [
        "近30天新加入VIP的客户",
        "今天新进入VIP的客户",
        "近7天新加入高价值客户的",
        "customers who newly joined VIP in the last 30 days",
    ],
)
def test_joining_a_segment_is_a_membership_change(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Command) and result.intent == "changes", result
    assert result.details["change"] == "entered"
