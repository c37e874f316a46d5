"""`segbot init` and `segbot import`: the schema and the CSV data."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import click
from sqlalchemy.orm import Session
from tqdm import tqdm

from bot.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    command_deps,
    db_option,
    fail,
    handle_errors,
    settings_for,
)
from bot.database import unit_of_work
from bot.migrate import schema_is_current, upgrade_to_head
from bot.services.csv_import import ImportDirectoryError, ImportReport, import_directory
from segmentation.rollups import rebuild_event_stats, stale_event_stats

T = TypeVar("T")


@click.command("init")
@db_option
@handle_errors
def init_command(db_url: str | None) -> None:
    """Create the database schema, or upgrade it to the newest version."""
    engine = command_deps(settings_for(db_url)).engine
    upgrade_to_head(engine)
    click.echo(f"Schema is up to date ({engine.url.render_as_string(hide_password=True)}).")


@click.command("import")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@handle_errors
def import_command(directory: Path, db_url: str | None) -> None:
    """Load customers, staff, follows, tags and events from the CSV files in DIRECTORY.

    \b
    Files (any may be absent; at least one must be there):
      staff.csv customers.csv follows.csv tags.csv customer_tags.csv events.csv
    Columns are listed in the README and spec/interfaces.md; a column absent from a file
    leaves that field unchanged. Importing the same files again changes nothing. A bad row
    is reported with its file and line and the rest still load; the exit code is then 1.
    """
    settings = settings_for(db_url)
    deps = command_deps(settings)
    if not schema_is_current(deps.engine):
        upgrade_to_head(deps.engine)
    try:
        report = import_directory(
            deps.session_factory,
            directory,
            tz=settings.timezone,
            now=datetime.now(settings.timezone),
            progress=_progress_bar,
            kinds=settings.event_kinds,
        )
    except ImportDirectoryError as exc:
        fail(str(exc), EXIT_USAGE)
    _print_report(report)
    sys.exit(EXIT_REJECTED if report.rejected else EXIT_OK)


def _progress_bar(name: str, total: int) -> tqdm:
    return tqdm(total=total, desc=name, unit="B", unit_scale=True, leave=False, disable=None)


def _print_report(report: ImportReport) -> None:
    for file in report.files:
        click.echo(
            f"{file.file}: {file.inserted} inserted, {file.updated} updated, "
            f"{file.unchanged} unchanged, {file.rejected} rejected"
        )
        for note in file.notes:
            click.echo(f"  note: {note}")
    errors = [e for f in report.files for e in f.errors]
    for error in errors:
        click.echo(f"  rejected {error}", err=True)
    shown = len(errors)
    if report.rejected > shown:
        click.echo(f"  … and {report.rejected - shown} more rejected rows", err=True)


@click.group("stats")
def stats_group() -> None:
    """The per-customer event rollups the segment engine reads (kept exact automatically).

    Only events written outside segbot (SQL by hand, a bulk load) need `segbot stats rebuild`.
    """


@stats_group.command("check")
@db_option
@handle_errors
def stats_check_command(db_url: str | None) -> None:
    """Compare the rollups with the events; exit 1 when any differ."""
    stale = _in_one_transaction(db_url, stale_event_stats)
    if stale:
        fail(f"{stale} rollup row(s) differ from the events; run `segbot stats rebuild`")
    click.echo("Event rollups match the events.")


@stats_group.command("rebuild")
@db_option
@handle_errors
def stats_rebuild_command(db_url: str | None) -> None:
    """Recompute every rollup from the events (one transaction)."""
    rows = _in_one_transaction(db_url, rebuild_event_stats)
    click.echo(f"Rebuilt {rows:,} rollup row(s) (customer × event kind).")


def _in_one_transaction(db_url: str | None, work: Callable[[Session], T]) -> T:
    with unit_of_work(command_deps(settings_for(db_url)).session_factory) as session:
        return work(session)


COMMANDS = [init_command, import_command, stats_group]
