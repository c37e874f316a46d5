"""`segbot init` and `segbot import`: the schema and the CSV data."""

from __future__ import annotations

import click

from bot.cli.common import db_option, handle_errors, settings_for
from bot.database import make_engine
from bot.migrate import upgrade_to_head


@click.command("init")
@db_option
@handle_errors
def init_command(db_url: str | None) -> None:
    """Create the database schema, or upgrade it to the newest version."""
    settings = settings_for(db_url)
    engine = make_engine(settings.database_url)
    upgrade_to_head(engine)
    engine.dispose()
    click.echo(f"Schema is up to date ({engine.url.render_as_string(hide_password=True)}).")


COMMANDS = [init_command]
