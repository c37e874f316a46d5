"""English "yet" joining two conditions, and "never … at all" (segmentation/nlq/yet_joins.py)."""

from __future__ import annotations

import pytest

from segmentation.nlq.yet_joins import yet_as_but


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        (
            "clients who inquired this month yet never bought",
            "clients who inquired this month but never bought",
        ),
        ("tagged待跟进yet not from shanghai", "tagged待跟进but not from shanghai"),
        ("上海的vip yet 没下过单", "上海的vip but 没下过单"),
        (
            "vips who ordered yet they have not come back",
            "vips who ordered but they have not come back",
        ),
    ],
)
def test_a_joining_yet_is_but(norm: str, expected: str) -> None:
    assert yet_as_but(norm) == expected


@pytest.mark.parametrize(
    "norm",
    [
        "customers who haven't ordered yet",
        "vips who have yet to order",
        "customers who have not yet had an order",
        "customers who never yet ordered",
        "customers who haven't ordered yet, who are vips",
    ],
)
def test_the_yet_of_so_far_stays(norm: str) -> None:
    assert yet_as_but(norm) == norm


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        (
            "inquired this month but never bought anything at all",
            "inquired this month but never ever bought anything",
        ),
        (
            "ordered last week but haven't refunded at all",
            "ordered last week but haven't ever refunded",
        ),
    ],
)
def test_never_at_all_is_never_ever(norm: str, expected: str) -> None:
    assert yet_as_but(norm) == expected


def test_never_at_all_inside_a_window_keeps_the_window() -> None:
    norm = "never bought anything at all in the last 30 days"
    assert yet_as_but(norm) == norm
