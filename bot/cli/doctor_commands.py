"""`segbot doctor`: one ✓/✗ line per check of settings, database, WeCom and processes."""

from __future__ import annotations

from datetime import UTC, datetime

import click

from bot.cli.common import command_deps, db_option, fail, handle_errors
from bot.settings import SettingsError, load_settings


def _http_get(url: str, params: dict[str, str]) -> tuple[int, dict[str, str], str]:
    import requests

    try:
        answer = requests.get(url, params=params, timeout=10)
    except requests.RequestException as exc:
        raise OSError(str(exc).splitlines()[0][:200]) from None
    return answer.status_code, dict(answer.headers), answer.text


@click.command("doctor")
@click.option(
    "--public-url",
    metavar="URL",
    default=None,
    help="The callback URL set in WeCom (https://…/wecom/callback): verify it from outside.",
)
@db_option
@handle_errors
def doctor_command(public_url: str | None, db_url: str | None) -> None:
    """Check settings, database, WeCom credentials and permissions, workers and scheduler."""
    from bot.services.doctor import Check, run_checks

    try:
        settings = load_settings().with_database(db_url)
    except SettingsError as exc:
        _print(Check("settings", False, str(exc), "fix the variable it names"))
        fail("1 check failed")
    deps = command_deps(settings)
    checks = run_checks(
        settings, deps.engine, deps.gateway, datetime.now(UTC), _http_get, public_url
    )
    for check in checks:
        _print(check)
    failed = sum(not check.ok for check in checks)
    if failed:
        fail(f"{failed} of {len(checks)} checks failed")
    click.echo(f"all {len(checks)} checks passed")


def _print(check: object) -> None:
    ok, name, found, fix = (getattr(check, a) for a in ("ok", "name", "found", "fix"))
    mark = click.style("✓", fg="green") if ok else click.style("✗", fg="red")
    line = f"{mark} {name:<17} {found}"
    click.echo(line if ok else f"{line}\n  → {fix}")


COMMANDS = [doctor_command]
