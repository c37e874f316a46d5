"""Follow-ups on the last answer (issue 19, blind-s16-conv2): a ranking asked for with no count
ranks everyone who ordered; a lead-in question before the real one; a window said with 只看 /
just; the answer pointed at by its size; whose the answer's customers are; a card with the
request after it; 那…呢 with several conditions swapping each."""

from __future__ import annotations

from decimal import Decimal

import pytest

from segmentation.nlq.bound_swap import on_ranked_measure, read_bound
from segmentation.nlq.followup import read_follow_up, window_swap_words
from segmentation.nlq.lead_questions import drop_lead_question
from segmentation.nlq.sort_words import order_said_alone, sorted_as_ranking
from segmentation.nlq.swap import swap_conditions
from segmentation.nlq.tokens import tokenize
from segmentation.nlq.whose_words import asks_whose
from segmentation.nodes import (
    And,
    EventCount,
    Not,
    Owner,
    Performed,
    Ranked,
    RollingWindow,
    Spend,
)
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import NOW, TZ, Reader, small_vocabulary

READ = Reader(small_vocabulary())
MINE = Owner(("zhangsan",))
DAYS_30 = RollingWindow(amount=30, unit="days")


def _everyone_ranked(node: object, direction: str = "top") -> Ranked:
    assert isinstance(node, Ranked), node
    assert node.percent == Decimal(100) and node.count is None
    assert node.direction == direction and node.by == "spend"
    return node


# ---------------------------------------------------------------- a ranking with no count


@pytest.mark.parametrize(
    "text",
    [
        "帮我把我的客户按消费金额排一下",
        "我的客户按消费排个序",
        "把我的客户按消费额从高到低排列",
        "我的客户消费排名",
        "我的客户 消费金额由高到低",
        "我的客戶依消費金額由高到低排序",
        "幫我把我的客戶按消費排一排",
        "我啲客照使錢多少排下",
        "我啲客按消費排下先",
        "rank my customers by spend",
        "sort my customers by how much they spent",
        "my customers ranked by total spend",
        "order my customers by spend, highest first",
        "我的客户 sort by spend",
        "my customers 按消费排一下",
    ],
)
def test_sort_by_spend_ranks_every_buyer(text: str) -> None:
    node = _everyone_ranked(READ.segment(text))
    assert node.base == MINE and node.window is None


@pytest.mark.parametrize(
    "text",
    [
        "我的客户消费从低到高排一下",
        "我的客戶按消費金額由少到多排序",
        "我啲客按使錢由細到大排下",
        "sort my customers by how much they spent, lowest first",
        "rank my customers by spend ascending",
    ],
)
def test_lowest_first_is_the_bottom(text: str) -> None:
    _everyone_ranked(READ.segment(text), "bottom")


@pytest.mark.parametrize(
    "text",
    [
        "我的客户按近30天的消费排一下",
        "我的客户按消费排一下 只看近30天",
        "rank my customers by spend in the last 30 days",
        "我的客戶近30天按消費排序",
    ],
)
def test_a_window_said_with_the_sort_is_the_rankings(text: str) -> None:
    assert _everyone_ranked(READ.segment(text)).window == DAYS_30


@pytest.mark.parametrize(
    ("text", "count", "direction"),
    [
        ("我的客户按消费金额排一下 前3名", 3, "top"),
        ("rank my customers by spend, top 3", 3, "top"),
        ("sort my customers by spend, lowest first, bottom 2", 2, "bottom"),
    ],
)
def test_a_count_said_with_the_sort_counts_it(text: str, count: int, direction: str) -> None:
    node = READ.segment(text)
    assert isinstance(node, Ranked) and node.count == count and node.direction == direction


@pytest.mark.parametrize("text", ["VIP客户里消费排名前3的", "消費排名前5的VIP"])
def test_the_grammars_own_counted_ranking_is_kept(text: str) -> None:
    assert sorted_as_ranking(normalize(text)) == normalize(text)


def test_a_ranking_of_all_is_restated_as_such() -> None:
    zh = READ.command("帮我把我的客户按消费金额排一下").description
    assert "全部" in zh and "从高到低" in zh and "100%" not in zh
    en = READ.command("sort my customers by spend, lowest first").description
    assert "ranked by spend" in en and "lowest first" in en and "100%" not in en


