"""Swaps (segmentation.nlq.swap and the words of followup.py): the previous question with
another window on its windowed conditions, or another condition in place of one of its kind."""

from __future__ import annotations

import pytest

from segmentation.nlq.followup import bare_days, is_export_this, says_ever, window_swap_words
from segmentation.nlq.swap import (
    Ambiguous,
    counts_days,
    distinct_windows,
    kinds,
    swap_conditions,
    windowed_conditions,
    with_window,
    with_window_on_all_time,
)
from segmentation.nodes import (
    All,
    And,
    City,
    EventCount,
    Gender,
    HasTag,
    ItemEvent,
    NamedSegment,
    NewCustomer,
    Not,
    Or,
    Owner,
    Performed,
    Ranked,
    RollingWindow,
)

D7, D30, D90 = RollingWindow(7, "days"), RollingWindow(30, "days"), RollingWindow(90, "days")


def test_a_window_swap_replaces_every_window_of_one_kind_and_keeps_all_time_ones() -> None:
    node = And((Performed("inquiry", D30), Not(Performed("order", D30)), Performed("visit")))
    assert distinct_windows(node) == [D30]
    assert with_window(node, D90) == And(
        (Performed("inquiry", D90), Not(Performed("order", D90)), Performed("visit"))
    )


def test_different_windows_are_told_apart_and_one_can_be_swapped_alone() -> None:
    node = And((Performed("inquiry", D30), Not(Performed("order", D7))))
    assert distinct_windows(node) == [D30, D7]
    # the negated condition is named as it was asked: "未下单"
    assert [w.part for w in windowed_conditions(node)] == [
        Performed("inquiry", D30),
        Not(Performed("order", D7)),
    ]
    assert with_window(node, D90, only=D7) == And(
        (Performed("inquiry", D30), Not(Performed("order", D90)))
    )


def test_new_customers_have_a_window_even_without_one_and_rankings_keep_theirs() -> None:
    assert distinct_windows(NewCustomer()) == [None]
    assert with_window(NewCustomer(), D90) == NewCustomer(D90)
    ranked = Ranked(City(("上海",)), count=3, window=D30)
    assert with_window(ranked, D90) == Ranked(City(("上海",)), count=3, window=D90)
    assert distinct_windows(And((City(("上海",)), HasTag("VIP")))) == []


def test_a_condition_swap_replaces_the_part_of_the_same_kind() -> None:
    previous = And((Owner(("zhangsan",)), HasTag("VIP")))
    assert swap_conditions(previous, Owner(("lisi",))) == And((Owner(("lisi",)), HasTag("VIP")))
    # one clashing, one new: the new kind is added
    assert swap_conditions(City(("上海",)), And((City(("北京",)), Gender(2)))) == And(
        (City(("北京",)), Gender(2))
    )
    # event conditions are of their event's kind, whatever their shape
    swapped = swap_conditions(Not(Performed("order", D30)), EventCount("order", ">=", 2))
    assert swapped == EventCount("order", ">=", 2)
    assert kinds(Not(Performed("order"))) == {"event:order"}


def test_nothing_of_that_kind_is_no_swap_and_a_mixed_or_is_asked() -> None:
    assert swap_conditions(City(("上海",)), HasTag("VIP")) is None
    with pytest.raises(Ambiguous):
        swap_conditions(Or((City(("上海",)), HasTag("VIP"))), City(("北京",)))
    # a ranking swaps inside what it ranks
    ranked = Ranked(City(("上海",)), count=3)
    assert swap_conditions(ranked, City(("北京",))) == Ranked(City(("北京",)), count=3)
    assert swap_conditions(All(), City(("北京",))) is None


def test_a_window_alone_after_no_window_goes_on_every_condition_that_takes_one() -> None:
    node = And((Owner(("zhaoliu",)), ItemEvent("order", "product", ("唇釉",))))
    assert with_window_on_all_time(node, D90) == And(
        (Owner(("zhaoliu",)), ItemEvent("order", "product", ("唇釉",), window=D90))
    )
    negated = And((Performed("inquiry"), Not(Performed("order"))))
    assert with_window_on_all_time(negated, D30) == And(
        (Performed("inquiry", D30), Not(Performed("order", D30)))
    )
    # a tag, a class: nothing takes a window (asked back by the chat)
    assert with_window_on_all_time(And((HasTag("VIP"), NamedSegment("at_risk"))), D90) is None


