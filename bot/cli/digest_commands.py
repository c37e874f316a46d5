"""`segbot digest --as USERID`: preview a manager's daily digest, or send it through WeCom."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

from bot.bootstrap import Deps
from bot.cli.common import (
    EXIT_REJECTED,
    command_deps,
    db_option,
    fail,
    handle_errors,
    parse_now,
    settings_for,
)
from bot.database import unit_of_work
from bot.services.digest.build import (
    DigestConfig,
    NotADigestRecipient,
    build_digest,
    digest_requester,
)
from bot.services.digest.chart import render_chart
from bot.services.digest.deliver import claim, create_digest_log, find_digest, send_digest
from bot.services.digest.periods import periods_at
from bot.services.digest.render import Language, render_markdown


def digest_config(deps: Deps) -> DigestConfig:
    settings = deps.settings
    return DigestConfig(
        engine=deps.engine_ctx,
        campaigns=settings.campaigns,
        admins=settings.admins,
        digest_time=settings.digest_time,
    )


@click.command("digest")
@click.option(
    "--as",
    "userid",
    required=True,
    metavar="USERID",
    help="The manager or admin whose digest (and scope) this is.",
)
@click.option("--now", "now_text", metavar="ISO", help="Evaluate at this time (default: now).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option(
    "--send",
    is_flag=True,
    help="Send it through WeCom (at most once per member and day) instead of printing.",
)
@click.option(
    "--png",
    "png_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the chart to this PNG file.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON.")
@db_option
@handle_errors
def digest_command(
    userid: str,
    now_text: str | None,
    lang: str,
    send: bool,
    png_path: Path | None,
    as_json: bool,
    db_url: str | None,
) -> None:
    """Preview (print) the daily digest of USERID in their scope, or --send it."""  # fmt: skip
    settings = settings_for(db_url)
    now = parse_now(now_text, settings)
    deps = command_deps(settings)
    config = digest_config(deps)
    language: Language = "en" if lang == "en" else "zh"
    if send:
        _send(deps, userid, now, config)
        return
    with deps.session_factory() as session:
        try:
            requester = digest_requester(session, userid, config.admins)
        except NotADigestRecipient as exc:
            fail(str(exc), EXIT_REJECTED)
        digest = build_digest(session, requester, now, config)
    if png_path is not None:
        png_path.write_bytes(render_chart(digest, language))
    if as_json:
        click.echo(json.dumps(digest.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_markdown(digest, language))


def _send(deps: Deps, userid: str, now: datetime, config: DigestConfig) -> None:
    factory, gateway = deps.session_factory, deps.gateway
    if gateway is None:
        fail("WeCom API settings missing (SEGBOT_WECOM_CORP_ID, _SECRET, _AGENT_ID): not sent")
    day = periods_at(now, config.timezone).digest_date
    with unit_of_work(factory) as session:
        try:
            requester = digest_requester(session, userid, config.admins)
        except NotADigestRecipient as exc:
            fail(str(exc), EXIT_REJECTED)
        create_digest_log(session, requester, now, config)
        row = find_digest(session, userid, day)
        assert row is not None
        row_id, already = row.id, row.sent_at is not None
    if already:
        click.echo(f"the digest of {userid} for {day} was already sent")
        return
    with unit_of_work(factory) as session:
        claimed = claim(session, row_id, now)
    if not claimed:
        fail(f"the digest of {userid} for {day} is being sent by another process, or gave up")
    if not send_digest(factory, gateway, row_id, now):
        fail(f"the digest of {userid} for {day} was not sent; the scheduler will retry")
    click.echo(f"sent the digest of {userid} for {day}")


COMMANDS = [digest_command]
