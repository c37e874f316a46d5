"""BG/NBD: the published CDNOW fit, its log-likelihood, parameter recovery and the predictions."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import approx_fprime

from segmentation.predictive import bgnbd
from segmentation.predictive.bgnbd import BgNbdParams
from segmentation.predictive.simulate import simulate_summary
from tests.predictive.cdnow import cdnow_summary

PAPER = BgNbdParams(r=0.243, alpha=4.414, a=0.793, b=2.426)


def _rft(summary):
    return summary["frequency"], summary["recency"], summary["T"]


def test_cdnow_summary_has_the_papers_customers_and_repeaters():
    summary = cdnow_summary()
    assert len(summary) == 2357
    assert int((summary["frequency"] > 0).sum()) == 946
    assert summary["T"].max() == pytest.approx(272 / 7)


def test_cdnow_fit_matches_the_published_parameters_within_one_percent():
    fit = bgnbd.fit(*_rft(cdnow_summary()))
    assert fit.converged
    for name, expected in PAPER.as_dict().items():
        assert getattr(fit.params, name) == pytest.approx(expected, rel=0.01), name


def test_log_likelihood_at_the_published_parameters_is_the_papers_value():
    total = bgnbd.log_likelihood(PAPER, *_rft(cdnow_summary())).sum()
    assert total == pytest.approx(-9582.4, abs=0.1)


def test_fitted_log_likelihood_is_at_least_that_of_the_published_parameters():
    summary = cdnow_summary()
    fit = bgnbd.fit(*_rft(summary))
    assert fit.log_likelihood >= bgnbd.log_likelihood(PAPER, *_rft(summary)).sum() - 1e-6


def test_parameters_are_recovered_from_simulated_customers():
    truth = BgNbdParams(r=0.8, alpha=40.0, a=0.7, b=3.0)
    rng = np.random.default_rng(20240501)
    T = rng.integers(30, 366, 30_000).astype(float)
    summary = simulate_summary(truth, T, rng)
    fit = bgnbd.fit(*_rft(summary))
    assert fit.converged
    for name, expected in truth.as_dict().items():
        assert getattr(fit.params, name) == pytest.approx(expected, rel=0.1), name


def test_analytic_gradient_matches_finite_differences():
    summary = cdnow_summary()
    x, t_x, T = (np.ascontiguousarray(c, dtype=float) for c in _rft(summary))
    weights = np.ones_like(x)
    theta = np.log([0.5, 6.0, 1.3, 2.0])

    def total(th):
        return bgnbd._gradient(BgNbdParams(*np.exp(th)), x, t_x, T, weights)[0]

    analytic = bgnbd._gradient(BgNbdParams(*np.exp(theta)), x, t_x, T, weights)[1]
    numeric = approx_fprime(theta, total, 1e-6)
    assert analytic == pytest.approx(numeric, rel=1e-4, abs=1e-3)


def test_a_customer_without_repeat_purchases_is_certainly_alive():
    assert bgnbd.p_alive(PAPER, [0.0], [0.0], [38.0])[0] == 1.0


def test_p_alive_falls_as_the_last_purchase_recedes():
    recencies = np.array([30.0, 20.0, 10.0, 1.0])
    alive = bgnbd.p_alive(PAPER, np.full(4, 3.0), recencies, np.full(4, 32.0))
    assert np.all(np.diff(alive) < 0)
    assert 0 < alive[-1] < alive[0] <= 1


def test_a_brand_new_customer_is_expected_to_buy_like_the_unconditional_curve():
    t = np.array([1.0, 10.0, 39.0, 78.0])
    conditional = [bgnbd.conditional_expected_purchases(PAPER, ti, 0.0, 0.0, 0.0) for ti in t]
    assert np.array(conditional) == pytest.approx(bgnbd.expected_purchases(PAPER, t), rel=1e-9)


def test_expected_purchases_grow_with_frequency_for_recent_customers():
    x = np.array([1.0, 3.0, 6.0])
    expected = bgnbd.conditional_expected_purchases(
        PAPER, 39.0, x, np.full(3, 35.0), np.full(3, 38.0)
    )
    assert np.all(np.diff(expected) > 0)


def test_a_very_long_history_does_not_overflow():
    # r + x large: the likelihood and P(alive) must stay finite (log-space computation).
    ll = bgnbd.log_likelihood(PAPER, [5000.0], [10.0], [400.0])
    alive = bgnbd.p_alive(PAPER, [5000.0], [10.0], [400.0])
    assert np.isfinite(ll).all()
    assert alive[0] == pytest.approx(0.0, abs=1e-12)
