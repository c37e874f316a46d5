"""Session 19 (lead): categories found by probing before the blind sets came in, each in the
forms it has: the fused numerals 仨 / 俩 (倆) of northern speech, which carry their measure word
(仨月 is three months, never March)."""

from __future__ import annotations

from datetime import date

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command, build_vocabulary, parse_command
from segmentation.nlq.followup import read_follow_up
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nlq.window_step import Step, step_said, stepped
from segmentation.nodes import (
    All,
    And,
    CalendarWindow,
    City,
    DateRangeWindow,
    EventCount,
    Gender,
    HasTag,
    InDepartment,
    ItemEvent,
    NamedSegment,
    Not,
    Owner,
    Performed,
    Ranked,
    RollingWindow,
    Untagged,
    Window,
    canonical,
    walk,
)
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import NOW, TZ, Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)
READ = Reader(VOCAB)


def _d(month: int, day: int) -> date:
    return date(2026, month, day)


PRODUCTS = Reader(
    build_vocabulary(
        tags=["VIP"],
        staff=[StaffInfo("zhangsan", "张三", (1,))],
        departments=[(1, "销售一部")],
        saved=[],
        catalog=NamedSegmentCatalog.load(),
        items=[("product", "精华液"), ("product", "唇釉")],
    )
)
BIG = build_vocabulary(
    tags=["VIP"],
    staff=[
        StaffInfo("zhangsan", "张三", (1,)),
        StaffInfo("lisi", "李四", (1,)),
        StaffInfo("wangwu", "王五", (2,)),
        StaffInfo("zhaoliu", "赵六", (2,)),
    ],
    departments=[(1, "销售一部"), (2, "销售二部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)


# ---- 仨 / 俩: a number with its measure word inside


@pytest.mark.parametrize(
    ("text", "event", "amount", "unit"),
    [
        ("仨月没下单的", "order", 3, "months"),
        ("俩月没来过店的客户", "visit", 2, "months"),
        ("倆禮拜冇嚟過嘅客", "visit", 2, "weeks"),
        ("近俩周没咨询的", "inquiry", 2, "weeks"),
        ("这仨星期没下过单的", "order", 3, "weeks"),
    ],
)
def test_a_fused_numeral_before_a_period_is_that_many_periods(
    text: str, event: str, amount: int, unit: str
) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, Not)
    inner = segment.child
    assert isinstance(inner, Performed) and inner.event_kind == event
    window = inner.window
    assert isinstance(window, RollingWindow)
    assert (window.amount, window.unit) == (amount, unit)


@pytest.mark.parametrize(("text", "count"), [("下单仨次以上的", 3), ("问价俩次以上的", 2)])
def test_a_fused_numeral_before_a_count_unit_is_the_number(text: str, count: int) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, EventCount)
    assert (segment.op, segment.value) == (">=", count)


def test_a_fused_numeral_without_a_comparison_is_still_asked_exactly_or_at_least() -> None:
    assert "两次" in READ.asked("买过俩次的")


def test_march_is_still_march() -> None:
    assert normalize("三月下过单的") == "三月下过单的"
    assert normalize("仨月下过单的") == "三个月下过单的"


# ---- a sales department by another word for sales (Taiwan 業務, 营业)

SALES = build_vocabulary(
    tags=["VIP"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部"), (2, "销售二部"), (3, "业务三部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)


@pytest.mark.parametrize(
    ("text", "dept"),
    [
        ("業務二部的客人", 2),
        ("请导出业务一部的VIP", 1),
        ("營業二部有幾個客", 2),
        ("销售三部的客户", 3),  # the other way round: the company says 业务三部
        ("销售二部的客户", 2),
    ],
)
def test_a_sales_department_answers_to_every_word_for_sales(text: str, dept: int) -> None:
    segment = Reader(SALES).segment(text)
    found = [n for n in walk(segment) if isinstance(n, InDepartment)]
    assert [n.department_ids for n in found] == [(dept,)]


def test_a_word_for_sales_before_a_colleague_is_still_that_colleague() -> None:
    segment = Reader(SALES).segment("业务张三的客户")
    assert isinstance(segment, Owner) and segment.userids == ("zhangsan",)


# ---- HK 班: the collective of people (我班客 = my customers)


@pytest.mark.parametrize(
    ("text", "owner"),
    [("我班客", "zhangsan"), ("我班客人入面邊個係VIP", "zhangsan"), ("张三班客", "zhangsan")],
)
def test_cantonese_ban_before_customers_is_their_lot(text: str, owner: str) -> None:
    owners = [n for n in walk(READ.segment(text)) if isinstance(n, Owner)]
    assert [n.userids for n in owners] == [(owner,)]


# ---- parts of a day: a time asked back as a time, never a colleague or a customer


@pytest.mark.parametrize(
    "text",
    [
        "今早有问价的",
        "昨晚下单的",
        "今晚要跟进的客户",
        "this morning's inquiries",
        "orders placed tonight",
    ],
)
def test_a_part_of_a_day_is_asked_back_as_a_time(text: str) -> None:
    message = READ.asked(text)
    assert "时间" in message or "the time" in message


def test_a_window_with_its_article_taken_by_a_possessive_is_no_customer() -> None:
    command = READ.command("the day before yesterday's orders")
    assert command.intent == "list"
    assert isinstance(command.segment, Performed) and command.segment.event_kind == "order"


# ---- breakdowns said as what each group brought in, holds, or as a comparison


@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("各个渠道分别来了多少VIP", "channel"),
        ("每个渠道来了多少客户", "channel"),
        ("各渠道进来的客户数", "channel"),
        ("各個活碼各加了幾多個客", "channel"),
        ("how many customers came from each channel", "channel"),
        ("各部门客户数对比", "department"),
        ("对比一下各城市的客户数", "city"),
        ("compare the departments by customer count", "department"),
        ("看看RFM八类客户各有多少", "rfm"),
        ("每個同事跟緊幾多個客", "owner"),
        ("每位销售负责的客户数", "owner"),
    ],
)
def test_a_breakdown_said_by_what_each_group_does(text: str, by: str) -> None:
    command = READ.command(text)
    assert (command.intent, command.details["by"]) == ("breakdown", by)


