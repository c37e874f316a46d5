"""Summary data drawn from the BG/NBD and Gamma-Gamma generative stories (tests, benchmarks)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from segmentation.predictive.bgnbd import BgNbdParams
from segmentation.predictive.gammagamma import GammaGammaParams


def simulate_summary(
    params: BgNbdParams,
    T: np.ndarray,
    rng: np.random.Generator,
    spend: GammaGammaParams | None = None,
) -> pd.DataFrame:
    """frequency, recency, T (and monetary_value with `spend`) for customers observed for T.

    Each customer gets lambda ~ Gamma(r, 1/alpha) and p ~ Beta(a, b); purchases arrive as a
    Poisson process and after every repeat purchase the customer drops out with probability
    p — exactly the model the likelihood describes.
    """
    T = np.asarray(T, dtype=float)
    n = T.size
    rate = rng.gamma(params.r, 1.0 / params.alpha, n)
    drop = rng.beta(params.a, params.b, n)
    frequency = np.zeros(n)
    recency = np.zeros(n)
    clock = np.zeros(n)
    active = np.arange(n)
    while active.size:
        clock[active] += rng.exponential(1.0, active.size) / np.maximum(rate[active], 1e-300)
        bought = clock[active] <= T[active]
        active = active[bought]
        frequency[active] += 1
        recency[active] = clock[active]
        active = active[rng.random(active.size) >= drop[active]]
    summary = pd.DataFrame({"frequency": frequency, "recency": recency, "T": T})
    summary["monetary_value"] = (
        simulate_spend(spend, frequency, rng) if spend is not None else np.nan
    )
    return summary


def simulate_spend(
    params: GammaGammaParams, frequency: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Mean repeat spend m_x: nu ~ Gamma(q, 1/v); the sum of x Gamma(p, nu) values is
    Gamma(p x, nu). NaN where x = 0."""
    nu = rng.gamma(params.q, 1.0 / params.v, frequency.size)
    shape = np.where(frequency > 0, params.p * frequency, 1.0)
    total = rng.gamma(shape, 1.0 / nu)
    return np.where(frequency > 0, total / np.maximum(frequency, 1.0), np.nan)
