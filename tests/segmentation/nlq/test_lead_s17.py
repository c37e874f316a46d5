"""Session 17 (lead): the word categories the session-17 blind sentence sets found, each in
zh-Hans, Taiwan, Cantonese, English and mixed forms where they exist, with the near misses
that must keep their old reading: greetings and 先 before a request, a request passed on with
问说, amounts beyond doubt after an order verb, 前N天 / 前N周 / "this past week", halves and
first days of a month, a day of the month alone (1号以来), "not once" without 都, a category
pointed at (护肤这个品类, 護膚類有下訂), 垫底, a department with "team", the English push and
condition glue, a second tag verb after whom, and an admin's assignment as an add way."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import (
    AddedVia,
    And,
    CalendarWindow,
    DateRangeWindow,
    EventCount,
    HasTag,
    ItemEvent,
    Node,
    Not,
    Performed,
    RollingWindow,
    Spend,
)
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡", "待跟进", "高意向"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("lisi", "李四", (1,))],
    departments=[(1, "销售一部"), (2, "销售二部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
    items=[("product", "唇釉"), ("category", "护肤"), ("category", "彩妆")],
)
READ = Reader(VOCAB)
VIP = HasTag("VIP")


def _flat(node: Node | None) -> list[Node]:
    if isinstance(node, And):
        return [leaf for child in node.children for leaf in _flat(child)]
    return [node] if node is not None else []


# ---- greetings and 先 before the request; a request passed on with 问说


@pytest.mark.parametrize(
    "text",
    [
        "早 今天先看看我手上的VIP",
        "早安～先幫我看一下我名下的VIP",
        "早晨！想睇下我負責嘅VIP",
        "早 quick check：我名下的VIP",
        "嗨～我的VIP",
        "哈喽，先查一下我的VIP",
        "你好我的VIP",
    ],
)
def test_a_greeting_and_first_before_the_request_carry_no_condition(text: str) -> None:
    assert set(_flat(READ.segment(text))) >= {VIP}


def test_a_time_of_day_after_early_is_no_greeting() -> None:
    READ.asked("早上10点下过单的")  # a time of day is not supported: asked, never dropped
    READ.asked("早于10月下过单的")


@pytest.mark.parametrize("text", ["早安", "午安", "早上好"])
def test_a_greeting_alone_is_answered_with_help(text: str) -> None:
    assert READ.command(text).intent == "help"


@pytest.mark.parametrize("text", ["老闆問說VIP有幾位", "老板问说VIP有几个", "经理说想看VIP有几个"])
def test_a_request_passed_on_with_asked_said(text: str) -> None:
    command = READ.command(text)
    assert (command.intent, command.segment) == ("count", VIP)


# ---- an amount beyond doubt after an order verb


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("上個月成交超過5萬的客戶有幾位", Decimal(50000)),
        ("成交过千的客户", Decimal(1000)),
        ("买过一万以上的", Decimal(10000)),
    ],
)
def test_a_thousand_or_more_after_an_order_verb_is_money(text: str, value: Decimal) -> None:
    spend = [n for n in _flat(READ.segment(text)) if isinstance(n, Spend)]
    assert [s.value for s in spend] == [value]


def test_a_few_hundred_after_an_order_verb_is_still_asked() -> None:
    assert "500" in READ.asked("买了500以上的")


# ---- 前N天 is the last N days; 前N周 / 前N个月 and "this past week" are asked


@pytest.mark.parametrize(("text", "days"), [("前3天下过单的", 3), ("前两天有咨询的", 2)])
def test_the_last_n_days_said_with_qian(text: str, days: int) -> None:
    assert READ.segment(text) == Performed(
        "order" if "单" in text else "inquiry", RollingWindow(days, "days")
    )


@pytest.mark.parametrize(
    "text",
    ["前两周一单都没下的VIP", "前两个月下过单的客户", "前3个礼拜有咨询的", "前一周来过店的"],
)
def test_weeks_or_months_with_qian_are_asked_with_the_rolling_reading_offered(text: str) -> None:
    message = READ.asked(text)
    assert "近" in message and "自然" in message


@pytest.mark.parametrize(
    "text", ["customers who inquired this past week", "VIPs who ordered this last month"]
)
def test_this_past_week_is_asked(text: str) -> None:
    assert "this" in READ.asked(text)


def test_a_ranking_with_qian_is_still_a_ranking() -> None:
    assert READ.command("消费前10的").segment is not None


# ---- halves and first / last days of a month; a day of the month alone


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("10月上半月下过单的客户", date(2026, 10, 1), date(2026, 10, 15)),
        ("上个月下半月有咨询的", date(2026, 10, 16), date(2026, 10, 31)),
        ("9月下半個月下過單", date(2026, 9, 16), date(2026, 9, 30)),
        ("10月前10天下过单的", date(2026, 10, 1), date(2026, 10, 10)),
        ("9月最后5天下过单", date(2026, 9, 26), date(2026, 9, 30)),
        ("ordered in the first half of October", date(2026, 10, 1), date(2026, 10, 15)),
        ("inquired during the second half of last month", date(2026, 10, 16), date(2026, 10, 31)),
    ],
)
def test_parts_of_a_month(text: str, start: date, end: date) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, Performed)
    assert segment.window == DateRangeWindow(start, end)


def test_more_days_than_the_month_has_are_asked() -> None:
    READ.asked("10月前40天下过单的")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("从1号到现在没来过店的VIP", date(2026, 11, 1)),
        ("1号以来下过单", date(2026, 11, 1)),
        ("25号以来下过单", date(2026, 10, 25)),
        ("上个月20号之后下过单", date(2026, 10, 21)),
        ("本月1號以來有落單嘅", date(2026, 11, 1)),
    ],
)
def test_a_day_of_the_month_alone(text: str, start: date) -> None:
    windows = [
        getattr(n, "window", None) or getattr(getattr(n, "child", None), "window", None)
        for n in _flat(READ.segment(text))
    ]
    assert any(isinstance(w, DateRangeWindow) and w.start == start for w in windows)


def test_this_months_day_not_yet_come_is_asked() -> None:
    READ.asked("这个月5号到现在下过单的")


# ---- "not once" said without 都 / 也


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("去年买过，今年一次没买的", "order"),
        ("一次没来过的", "visit"),
        ("一次冇落過單", "order"),
        ("VIP一次未问过价", "inquiry"),
    ],
)
def test_once_before_a_negated_verb_is_none_at_all(text: str, kind: str) -> None:
    nots = [n for n in _flat(READ.segment(text)) if isinstance(n, Not)]
    assert nots and all(isinstance(n.child, Performed) for n in nots)
    assert nots[-1].child.event_kind == kind  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "只买过一次",
        "只下过一次单的",
        "只買過一次的客戶",
        "淨係買過一次",
        "customers who only ordered once",
    ],
)
def test_exactly_once_keeps_its_count(text: str) -> None:
    assert READ.segment(text) == EventCount(event_kind="order", op="=", value=1)


# ---- a category pointed at, and 有 before its verb


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("护肤这个品类下过单的客户", False),
        ("护肤这类下过单的", False),
        ("護膚呢一類買過嘅", False),
        ("护肤类有下单的", False),
        ("彩妆那类没买过的", True),
    ],
)
def test_a_category_pointed_at(text: str, negated: bool) -> None:
    name = "彩妆" if "彩" in text else "护肤"
    item: Node = ItemEvent("order", "category", (name,), None)
    assert READ.segment(text) == (Not(item) if negated else item)


def test_two_categories_with_you_before_the_verb() -> None:
    segment = READ.segment("護膚類有下訂、彩妝類沒下訂過的客戶")
    assert ItemEvent("order", "category", ("护肤",), None) in _flat(segment)
    assert Not(ItemEvent("order", "category", ("彩妆",), None)) in _flat(segment)


# ---- 垫底, a department's team, English glue, push openers, a second tag verb


@pytest.mark.parametrize("text", ["消费金额垫底的10个客户", "消費墊底嘅5個", "消费排在最后的3个"])
def test_bottom_of_the_ranking(text: str) -> None:
    assert "最少" in READ.command(text).description


@pytest.mark.parametrize(
    "text", ["一部 team 里的客户", "一部团队里的客户", "销售二部的组有几个VIP", "二部team的VIP"]
)
def test_a_department_with_a_team_word(text: str) -> None:
    assert "销售" in READ.command(text).description


@pytest.mark.parametrize(
    "text",
    [
        "lisi's customers, though not the ones in Beijing",
        "lisi's customers but not the ones in Beijing",
    ],
)
def test_not_the_ones_in(text: str) -> None:
    assert "not in Beijing" in READ.command(text).description


def test_they_must_have_adds_nothing() -> None:
    description = READ.command("I need VIPs, plus they must have visited this month").description
    assert "visited this month" in description and "VIP" in description


@pytest.mark.parametrize(
    "text",
    [
        "could you send a ¥50 off coupon to VIP",
        "can you send a ¥50-off coupon to VIP",
        "could you send VIP a ¥50-off coupon",
        "would you push VIP a ¥50 coupon",
    ],
)
def test_an_english_push_after_a_request_opener(text: str) -> None:
    command = READ.command(text)
    assert command.intent == "push" and command.segment == VIP


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("帮我 tag 一下近两周问过价的，打“高意向”", "高意向"),
        ("帮我标记一下上周来店的客户，标成回访", "回访"),
        ("帮我标记一下上周来店的客户，打个“回访”标签", "回访"),
        ("tag 一下 近7天加购没买的 用 待跟进", "待跟进"),
    ],
)
def test_a_second_tag_verb_after_whom(text: str, tag: str) -> None:
    command = READ.command(text)
    assert (command.intent, command.details["tag"]) == ("tag", tag)


# ---- assigned by an admin: WeCom add way 202


@pytest.mark.parametrize(
    "text",
    [
        "customers assigned by an admin",
        "customers who were assigned by the admin",
        "admin-assigned customers",
        "管理员分配的客户",
        "负责人分过来的客户",
        "主管指派给我的客户",
    ],
)
def test_assigned_by_an_admin(text: str) -> None:
    assert READ.segment(text) == AddedVia((202,))


def test_assigned_by_a_colleague_by_name_is_asked() -> None:
    READ.asked("customers assigned by lisi")


def test_this_week_is_still_the_calendar_week() -> None:
    assert READ.segment("customers who ordered this week") == Performed(
        "order", CalendarWindow("week", 0)
    )
