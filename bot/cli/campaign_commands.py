"""`segbot campaign …`, `segbot coupon redeem` and `segbot scheduler`: thin edges over the
campaign and coupon services and the scheduler process."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import datetime, tzinfo
from typing import Any

import click

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
from bot.models.campaigns import CRON, MASS_MESSAGE, ON_ENTER, ONCE, REMINDER
from bot.services.campaigns.definition import (
    CampaignError,
    CampaignSpec,
    create_campaign,
    list_campaigns,
    segment_text,
    set_paused,
)
from bot.services.campaigns.entries import check_entries
from bot.services.campaigns.results import campaign_report, format_report
from bot.services.campaigns.runner import (
    NO_ENTRIES,
    NOTHING_DUE,
    RESUMED,
    WATCHING,
    ManualRun,
    manual_run,
)
from bot.services.campaigns.schedule import next_fire
from bot.services.coupons import new_shared_code, redeem_coupon


@click.group("campaign")
def campaign_group() -> None:
    """Create, list, pause, run and report campaigns (mass messages or salesperson reminders)."""


@campaign_group.command("create")
@click.option("--name", required=True)
@click.option(
    "--as",
    "creator",
    required=True,
    metavar="USERID",
    help="The creator; the campaign only targets customers they may see.",
)
@click.option("--segment", "segment_name", help="A saved segment by name.")
@click.option("--definition", help="A segment tree as JSON (instead of --segment).")
@click.option("--at", "run_at", metavar="ISO-8601", help="Run once at this time.")
@click.option("--cron", help="Run on a crontab schedule, e.g. '0 10 * * *' or '0 10 * * mon'.")
@click.option("--on-enter", is_flag=True, help="Run for customers entering the saved segment.")
@click.option("--channel", type=click.Choice([MASS_MESSAGE, REMINDER]), default=MASS_MESSAGE)
@click.option("--message", required=True, help="Text with {name}, {coupon_code}, {coupon_desc}.")
@click.option("--coupon-kind", type=click.Choice(["threshold", "discount", "no_threshold"]))
@click.option("--coupon-threshold", help="满减: the order amount from which it applies.")
@click.option("--coupon-value", help="满减/无门槛: the amount off.")
@click.option("--coupon-percent", type=int, help="折扣: pay this percent (85 = 8.5折).")
@click.option("--coupon-days", type=int, default=14, show_default=True)
@click.option(
    "--per-customer-codes",
    is_flag=True,
    help="Put each customer's own coupon code in their text: one WeCom task (and one "
    "confirmation) per customer. Default: one campaign code, one task per salesperson.",
)
@click.option("--holdout", type=int, help="Control group percent (default SEGBOT_HOLDOUT_PERCENT).")
@click.option("--cap-days", type=int, help="At most one message per customer in N days.")
@click.option("--now", "now_text", metavar="ISO-8601")
@db_option
@handle_errors
def create_command(**opts: Any) -> None:
    """Create a campaign and print its id."""
    settings = settings_for(opts["db_url"])
    now = parse_now(opts["now_text"], settings)
    kinds = [
        k
        for k, given in ((ONCE, opts["run_at"]), (CRON, opts["cron"]), (ON_ENTER, opts["on_enter"]))
        if given
    ]
    if len(kinds) != 1:
        fail("give exactly one of --at, --cron, --on-enter", 2)
    spec = CampaignSpec(
        name=opts["name"],
        creator_userid=opts["creator"],
        content=opts["message"],
        channel=opts["channel"],
        segment_name=opts["segment_name"],
        segment_definition=_json(opts["definition"]),
        schedule_kind=kinds[0],
        run_at=parse_now(opts["run_at"], settings) if opts["run_at"] else None,
        cron=opts["cron"],
        coupon=_coupon(opts),
        holdout_percent=opts["holdout"],
        frequency_cap_days=opts["cap_days"],
    )
    deps = command_deps(settings)
    pctx = deps.plan_context
    try:
        with unit_of_work(deps.session_factory) as session:
            if spec.coupon and spec.channel == MASS_MESSAGE and not opts["per_customer_codes"]:
                # As in chat: one campaign code in one text per salesperson; each recipient
                # still has their own coupon, which the code redeems with their order.
                spec = replace(spec, shared_code=new_shared_code(session))
            campaign = create_campaign(
                session, spec, now=now, settings=pctx.settings, admins=settings.admins
            )
            cid = campaign.id
            # On-enter: who is in now is the starting point; only later entrants are messaged.
            watch = (
                check_entries(session, campaign, now, pctx, trigger="on_enter")
                if campaign.schedule_kind == ON_ENTER
                else None
            )
    except CampaignError as exc:
        fail(str(exc))
    click.echo(f"campaign {cid} created")
    if watch is not None:
        click.echo(
            f"{watch.members} customer(s) in the segment now are not messaged; customers who "
            f"enter it are, within {pctx.settings.entry_check_minutes} minute(s) "
            "(SEGBOT_ENTRY_CHECK_MINUTES)"
        )


def _json(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return fail(f"--definition is not JSON: {exc}", 2)


def _coupon(opts: dict[str, Any]) -> dict[str, Any] | None:
    if not opts["coupon_kind"]:
        return None
    return {
        "kind": opts["coupon_kind"],
        "threshold": opts["coupon_threshold"],
        "value": opts["coupon_value"],
        "percent": opts["coupon_percent"],
        "validity_days": opts["coupon_days"],
    }


@campaign_group.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.option("--now", "now_text", metavar="ISO-8601")
@db_option
@handle_errors
def list_command(as_json: bool, now_text: str | None, db_url: str | None) -> None:
    """List campaigns with their status and next run."""
    settings = settings_for(db_url)
    now = parse_now(now_text, settings)
    deps = command_deps(settings)
    pctx = deps.plan_context
    with deps.session_factory() as session:
        rows = []
        for c in list_campaigns(session):
            when = next_fire(c, now, pctx.settings)
            local = when.astimezone(settings.timezone).isoformat() if when else None
            rows.append({"id": c.id, "name": c.name, "status": c.status,
                         "creator": c.creator_userid,
                         "channel": c.channel, "schedule": c.cron or c.schedule_kind,
                         "segment": segment_text(c),
                         "next_run": local})  # fmt: skip
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    for r in rows:
        click.echo(f"{r['id']:>4}  {r['status']:<9} {r['channel']:<12} {r['schedule']:<16} "
                   f"next {r['next_run'] or '-':<25} {r['name']}  [{r['segment']}]")  # fmt: skip


def _pause_or_resume(campaign_id: int, paused: bool, db_url: str | None) -> None:
    settings = settings_for(db_url)
    now = parse_now(None, settings)
    try:
        with unit_of_work(command_deps(settings).session_factory) as session:
            status = set_paused(session, campaign_id, paused, now).status
    except CampaignError as exc:
        fail(str(exc))
    click.echo(f"campaign {campaign_id} {status}")


@campaign_group.command("pause")
@click.argument("campaign_id", type=int)
@db_option
@handle_errors
def pause_command(campaign_id: int, db_url: str | None) -> None:
    """Pause: nothing new is planned or sent until resumed."""
    _pause_or_resume(campaign_id, True, db_url)


@campaign_group.command("resume")
@click.argument("campaign_id", type=int)
@db_option
@handle_errors
def resume_command(campaign_id: int, db_url: str | None) -> None:
    """Resume a paused campaign."""
    _pause_or_resume(campaign_id, False, db_url)


@campaign_group.command("run")
@click.argument("campaign_id", type=int)
@click.option("--now", "now_text", metavar="ISO-8601", help="Run as of this time (default: now).")
@click.option(
    "--force",
    is_flag=True,
    help="Plan an extra run over the whole segment now (a once-only campaign that already "
    "ran, a cron campaign between slots). Frequency caps and the monthly budget still apply.",
)
@db_option
@handle_errors
def run_command(campaign_id: int, now_text: str | None, force: bool, db_url: str | None) -> None:
    """Do now what the scheduler would: on-enter, only the customers who entered since the
    last check; once-only, its one run (planned, or resumed if it exists); cron, the due
    slot. Then send what quiet hours allow."""
    settings = settings_for(db_url)
    now = parse_now(now_text, settings)
    deps = command_deps(settings)
    try:
        outcome = manual_run(
            deps.session_factory, deps.gateway, campaign_id, now, deps.plan_context, force=force
        )
    except CampaignError as exc:
        fail(str(exc))
    tz = settings.timezone
    for line in _manual_lines(campaign_id, outcome, settings.campaigns.entry_check_minutes, tz):
        click.echo(line)
    run = outcome.run
    if run is not None and run.release_at > now:
        click.echo(f"quiet hours: held until {run.release_at.astimezone(tz).isoformat()}")
    report = outcome.report
    if report is None:
        click.echo("WeCom API settings missing: planned only; `segbot scheduler` will send it")
    else:
        click.echo(f"sent {report.sent}, failed {report.failed}, retry later {report.retried}")


def _manual_lines(campaign_id: int, outcome: ManualRun, every: int, tz: tzinfo) -> list[str]:
    """What a manual run did, in words (the action decides who was or was not messaged)."""
    run, previous, check = outcome.run, outcome.previous, outcome.entries

    def local(when: datetime) -> str:
        return when.astimezone(tz).isoformat()

    if outcome.action == RESUMED and previous is not None:
        return [
            f"campaign {campaign_id} runs once and already ran (run {previous.id}, planned "
            f"{local(previous.planned_at)}): nobody new is planned; only its unsent messages "
            "are sent. Use --force to run it again over the whole segment."
        ]
    if outcome.action == NOTHING_DUE:
        return [
            f"campaign {campaign_id}: no scheduled slot is due now, nothing planned. "
            "Use --force to run it now anyway."
        ]
    if check is not None and outcome.action == WATCHING:
        return [
            f"campaign {campaign_id} runs for customers entering its segment: the "
            f"{check.members} customer(s) in it now were recorded and are not messaged; "
            f"entrants are planned from the next check (every {every} minute(s))."
        ]
    if check is not None and outcome.action == NO_ENTRIES:
        since = local(check.previous_check) if check.previous_check else "-"
        return [
            f"campaign {campaign_id} runs for customers entering its segment: nobody entered "
            f"since the last check ({since}); nothing planned."
        ]
    if run is None:
        return [f"campaign {campaign_id}: nothing planned"]
    lines = []
    if check is not None:
        lines.append(
            f"campaign {campaign_id} runs for customers entering its segment: {len(check.entered)} "
            f"entered since the last check; only they are planned."
        )
    elif previous is not None:
        lines.append(f"extra run (--force) after run {previous.id}: the whole segment again")
    lines.append(f"run {run.id}: {run.audience} in the audience; excluded {run.exclusions}")
    return lines


@campaign_group.command("report")
@click.argument("campaign_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@db_option
@handle_errors
def report_command(campaign_id: int, as_json: bool, db_url: str | None) -> None:
    """Treated against holdout: reached, redeemed, ordered, uplift with a 95% CI."""
    settings = settings_for(db_url)
    try:
        with command_deps(settings).session_factory() as session:
            report = campaign_report(session, campaign_id, settings.campaigns)
    except CampaignError as exc:
        fail(str(exc))
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        click.echo(format_report(report))


@click.group("coupon")
def coupon_group() -> None:
    """The coupon ledger."""


@coupon_group.command("redeem")
@click.argument("code")
@click.option("--order", "order_event_id", required=True, metavar="EVENT_ID")
@click.option("--now", "now_text", metavar="ISO-8601")
@db_option
@handle_errors
def redeem_command(
    code: str, order_event_id: str, now_text: str | None, db_url: str | None
) -> None:
    """Redeem CODE for the order EVENT_ID: the coupon's customer's order, placed while the
    coupon was valid and meeting its threshold; once per coupon and per order (exit 1 and
    the reason when refused)."""
    settings = settings_for(db_url)
    now = parse_now(now_text, settings)
    with unit_of_work(command_deps(settings).session_factory) as session:
        result = redeem_coupon(
            session, code, order_event_id, now, order_kind=settings.campaigns.order_kind
        )
    click.echo(json.dumps(result.to_json(), ensure_ascii=False))
    if not result.ok:
        click.echo(f"not redeemed: {result.reason}", err=True)
        raise SystemExit(EXIT_REJECTED)


@click.command("scheduler")
@db_option
@handle_errors
def scheduler_command(db_url: str | None) -> None:
    """Run the scheduler process (campaigns, nightly sync and snapshots) until Ctrl-C/SIGTERM."""
    from bot.jobs.scheduler import run_scheduler

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    settings = settings_for(db_url)
    deps = command_deps(settings).job_deps()
    if deps.gateway is None:
        click.echo(
            "segbot: WeCom API settings missing: campaigns are planned but not sent", err=True
        )
    run_scheduler(deps)


COMMANDS = [campaign_group, coupon_group, scheduler_command]
