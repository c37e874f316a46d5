"""`segbot demo`: try segbot on its embedded defaults with a synthetic company."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from tempfile import TemporaryDirectory

import click

from bot.cli.common import EXIT_OK, handle_errors, settings_for
from bot.database import make_engine, make_session_factory
from bot.migrate import upgrade_to_head
from bot.services.csv_import import import_directory
from bot.services.synthetic import CompanyShape, write_company

DEMO_DB = "segbot-demo.db"


@click.command("demo")
@click.option("--customers", default=3000, show_default=True, help="Size of the demo company.")
@click.option("--reset", is_flag=True, help="Start again from a fresh demo database.")
@handle_errors
def demo_command(customers: int, reset: bool) -> None:
    """Load a synthetic company into segbot-demo.db (SQLite) and show what segbot answers."""
    settings = settings_for(f"sqlite:///{DEMO_DB}")
    path = Path(DEMO_DB)
    if reset:
        for suffix in ("", "-wal", "-shm"):
            Path(DEMO_DB + suffix).unlink(missing_ok=True)
    engine = make_engine(settings.database_url)
    upgrade_to_head(engine)
    now = datetime.now(settings.timezone)
    if reset or path.stat().st_size < 200_000:
        click.echo(f"Generating a company of {customers} customers …")
        with TemporaryDirectory() as tmp:
            write_company(Path(tmp), CompanyShape(customers=customers), now)
            report = import_directory(
                make_session_factory(engine), Path(tmp), tz=settings.timezone, now=now
            )
        for file in report.files:
            click.echo(f"  {file.file}: {file.inserted} rows")
    engine.dispose()
    click.echo(f"\nDemo data is in {path.resolve()}. Try:")
    click.echo(f"  segbot --help\n  segbot import DIR --db sqlite:///{DEMO_DB}")
    sys.exit(EXIT_OK)


COMMANDS = [demo_command]
