"""`segbot token …`: scoped HTTP API tokens (create prints the secret once; list; revoke)."""

from __future__ import annotations

from datetime import UTC, datetime

import click

from bot.cli.common import (
    EXIT_REJECTED,
    command_deps,
    db_option,
    fail,
    handle_errors,
    settings_for,
)
from bot.database import unit_of_work
from bot.services.api_tokens import SCOPES, TokenError, create_token, list_tokens, revoke_token


@click.group("token")
def token_group() -> None:
    """Scoped HTTP API tokens: each may only post events, only query, or only redeem.

    SEGBOT_API_TOKEN stays the full-rights token.
    """


@token_group.command("create")
@click.option("--scope", type=click.Choice(SCOPES), required=True, help="What it may do.")
@click.option(
    "--as",
    "as_userid",
    metavar="USERID",
    default=None,
    help="Bind a query token to this member: it answers only as them.",
)
@click.option("--name", required=True, help="A unique name (shown in the list and audit log).")
@db_option
@handle_errors
def create_command(scope: str, as_userid: str | None, name: str, db_url: str | None) -> None:
    """Create a token and print it once (only its hash is stored)."""
    settings = settings_for(db_url)
    factory = command_deps(settings).session_factory
    try:
        with unit_of_work(factory) as session:
            token = create_token(
                session, name=name, scope=scope, userid=as_userid, now=datetime.now(UTC)
            )
    except TokenError as exc:
        fail(str(exc), EXIT_REJECTED)
        return
    bound = f", answers only as {as_userid}" if as_userid else ""
    click.echo(f"token {name!r} ({scope}{bound}); shown once, store it now:", err=True)
    click.echo(token)


@token_group.command("list")
@db_option
@handle_errors
def list_command(db_url: str | None) -> None:
    """Name, scope, bound member, created and last used of every token (never the secret)."""
    settings = settings_for(db_url)
    with command_deps(settings).session_factory() as session:
        rows = list_tokens(session)
    if not rows:
        click.echo("(no tokens; SEGBOT_API_TOKEN, when set, is the full-rights token)")
        return

    def local(at: datetime | None) -> str:
        return at.astimezone(settings.timezone).strftime("%Y-%m-%d %H:%M") if at else "never"

    click.echo("name\tscope\tas\tcreated\tlast used")
    for row in rows:
        click.echo(
            f"{row.name}\t{row.scope}\t{row.userid or '-'}\t"
            f"{local(row.created_at)}\t{local(row.last_used_at)}"
        )


@token_group.command("revoke")
@click.argument("name")
@db_option
@handle_errors
def revoke_command(name: str, db_url: str | None) -> None:
    """Revoke the token NAME: it stops working at once."""
    settings = settings_for(db_url)
    factory = command_deps(settings).session_factory
    try:
        with unit_of_work(factory) as session:
            revoke_token(session, name, datetime.now(UTC))
    except TokenError as exc:
        fail(str(exc), EXIT_REJECTED)
        return
    click.echo(f"token {name!r} revoked")


COMMANDS = [token_group]
