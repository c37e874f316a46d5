"""`segbot clv fit` on transaction files and `segbot clv score` on a database."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bot.cli.main import cli
from tests.predictive.cdnow import CDNOW_FILE

CDNOW_ARGS = [
    "clv",
    "fit",
    "--transactions",
    str(CDNOW_FILE),
    "--calibration-end",
    "1997-09-30",
    "--holdout-end",
    "1998-06-30",
    "--time-unit",
    "weeks",
]


def test_fit_json_reports_parameters_and_the_holdout_table():
    result = CliRunner().invoke(cli, [*CDNOW_ARGS, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["customers"] == 2357 and data["repeat_customers"] == 946
    assert data["bgnbd"]["r"] == pytest.approx(0.243, rel=0.01)
    assert data["gamma_gamma"]["q"] == pytest.approx(3.74, rel=0.01)
    assert data["bgnbd_log_likelihood"] == pytest.approx(-9582.4, abs=0.5)
    groups = [row["calibration_frequency"] for row in data["holdout"]]
    assert groups == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert sum(row["customers"] for row in data["holdout"]) == 2357
    assert data["holdout_total"]["actual"] == sum(row["actual_total"] for row in data["holdout"])


def test_fit_text_prints_both_models():
    result = CliRunner().invoke(cli, CDNOW_ARGS)
    assert result.exit_code == 0, result.output
    assert "BG/NBD" in result.output and "Gamma-Gamma" in result.output
    assert "7+" in result.output


def test_fit_reads_a_headed_csv_and_refuses_thin_data(tmp_path):
    path = tmp_path / "tx.csv"
    path.write_text(
        "customer_id,date,amount\nu1,2024-01-01,10\nu1,2024-02-01,12\nu2,2024-01-05,8\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["clv", "fit", "--transactions", str(path)])
    assert result.exit_code == 1
    assert "too little history: 1 repeat customers" in result.output


def test_fit_names_the_missing_column(tmp_path):
    path = tmp_path / "tx.csv"
    path.write_text("who,when\nu1,2024-01-01\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["clv", "fit", "--transactions", str(path)])
    assert result.exit_code == 2
    assert "no customer id column" in result.output


def test_holdout_must_follow_the_calibration_period():
    args = [
        "clv",
        "fit",
        "--transactions",
        str(CDNOW_FILE),
        "--calibration-end",
        "1997-09-30",
        "--holdout-end",
        "1997-09-01",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2


def test_score_on_an_empty_database_refuses_and_exits_1(fresh_database_url, tmp_cwd):
    url = fresh_database_url("clvscore")
    assert CliRunner().invoke(cli, ["init", "--db", url]).exit_code == 0
    result = CliRunner().invoke(
        cli, ["clv", "score", "--db", url, "--json", "--now", "2026-06-30T12:00:00+08:00"]
    )
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["status"] == "refused" and "too little history" in data["reason"]
