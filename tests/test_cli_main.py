"""The `segbot` group loads each command module lazily; none may be missing from its map."""

from __future__ import annotations

import importlib
import pkgutil

from click.testing import CliRunner

import bot.cli
from bot.cli.main import COMMAND_MODULES, cli


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
