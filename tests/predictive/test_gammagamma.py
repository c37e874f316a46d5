"""Gamma-Gamma: the published CDNOW spend fit, recovery, the independence check."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from segmentation.predictive import gammagamma
from segmentation.predictive.bgnbd import BgNbdParams
from segmentation.predictive.gammagamma import GammaGammaParams
from segmentation.predictive.scoring import fit_models
from segmentation.predictive.simulate import simulate_summary
from tests.predictive.cdnow import cdnow_summary

# Fader, Hardie & Lee (2005), "RFM and CLV", on the same 946 repeat customers.
PAPER = GammaGammaParams(p=6.25, q=3.74, v=15.44)


def test_cdnow_spend_fit_matches_the_published_parameters():
    summary = cdnow_summary()
    fit = gammagamma.fit(summary["frequency"], summary["monetary_value"])
    assert fit.n_customers == 946
    for name, expected in PAPER.as_dict().items():
        assert getattr(fit.params, name) == pytest.approx(expected, rel=0.01), name


def test_cdnow_frequency_and_spend_are_only_weakly_correlated():
    summary = cdnow_summary()
    r = gammagamma.frequency_spend_correlation(summary["frequency"], summary["monetary_value"])
    assert r == pytest.approx(0.11, abs=0.01)


def test_spend_parameters_are_recovered_from_simulated_customers():
    truth = GammaGammaParams(p=6.0, q=4.0, v=20.0)
    rng = np.random.default_rng(7)
    T = rng.integers(60, 366, 30_000).astype(float)
    summary = simulate_summary(BgNbdParams(1.0, 30.0, 0.7, 3.0), T, rng, truth)
    fit = gammagamma.fit(summary["frequency"], summary["monetary_value"])
    assert fit.converged
    for name, expected in truth.as_dict().items():
        assert getattr(fit.params, name) == pytest.approx(expected, rel=0.1), name


def test_expected_value_shrinks_a_customers_mean_towards_the_population_mean():
    population = gammagamma.population_mean_value(PAPER)
    value = gammagamma.expected_average_value(PAPER, [1.0, 10.0], [100.0, 100.0])
    assert population < value[0] < value[1] < 100.0


def test_customers_without_repeat_spend_get_the_population_mean():
    value = gammagamma.expected_average_value(PAPER, [0.0], [np.nan])
    assert value[0] == pytest.approx(gammagamma.population_mean_value(PAPER))


def test_strongly_correlated_frequency_and_spend_is_reported_in_the_fit():
    rng = np.random.default_rng(3)
    T = rng.integers(60, 366, 3000).astype(float)
    summary = simulate_summary(BgNbdParams(1.0, 30.0, 0.7, 3.0), T, rng)
    # Spend that grows with frequency breaks the model's independence assumption.
    noise = rng.gamma(20.0, 1.0, len(summary))
    summary["monetary_value"] = np.where(
        summary["frequency"] > 0, 10.0 * summary["frequency"] + noise, np.nan
    )
    fit = fit_models(summary, time_unit="days")
    assert fit.spend_correlation is not None and fit.spend_correlation > 0.3
    assert any("correlated" in w for w in fit.warnings)


def test_no_spend_model_without_amounts():
    rng = np.random.default_rng(5)
    summary = simulate_summary(BgNbdParams(1.0, 30.0, 0.7, 3.0), np.full(2000, 200.0), rng)
    summary["monetary_value"] = pd.Series(np.nan, index=summary.index)
    fit = fit_models(summary, time_unit="days")
    assert fit.gamma_gamma is None
    assert any("no spend model" in w for w in fit.warnings)
