"""`segbot demo`: a simulated WeCom company, synced over HTTP, with the web console and
dashboard — one command to see segbot work without a WeCom corp."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from types import FrameType

import click

from bot.cli.common import EXIT_OK, fail, handle_errors

log = logging.getLogger(__name__)


def _logging() -> None:
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        datefmt="%H:%M:%S",
    )
    # The demo logs requests and jobs itself, one line each.
    for noisy in ("apscheduler", "werkzeug", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@click.command("demo")
@click.option("--reset", is_flag=True, help="Delete segbot-demo.db and start from scratch.")
@click.option("--customers", default=3000, show_default=True, type=click.IntRange(10, 200_000),
              help="Customers in the simulated company.")  # fmt: skip
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port of the web console (0: any free port).")  # fmt: skip
@click.option("--no-browser-hint", is_flag=True,
              help="Print the address only, not asking you to open it (scripts).")  # fmt: skip
@handle_errors
def demo_command(reset: bool, customers: int, port: int, no_browser_hint: bool) -> None:
    """Try segbot on a simulated WeCom company: chat with the bot, see the dashboard.

    Creates segbot-demo.db here, runs the WeCom simulator, syncs it through the real client,
    adds a year of behaviour events and saved segments, then serves the console until
    Ctrl-C. Running it again reuses the data; --reset starts fresh.
    """
    from bot.demo.config import DemoOptions, demo_database_url, remove_demo_database
    from bot.demo.runtime import DemoRuntime

    _logging()
    if reset and remove_demo_database():
        click.echo("removed the old segbot-demo.db")
    options = DemoOptions(database_url=demo_database_url(), customers=customers, port=port)
    runtime = DemoRuntime(options)
    stop = threading.Event()
    _on_sigterm(stop)
    try:
        url = runtime.start()
    except OSError as exc:
        fail(f"cannot listen on port {port}: {exc.strerror or exc} (try --port 8001)")
    except KeyboardInterrupt:
        click.echo("stopped")
        sys.exit(EXIT_OK)
    if no_browser_hint:
        click.echo(f"segbot demo is running on {url} (Ctrl-C to stop)")
    else:
        click.echo(f"segbot demo is running: open {url} (Ctrl-C to stop)")
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        runtime.stop()
    click.echo("segbot demo stopped")
    sys.exit(EXIT_OK)


def _on_sigterm(stop: threading.Event) -> None:
    def handler(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, handler)


COMMANDS = [demo_command]
