"""The BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way").

While alive, a customer buys as a Poisson process with rate lambda ~ Gamma(r, alpha); after each
purchase they drop out with probability p ~ Beta(a, b). The likelihood of a customer's
(x, t_x, T) is eq. (6) of the paper, written here in log space as in Fader & Hardie's note
"Implementing the BG/NBD Model for Customer Base Analysis in Excel":

    ln L = A1 + A2 + ln(A3 + [x > 0] A4)
    A1 = ln G(r+x) - ln G(r) + r ln alpha
    A2 = ln B(a, b+x) - ln B(a, b)
    A3 = -(r+x) ln(alpha + T)
    A4 = ln a - ln(b+x-1) - (r+x) ln(alpha + t_x)

The last term is a log-sum-exp so that long histories (large r+x) do not underflow.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import betaln, digamma, gammaln, hyp2f1

from segmentation.predictive.optimize import FitResult, fit_log_params, grouped_rows, weighted_sum

Array = NDArray[np.float64]


@dataclass(frozen=True)
class BgNbdParams:
    r: float
    alpha: float
    a: float
    b: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class BgNbdFit:
    params: BgNbdParams
    log_likelihood: float
    n_customers: int
    converged: bool
    message: str


def log_likelihood(params: BgNbdParams, x: ArrayLike, t_x: ArrayLike, T: ArrayLike) -> Array:
    """Per-customer log-likelihood, eq. (6) of the paper in log space."""
    return _terms(params, *_arrays(x, t_x, T))[0]


def _terms(params: BgNbdParams, x: Array, t_x: Array, T: Array) -> tuple[Array, Array, Array]:
    """(ln L, ln(A3 + A4), A4): the log-likelihood, its log-sum-exp term, and A4."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    repeat = x > 0
    # ln(b + x - 1) is only needed (and only finite for small b) when x > 0.
    a4 = np.where(
        repeat,
        np.log(a) - np.log(np.where(repeat, b + x - 1, 1.0)) - (r + x) * np.log(alpha + t_x),
        -np.inf,
    )
    tail = np.logaddexp(a3, a4)
    return a1 + a2 + tail, tail, a4


def _gradient(
    params: BgNbdParams, x: Array, t_x: Array, T: Array, weights: Array
) -> tuple[float, Array]:
    """The weighted total log-likelihood and its gradient in the log-parameters."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    ll, tail, a4 = _terms(params, x, t_x, T)
    # Shares of the two terms in the sum: w3 + w4 = 1.
    w4 = np.exp(a4 - tail)
    w3 = 1.0 - w4
    repeat = x > 0
    d_r = digamma(r + x) - digamma(r) + np.log(alpha) - w3 * np.log(alpha + T)
    d_r -= w4 * np.log(alpha + t_x)
    d_alpha = r / alpha - (r + x) * (w3 / (alpha + T) + w4 / (alpha + t_x))
    d_a = digamma(a + b) - digamma(a + b + x) + w4 / a
    d_b = digamma(b + x) - digamma(a + b + x) - digamma(b) + digamma(a + b)
    d_b -= w4 / np.where(repeat, b + x - 1, 1.0)
    natural = np.array([weighted_sum(weights, d) for d in (d_r, d_alpha, d_a, d_b)])
    # d/d(ln theta) = theta * d/d(theta)
    return weighted_sum(weights, ll), natural * np.array([r, alpha, a, b])


def fit(x: ArrayLike, t_x: ArrayLike, T: ArrayLike) -> BgNbdFit:
    """Maximum-likelihood BG/NBD parameters.

    Identical (x, t_x, T) rows are fitted once with a weight: with days or weeks as the unit
    a million customers collapse to far fewer distinct histories.
    """
    x, t_x, T = _arrays(x, t_x, T)
    if x.size == 0:
        raise ValueError("no customers to fit")
    rows, weights = grouped_rows(x, t_x, T)
    gx, gt, gT = rows

    def objective(theta: Array) -> tuple[float, Array]:
        total, gradient = _gradient(BgNbdParams(*np.exp(theta)), gx, gt, gT, weights)
        return -total, -gradient

    # Start near the data's own time scale so the optimiser does not begin far off.
    start = np.log([1.0, max(float(np.mean(T)), 1e-3), 1.0, 1.0])
    result: FitResult = fit_log_params(objective, start, n=x.size)
    return BgNbdFit(
        params=BgNbdParams(*result.params),
        log_likelihood=result.log_likelihood,
        n_customers=int(x.size),
        converged=result.converged,
        message=result.message,
    )


def p_alive(params: BgNbdParams, x: ArrayLike, t_x: ArrayLike, T: ArrayLike) -> Array:
    """P(still alive at T | x, t_x, T), eq. (12) of the paper; 1 for customers with x = 0."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x, t_x, T = _arrays(x, t_x, T)
    return 1.0 / (1.0 + _odds_dead(r, alpha, a, b, x, t_x, T))


def conditional_expected_purchases(
    params: BgNbdParams, t: float, x: ArrayLike, t_x: ArrayLike, T: ArrayLike
) -> Array:
    """E[Y(t) | x, t_x, T]: expected purchases in the next `t` units, eq. (10) of the paper."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x, t_x, T = _arrays(x, t_x, T)
    z = t / (alpha + T + t)
    log_ratio = (r + x) * (np.log(alpha + T) - np.log(alpha + T + t))
    hyp = hyp2f1(r + x, b + x, a + b + x - 1, z)
    numerator = (a + b + x - 1) / (a - 1) * (1.0 - np.exp(log_ratio) * hyp)
    return numerator / (1.0 + _odds_dead(r, alpha, a, b, x, t_x, T))


def expected_purchases(params: BgNbdParams, t: ArrayLike) -> Array:
    """E[X(t)] for a newly acquired customer, eq. (9) of the paper."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    t = np.asarray(t, dtype=float)
    hyp = hyp2f1(r, b, a + b - 1, t / (alpha + t))
    return (a + b - 1) / (a - 1) * (1.0 - (alpha / (alpha + t)) ** r * hyp)


def _odds_dead(r: float, alpha: float, a: float, b: float, x: Array, t_x: Array, T: Array) -> Array:
    """delta(x>0) * a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x), computed in log space."""
    repeat = x > 0
    safe = np.where(repeat, b + x - 1, 1.0)
    log_odds = np.log(a) - np.log(safe) + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x))
    # Overflow to inf is the right answer (P(alive) -> 0), so silence only that warning.
    with np.errstate(over="ignore"):
        return np.where(repeat, np.exp(log_odds), 0.0)


def _arrays(*values: ArrayLike) -> tuple[Array, ...]:
    return tuple(np.asarray(v, dtype=float) for v in values)
