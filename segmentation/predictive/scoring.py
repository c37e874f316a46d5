"""Fit both models on summary data behind a "too little history" guard, and score customers.

Horizons are given in days whatever the model's time unit, so "next 30 days" means the same
for a model fitted in weeks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from segmentation.predictive import bgnbd, gammagamma
from segmentation.predictive.features import unit_days

# Below this many repeat customers the four BG/NBD parameters are poorly identified.
MIN_REPEAT_CUSTOMERS = 100

SCORE_COLUMNS = [
    "p_alive",
    "expected_purchases_30d",
    "expected_purchases_90d",
    "expected_avg_value",
    "clv_365d",
]


class NotScorable(Exception):
    """The data cannot support trustworthy scores; the message says why."""


@dataclass(frozen=True)
class ModelFit:
    time_unit: str
    bgnbd: bgnbd.BgNbdFit
    gamma_gamma: gammagamma.GammaGammaFit | None
    spend_correlation: float | None
    n_customers: int
    n_repeat_customers: int
    warnings: tuple[str, ...] = field(default=())

    def params_json(self) -> dict[str, Any]:
        """Everything needed to recompute a score, as JSON-safe values."""
        gg = self.gamma_gamma
        return {
            "time_unit": self.time_unit,
            "bgnbd": self.bgnbd.params.as_dict(),
            "bgnbd_log_likelihood": self.bgnbd.log_likelihood,
            "gamma_gamma": gg.params.as_dict() if gg else None,
            "gamma_gamma_log_likelihood": gg.log_likelihood if gg else None,
            "spend_correlation": self.spend_correlation,
            "warnings": list(self.warnings),
        }


def fit_models(
    summary: pd.DataFrame,
    *,
    time_unit: str,
    min_repeat_customers: int = MIN_REPEAT_CUSTOMERS,
    correlation_threshold: float = gammagamma.STRONG_CORRELATION,
) -> ModelFit:
    """BG/NBD always; Gamma-Gamma when enough repeat customers have amounts. Raises NotScorable."""
    x, t_x, T = _rft(summary)
    repeat = int(np.count_nonzero(x > 0))
    if repeat < min_repeat_customers:
        raise NotScorable(
            f"too little history: {repeat} repeat customers (of {x.size}); "
            f"at least {min_repeat_customers} are needed for a trustworthy fit"
        )
    purchase_fit = bgnbd.fit(x, t_x, T)
    if not purchase_fit.converged:
        raise NotScorable(f"the BG/NBD fit failed: {purchase_fit.message}")
    warnings: list[str] = []
    spend_fit, correlation = _fit_spend(
        summary, min_repeat_customers, correlation_threshold, warnings
    )
    return ModelFit(
        time_unit=time_unit,
        bgnbd=purchase_fit,
        gamma_gamma=spend_fit,
        spend_correlation=correlation,
        n_customers=int(x.size),
        n_repeat_customers=repeat,
        warnings=tuple(warnings),
    )


def _fit_spend(
    summary: pd.DataFrame, minimum: int, threshold: float, warnings: list[str]
) -> tuple[gammagamma.GammaGammaFit | None, float | None]:
    x = summary["frequency"].to_numpy(float)
    m = summary["monetary_value"].to_numpy(float)
    spenders = int(np.count_nonzero(gammagamma.repeat_spenders(x, m)))
    if spenders < minimum:
        warnings.append(
            f"no spend model: {spenders} repeat customers with amounts (need {minimum}); "
            "expected_avg_value and clv are not computed"
        )
        return None, None
    correlation = gammagamma.frequency_spend_correlation(x, m)
    if correlation is not None and abs(correlation) >= threshold:
        warnings.append(
            f"frequency and spend are correlated (Pearson r = {correlation:.2f} on repeat "
            "customers): Gamma-Gamma assumes independence, so treat expected_avg_value and "
            "clv with caution"
        )
    spend_fit = gammagamma.fit(x, m)
    if not spend_fit.converged or spend_fit.params.q <= 1:
        warnings.append(
            f"the Gamma-Gamma fit is unusable ({spend_fit.message}; q = {spend_fit.params.q:.3g},"
            " a finite mean needs q > 1); expected_avg_value and clv are not computed"
        )
        return None, correlation
    return spend_fit, correlation


def score(
    summary: pd.DataFrame, fit: ModelFit, *, clv_days: int = 365, discount_rate: float = 0.0
) -> pd.DataFrame:
    """Per-customer scores (SCORE_COLUMNS) indexed like `summary`. Raises NotScorable on
    non-finite purchase scores rather than returning them."""
    x, t_x, T = _rft(summary)
    params = fit.bgnbd.params
    unit = unit_days(fit.time_unit)
    scores = pd.DataFrame(index=summary.index)
    scores["p_alive"] = bgnbd.p_alive(params, x, t_x, T)
    for days in (30, 90):
        scores[f"expected_purchases_{days}d"] = bgnbd.conditional_expected_purchases(
            params, days / unit, x, t_x, T
        )
    purchase_columns = SCORE_COLUMNS[:3]
    if not np.isfinite(scores[purchase_columns].to_numpy()).all():
        raise NotScorable("the fitted BG/NBD parameters give non-finite predictions")
    scores["expected_avg_value"] = np.nan
    scores["clv_365d"] = np.nan
    if fit.gamma_gamma is not None:
        value = gammagamma.expected_average_value(
            fit.gamma_gamma.params, summary["frequency"], summary["monetary_value"]
        )
        scores["expected_avg_value"] = value
        purchases = discounted_purchases(params, x, t_x, T, clv_days / unit, unit, discount_rate)
        scores["clv_365d"] = purchases * value
    return scores


def discounted_purchases(
    params: bgnbd.BgNbdParams,
    x: np.ndarray,
    t_x: np.ndarray,
    T: np.ndarray,
    horizon: float,
    unit: int,
    annual_rate: float,
    steps: int = 12,
) -> np.ndarray:
    """Expected purchases over `horizon` units, each step's increment discounted to today.

    With a zero rate this is exactly E[Y(horizon)]; a positive rate discounts the purchases
    of step k by (1 + rate) ** -(years to the end of step k).
    """
    if annual_rate == 0:
        return bgnbd.conditional_expected_purchases(params, horizon, x, t_x, T)
    total = np.zeros_like(x, dtype=float)
    previous = np.zeros_like(x, dtype=float)
    for k in range(1, steps + 1):
        end = horizon * k / steps
        cumulative = bgnbd.conditional_expected_purchases(params, end, x, t_x, T)
        years = end * unit / 365.0
        total += (cumulative - previous) / (1.0 + annual_rate) ** years
        previous = cumulative
    return total


def holdout_table(
    summary: pd.DataFrame, params: bgnbd.BgNbdParams, *, max_frequency: int = 7
) -> pd.DataFrame:
    """Predicted vs actual holdout purchases by calibration frequency (the paper's Figure 4).

    `summary` needs `frequency_holdout` and `attrs["duration_holdout"]`
    (features.summary_from_daily with a holdout end). The last row groups max_frequency+.
    """
    if "frequency_holdout" not in summary or "duration_holdout" not in summary.attrs:
        raise ValueError("the summary has no holdout period")
    x, t_x, T = _rft(summary)
    duration = float(summary.attrs["duration_holdout"])
    predicted = bgnbd.conditional_expected_purchases(params, duration, x, t_x, T)
    frame = pd.DataFrame(
        {
            "group": np.minimum(x, max_frequency).astype(int),
            "actual": summary["frequency_holdout"].to_numpy(float),
            "predicted": predicted,
        }
    )
    table = frame.groupby("group").agg(
        customers=("actual", "size"),
        actual_mean=("actual", "mean"),
        predicted_mean=("predicted", "mean"),
        actual_total=("actual", "sum"),
        predicted_total=("predicted", "sum"),
    )
    table.index = [f"{g}+" if g == max_frequency else str(g) for g in table.index]
    table.index.name = "calibration_frequency"
    return table


def _rft(summary: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (
        summary["frequency"].to_numpy(float),
        summary["recency"].to_numpy(float),
        summary["T"].to_numpy(float),
    )
