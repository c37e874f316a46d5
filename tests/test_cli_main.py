"""The `segbot` group loads each command module lazily; none may be missing from its map."""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys

import click
from click.testing import CliRunner

import bot.cli
from bot.cli.main import COMMAND_MODULES, COMMAND_TABLE, cli


def test_every_command_of_every_module_is_reachable_by_name():
    defined = {}
    for info in pkgutil.iter_modules(bot.cli.__path__):
        module = importlib.import_module(f"bot.cli.{info.name}")
        for command in getattr(module, "COMMANDS", []):
            defined[command.name] = info.name
    assert defined == COMMAND_MODULES


def test_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMAND_MODULES:
        assert f"  {name} " in result.output


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(cli, ["no-such-command"])
    assert result.exit_code == 2 and "No such command" in result.output


def test_help_summaries_are_the_commands_own_first_help_lines():
    # `segbot --help` prints the map's summaries without importing the modules: keep them true.
    ctx = click.Context(cli)
    for name, (_, summary) in COMMAND_TABLE.items():
        command = cli.get_command(ctx, name)
        assert command is not None
        assert (command.help or "").strip().splitlines()[0] == summary, name


def test_help_and_query_start_without_the_heavy_libraries():
    # Start-up time is dominated by imports; measured in bench/cli_startup.py, guarded here.
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from bot.cli.main import cli\n"
        "CliRunner().invoke(cli, ['--help'])\n"
        "CliRunner().invoke(cli, ['query', '--help'])\n"
        "import bot.cli.query_commands\n"
        "print(' '.join(sorted(m for m in HEAVY if m in sys.modules)))\n"
    )
    heavy = "HEAVY = ('matplotlib', 'scipy', 'pandas', 'numpy', 'openpyxl', 'flask', 'wechatpy')\n"
    result = subprocess.run(
        [sys.executable, "-c", heavy + probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_a_query_builds_only_what_it_uses(tmp_path):
    # The composition root builds each part on first use: a query with WeCom configured still
    # never builds the gateway (wechatpy), the web app or the reports' libraries; an understood
    # question needs no fuzzy matching, no describe machinery and no campaign models.
    db = f"sqlite:///{tmp_path / 'segbot.db'}"
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from bot.cli.main import cli\n"
        f"answer = CliRunner().invoke(cli, ['query', '沉睡客户', '--json', '--db', {db!r}])\n"
        "assert answer.exit_code == 0, answer.output\n"
        "print(' '.join(sorted(m for m in HEAVY if m in sys.modules)))\n"
        # It reads tables, never mapped classes: mapping every model costs ~15 ms.
        "from segmentation.models import Customer\n"
        "print('mappers configured' if Customer.__mapper__.configured else '')\n"
    )
    heavy = (
        "HEAVY = ('matplotlib', 'scipy', 'pandas', 'openpyxl', 'flask', 'wechatpy', "
        "'rapidfuzz', 'segmentation.insights.describe', 'bot.models.campaigns')\n"
    )
    assert CliRunner().invoke(cli, ["init", "--db", db]).exit_code == 0  # in this process
    wecom = {
        "SEGBOT_WECOM_CORP_ID": "ww1",
        "SEGBOT_WECOM_SECRET": "s",
        "SEGBOT_WECOM_AGENT_ID": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", heavy + probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={**os.environ, **wecom},
    )
    assert result.stdout.strip() == ""


def test_the_insights_package_exports_what_it_lists():
    # Its names are imported on first use (PEP 562); each must resolve.
    import segmentation.insights as insights

    assert all(callable(getattr(insights, name)) for name in insights.__all__)


def test_only_one_shot_commands_run_without_the_cyclic_collector():
    # A server, a worker or an import runs for long: it must keep collecting its garbage.
    probe = (
        "import gc, sys\n"
        "from bot.cli import main\n"
        "main.cli = lambda **kw: print(gc.isenabled())\n"
        "sys.argv = ['segbot', *sys.argv[1:]]\n"
        "main.main()\n"
    )
    ran = {
        args: subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True
        ).stdout.strip()
        for args in (("query", "沉睡客户"), ("serve",), ("worker",), ("import", "x"), ())
    }
    assert ran == {
        ("query", "沉睡客户"): "False",
        ("serve",): "True",
        ("worker",): "True",
        ("import", "x"): "True",
        (): "True",
    }


def test_a_one_shot_command_skips_teardown_but_keeps_its_output_and_status():
    # `segbot query` ends with os._exit: a long answer must still be flushed whole down a pipe,
    # and click's exit status (or a sys.exit message) must still reach the shell.
    probe = (
        "import sys\n"
        "from bot.cli import main\n"
        "def fake_cli(**kw):\n"
        "    print('x' * 200000)\n"
        "    sys.exit(sys.argv[2] if not sys.argv[2].isdigit() else int(sys.argv[2]))\n"
        "main.cli = fake_cli\n"
        "sys.argv = ['segbot', *sys.argv[1:]]\n"
        "main.main()\n"
        "print('not reached')\n"
    )
    for status, expected, stderr in (("0", 0, ""), ("3", 3, ""), ("bad db", 1, "bad db")):
        done = subprocess.run(
            [sys.executable, "-c", probe, "query", status], capture_output=True, text=True
        )
        assert (done.returncode, done.stdout, done.stderr.strip()) == (
            expected,
            "x" * 200000 + "\n",
            stderr,
        )