def test_a_breakdown_by_channel_keeps_its_condition_and_adds_no_visit() -> None:
    command = READ.command("各个渠道分别来了多少VIP")
    assert command.segment == HasTag("VIP")


@pytest.mark.parametrize(
    "text", ["张三和李四谁的客户多", "王五同趙六跟嘅客，邊個多啲", "张三跟李四边个嘅客多啲"]
)
def test_who_has_more_of_the_ones_named_is_their_breakdown_largest_first(text: str) -> None:
    command = parse_command(text, vocabulary=BIG, asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(command, Command)
    assert (command.details["by"], command.details["extreme"]) == ("owner", "most")
    assert isinstance(command.segment, Owner) and len(command.segment.userids) == 2


# ---- a ranking by a share said in Chinese numerals after 排名前


@pytest.mark.parametrize(
    ("text", "percent"), [("今年消費排名前百分之十五的", 15), ("消费排名后百分之二十的", 20)]
)
def test_a_ranked_share_after_paiming_is_that_share(text: str, percent: int) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, Ranked) and segment.percent == percent


# ---- a word that took the first character of a name gives it back (我手头上|海)


@pytest.mark.parametrize("text", ["我手头上海的女客户", "我手頭上海嘅客", "我这边上海的客户"])
def test_a_name_is_not_cut_by_the_longest_word_before_it(text: str) -> None:
    segment = READ.segment(text)
    cities = [n for n in walk(segment) if isinstance(n, City)]
    owners = [n for n in walk(segment) if isinstance(n, Owner)]
    assert [c.names for c in cities] == [("上海",)] and [o.userids for o in owners] == [
        ("zhangsan",)
    ]


# ---- 回 / 趟 count occurrences (一回 = once), never an amount


@pytest.mark.parametrize(
    ("text", "event", "op", "value"),
    [
        ("近半年退过不止一回款的VIP", "refund", ">", 1),
        ("来店来了不少于三趟的女客户", "visit", ">=", 3),
        ("来过店不少于三趟的", "visit", ">=", 3),
        ("只来过一趟店的", "visit", "=", 1),
    ],
)
def test_hui_and_tang_count_times(text: str, event: str, op: str, value: int) -> None:
    counts = [n for n in walk(READ.segment(text)) if isinstance(n, EventCount)]
    assert [(c.event_kind, c.op, c.value) for c in counts] == [(event, op, value)]


def test_not_once_with_tang_is_never() -> None:
    segment = READ.segment("一趟都没来过的")
    assert isinstance(segment, Not) and segment.child == Performed("visit")


