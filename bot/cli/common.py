"""What every CLI command shares: `--db`, settings loaded once, clean one-line errors."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from bot.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from bot.bootstrap import Deps

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_CLARIFY = 3


def db_option(func: F) -> F:
    """Add `--db URL` (overrides SEGBOT_DATABASE_URL) to a command."""
    return click.option(
        "--db",
        "db_url",
        metavar="URL",
        default=None,
        help="Database URL; overrides SEGBOT_DATABASE_URL (default sqlite:///segbot.db).",
    )(func)


def settings_for(db_url: str | None) -> Settings:
    """Load settings once, or stop with one clear line naming the bad variable."""
    try:
        return load_settings().with_database(db_url)
    except SettingsError as exc:
        fail(str(exc), EXIT_USAGE)


def fail(message: str, code: int = EXIT_REJECTED) -> NoReturn:
    click.echo(f"segbot: {message}", err=True)
    sys.exit(code)


def parse_now(value: str | None, settings: Settings) -> datetime:
    """`--now` as an aware datetime; a time without an offset is in SEGBOT_TIMEZONE."""
    if value is None:
        return datetime.now(settings.timezone)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        fail(f"--now: {value!r} is not an ISO-8601 time (e.g. 2026-11-01T10:00:00+08:00)", 2)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=settings.timezone)
    return parsed


def handle_errors(func: F) -> F:
    """Turn expected failures (bad settings, unreachable database) into one line, not a
    traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from sqlalchemy.exc import OperationalError

        try:
            return func(*args, **kwargs)
        except SettingsError as exc:
            fail(str(exc), EXIT_USAGE)
        except OperationalError as exc:
            fail(f"the database did not answer: {exc.orig}", EXIT_REJECTED)

    return wrapper  # type: ignore[return-value]


def command_deps(settings: Settings) -> Deps:
    """What one CLI command uses, from the composition root (bot.bootstrap.build_deps): each
    part is built on first use, and the engine's connections are closed when the command
    ends, whatever path it exits by."""
    from bot.bootstrap import build_deps

    deps = build_deps(settings)
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(deps.close)
    return deps
