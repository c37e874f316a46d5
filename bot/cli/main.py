"""The `segbot` entry point: the command group and the registration of every command."""

from __future__ import annotations

import importlib

import click

# Command name → the module defining it. Modules are imported only when their command runs
# (or on `segbot --help`), so `segbot query` does not pay for matplotlib, scipy and the rest.
COMMAND_MODULES = {
    "campaign": "campaign_commands",
    "coupon": "campaign_commands",
    "scheduler": "campaign_commands",
    "clv": "clv_commands",
    "init": "data_commands",
    "import": "data_commands",
    "stats": "data_commands",
    "demo": "demo_commands",
    "digest": "digest_commands",
    "query": "query_commands",
    "segment": "segment_commands",
    "serve": "serve_commands",
    "worker": "serve_commands",
    "inbox": "serve_commands",
    "sync": "wecom_commands",
    "simulator": "wecom_commands",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMAND_MODULES.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"bot.cli.{module_name}")
        return next(c for c in module.COMMANDS if c.name == cmd_name)


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


def main() -> None:
    cli(prog_name="segbot")
