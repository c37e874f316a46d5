"""Per-customer summary data (frequency, recency, T, monetary value) from purchase events.

Follows Fader, Hardie & Lee (2005): purchases are counted on distinct days (several orders on
one day are one purchase occasion, their amounts summed), the first purchase starts the clock
and is not a repeat, `recency` (t_x) is the time from the first to the last purchase and `T`
the time from the first purchase to the end of the calibration period. The monetary value is
the mean of the *repeat* purchases only, as the Gamma-Gamma model expects.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

TIME_UNITS: dict[str, int] = {"days": 1, "weeks": 7}


def unit_days(time_unit: str) -> int:
    """The length of one model time unit in days."""
    try:
        return TIME_UNITS[time_unit]
    except KeyError:
        raise ValueError(
            f"time unit must be one of {sorted(TIME_UNITS)}, not {time_unit!r}"
        ) from None


def daily_purchases(transactions: pd.DataFrame) -> pd.DataFrame:
    """Collapse transactions (customer_id, date, amount) to one row per customer and day.

    `date` may hold dates or datetimes (the day is taken as is); `amount` may be missing, in
    which case a day's amount is missing only when every order of that day lacks one.
    """
    frame = pd.DataFrame(
        {
            "customer_id": transactions["customer_id"].astype(str),
            "day": _as_datetimes(transactions["date"]).dt.normalize(),
            "amount": pd.to_numeric(transactions.get("amount"), errors="coerce")
            if "amount" in transactions
            else np.nan,
        }
    )
    grouped = frame.groupby(["customer_id", "day"], sort=True, as_index=False)
    return grouped["amount"].sum(min_count=1)


def _as_datetimes(values: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values):
        return values
    # Text dates may mix "2024-01-01" and "2024-01-01 09:00" in one file.
    return pd.to_datetime(values, format="mixed")


def summary_from_daily(
    daily: pd.DataFrame,
    *,
    calibration_end: date,
    holdout_end: date | None = None,
    time_unit: str = "days",
) -> pd.DataFrame:
    """Summary data indexed by customer id from one-row-per-customer-day purchases.

    Only customers whose first purchase is on or before `calibration_end` appear. With
    `holdout_end`, the column `frequency_holdout` counts purchase days in
    (calibration_end, holdout_end] and `frame.attrs["duration_holdout"]` is its length.
    """
    unit = unit_days(time_unit)
    end = pd.Timestamp(calibration_end)
    days = pd.to_datetime(daily["day"])
    calibration = daily.loc[days <= end].assign(day=days[days <= end])
    summary = _calibration_summary(calibration, end, unit)
    if holdout_end is not None:
        summary["frequency_holdout"] = _holdout_counts(daily, days, end, holdout_end, summary.index)
        summary.attrs["duration_holdout"] = (pd.Timestamp(holdout_end) - end).days / unit
    summary.attrs["time_unit"] = time_unit
    return summary


def _calibration_summary(calibration: pd.DataFrame, end: pd.Timestamp, unit: int) -> pd.DataFrame:
    by_customer = calibration.groupby("customer_id", sort=True)
    first = by_customer["day"].min()
    last = by_customer["day"].max()
    purchase_days = by_customer["day"].size()
    frequency = (purchase_days - 1).astype(float)
    # Mean of the repeat purchases: every purchase day except the first one.
    is_first = calibration["day"].to_numpy() == first.reindex(calibration["customer_id"]).to_numpy()
    repeats = calibration.loc[~is_first]
    monetary = repeats.groupby("customer_id")["amount"].mean().reindex(first.index)
    return pd.DataFrame(
        {
            "frequency": frequency,
            "recency": (last - first).dt.days / unit,
            "T": (end - first).dt.days / unit,
            "monetary_value": monetary.astype(float),
        }
    )


def _holdout_counts(
    daily: pd.DataFrame,
    days: pd.Series,
    end: pd.Timestamp,
    holdout_end: date,
    customers: pd.Index,
) -> pd.Series:
    in_holdout = (days > end) & (days <= pd.Timestamp(holdout_end))
    counts = daily.loc[in_holdout].groupby("customer_id").size()
    return counts.reindex(customers, fill_value=0).astype(float)


def summary_from_transactions(
    transactions: pd.DataFrame,
    *,
    calibration_end: date,
    holdout_end: date | None = None,
    time_unit: str = "days",
) -> pd.DataFrame:
    """`summary_from_daily` straight from raw transactions (customer_id, date, amount)."""
    return summary_from_daily(
        daily_purchases(transactions),
        calibration_end=calibration_end,
        holdout_end=holdout_end,
        time_unit=time_unit,
    )