# ---- English glue: already, of whom; a class name after "my customers"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("VIPs who have already bought anything", None),
        ("customers who have already ordered", Performed("order")),
    ],
)
def test_already_adds_nothing(text: str, expected: Performed | None) -> None:
    segment = READ.segment(text)
    if expected is not None:
        assert segment == expected


def test_of_whom_opens_a_clause() -> None:
    segment = READ.segment("Shanghai clients, of whom which are women?")
    assert {type(n) for n in walk(segment)} >= {City, Gender}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my customers to win back", "to_win_back"),
        ("export my customers to keep", "to_keep"),
        ("my customers to develop in Shanghai", "to_develop"),
    ],
)
def test_my_customers_before_a_class_name_leaves_the_name_whole(text: str, key: str) -> None:
    segment = READ.segment(text)
    assert [n.key for n in walk(segment) if isinstance(n, NamedSegment)] == [key]
    assert [n.userids for n in walk(segment) if isinstance(n, Owner)] == [("zhangsan",)]


# ---- whom said first (in parts), then an action on them


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ('VIPs, just mine, message them "hi"', "push"),
        ("VIPs, only mine, export them", "export"),
        ("my VIPs, export them", "export"),
        ("Shanghai VIPs - tag them 金卡", "tag"),
        ("上海的VIP，只要我的，给他们打上金卡标签", "tag"),
    ],
)
def test_a_pronoun_after_whom_takes_them_up(text: str, intent: str) -> None:
    command = READ.command(text)
    assert command.intent == intent and not command.details.get("segment_from_context")
    assert HasTag("VIP") in list(walk(command.segment))


@pytest.mark.parametrize("text", ["export them", "导出他们"])
def test_a_pronoun_alone_is_still_the_answer_before(text: str) -> None:
    assert READ.command(text).details.get("segment_from_context")


# ---- a price with an amount is no customer condition (价格超过300 had counted inquiries)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("价格超过300的", "价格"),
        ("买的东西价格超过500", "价格"),
        ("价位在500以上的客户", "价位"),
        ("價錢高過五百蚊嘅", "价钱"),
        ("单价不超过300", "单价"),
    ],
)
def test_a_price_with_an_amount_is_asked_back(text: str, word: str) -> None:
    assert f"“{word}”" in READ.asked(text)


@pytest.mark.parametrize("text", ["问过价格的", "询问价格的客户"])
def test_asking_about_the_price_is_still_an_inquiry(text: str) -> None:
    assert READ.segment(text) == Performed("inquiry")


# ---- Cantonese: 跟紧 after a colleague, 返 after a request verb; a request before 北部


def test_a_colleague_with_cantonese_gan_is_their_customers() -> None:
    segment = Reader(BIG).segment("邊啲客戶係李四跟緊同埋喺北京")
    assert [n.userids for n in walk(segment) if isinstance(n, Owner)] == [("lisi",)]
    assert [n.names for n in walk(segment) if isinstance(n, City)] == [("北京",)]


@pytest.mark.parametrize(
    ("text", "intent"),
    [("幫我export返啲深圳客", "export"), ("睇返上個月有落單嘅VIP", "list"), ("查返我啲客", "list")],
)
def test_cantonese_faan_after_a_request_verb_adds_nothing(text: str, intent: str) -> None:
    assert READ.command(text).intent == intent


def test_a_request_is_no_part_of_a_department_name() -> None:
    message = READ.asked("請問北部的客人有幾位")
    assert "“北部”" in message and "请问" not in message


# ---- a bare negation after a named product leaves out the product too; 这 before a window


def _bought(product: str, window: RollingWindow | None = None) -> ItemEvent:
    return ItemEvent("order", "product", (product,), window=window)


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("买过精华液，但最近两个月没有的", RollingWindow(2, "months")),
        ("customers who bought 精华液, but not in the past 60 days", RollingWindow(60, "days")),
        ("買過精華液但係呢兩個月冇", RollingWindow(2, "months")),
    ],
)
def test_a_bare_negation_after_a_product_negates_that_product(
    text: str, window: RollingWindow
) -> None:
    segment = PRODUCTS.segment(text)
    assert isinstance(segment, And)
    assert segment.children[0] == _bought("精华液")
    assert segment.children[1] == Not(_bought("精华液", window))


def test_nothing_after_a_product_is_any_order() -> None:
    segment = PRODUCTS.segment("买过唇釉但近7天什么都没买")
    assert isinstance(segment, And)
    assert segment.children[1] == Not(Performed("order", RollingWindow(7, "days")))