def test_a_negated_event_swapped_in_keeps_the_window_unless_ever_was_said() -> None:
    previous = And((Owner(("zhaoliu",)), Performed("order", D90)))
    assert swap_conditions(previous, Not(Performed("order"))) == And(
        (Owner(("zhaoliu",)), Not(Performed("order", D90)))
    )
    assert swap_conditions(previous, Not(Performed("order")), said_all_time=True) == And(
        (Owner(("zhaoliu",)), Not(Performed("order")))
    )


def test_a_bare_event_of_another_kind_replaces_the_only_event_condition() -> None:
    previous = And((Owner(("zhangsan",)), Performed("inquiry", D7)))
    assert swap_conditions(previous, Performed("order")) == And(
        (Owner(("zhangsan",)), Performed("order", D7))
    )
    # a negated one is the funnel: "那没下单的呢" after inquirers adds to them
    assert swap_conditions(previous, Not(Performed("order"))) is None
    # two event conditions: which one is not known, so the new one adds (as before)
    two = And((Performed("inquiry", D30), Not(Performed("order", D30))))
    assert swap_conditions(two, Performed("visit")) is None
    # a sibling of a refinement adds to what it narrowed
    assert swap_conditions(Performed("inquiry", D30), Performed("order"), other_event=False) is None


def test_a_class_replaces_the_only_event_condition_or_a_tag() -> None:
    bought = And((Owner(("zhaoliu",)), ItemEvent("order", "product", ("唇釉",), window=D90)))
    assert swap_conditions(bought, NamedSegment("at_risk")) == And(
        (Owner(("zhaoliu",)), NamedSegment("at_risk"))
    )
    assert swap_conditions(HasTag("VIP"), NamedSegment("at_risk")) == NamedSegment("at_risk")


@pytest.mark.parametrize(
    ("text", "ever"),
    [
        ("那没下单的呢", False),
        ("那沒下過單的呢", False),
        ("what about those who didn't order", False),
        ("那从来没下过单的呢", True),
        ("那從未下單的呢", True),
        ("咁從冇落過單嘅呢", True),
        ("还没下单的呢", True),
        ("and those who never ordered?", True),
        ("every customer", False),
    ],
)
def test_ever_words_are_told_from_a_plain_negation(text: str, ever: bool) -> None:
    assert says_ever(text) is ever


def test_bare_days_are_a_length_only_after_a_window_of_days() -> None:
    assert bare_days("30日") == "30"
    assert bare_days(" 三十日 ") == "三十"
    assert bare_days("30日前") is None
    assert counts_days(Performed("inquiry", D7))
    assert not counts_days(Performed("inquiry"))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("近90天的呢", "近90天"),
        ("那近一周呢", "近一周"),
        ("換成上個月呢", "上個月"),
        ("那就上个月吧", "上个月"),
        ("what about the last 90 days?", "the last 90 days"),
        ("and last month instead", "last month"),
        ("how about last week", "last week"),
        ("same for the past week", "the past week"),
        ("上海的呢", "上海"),
    ],
)
def test_the_words_of_a_swap_are_taken_off(text: str, words: str) -> None:
    assert window_swap_words(text) == words


@pytest.mark.parametrize(
    ("text", "export"),
    [
        ("导出这个", True),
        ("導出這個", True),
        ("把这个导出来", True),
        ("帮我导出一下", True),
        ("下载这张表", True),
        ("export this", True),
        ("Export it as Excel", True),
        ("download the table", True),
        ("导出上海的客户", False),
        ("export customers in Shanghai", False),
        ("导出近30天的", False),
    ],
)
def test_an_export_of_what_was_shown_is_told_from_an_export_question(
    text: str, export: bool
) -> None:
    assert is_export_this(text) is export
