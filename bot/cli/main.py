"""The `segbot` entry point: the command group and the registration of every command."""

from __future__ import annotations

import click

from bot.cli import (
    campaign_commands,
    clv_commands,
    data_commands,
    demo_commands,
    digest_commands,
    query_commands,
    segment_commands,
    serve_commands,
    wecom_commands,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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


for command in [
    *campaign_commands.COMMANDS,
    *clv_commands.COMMANDS,
    *data_commands.COMMANDS,
    *demo_commands.COMMANDS,
    *digest_commands.COMMANDS,
    *query_commands.COMMANDS,
    *segment_commands.COMMANDS,
    *serve_commands.COMMANDS,
    *wecom_commands.COMMANDS,
]:
    cli.add_command(command)


def main() -> None:
    cli(prog_name="segbot")
