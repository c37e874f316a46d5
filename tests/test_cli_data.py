"""`segbot init` and `segbot import` as a user runs them."""

from __future__ import annotations

from click.testing import CliRunner

from bot.cli.main import cli
from tests.services.test_csv_import import CUSTOMERS, EVENTS, write


def test_init_then_import_twice_is_idempotent(fresh_database_url, tmp_path):
    url = fresh_database_url("cli_import")
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--db", url]).exit_code == 0
    write(tmp_path, customers=CUSTOMERS, events=EVENTS)
    first = runner.invoke(cli, ["import", str(tmp_path), "--db", url])
    assert first.exit_code == 0, first.output
    assert "customers.csv: 3 inserted, 0 updated, 0 unchanged, 0 rejected" in first.output
    second = runner.invoke(cli, ["import", str(tmp_path), "--db", url])
    assert "events.csv: 0 inserted, 0 updated, 3 unchanged, 0 rejected" in second.output


def test_import_exits_1_and_names_file_and_line_of_a_bad_row(fresh_database_url, tmp_path):
    url = fresh_database_url("cli_bad")
    write(tmp_path, customers=CUSTOMERS + "wm9,x,5,,,,,0\n")
    result = CliRunner().invoke(cli, ["import", str(tmp_path), "--db", url])
    assert result.exit_code == 1
    assert "customers.csv:5: gender" in result.output


def test_bad_setting_stops_with_one_line(tmp_cwd, monkeypatch):
    monkeypatch.setenv("SEGBOT_TIMEZONE", "Nowhere/Land")
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "segbot: SEGBOT_TIMEZONE: unknown time zone 'Nowhere/Land' (expected an IANA name such "
        "as Asia/Shanghai)"
    ]


def test_import_of_a_missing_directory_is_a_usage_error(tmp_cwd):
    result = CliRunner().invoke(cli, ["import", "no-such-dir"])
    assert result.exit_code == 2
    assert "does not exist" in result.output
