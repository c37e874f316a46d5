"""`segbot sync` and `segbot simulator`: WeCom from the command line."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from bot.cli.common import command_deps, db_option, fail, handle_errors, settings_for

if TYPE_CHECKING:
    from bot.bootstrap import Deps
    from integrations.wecom.gateway import WeComGateway


def require_gateway(deps: Deps) -> WeComGateway:
    """The composition root's gateway, or a clear stop when WeCom is not configured."""
    gateway = deps.gateway
    if gateway is None:
        return fail("SEGBOT_WECOM_CORP_ID and SEGBOT_WECOM_SECRET are needed to talk to WeCom", 2)
    return gateway


@click.command("sync")
@db_option
@handle_errors
def sync_command(db_url: str | None) -> None:
    """One full sync from WeCom now (resumes an interrupted one), with a progress bar."""
    from tqdm import tqdm

    from bot.services.sync import run_full_sync
    from integrations.wecom.errors import WeComError

    deps = command_deps(settings_for(db_url))
    factory, gateway = deps.session_factory, require_gateway(deps)
    bar = tqdm(unit=" rows", desc="sync", dynamic_ncols=True)

    def progress(stage: str, rows: int) -> None:
        bar.set_description(f"sync: {stage}")
        bar.update(rows)

    try:
        report = run_full_sync(factory, gateway, datetime.now(UTC), progress=progress)
    except WeComError as exc:
        bar.close()
        fail(str(exc))
    bar.close()
    click.echo(
        f"synced {report.departments} departments, {report.staff} staff, {report.tags} tags, "
        f"{report.follow_rows} customer relations in {report.pages} pages; "
        f"{report.follows_deleted} relations and {report.customers_deleted} customers marked "
        f"deleted{' (resumed)' if report.resumed else ''}"
    )


@click.command("simulator")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8040, show_default=True, type=int)
@click.option("--customers", default=500, show_default=True, type=int)
@click.option("--seed", default=1, show_default=True, type=int)
@click.option(
    "--callback-url", default=None, help="Where to push callbacks (your /wecom/callback)."
)
def simulator_command(
    host: str, port: int, customers: int, seed: int, callback_url: str | None
) -> None:
    """Run the built-in WeCom simulator (a fake WeCom server for the demo and tests)."""
    from integrations.wecom.simulator.seed import seed_company
    from integrations.wecom.simulator.server import Simulator
    from integrations.wecom.simulator.state import SimConfig

    company = seed_company(customers=customers, seed=seed)
    config = SimConfig(corp_id=company.corp_id, callback_url=callback_url)
    sim = Simulator(company, config)
    click.echo(
        f"WeCom simulator on http://{host}:{port}/cgi-bin/ — corp {config.corp_id}, "
        f"agent {config.agent_id}, {customers} customers (seed {seed})"
    )
    click.echo("Point SEGBOT_WECOM_API_BASE here; simulator endpoints live under /sim/.")
    sim.serve_forever(host, port)


COMMANDS = [sync_command, simulator_command]