@pytest.mark.parametrize(
    ("text", "window"),
    [("这半年没来过的", RollingWindow(6, "months")), ("这30天问过价的", RollingWindow(30, "days"))],
)
def test_this_before_a_rolling_window_is_that_window(text: str, window: RollingWindow) -> None:
    found = [getattr(n, "window", None) for n in walk(READ.segment(text))]
    assert window in found


# ---- "any" before a total negation: 什么标签都没有, 啥店都没来过


@pytest.mark.parametrize(
    "text", ["什么标签都没有的", "啥标签都没打的", "任何标签都没有的客户", "乜標籤都冇嘅客"]
)
def test_no_tag_of_any_kind_is_untagged(text: str) -> None:
    assert canonical(READ.segment(text)) == Untagged()


@pytest.mark.parametrize(
    ("text", "event"),
    [("什么单都没下过的", "order"), ("啥店都没来过", "visit"), ("乜單都未落過嘅客", "order")],
)
def test_no_event_of_any_kind_is_never(text: str, event: str) -> None:
    assert canonical(READ.segment(text)) == Not(Performed(event))


# ---- "add them to a tag": the name after the preposition is the tag, never "them"


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("把这些客户加到金卡", "金卡"),
        ("把这些加进金卡标签", "金卡"),
        ("把他们加入VIP", "VIP"),
        ("把呢啲客加落金卡", "金卡"),
        ("add them to 金卡", "金卡"),
        ("put these under the VIP label", "VIP"),
        ("add these customers to the VIP tag", "VIP"),
        ("add them to the 新客 tag", "新客"),  # said to be a tag: a new one is made
    ],
)
def test_adding_them_to_a_tag_tags_them(text: str, tag: str) -> None:
    command = READ.command(text)
    assert (command.intent, command.details["tag"]) == ("tag", tag)
    assert command.details.get("segment_from_context")


@pytest.mark.parametrize("text", ["add them to 跟进名单", "add them to the follow-up list"])
def test_adding_them_to_what_is_no_tag_is_asked(text: str) -> None:
    assert "no tag" in READ.asked(text)


def test_a_cart_is_still_an_event() -> None:
    assert READ.segment("加入购物车的客户") == Performed("cart")


# ---- one more condition said to be one narrows; 加个条件/备注 is no tag


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("再加上近7天有咨询这个条件", "近7天有咨询"),
        ("加个条件：买过唇釉", "买过唇釉"),
        ("加個條件：近7天有詢價", "近7天有詢價"),
        ("add the condition inquired in the last 7 days", "inquired in the last 7 days"),
        ("with an extra filter: women", "women"),
    ],
)
def test_a_condition_said_to_be_one_narrows(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and (follow.mode, follow.rest) == ("and", rest)


def test_beijing_added_alone_still_widens() -> None:
    follow = read_follow_up("加上北京的")
    assert follow is not None and follow.mode == "also"


@pytest.mark.parametrize(
    "text", ["加个条件：近7天有咨询", "加个备注：VIP", "加个标签：近7天有咨询的"]
)
def test_add_a_condition_or_a_note_is_no_tag_order(text: str) -> None:
    result = READ.parse(text)
    assert not (isinstance(result, Command) and result.intent == "tag")


# ---- English: a day of the month alone (on the 1st, since the 15th); since the start of Q4


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("ordered on the 1st", "2026-11-01", "2026-11-01"),
        ("inquired on the 3rd", "2026-10-03", "2026-10-03"),
        ("ordered since the 15th", "2026-10-15", None),
        ("ordered between the 5th and the 20th", "2026-10-05", "2026-10-20"),
        ("ordered since the start of Q4", "2026-10-01", None),
        ("ordered since the beginning of October", "2026-10-01", None),
    ],
)
def test_english_days_of_the_month(text: str, start: str, end: str | None) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, Performed) and isinstance(segment.window, DateRangeWindow)
    window = segment.window
    assert window.start.isoformat() == start
    assert (window.end.isoformat() if window.end else None) == end


def test_an_ordinal_before_a_noun_is_no_date() -> None:
    READ.asked("the 2nd visit")


# ---- a share of one value is the breakdown by its dimension (the rows carry each share)


