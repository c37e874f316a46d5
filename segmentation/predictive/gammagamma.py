"""The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV", and Fader & Hardie's
note "The Gamma-Gamma Model of Monetary Value").

Each transaction's value is Gamma(p, nu) around a customer's own mean; nu ~ Gamma(q, gamma)
across customers (the paper's gamma is called `v` here). A customer with x repeat
transactions of mean m_x contributes

    ln f = ln G(px+q) - ln G(px) - ln G(q) + q ln v + (px-1) ln m_x + px ln x - (px+q) ln(v + x m_x)

The model assumes spend is independent of purchase frequency; `frequency_spend_correlation`
is the check the paper recommends before using it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import digamma, gammaln

from segmentation.predictive.optimize import fit_log_params, grouped_rows, weighted_sum

Array = NDArray[np.float64]

# |Pearson r| at or above this is "strongly correlated" for the independence assumption.
STRONG_CORRELATION = 0.3


@dataclass(frozen=True)
class GammaGammaParams:
    p: float
    q: float
    v: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class GammaGammaFit:
    params: GammaGammaParams
    log_likelihood: float
    n_customers: int
    converged: bool
    message: str


def repeat_spenders(frequency: ArrayLike, monetary_value: ArrayLike) -> NDArray[np.bool_]:
    """Customers the spend model can learn from: x > 0 and a positive, known mean spend."""
    x = np.asarray(frequency, dtype=float)
    m = np.asarray(monetary_value, dtype=float)
    with np.errstate(invalid="ignore"):
        return (x > 0) & np.isfinite(m) & (m > 0)


def frequency_spend_correlation(frequency: ArrayLike, monetary_value: ArrayLike) -> float | None:
    """Pearson r between x and m_x over repeat spenders; None when it is undefined."""
    keep = repeat_spenders(frequency, monetary_value)
    x = np.asarray(frequency, dtype=float)[keep]
    m = np.asarray(monetary_value, dtype=float)[keep]
    if x.size < 3 or np.std(x) == 0 or np.std(m) == 0:
        return None
    return float(np.corrcoef(x, m)[0, 1])


def log_likelihood(params: GammaGammaParams, x: ArrayLike, m_x: ArrayLike) -> Array:
    """Per-customer log-likelihood of the observed mean spend m_x over x transactions."""
    p, q, v = params.p, params.q, params.v
    x = np.asarray(x, dtype=float)
    m_x = np.asarray(m_x, dtype=float)
    px = p * x
    return (
        gammaln(px + q)
        - gammaln(px)
        - gammaln(q)
        + q * np.log(v)
        + (px - 1) * np.log(m_x)
        + px * np.log(x)
        - (px + q) * np.log(v + x * m_x)
    )


def _gradient(
    params: GammaGammaParams, x: Array, m_x: Array, weights: Array
) -> tuple[float, Array]:
    """The weighted total log-likelihood and its gradient in the log-parameters."""
    p, q, v = params.p, params.q, params.v
    px = p * x
    log_total = np.log(v + x * m_x)
    shared = digamma(px + q)
    d_p = x * (shared - digamma(px) + np.log(m_x) + np.log(x) - log_total)
    d_q = shared - digamma(q) + np.log(v) - log_total
    d_v = q / v - (px + q) / (v + x * m_x)
    natural = np.array([weighted_sum(weights, d) for d in (d_p, d_q, d_v)])
    total = weighted_sum(weights, log_likelihood(params, x, m_x))
    return total, natural * np.array([p, q, v])


def fit(frequency: ArrayLike, monetary_value: ArrayLike) -> GammaGammaFit:
    """Maximum-likelihood (p, q, v) over the repeat spenders (others are ignored)."""
    keep = repeat_spenders(frequency, monetary_value)
    x = np.asarray(frequency, dtype=float)[keep]
    m = np.asarray(monetary_value, dtype=float)[keep]
    if x.size == 0:
        raise ValueError("no repeat customers with a positive spend to fit")
    (gx, gm), weights = grouped_rows(x, m)

    def objective(theta: Array) -> tuple[float, Array]:
        total, gradient = _gradient(GammaGammaParams(*np.exp(theta)), gx, gm, weights)
        return -total, -gradient

    start = np.log([1.0, 1.0, max(float(np.mean(m)), 1e-3)])
    result = fit_log_params(objective, start, n=x.size)
    return GammaGammaFit(
        params=GammaGammaParams(*result.params),
        log_likelihood=result.log_likelihood,
        n_customers=int(x.size),
        converged=result.converged,
        message=result.message,
    )


def expected_average_value(
    params: GammaGammaParams, frequency: ArrayLike, monetary_value: ArrayLike
) -> Array:
    """E[M | p, q, v, m_x, x]: a weighted mean of the population mean p*v/(q-1) and m_x.

    Customers without repeat spend get the population mean. Needs q > 1 (a finite population
    mean); otherwise every answer is NaN.
    """
    p, q, v = params.p, params.q, params.v
    x = np.asarray(frequency, dtype=float)
    m = np.asarray(monetary_value, dtype=float)
    if q <= 1:
        return np.full(x.shape, np.nan)
    known = repeat_spenders(x, m)
    x = np.where(known, x, 0.0)
    m = np.where(known, m, 0.0)
    return p * (v + x * m) / (p * x + q - 1)


def population_mean_value(params: GammaGammaParams) -> float:
    """The expected spend per transaction of a customer we know nothing about."""
    return params.p * params.v / (params.q - 1) if params.q > 1 else float("nan")
