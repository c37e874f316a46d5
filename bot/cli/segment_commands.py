"""`segbot segment …`: evaluate a segment definition, list saved segments, run snapshots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from sqlalchemy.orm import Session

from bot.cli.common import (
    EXIT_REJECTED,
    EXIT_USAGE,
    command_deps,
    db_option,
    fail,
    handle_errors,
    parse_now,
    settings_for,
)
from bot.database import unit_of_work
from bot.settings import Settings
from segmentation.compiler import SegmentError
from segmentation.engine import EngineContext, segment_members
from segmentation.nodes import Node, SavedSegment, SegmentFormatError, from_json, to_json
from segmentation.saved import list_saved_segments
from segmentation.scope import Requester, resolve_requester
from segmentation.snapshots import take_snapshots


@click.group("segment")
def segment_group() -> None:
    """Evaluate segment trees (JSON) and manage saved segments."""


@segment_group.command("eval")
@click.argument("definition", required=False)
@click.option(
    "--file", "file_path", type=click.Path(dir_okay=False), help="Read the JSON from a file."
)
@click.option("--name", "saved_name", help="Evaluate the saved segment with this name.")
@click.option("--as", "as_userid", metavar="USERID", help="Evaluate in this staff member's scope.")
@click.option("--now", "now_text", metavar="ISO-8601", help="Evaluate at this time.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@db_option
@handle_errors
def eval_command(
    definition: str | None,
    file_path: str | None,
    saved_name: str | None,
    as_userid: str | None,
    now_text: str | None,
    as_json: bool,
    db_url: str | None,
) -> None:
    """Evaluate DEFINITION_JSON (or --file F, or --name SAVED) and print the members."""
    settings = settings_for(db_url)
    node = _read_node(definition, file_path, saved_name)
    now = parse_now(now_text, settings)
    deps = command_deps(settings)
    ctx = deps.engine_ctx
    with unit_of_work(deps.session_factory) as session:
        requester = _requester(session, as_userid, settings)
        try:
            ids = segment_members(session, node, requester=requester, now=now, ctx=ctx)
        except SegmentError as exc:
            fail(str(exc), EXIT_REJECTED)
    _print_result(node, ids, ctx, as_json)


def _read_node(definition: str | None, file_path: str | None, saved_name: str | None) -> Node:
    given = [v for v in (definition, file_path, saved_name) if v is not None]
    if len(given) != 1:
        fail("give exactly one of DEFINITION_JSON, --file F or --name SAVED", EXIT_USAGE)
    if saved_name is not None:
        return SavedSegment(saved_name)
    try:
        text = Path(file_path).read_text(encoding="utf-8") if file_path else definition
        return from_json(json.loads(text or ""))
    except OSError as exc:
        fail(f"cannot read {file_path}: {exc.strerror}", EXIT_USAGE)
    except json.JSONDecodeError as exc:
        fail(f"the segment definition is not valid JSON: {exc.msg} (line {exc.lineno})", EXIT_USAGE)
    except SegmentFormatError as exc:
        fail(f"bad segment definition: {exc}", EXIT_USAGE)
    raise AssertionError("unreachable")


def _requester(session: Session, userid: str | None, settings: Settings) -> Requester:
    if userid is None:
        return Requester.all_access()
    requester = resolve_requester(session, userid, settings.admins)
    if requester is None:
        fail(f"--as: {userid!r} is not an active staff member", EXIT_REJECTED)
    return requester


def _print_result(node: Node, ids: list[str], ctx: EngineContext, as_json: bool) -> None:
    description = describe(node, ctx)
    if as_json:
        payload = {
            "intent": "list",
            "segment": to_json(node),
            "description": description,
            "count": len(ids),
            "customers": ids,
        }
        click.echo(json.dumps(payload, ensure_ascii=False))
        return
    click.echo(f"{description}: {len(ids)}")
    for eid in ids:
        click.echo(f"  {eid}")


def describe(node: Node, ctx: EngineContext) -> str:
    """A compact one-line restatement of a tree (the chat's full wording lives in nlq)."""
    data = to_json(node)["tree"]
    return _describe_dict(data, ctx)


def _describe_dict(data: dict[str, Any], ctx: EngineContext) -> str:
    kind = data["type"]
    if kind in ("and", "or"):
        joiner = " 且 " if kind == "and" else " 或 "
        return "(" + joiner.join(_describe_dict(c, ctx) for c in data["children"]) + ")"
    if kind == "not":
        return "非 " + _describe_dict(data["child"], ctx)
    if kind == "named":
        entry = ctx.named.get(data["key"])
        return entry.display_zh if entry else data["key"]
    if kind == "saved":
        return f"分群“{data['name']}”"
    if kind == "ranked":
        how = f"{data['count']}个" if data.get("count") else f"{data['percent']}%"
        side = "前" if data["direction"] == "top" else "后"
        return f"{_describe_dict(data['base'], ctx)} 中消费{side}{how}"
    details = {k: v for k, v in data.items() if k != "type" and v is not None}
    return kind + (json.dumps(details, ensure_ascii=False) if details else "")


@segment_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@db_option
@handle_errors
def list_command(as_json: bool, db_url: str | None) -> None:
    """List the saved segments."""
    settings = settings_for(db_url)
    deps = command_deps(settings)
    with unit_of_work(deps.session_factory) as session:
        rows = [
            {
                "name": r.name,
                "owner": r.owner_userid,
                "description": r.description,
                "segment": r.definition,
            }
            for r in list_saved_segments(session)
        ]
    if as_json:
        click.echo(json.dumps({"segments": rows}, ensure_ascii=False))
        return
    for row in rows:
        click.echo(f"{row['name']}\t{row['owner']}\t{row['description']}")


@segment_group.command("snapshot")
@click.option("--now", "now_text", metavar="ISO-8601", help="Take the snapshot as of this time.")
@db_option
@handle_errors
def snapshot_command(now_text: str | None, db_url: str | None) -> None:
    """Run the nightly snapshot job once: size and entries/exits of every saved segment."""
    settings = settings_for(db_url)
    now = parse_now(now_text, settings)
    deps = command_deps(settings)
    ctx = deps.engine_ctx
    with unit_of_work(deps.session_factory) as session:
        results = take_snapshots(session, now, ctx)
    for result in results:
        click.echo(f"{result.name}: {result.size} (+{result.entered} −{result.exited})")


@segment_group.command("delete")
@click.argument("name")
@click.option("--as", "as_userid", metavar="USERID",
              help="Delete as this member (their own segment only, unless an admin); "
              "default: the operator, as an admin.")  # fmt: skip
@click.option("--now", "now_text", metavar="ISO-8601", help="The time to audit the change at.")
@db_option
@handle_errors
def delete_command(name: str, as_userid: str | None, now_text: str | None,
                   db_url: str | None) -> None:  # fmt: skip
    """Delete a saved segment (audited); refused while something still uses it."""
    from bot.services.saved_segments import delete_owned

    settings = settings_for(db_url)
    now = parse_now(now_text, settings)
    deps = command_deps(settings)
    with unit_of_work(deps.session_factory) as session:
        actor = (
            Requester("cli", "admin")
            if as_userid is None
            else resolve_requester(session, as_userid, settings.admins)
        )
        if actor is None:
            fail(f"{as_userid!r} is not an active member", EXIT_REJECTED)
        try:
            row = delete_owned(session, name, actor=actor, now=now)
        except SegmentError as exc:
            fail(str(exc), EXIT_REJECTED)
        deleted = row.name
    click.echo(f"deleted saved segment {deleted!r}")


COMMANDS = [segment_group]
