"""Maximum likelihood on log-parameters, shared by the BG/NBD and Gamma-Gamma fits."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize

log = logging.getLogger(__name__)

Array = NDArray[np.float64]

# exp(±30) covers every sensible parameter; beyond it the fit has run off to a boundary.
LOG_BOUND = 30.0


@dataclass(frozen=True)
class FitResult:
    params: tuple[float, ...]
    log_likelihood: float
    converged: bool
    message: str


# The negative log-likelihood and its gradient, both with respect to the log-parameters.
Objective = Callable[[Array], tuple[float, Array]]


def fit_log_params(objective: Objective, start: Array, *, n: int) -> FitResult:
    """Minimise `objective` over log-parameters: L-BFGS-B with the analytic gradient, then
    Nelder-Mead (value only) if that fails.

    The objective is divided by `n` inside the optimiser so that its tolerances mean the same
    for a hundred customers and a million.
    """

    def with_gradient(theta: Array) -> tuple[float, Array]:
        with np.errstate(all="ignore"):
            value, gradient = objective(theta)
        # A non-finite value (overflow far from the optimum) is a wall, not a crash.
        if not (np.isfinite(value) and np.all(np.isfinite(gradient))):
            return 1e100, np.zeros_like(theta)
        return value / n, gradient / n

    def scaled(theta: Array) -> float:
        return with_gradient(theta)[0]

    bounds = [(-LOG_BOUND, LOG_BOUND)] * len(start)
    best = minimize(with_gradient, start, method="L-BFGS-B", jac=True, bounds=bounds)
    if not best.success or not np.isfinite(best.fun):
        log.info("L-BFGS-B did not converge (%s); retrying with Nelder-Mead", best.message)
        retry = minimize(
            scaled,
            best.x if np.isfinite(best.fun) else start,
            method="Nelder-Mead",
            bounds=bounds,
            options={"maxiter": 4000, "xatol": 1e-8, "fatol": 1e-12},
        )
        if retry.fun <= best.fun or not best.success:
            best = retry
    at_boundary = bool(np.any(np.abs(best.x) >= LOG_BOUND - 1e-6))
    converged = bool(best.success) and np.isfinite(best.fun) and best.fun < 1e99 and not at_boundary
    message = str(best.message) + (" (a parameter ran to its bound)" if at_boundary else "")
    return FitResult(
        params=tuple(float(v) for v in np.exp(best.x)),
        log_likelihood=-float(best.fun) * n,
        converged=converged,
        message=message,
    )


def grouped_rows(*columns: Array) -> tuple[tuple[Array, ...], Array]:
    """Distinct rows of the given columns and how many times each occurs (the fit weights)."""
    stacked = np.column_stack(columns)
    unique, counts = np.unique(stacked, axis=0, return_counts=True)
    # Contiguous copies: strided columns make numpy's dot products ~100x slower.
    return tuple(np.ascontiguousarray(unique[:, i]) for i in range(unique.shape[1])), counts.astype(
        float
    )


def weighted_sum(weights: Array, values: Array) -> float:
    """sum(weights * values) without BLAS: a threaded dot product on a small machine was
    measured ~1000x slower (thread hand-off) than this plain vectorised sum."""
    return float(np.sum(weights * values))
