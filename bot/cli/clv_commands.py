"""`segbot clv …`: fit BG/NBD + Gamma-Gamma on a transaction file, or score the database."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import click
import pandas as pd

from bot.cli.common import (
    EXIT_REJECTED,
    EXIT_USAGE,
    command_deps,
    db_option,
    fail,
    handle_errors,
    parse_now,
    settings_for,
)
from bot.database import unit_of_work
from bot.services.scoring import FitSummary, score_customers
from segmentation.predictive.features import TIME_UNITS, summary_from_transactions
from segmentation.predictive.scoring import (
    MIN_REPEAT_CUSTOMERS,
    ModelFit,
    NotScorable,
    fit_models,
    holdout_table,
)
from segmentation.predictive.transactions import TransactionFormatError, read_transactions


@click.group("clv")
def clv_group() -> None:
    """Predictive scores: P(alive), expected purchases, CLV (BG/NBD + Gamma-Gamma)."""


@clv_group.command("fit")
@click.option(
    "--transactions",
    "path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV (customer_id,date[,amount]) or the CDNOW sample layout; see docs/predictive.md.",
)
@click.option("--calibration-end", type=click.DateTime(["%Y-%m-%d"]), help="Last calibration day.")
@click.option("--holdout-end", type=click.DateTime(["%Y-%m-%d"]), help="Last holdout day.")
@click.option(
    "--time-unit", type=click.Choice(sorted(TIME_UNITS)), default="days", show_default=True
)
@click.option(
    "--min-repeat",
    default=MIN_REPEAT_CUSTOMERS,
    show_default=True,
    type=int,
    help="Refuse to fit with fewer repeat customers than this.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def fit_command(
    path: Path,
    calibration_end: Any,
    holdout_end: Any,
    time_unit: str,
    min_repeat: int,
    as_json: bool,
) -> None:
    """Fit the models on a transaction file and print parameters (and a holdout check)."""
    try:
        transactions = read_transactions(path)
    except TransactionFormatError as exc:
        fail(f"{path}: {exc}", EXIT_USAGE)
    if transactions.empty:
        fail(f"{path}: no transactions", EXIT_REJECTED)
    cal_end = calibration_end.date() if calibration_end else transactions["date"].max().date()
    hold_end = holdout_end.date() if holdout_end else None
    if hold_end is not None and hold_end <= cal_end:
        fail("--holdout-end must be after --calibration-end", EXIT_USAGE)
    summary = summary_from_transactions(
        transactions, calibration_end=cal_end, holdout_end=hold_end, time_unit=time_unit
    )
    try:
        fit = fit_models(summary, time_unit=time_unit, min_repeat_customers=min_repeat)
    except NotScorable as exc:
        fail(str(exc), EXIT_REJECTED)
    table = holdout_table(summary, fit.bgnbd.params) if hold_end else None
    result = _fit_result(fit, cal_end, hold_end, table)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json else _fit_text(result))


def _fit_result(
    fit: ModelFit, cal_end: date, hold_end: date | None, table: pd.DataFrame | None
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "calibration_end": cal_end.isoformat(),
        "holdout_end": hold_end.isoformat() if hold_end else None,
        "customers": fit.n_customers,
        "repeat_customers": fit.n_repeat_customers,
        **fit.params_json(),
    }
    if table is not None:
        result["holdout"] = [
            {"calibration_frequency": str(index), **{k: float(v) for k, v in row.items()}}
            for index, row in table.iterrows()
        ]
        result["holdout_total"] = {
            "actual": float(table["actual_total"].sum()),
            "predicted": float(table["predicted_total"].sum()),
        }
    return result


def _fit_text(result: dict[str, Any]) -> str:
    p = result["bgnbd"]
    lines = [
        f"customers: {result['customers']} ({result['repeat_customers']} repeat), "
        f"time unit: {result['time_unit']}, calibration ends {result['calibration_end']}",
        f"BG/NBD       r = {p['r']:.4f}  alpha = {p['alpha']:.4f}  a = {p['a']:.4f}  "
        f"b = {p['b']:.4f}  log-likelihood = {result['bgnbd_log_likelihood']:.2f}",
    ]
    gg = result["gamma_gamma"]
    if gg:
        lines.append(
            f"Gamma-Gamma  p = {gg['p']:.4f}  q = {gg['q']:.4f}  v = {gg['v']:.4f}  "
            f"log-likelihood = {result['gamma_gamma_log_likelihood']:.2f}"
        )
    if result["spend_correlation"] is not None:
        lines.append(
            f"frequency/spend Pearson r (repeat customers): {result['spend_correlation']:.3f}"
        )
    lines += [f"warning: {w}" for w in result["warnings"]]
    if "holdout" in result:
        lines += _holdout_lines(result)
    return "\n".join(lines)


def _holdout_lines(result: dict[str, Any]) -> list[str]:
    lines = [
        f"\nholdout to {result['holdout_end']}: purchases per customer by calibration frequency",
        f"{'x':>4} {'customers':>9} {'actual':>8} {'predicted':>9} "
        f"{'act.total':>9} {'pred.total':>10}",
    ]
    for row in result["holdout"]:
        lines.append(
            f"{row['calibration_frequency']:>4} {int(row['customers']):>9} "
            f"{row['actual_mean']:>8.3f} {row['predicted_mean']:>9.3f} "
            f"{row['actual_total']:>9.0f} {row['predicted_total']:>10.1f}"
        )
    total = result["holdout_total"]
    lines.append(f"total: actual {total['actual']:.0f}, predicted {total['predicted']:.1f}")
    return lines


@clv_group.command("score")
@click.option("--now", "now_text", metavar="ISO-8601", help="Score as of this time.")
@click.option("--horizon-days", default=365, show_default=True, type=int, help="CLV horizon.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@db_option
@handle_errors
def score_command(
    now_text: str | None, horizon_days: int, as_json: bool, db_url: str | None
) -> None:
    """Fit on the database's order events and store customer_scores (the nightly job)."""
    settings = settings_for(db_url)
    now = parse_now(now_text, settings)
    with unit_of_work(command_deps(settings).session_factory) as session:
        summary = score_customers(session, now, horizon_days=horizon_days)
    _print_summary(summary, as_json)
    if summary.status != "ok":
        raise SystemExit(EXIT_REJECTED)


def _print_summary(summary: FitSummary, as_json: bool) -> None:
    if as_json:
        data = asdict(summary) | {"fitted_at": summary.fitted_at.isoformat()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if summary.status != "ok":
        click.echo(f"no scores written: {summary.reason}")
        return
    click.echo(
        f"scored {summary.n_scored} customers ({summary.n_repeat_customers} repeat), "
        f"model {summary.model_id}, log-likelihood {summary.log_likelihood:.2f}"
    )
    for warning in summary.warnings:
        click.echo(f"warning: {warning}")


COMMANDS = [clv_group]
