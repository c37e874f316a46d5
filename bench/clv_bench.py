"""Benchmark the predictive models: fit BG/NBD + Gamma-Gamma and score N simulated customers.

    .venv/bin/python -m bench.clv_bench --customers 1000000 --ratio-from 100000

Customers are drawn from the models' own generative story with days as the time unit and
whole-day recency/T, as the nightly job sees them (so identical histories collapse in the fit).
Prints fit seconds, score seconds, rows/s and the process's peak memory. A benchmark, not a
test: it never fails on timing. The database write is not included (see --help of
`segbot clv score` for the end-to-end job).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np
import pandas as pd

from segmentation.predictive.bgnbd import BgNbdParams
from segmentation.predictive.gammagamma import GammaGammaParams
from segmentation.predictive.scoring import fit_models, score
from segmentation.predictive.simulate import simulate_summary

TRUTH = BgNbdParams(r=0.8, alpha=40.0, a=0.7, b=3.0)
SPEND = GammaGammaParams(p=6.0, q=4.0, v=200.0)


def simulated(customers: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    T = rng.integers(1, 731, customers).astype(float)
    summary = simulate_summary(TRUTH, T, rng, SPEND)
    summary["recency"] = np.floor(summary["recency"])
    summary["monetary_value"] = summary["monetary_value"].round(2)
    summary.index = pd.Index([f"wm{i:08d}" for i in range(customers)], name="customer_id")
    return summary


def run(customers: int, seed: int) -> dict[str, float]:
    summary = simulated(customers, seed)
    started = time.perf_counter()
    fit = fit_models(summary, time_unit="days")
    fitted = time.perf_counter()
    scores = score(summary, fit)
    scored = time.perf_counter()
    fit_s, score_s = fitted - started, scored - fitted
    print(
        f"{customers:>9,} customers ({fit.n_repeat_customers:,} repeat): "
        f"fit {fit_s:6.2f} s, score {score_s:6.2f} s, "
        f"{customers / (fit_s + score_s):>10,.0f} rows/s, peak RSS {_peak_mb():,.0f} MB"
    )
    p = fit.bgnbd.params
    print(
        f"           r={p.r:.3f} alpha={p.alpha:.2f} a={p.a:.3f} b={p.b:.3f} "
        f"(true {TRUTH.r}, {TRUTH.alpha}, {TRUTH.a}, {TRUTH.b}); "
        f"mean P(alive) {scores['p_alive'].mean():.3f}"
    )
    return {"fit": fit_s, "score": score_s}


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--ratio-from", type=int, default=100_000, help="smaller run for a ratio")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    small = run(args.ratio_from, args.seed)
    large = run(args.customers, args.seed)
    scale = args.customers / args.ratio_from
    print(
        f"ratio {args.customers:,}/{args.ratio_from:,} = {scale:.0f}x customers: "
        f"fit {large['fit'] / small['fit']:.1f}x, score {large['score'] / small['score']:.1f}x"
    )


if __name__ == "__main__":
    main()
