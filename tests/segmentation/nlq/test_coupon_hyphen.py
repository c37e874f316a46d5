"""A threshold coupon written with a hyphen or slash is 满X减Y where nothing else can be
meant: after 满 ("满200-30", "滿300/50") or after the coupon word ("coupon 300-50", "券：200-30"),
as before the coupon word ("300-50券"). A bare "300-50" with no coupon word stays unread."""

from __future__ import annotations

from decimal import Decimal

import pytest

from segmentation.nlq.ask import Ask
from segmentation.nlq.coupons import read_coupon
from segmentation.text import normalize


@pytest.mark.parametrize(
    ("said", "threshold", "value"),
    [
        ("满200-30", 200, 30),
        ("滿300/50", 300, 50),
        ("发个 coupon 满200-30", 200, 30),
        ("coupon 300-50", 300, 50),
        ("send them a coupon 500-100", 500, 100),
        ("券：200-30", 200, 30),
        ("優惠券 1000-100", 1000, 100),
        ("300-50券", 300, 50),
        ("满1千-100", 1000, 100),
    ],
)
def test_a_hyphenated_threshold_coupon(said: str, threshold: int, value: int) -> None:
    coupon = read_coupon(normalize(said))
    assert (coupon.kind, coupon.threshold, coupon.value) == (
        "threshold",
        Decimal(threshold),
        Decimal(value),
    )


@pytest.mark.parametrize("said", ["300-50", "发 300-50"])
def test_two_numbers_with_no_coupon_word_are_asked(said: str) -> None:
    with pytest.raises(Ask):
        read_coupon(normalize(said))
