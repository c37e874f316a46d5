"""Another ranking said after a ranking ("那 bottom 20% 呢" after my department's top 20%)
ranks the same customers: the previous ranking's base, and its window unless the new one
says its own."""

from __future__ import annotations

from decimal import Decimal

from segmentation.nlq.swap import swap_conditions
from segmentation.nodes import All, CalendarWindow, City, InDepartment, Ranked

LAST_MONTH = CalendarWindow(unit="month", offset=-1)


def test_a_bare_ranking_replaces_the_ranking_and_keeps_its_customers() -> None:
    previous = Ranked(InDepartment(2), "top", None, Decimal(20), None, "spend")
    new = Ranked(All(), "bottom", None, Decimal(20), None, "spend")
    assert swap_conditions(previous, new) == Ranked(
        InDepartment(2), "bottom", None, Decimal(20), None, "spend"
    )


def test_the_previous_window_stays_unless_a_new_one_is_said() -> None:
    previous = Ranked(All(), "top", 3, None, LAST_MONTH, "spend")
    assert swap_conditions(previous, Ranked(All(), "bottom", 3, None, None, "spend")) == (
        Ranked(All(), "bottom", 3, None, LAST_MONTH, "spend")
    )
    this_month = CalendarWindow(unit="month", offset=0)
    new = Ranked(All(), "bottom", 3, None, this_month, "spend")
    assert swap_conditions(previous, new) == new


def test_a_condition_still_swaps_inside_the_ranking() -> None:
    previous = Ranked(City(("上海",)), "top", 3, None, None, "spend")
    swapped = swap_conditions(previous, City(("北京",)))
    assert swapped == Ranked(City(("北京",)), "top", 3, None, None, "spend")