@pytest.mark.parametrize(
    ("text", "direction", "window"),
    [
        ("帮我把我的客户按下单次数排一下", "top", None),
        ("我的客戶按訂單數從多到少排", "top", None),
        ("我的客户下单次数从多到少排一下", "top", None),
        ("我的客户按订单数从少到多排", "bottom", None),
        ("我的客户按近30天的下单次数排一下", "top", DAYS_30),
        ("我啲客按落單次數排下", "top", None),
        ("rank my customers by how many orders they've placed", "top", None),
        ("sort my customers by number of orders, lowest first", "bottom", None),
        ("list my customers order by number of orders desc", "top", None),
    ],
)
def test_a_sort_by_orders_ranks_by_orders(text: str, direction: str, window: object) -> None:
    node = READ.segment(text)
    assert isinstance(node, Ranked) and node.by == "orders" and node.percent == Decimal(100)
    assert node.base == MINE and node.direction == direction and node.window == window


def test_a_counted_sort_by_orders() -> None:
    node = READ.segment("我啲客按落單次數排下 前2個")
    assert isinstance(node, Ranked) and node.by == "orders" and node.count == 2


def test_a_ranking_by_orders_is_restated_as_such() -> None:
    assert "下单次数从多到少" in READ.command("帮我把我的客户按下单次数排一下").description
    en = READ.command("rank my customers by how many orders they've placed").description
    assert "number of orders" in en


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("帮我把我的客户按咨询次数排一下", "按咨询次数"),
        ("我的客戶按到店次數排序", "按到店次数"),
        ("sort my customers by number of visits", "number of visits"),
        ("rank my customers by how many inquiries", "how many inquiries"),
    ],
)
def test_a_sort_by_how_often_of_another_event_is_asked_back(text: str, said: str) -> None:
    message = READ.asked(text)
    assert said in message
    assert "消费金额" in message or "spend" in message


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("排一下", "排一下"),
        ("帮我排个序", "排个序"),
        ("我的客户排一下", "排一下"),
        ("我的客戶排名", "排名"),
        ("我啲客排下先", "排下"),
        ("sort them", "sort them"),
        ("rank my customers", "rank my customers"),
    ],
)
def test_a_sort_by_nothing_is_asked_by_what(text: str, said: str) -> None:
    message = READ.asked(text)
    assert f"“{said}”" in message
    assert "下单次数" in message or "number of orders" in message


@pytest.mark.parametrize(
    "text",
    ["按城市分一下", "我的客户按城市排一下", "北京的客户有几个", "下单最多2次的客户有几个"],
)
def test_no_sort_by_spend_is_left_alone(text: str) -> None:
    assert sorted_as_ranking(normalize(text)) == normalize(text)


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("倒过来", "reverse"),
        ("reverse the order", "reverse"),
        ("由高到低", "top"),
        ("排个序 从低到高", "bottom"),
        ("從少到多排", "bottom"),
        ("sort them lowest first", "bottom"),
        ("highest first please", "top"),
        ("按消费排一下", None),
        ("上海的", None),
    ],
)
def test_the_order_said_alone(text: str, order: str | None) -> None:
    assert order_said_alone(normalize(text)) == order


# ---------------------------------------------------------------- a lead-in question


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("早 今天该跟进谁啊 最近问过价的有哪些", "最近问过价的有哪些"),
        ("今天該跟進誰？最近問過價的", "最近问过价的"),
        ("今日要打俾邊個先？我啲客上個禮拜有冇人問過價", "我啲客上个礼拜有冇人问过价"),
        ("今天该联系哪些客户：近7天到过店的", "近7天到过店的"),
        (
            "who should i ring today? my customers who asked about stuff in the past 2 weeks",
            "my customers who asked about stuff in the past 2 weeks",
        ),
        ("morning! who do I follow up with first: VIPs in shanghai", "vips in shanghai"),
        ("早上好，VIP有几个", "vip有几个"),
    ],
)
def test_a_lead_in_question_is_dropped(text: str, rest: str) -> None:
    assert drop_lead_question(normalize(text)) == rest


@pytest.mark.parametrize(
    "text",
    ["今天该跟进谁", "so who should i call", "早于10月下单的", "早上下单的", "跟进谁的客户最多"],
)
def test_no_lead_in_question_alone_or_inside_a_word(text: str) -> None:
    assert drop_lead_question(normalize(text)) == normalize(text)