@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("VIP客户占比", "tag"),
        ("我的客户里VIP占比是多少", "tag"),
        ("女客户占几成", "gender"),
        ("上海客户占多少比例", "city"),
        ("what percentage of my customers are in Shanghai", "city"),
        ("what share of customers are women", "gender"),
        ("what's the share of VIPs among my customers", "tag"),
    ],
)
def test_a_share_of_one_value_is_its_breakdown(text: str, by: str) -> None:
    command = READ.command(text)
    assert (command.intent, command.details["by"], command.details["share"]) == (
        "breakdown",
        by,
        True,
    )


def test_a_share_among_my_customers_keeps_whose() -> None:
    segment = READ.segment("我的客户里VIP占比是多少")
    assert segment == Owner(("zhangsan",))


def test_a_share_of_what_has_no_groups_is_asked() -> None:
    assert "占比" in READ.asked("近30天下过单的客户占比")


# ---- a calendar window stepped back or on (再往前一周, the month before that)


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("再往前一周呢", -1, "week"),
        ("再早一個月", -1, "month"),
        ("往前推两个月", -2, "month"),
        ("再上一个月", -1, "month"),
        ("再往后一周", 1, "week"),
        ("再往前呢", -1, None),
        ("the week before that", -1, "week"),
        ("and the month before that?", -1, "month"),
        ("a month later", 1, "month"),
        ("go back two weeks", -2, "week"),
    ],
)
def test_a_step_is_read(text: str, amount: int, unit: str | None) -> None:
    assert step_said(normalize(text)) == Step(amount, unit)


@pytest.mark.parametrize("text", ["上一个月", "前3名", "上海", "后来呢", "前一周"])
def test_what_is_no_step(text: str) -> None:
    assert step_said(normalize(text)) is None


@pytest.mark.parametrize(
    ("window", "step", "moved"),
    [
        (CalendarWindow("week", 0), Step(-1, None), CalendarWindow("week", -1)),
        (CalendarWindow("week", -2), Step(-1, "week"), DateRangeWindow(_d(10, 5), _d(10, 11))),
        (DateRangeWindow(_d(10, 5), _d(10, 11)), Step(1, None), CalendarWindow("week", -2)),
        (DateRangeWindow(_d(10, 1), _d(10, 31)), Step(-1, None), CalendarWindow("month", -2)),
        (
            DateRangeWindow(_d(10, 3), _d(10, 3)),
            Step(-1, "day"),
            DateRangeWindow(_d(10, 2), _d(10, 2)),
        ),
    ],
)
def test_a_window_steps(window: Window, step: Step, moved: Window) -> None:
    assert stepped(window, step, NOW, TZ) == moved


@pytest.mark.parametrize(
    ("window", "step"),
    [
        (RollingWindow(7, "days"), Step(-1, "week")),  # 近7天 has no named week before it
        (CalendarWindow("month", -1), Step(-1, "week")),  # another unit: asked
        (CalendarWindow("week", 0), Step(1, None)),  # next week has not begun
    ],
)
def test_what_does_not_step(window: Window, step: Step) -> None:
    assert stepped(window, step, NOW, TZ) is None


# ---- a city customers come from: 上海来的客户 (had asked back "来宾?")


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("上海来的客户", "上海"),
        ("从上海来的客户", "上海"),
        ("北京过来的客户", "北京"),
        ("上海嚟嘅客", "上海"),
    ],
)
def test_a_city_customers_come_from_is_that_city(text: str, city: str) -> None:
    segment = Reader(BIG).segment(text)
    assert isinstance(segment, City) and city in segment.names


def test_a_city_before_a_visit_keeps_the_visit() -> None:
    segment = READ.segment("上海来过店的客户")
    assert Performed("visit") in list(walk(segment))


@pytest.mark.parametrize("text", ["邊個客使錢使得最多", "哪个客户花钱花得最多"])
def test_spending_said_again_before_de_is_the_top_spender(text: str) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, Ranked) and (segment.direction, segment.count) == ("top", 1)


# ---- for whom first, then 把 the tag and what is done with it (替我的客户把…删了 had untagged all)


@pytest.mark.parametrize(
    ("text", "intent", "tag"),
    [
        ("帮上海的客户把VIP标签去掉", "untag", "VIP"),
        ("给北京的客户把金卡标签拿掉", "untag", "金卡"),
        ("替我的客户把VIP标签删了", "untag", "VIP"),
        ("帮上海的客户把VIP标签打上", "tag", "VIP"),
    ],
)
def test_whom_before_ba_is_kept(text: str, intent: str, tag: str) -> None:
    command = READ.command(text)
    assert (command.intent, command.details["tag"]) == (intent, tag)
    assert command.segment not in (None, All())
