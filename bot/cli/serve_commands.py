"""`segbot serve` (web app + inbox worker), `segbot worker` and `segbot inbox`."""

from __future__ import annotations

import logging
import threading

import click

from bot.bootstrap import Deps
from bot.cli.common import command_deps, db_option, handle_errors, settings_for

log = logging.getLogger(__name__)


def _logging() -> None:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--worker/--no-worker",
    default=True,
    show_default=True,
    help="Also drain the callback inbox in a thread of this process.",
)
@db_option
@handle_errors
def serve_command(host: str, port: int, worker: bool, db_url: str | None) -> None:
    """Run the web app: WeCom callback, HTTP API and /healthz (plus an inbox worker)."""
    from werkzeug.serving import make_server

    from bot.app import create_app

    _logging()
    settings = settings_for(db_url)
    deps = command_deps(settings)
    app = create_app(settings, deps)
    stop = threading.Event()
    thread = _start_worker(deps, stop) if worker else None
    server = make_server(host, port, app, threaded=True)
    click.echo(f"segbot serving on http://{host}:{server.server_port} (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        deps.inbox_wake.set()
        if thread is not None:
            thread.join(timeout=30)
        server.server_close()


def _start_worker(deps: Deps, stop: threading.Event) -> threading.Thread:
    from bot.inbox.worker import run_worker

    thread = threading.Thread(
        target=run_worker, args=(deps, stop), name="inbox-worker", daemon=True
    )
    thread.start()
    return thread


@click.command("worker")
@click.option("--once", is_flag=True, help="Process what is due now, then exit.")
@click.option("--poll", default=0.25, show_default=True, help="Seconds between inbox checks.")
@db_option
@handle_errors
def worker_command(once: bool, poll: float, db_url: str | None) -> None:
    """Drain the WeCom callback inbox (run several on PostgreSQL; one on SQLite)."""
    from bot.inbox.worker import drain, run_worker

    _logging()
    deps = command_deps(settings_for(db_url))
    if once:
        click.echo(f"processed {drain(deps)} inbox message(s)")
        return
    stop = threading.Event()
    try:
        run_worker(deps, stop, poll_seconds=poll)
    except KeyboardInterrupt:
        stop.set()
        deps.inbox_wake.set()


@click.command("inbox")
@click.option("--limit", default=20, show_default=True, help="Dead messages to list.")
@db_option
@handle_errors
def inbox_command(limit: int, db_url: str | None) -> None:
    """Show the callback inbox: messages per status and the dead ones with their errors."""
    from bot.database import unit_of_work
    from bot.inbox.store import dead_messages, inbox_counts

    deps = command_deps(settings_for(db_url))
    with unit_of_work(deps.session_factory) as session:
        counts = inbox_counts(session)
        click.echo("  ".join(f"{status}: {n}" for status, n in counts.items()))
        for message in dead_messages(session, limit):
            click.echo(
                f"#{message.id} {message.kind} {message.idempotency_key} "
                f"attempts={message.attempts} error={message.last_error or ''}"
            )


COMMANDS = [serve_command, worker_command, inbox_command]