def test_the_query_after_a_lead_in_is_answered() -> None:
    node = READ.segment(
        "who should i ring today? my customers who asked about stuff in the past 2 weeks "
        "and haven't ordered"
    )
    assert isinstance(node, And) and MINE in node.children


# ---------------------------------------------------------------- 只看 / just a window


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("只看近30天的呢", "近30天"),
        ("淨係計近7日", "近7日"),
        ("只算上个月", "上个月"),
        ("just the last 30 days", "the last 30 days"),
        ("only last month", "last month"),
        ("narrow it to last month", "last month"),
    ],
)
def test_only_a_window_is_a_window_swap(text: str, window: str) -> None:
    assert window_swap_words(text) == window


# ---------------------------------------------------------------- the answer by its size


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("这俩里还没下过单的", "还没下过单的"),
        ("這兩個裡面有VIP嗎", "有VIP嗎"),
        ("呢兩個入面邊個係女嘅", "邊個係女嘅"),
        ("那三位当中上海的", "上海的"),
        ("of these two, who has ordered", "who has ordered"),
        ("which of those 3 customers are VIP", "which are VIP"),
    ],
)
def test_the_answer_pointed_at_by_its_size(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.pointed and follow.rest == rest


# ---------------------------------------------------------------- whose


@pytest.mark.parametrize(
    "text", ["佢哋係邊個跟開", "佢哋邊個睇開㗎", "邊個跟開佢哋", "他们是谁跟的", "who follows them"]
)
def test_whose_they_are(text: str) -> None:
    assert asks_whose(normalize(text)) is not None


# ---------------------------------------------------------------- a card, the request after it


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Alice 的狀況幫我查一下", "Alice"),
        ("Alice的资料帮我看看", "Alice"),
        ("Frank最近买了啥 帮我查下", "Frank"),
        ("Mike最近買咗咩 幫我睇下", "Mike"),
        ("Alice 的情況麻煩你幫我查一下好嗎", "Alice"),
        ("Alice's profile, can you pull it up please", "Alice"),
    ],
)
def test_a_card_with_the_request_after_it(text: str, name: str) -> None:
    command = READ.command(text)
    assert command.intent == "customer" and command.details["customer"] == name


@pytest.mark.parametrize("text", ["VIP的情况帮我查一下", "上海客户的情况帮我看看"])
def test_a_segment_with_the_request_after_it_stays_a_segment(text: str) -> None:
    assert READ.command(text).intent == "list"


# ---------------------------------------------------------------- 那…呢 with conditions


@pytest.mark.parametrize(
    ("words", "by", "expected"),
    [
        ("2 or more", "orders", EventCount("order", ">=", 2)),
        ("2次以上", "orders", EventCount("order", ">=", 2)),
        ("1000以上", "spend", Spend(">=", Decimal(1000))),
        ("more than 1200", "spend", Spend(">", Decimal(1200))),
    ],
)
def test_a_bound_after_a_ranking_is_a_threshold_on_its_measure(
    words: str, by: str, expected: object
) -> None:
    tokens = tokenize(normalize(words), READ.vocabulary, NOW, TZ)
    bound = read_bound(tokens)
    assert bound is not None
    ranking = Ranked(MINE, percent=Decimal(100), by=by)  # type: ignore[arg-type]
    assert on_ranked_measure(ranking, bound) == Ranked(
        And((MINE, expected)),  # type: ignore[arg-type]
        percent=Decimal(100),
        by=by,  # type: ignore[arg-type]
    )


def test_a_bound_of_another_unit_is_no_threshold() -> None:
    bound = read_bound(tokenize(normalize("1000元以上"), READ.vocabulary, NOW, TZ))
    assert bound is not None
    assert on_ranked_measure(Ranked(MINE, percent=Decimal(100), by="orders"), bound) is None


def test_several_conditions_swap_each_in_a_nested_and() -> None:
    previous = And((MINE, And((Performed("inquiry"), Not(Performed("order"))))))
    new = And((Performed("inquiry", DAYS_30), Not(Performed("order", DAYS_30))))
    swapped = swap_conditions(previous, new)
    assert swapped == And((MINE, Performed("inquiry", DAYS_30), Not(Performed("order", DAYS_30))))
