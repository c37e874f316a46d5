"""A coupon as a customer reads it, in the card's language (fix-card-switch): the card of a
discount says which discount (85折, 20% off), never only that it is one."""

from __future__ import annotations

import pytest

from segmentation.nlq.coupons import parse_coupon_words, read_coupon


@pytest.mark.parametrize(
    ("said", "zh", "en"),
    [
        ("85折", "85折", "15% off"),
        ("8.5折", "85折", "15% off"),
        ("8折", "8折", "20% off"),
        ("75折", "75折", "25% off"),
        ("7.5折", "75折", "25% off"),
        ("九折", "9折", "10% off"),
        ("满200减30", "满200减30", "¥30 off orders over ¥200"),
        ("满200打9折", "满200打9折", "10% off orders over ¥200"),
        ("无门槛30元", "无门槛30元", "¥30 off (no minimum)"),
        ("20% off", "8折", "20% off"),
        ("¥30 off orders over ¥200", "满200减30", "¥30 off orders over ¥200"),
        ("50 off no minimum", "无门槛50元", "¥50 off (no minimum)"),
    ],
)
def test_a_coupon_reads_as_a_customer_reads_it(said: str, zh: str, en: str) -> None:
    coupon = read_coupon(said)
    assert coupon.reading("zh") == zh
    assert coupon.reading("en") == en


@pytest.mark.parametrize("words", ["8.5折", "满200打9折", "满100减20", "20元券"])
def test_the_reading_of_the_canonical_words_is_the_same_coupon(words: str) -> None:
    coupon = parse_coupon_words(words)
    assert coupon is not None
    assert read_coupon(coupon.reading("zh")) == coupon
