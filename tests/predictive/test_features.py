"""Summary data: distinct purchase days, repeat-only spend, time units, holdout counts."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from segmentation.predictive.bgnbd import BgNbdParams
from segmentation.predictive.features import summary_from_transactions
from segmentation.predictive.scoring import holdout_table


def _tx(rows):
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"])


ROWS = [
    ("a", "2024-01-01 09:00", 10.0),
    ("a", "2024-01-01 18:00", 5.0),  # same day: one purchase occasion of 15
    ("a", "2024-01-08", 20.0),
    ("a", "2024-01-15", 40.0),
    ("b", "2024-01-10", 7.0),
    ("b", "2024-02-03", 9.0),  # after the calibration end: holdout
    ("c", "2024-02-01", 3.0),  # first purchase after calibration: not in the summary
]


def test_orders_on_one_day_are_one_purchase_and_the_first_is_not_a_repeat():
    summary = summary_from_transactions(_tx(ROWS), calibration_end=date(2024, 1, 29))
    a = summary.loc["a"]
    assert a["frequency"] == 2
    assert a["recency"] == 14
    assert a["T"] == 28
    assert a["monetary_value"] == pytest.approx(30.0)  # mean of 20 and 40; 15 was the first


def test_one_time_buyers_have_zero_frequency_and_no_repeat_spend():
    summary = summary_from_transactions(_tx(ROWS), calibration_end=date(2024, 1, 29))
    b = summary.loc["b"]
    assert (b["frequency"], b["recency"], b["T"]) == (0, 0, 19)
    assert pd.isna(b["monetary_value"])
    assert "c" not in summary.index


def test_weeks_divide_day_counts_by_seven():
    summary = summary_from_transactions(
        _tx(ROWS), calibration_end=date(2024, 1, 29), time_unit="weeks"
    )
    assert summary.loc["a", "recency"] == pytest.approx(2.0)
    assert summary.loc["a", "T"] == pytest.approx(4.0)


def test_holdout_purchases_are_counted_per_calibration_customer():
    summary = summary_from_transactions(
        _tx(ROWS), calibration_end=date(2024, 1, 29), holdout_end=date(2024, 2, 29)
    )
    assert summary["frequency_holdout"].to_dict() == {"a": 0.0, "b": 1.0}
    assert summary.attrs["duration_holdout"] == 31


def test_holdout_table_groups_high_frequencies_together():
    summary = summary_from_transactions(
        _tx(ROWS), calibration_end=date(2024, 1, 29), holdout_end=date(2024, 2, 29)
    )
    table = holdout_table(summary, BgNbdParams(0.5, 10.0, 0.8, 2.5), max_frequency=1)
    assert list(table.index) == ["0", "1+"]
    assert table["actual_total"].tolist() == [1.0, 0.0]
    assert (table["predicted_mean"] > 0).all()


def test_an_unknown_time_unit_is_rejected():
    with pytest.raises(ValueError, match="time unit"):
        summary_from_transactions(_tx(ROWS), calibration_end=date(2024, 1, 29), time_unit="hours")
