"""Rankings turned round, cut down and counted, and "no longer" (issue 19, blind-s17-conv2 /
s18): the other end of a ranking said after it is the same base ranked from that end, never a
ranking of the rows shown; its first rows are the list as shown; a superlative of the number
of orders ranks by orders (docs/rankings.md); "stopped ordering" is ordered before and not in
the window, asked back with no window."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.commands.ranked_pick import picked_out
from segmentation.nlq.parser import Clarification
from segmentation.nlq.rank_pick import BOTTOM, OTHER, TOP, read_ranked_pick
from segmentation.nodes import (
    All,
    And,
    CalendarWindow,
    HasTag,
    InDepartment,
    Not,
    Performed,
    Ranked,
    RollingWindow,
)
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

READ = Reader(small_vocabulary())
LAST_MONTH = CalendarWindow(unit="month", offset=-1)
TOP_3 = Ranked(InDepartment((2,)), "top", 3, None, RollingWindow(90, "days"), "spend")
BOTTOM_3 = Ranked(All(), "bottom", 3, None, LAST_MONTH, "spend")
TOP_20_PERCENT = Ranked(All(), "top", None, Decimal(20), LAST_MONTH, "spend")

# ---------------------------------------------------------------- turned round


@pytest.mark.parametrize(
    ("text", "end", "count"),
    [
        ("now the bottom 2", BOTTOM, 2),
        ("flip it, bottom 2", BOTTOM, 2),
        ("bottom 2 instead", BOTTOM, 2),
        ("reverse it, lowest 3", BOTTOM, 3),
        ("反轉，最少嘅2個", BOTTOM, 2),
        ("調轉睇最少嘅兩個", BOTTOM, 2),
        ("反过来看后三名", BOTTOM, 3),
        ("倒过来，后三名", BOTTOM, 3),
        ("最少的两个呢", BOTTOM, 2),
        ("ok now the lowest 3", BOTTOM, 3),
        ("那最少的兩個呢", BOTTOM, 2),
        ("反过来，最多的3个", TOP, 3),
        ("改成最少的3个", BOTTOM, 3),
        ("換成最少的兩位", BOTTOM, 2),
        ("轉做最少嗰3個", BOTTOM, 3),
        ("the other way round, lowest 2", BOTTOM, 2),
    ],
)
def test_the_other_end_said_is_the_same_base_turned_round(text: str, end: str, count: int) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and (pick.end, pick.count) == (end, count), pick
    turned = picked_out(TOP_3 if end == BOTTOM else replace_direction(TOP_3), pick)
    assert turned.base == TOP_3.base and turned.window == TOP_3.window and turned.by == "spend"
    assert (turned.direction, turned.count) == (end, count)


def replace_direction(ranking: Ranked) -> Ranked:
    return Ranked(ranking.base, "bottom", ranking.count, None, ranking.window, ranking.by)


@pytest.mark.parametrize("text", ["那最少的呢", "倒过来", "反轉", "flip it", "the other end"])
def test_the_other_end_with_no_count_is_as_many(text: str) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and pick.end in (BOTTOM, OTHER) and pick.count is None
    turned = picked_out(TOP_3, pick)
    assert (turned.base, turned.direction, turned.count) == (TOP_3.base, "bottom", 3)


@pytest.mark.parametrize("text", ["那後20%呢", "后20%呢", "bottom 20%", "what about bottom 20%?"])
def test_a_share_turned_round(text: str) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and pick.percent == Decimal(20)
    turned = picked_out(TOP_20_PERCENT, pick)
    assert turned == Ranked(All(), "bottom", None, Decimal(20), LAST_MONTH, "spend")


# ---------------------------------------------------------------- cut down, and among those shown


@pytest.mark.parametrize(
    "text",
    [
        "只要前2个",
        "只看前兩位",
        "頭兩個",
        "淨係要頭2個",
        "头两个",
        "just the first 2",
        "前兩個就得",
        "only the first two",
    ],
)
def test_the_first_rows_are_the_list_as_shown(text: str) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and pick.first_rows and pick.count == 2
    assert picked_out(BOTTOM_3, pick) == Ranked(All(), "bottom", 2, None, LAST_MONTH, "spend")


@pytest.mark.parametrize(
    "text",
    ["其中最少的两个", "最少的那两个", "呢啲入面最少嘅兩個", "最后两名", "of those, the bottom 2",
     "the last 2"],
)  # fmt: skip
def test_a_pick_among_the_rows_shown_stays_one(text: str) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and pick.among and pick.count == 2
    picked = picked_out(TOP_3, pick)
    assert picked.base == TOP_3 and picked.direction == "bottom" and picked.count == 2


@pytest.mark.parametrize("text", ["以后呢", "后面的呢?", "first", "那个"])
def test_no_pick(text: str) -> None:
    pick = read_ranked_pick(text)
    assert pick is None or (pick.percent is None and not pick.first_rows)


# ---------------------------------------------------------------- counted: by number of orders


@pytest.mark.parametrize(
    ("text", "direction", "count", "window"),
    [
        ("下单最多的5个", "top", 5, None),
        ("下单次数最多的5个客户", "top", 5, None),
        ("落單次數最多嘅3個", "top", 3, None),
        ("上个月订单最少的3位", "bottom", 3, LAST_MONTH),
        ("上個月訂單最少的3位客戶", "bottom", 3, LAST_MONTH),
        ("最常下单的前十个客户", "top", 10, None),
        ("the 3 who ordered most often", "top", 3, None),
        ("5 customers with the most orders", "top", 5, None),
        ("the 5 most frequent buyers", "top", 5, None),
        ("上个月 the 2 who ordered most often", "top", 2, LAST_MONTH),
        ("上个月落单最多的2个", "top", 2, LAST_MONTH),
    ],
)
def test_a_superlative_of_orders_ranks_by_orders(
    text: str, direction: str, count: int, window: object
) -> None:
    node = READ.segment(text)
    assert node == Ranked(All(), direction, count, None, window, "orders")  # type: ignore[arg-type]


def test_a_superlative_of_orders_keeps_its_base() -> None:
    expected = Ranked(HasTag("VIP"), "top", 5, None, None, "orders")
    assert READ.segment("下單最多的五位VIP") == expected


@pytest.mark.parametrize(
    "text",
    ["下单最多的客户有哪些", "who ordered the most last month",
     "which customers bought most often"],
)  # fmt: skip
def test_with_no_count_how_many_is_asked_in_the_words_of_orders(text: str) -> None:
    result = READ.parse(text)
    assert isinstance(result, Clarification)
    assert "下单次数" in result.message or "number of orders" in result.message
    assert "消费" not in result.message and "spend" not in result.message


@pytest.mark.parametrize(
    "text",
    ["咨询最多的前十", "來店最少的5個", "customers who visit the least",
     "上个月买得最多的客户是谁"],
)  # fmt: skip
def test_another_count_is_asked_back(text: str) -> None:
    assert isinstance(READ.parse(text), Clarification)


@pytest.mark.parametrize("text", ["下单最多2次的客户", "最多下过2次单的客户"])
def test_at_most_stays_a_condition(text: str) -> None:
    assert not isinstance(READ.segment(text), Ranked)


# ---------------------------------------------------------------- no longer / stopped

DAYS_60 = RollingWindow(60, "days")
MONTHS_2 = RollingWindow(2, "months")


def _lapsed(window: object, kind: str = "order") -> And:
    return And((Performed(kind, None), Not(Performed(kind, window))))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("customers who ordered before but no longer do - nothing in the last 60 days", DAYS_60),
        ("customers who stopped ordering in the last 60 days", DAYS_60),
        ("customers who don't buy anymore, none in the last 60 days", DAYS_60),
        ("近60天 stopped ordering 的客户", DAYS_60),
        ("以前买过最近60天没买", DAYS_60),
        ("最近60天不再下單的客戶", DAYS_60),
        ("之前有落單但近兩個月冇再落", MONTHS_2),
    ],
)
def test_no_longer_is_before_and_not_in_the_window(text: str, window: object) -> None:
    assert READ.segment(text) == _lapsed(window)


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("近60天没再下单的客户", DAYS_60),
        ("近两个月没有再买的客户", MONTHS_2),
        ("近兩個月都沒再買的客戶", MONTHS_2),
        ("近兩個月冇再落單嘅客", MONTHS_2),
    ],
)
def test_not_again_alone_is_not_in_the_window(text: str, window: object) -> None:
    """没再 / 冇再 with nothing said done before: as the people who type it read it, no order
    in the window (never ordered included), not "ordered before" (that is 不再 / 停止)."""
    assert READ.segment(text) == Not(Performed("order", window))  # type: ignore[arg-type]


def test_no_longer_keeps_the_rest() -> None:
    assert READ.segment("VIPs who no longer buy - nothing for 2 months") == And(
        (HasTag("VIP"), Performed("order", None), Not(Performed("order", MONTHS_2)))
    )
    assert READ.segment("上个月不再咨询的客户") == _lapsed(LAST_MONTH, "inquiry")


@pytest.mark.parametrize(
    "text", ["stopped ordering", "customers who stopped ordering", "停止下单的客户", "停咗落單嘅客",
             "以前买过现在不买了的客户"]
)  # fmt: skip
def test_no_longer_with_no_window_asks_since_when(text: str) -> None:
    result = READ.parse(text)
    assert isinstance(result, Clarification)
    assert "60" in result.suggestions[0]


def test_a_plain_negation_stays_one() -> None:
    assert READ.segment("近60天没下单的客户") == Not(Performed("order", DAYS_60))


def test_not_again_beside_another_event_is_after_that_one() -> None:
    # 下过单，但近30天没有再咨询: not inquired again after ordering, inquired before or not
    assert READ.segment("下过单，但近30天没有再咨询的客户") == And(
        (Performed("order", None), Not(Performed("inquiry", RollingWindow(30, "days"))))
    )
