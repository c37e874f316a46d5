"""The `segbot` entry point: the command group and the registration of every command."""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys

import click

# Command name → (the module defining it, its one-line summary for `segbot --help`). Modules are
# imported only when their command runs, so neither `segbot --help` nor `segbot query` pays for
# matplotlib, scipy, pandas and the rest; tests keep each summary equal to its command's help.
COMMAND_TABLE: dict[str, tuple[str, str]] = {
    "campaign": (
        "campaign_commands",
        "Create, list, pause, run and report campaigns (mass messages or salesperson reminders).",
    ),
    "coupon": ("campaign_commands", "The coupon ledger."),
    "scheduler": (
        "campaign_commands",
        "Run the scheduler process (campaigns, nightly sync and snapshots) until Ctrl-C/SIGTERM.",
    ),
    "clv": (
        "clv_commands",
        "Predictive scores: P(alive), expected purchases, CLV (BG/NBD + Gamma-Gamma).",
    ),
    "init": ("data_commands", "Create the database schema, or upgrade it to the newest version."),
    "import": (
        "data_commands",
        "Load customers, staff, follows, tags and events from the CSV files in DIRECTORY.",
    ),
    "stats": (
        "data_commands",
        "The per-customer event rollups the segment engine reads (kept exact automatically).",
    ),
    "doctor": (
        "doctor_commands",
        "Check settings, database, WeCom credentials and permissions, workers and scheduler.",
    ),
    "demo": (
        "demo_commands",
        "Try segbot on a simulated WeCom company: chat with the bot, see the dashboard.",
    ),
    "digest": (
        "digest_commands",
        "Preview (print) the daily digest of USERID in their scope, or --send it.",
    ),
    "query": (
        "query_commands",
        'Run one chat command, e.g. segbot query "近30天有咨询但未下单的客户" --json.',
    ),
    "segment": ("segment_commands", "Evaluate segment trees (JSON) and manage saved segments."),
    "serve": (
        "serve_commands",
        "Run the web app: WeCom callback, HTTP API and /healthz (plus an inbox worker).",
    ),
    "worker": (
        "serve_commands",
        "Drain the WeCom callback inbox (run several on PostgreSQL; one on SQLite).",
    ),
    "inbox": (
        "serve_commands",
        "Show the callback inbox: messages per status and the dead ones with their errors.",
    ),
    "sync": (
        "wecom_commands",
        "One full sync from WeCom now (resumes an interrupted one), with a progress bar.",
    ),
    "simulator": (
        "wecom_commands",
        "Run the built-in WeCom simulator (a fake WeCom server for the demo and tests).",
    ),
    "token": (
        "token_commands",
        "Scoped HTTP API tokens: each may only post events, only query, or only redeem.",
    ),
}
COMMAND_MODULES = {name: module for name, (module, _) in COMMAND_TABLE.items()}


def _shorten(summary: str, limit: int) -> str:
    """The summary cut at a word boundary to fit one help line, the way click shortens help."""
    if len(summary) <= limit:
        return summary
    words: list[str] = []
    for word in summary.split():
        if len(" ".join([*words, word])) + 3 > limit:
            break
        words.append(word)
    return " ".join(words).rstrip(",;:") + "..."


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_TABLE)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMAND_MODULES.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"bot.cli.{module_name}")
        return next(c for c in module.COMMANDS if c.name == cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # click would import every command module to read its help; the map has the summaries.
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, _shorten(COMMAND_TABLE[name][1], limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="segbot")
def cli() -> None:
    """segbot — customer segments for WeCom (企业微信) sales teams.

    \b
    Start here:
      segbot init                 create or upgrade the database schema
      segbot import DIR           load customers, staff, tags and events from CSV files
      segbot query "近30天有咨询但未下单的客户" --as zhangsan

    Settings come from SEGBOT_* environment variables or a .env file (see README).
    """


# Commands that answer once and exit, their work bounded by the answer. Their start-up allocates
# ~400k objects that live as long as the process (modules, classes, SQLAlchemy's and the chat
# language's tables); the cyclic collector scanned them ~230 times for nothing, a tenth of a
# `segbot query`. They run without it and their garbage goes with the process. Every other
# command (servers, workers, imports, syncs, sends) keeps it.
ONE_SHOT = frozenset({"query"})


def main() -> None:
    if command_name(sys.argv[1:]) not in ONE_SHOT:
        cli(prog_name="segbot")
        return
    gc.disable()
    try:
        cli(prog_name="segbot")
    except SystemExit as done:
        leave_now(exit_status(done))
    leave_now(0)


def exit_status(done: SystemExit) -> int:
    """The process status `sys.exit(done.code)` would give: None is 0, a message is 1."""
    if done.code is None:
        return 0
    if isinstance(done.code, int):
        return done.code
    print(done.code, file=sys.stderr)
    return 1


def leave_now(status: int) -> None:
    """End a one-shot command without the interpreter's teardown. Unloading ~400k objects of
    modules and tables took ~100 ms, a fifth of a `segbot query`, for memory the OS takes back
    anyway. Everything the command wrote is committed by then (each unit of work commits before
    it returns); what is left to do is flush the output and the log handlers."""
    logging.shutdown()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away (`segbot query … | head`): nothing to lose
        status = status or 1
    os._exit(status)


def command_name(args: list[str]) -> str | None:
    """The command a `segbot` command line runs: its first word that is not an option."""
    return next((a for a in args if not a.startswith("-")), None)
