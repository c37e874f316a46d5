"""`segbot query TEXT`: one chat command from the shell (JSON for scripts, text for people)."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bot.cli.common import (
    EXIT_CLARIFY,
    command_deps,
    db_option,
    fail,
    handle_errors,
    parse_now,
    settings_for,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.bootstrap import Deps
    from bot.services.answer import Answer, CountAnswer, SegmentAnswer

PAGE = 10
# Answers about one segment's members, which the chat can send as a file.
EXPORTABLE = ("list", "export", "count")


@click.command("query")
@click.argument("text")
@click.option(
    "--as",
    "as_userid",
    metavar="USERID",
    default=None,
    help="Ask as this staff member (default: admin view of all customers).",
)
@click.option(
    "--now",
    "now_text",
    metavar="ISO",
    default=None,
    help="The time of the request, e.g. 2026-11-01T10:00:00+08:00 (default: now).",
)
@click.option(
    "--after",
    "after",
    metavar="TEXT",
    multiple=True,
    help="An earlier chat message of the same member (repeatable, in order), played first, "
    "so TEXT can be a follow-up: 这些客户里上海的有几个, 1, more … (needs --as).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--out",
    "out_path",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write the .xlsx the chat export would send for this segment and asker.",
)
@db_option
@handle_errors
def query_command(
    text: str,
    as_userid: str | None,
    now_text: str | None,
    after: tuple[str, ...],
    as_json: bool,
    out_path: str | None,
    db_url: str | None,
) -> None:
    """Run one chat command, e.g. segbot query "近30天有咨询但未下单的客户" --json."""
    # Imported here, not at the top: `segbot query --help` needs none of the engine.
    from bot.services.answer import CountAnswer, SegmentAnswer, answer_json
    from bot.services.insight_budget import mass_message_budget
    from bot.services.query import ask_query

    if after and as_userid is None:
        raise click.UsageError("--after plays a member's conversation: say who with --as.")
    settings = settings_for(db_url)
    now = parse_now(now_text, settings)
    deps = command_deps(settings)
    with deps.session_factory() as session:
        if after and as_userid is not None:
            typed = _in_conversation(session, deps, now, as_userid, after, text)
        else:
            typed = ask_query(
                session,
                text,
                as_userid=as_userid,
                now=now,
                ctx=deps.engine_ctx,
                admins=settings.admins,
                budget=mass_message_budget(settings.campaigns),
                campaigns=settings.campaigns,
                cost_limit=settings.approval_cost_limit,
            )
        # Only an answer about one segment's members has a file to write.
        exportable = isinstance(typed, (CountAnswer, SegmentAnswer))
        if out_path is not None and exportable and typed.intent in EXPORTABLE:
            _write_export(session, deps, now, text, as_userid, typed, out_path)
        else:
            exportable = False
        answer = answer_json(typed)  # the JSON edge
        # A query changes nothing: the earlier messages' conversation is played and
        # forgotten, so the member's own chat is untouched.
        session.rollback()
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False))
    else:
        click.echo(_human(answer))
    if answer["intent"] in ("clarify", "refused"):
        sys.exit(EXIT_CLARIFY)
    if out_path is not None and not exportable:
        fail(f"--out: {answer['intent']!r} is not a question about a segment's customers, "
             "so there is no file to write (ask for a list, a count or an export)")  # fmt: skip


def _write_export(
    session: Session,
    deps: Deps,
    now: datetime,
    text: str,
    as_userid: str | None,
    answer: CountAnswer | SegmentAnswer,
    out_path: str,
) -> None:
    """The chat's own export (bot.commands.export) of this answer, written to `out_path`; when
    the chat would send no file (no customers, too big) its words are the error."""
    from bot.commands import CommandContext
    from bot.commands.export import export_reply  # pandas and openpyxl: only when asked
    from bot.commands.texts import language_of
    from segmentation.scope import Requester

    ctx = CommandContext(settings=deps.settings, now=now, engine_ctx=deps.engine_ctx)
    # Without --as the question was answered in the admin view, and so is its file.
    everyone = Requester.all_access() if as_userid is None else None
    reply = export_reply(
        session, ctx, as_userid or "admin", answer, language_of(text), requester=everyone
    )
    if reply.attachment is None:
        fail(f"--out: {reply.text}")
        return
    Path(out_path).write_bytes(reply.attachment.content)


def _in_conversation(
    session: Session,
    deps: Deps,
    now: datetime,
    userid: str,
    earlier: tuple[str, ...],
    text: str,
) -> Answer:
    """`text` answered after `earlier`, all through the chat's own conversation code."""
    from bot.commands import CommandContext
    from bot.commands.router import conversation_answer, handle_text

    # The JSON edge: a count carries every id.
    ctx = CommandContext(
        settings=deps.settings, now=now, engine_ctx=deps.engine_ctx, count_ids=True
    )
    for message in earlier:
        handle_text(session, ctx, userid, message)
    return conversation_answer(session, ctx, userid, text)


def _human(answer: dict[str, Any]) -> str:
    intent = answer["intent"]
    if "message" in answer and "segment" not in answer:
        lines = [answer["message"]]
        lines += [f"  · {s}" for s in answer.get("suggestions", [])]
        return "\n".join(lines)
    if intent == "show_saved":
        rows = answer["segments"]
        return (
            "\n".join(f"· {r['name']}  {r['description']}" for r in rows) or "(no saved segments)"
        )
    if intent in ("breakdown", "customer", "digest"):
        return _human_extra(answer)
    if intent == "more":
        first = answer["first"]
        lines = [f"{answer['description']}: {first}–{first + len(answer['customers']) - 1}"]
        return "\n".join([*lines, *(f"  {cid}" for cid in answer["customers"])])
    lines = [f"{answer['description']}: {answer['count']}"]
    if answer.get("markdown"):  # describe: the persona sketch and the scorecard
        return "\n".join([*lines, answer["markdown"]])
    for key in ("tag", "message", "coupon", "schedule", "name", "format", "customer"):
        if key in answer:
            lines.append(f"{key}: {answer[key]}")
    # the first ids as chat lists them (`listed`: a ranking's order, else most recent first)
    lines += [f"  {cid}" for cid in (answer.get("listed") or answer["customers"])[:PAGE]]
    if answer["count"] > PAGE:
        lines.append(f"  … {answer['count'] - PAGE} more (use --json for all)")
    if answer.get("needs_confirmation"):
        lines.append("Preview only: nothing was sent or changed (confirm in chat).")
    if answer.get("scope_note"):
        lines.append(answer["scope_note"])
    return "\n".join(lines)


def _human_extra(answer: dict[str, Any]) -> str:
    """Breakdowns, customer cards and digests (membership changes print like lists)."""
    if answer["intent"] == "digest":
        return str(answer["markdown"])
    if answer["intent"] == "breakdown":
        lines = [f"{answer['description']} by {answer['by']}: {answer['count']}"]
        lines += [f"  {g['label']}: {g['count']}" for g in answer["groups"]]
        if answer.get("scope_note"):
            lines.append(answer["scope_note"])
        return "\n".join(lines)
    card = answer.get("card")
    if card is None:
        return "\n".join(f"  {m['external_userid']}  {m['name']}" for m in answer["matches"])
    return json.dumps(card, ensure_ascii=False, indent=2)


COMMANDS = [query_command]
