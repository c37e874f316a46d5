"""The export intent: an .xlsx of the segment sent as a file, with a count line before it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.commands import Attachment, CommandContext, Reply
from bot.commands.answers import listed_ids, scope_line
from bot.commands.campaign_names import segment_words
from bot.commands.rows import segment_of
from bot.commands.texts import say
from bot.services.answer import CountAnswer, SegmentAnswer
from bot.services.exports import (
    MAX_FILE_BYTES,
    ExportRequest,
    export_csv,
    export_filename,
    export_workbook,
)
from segmentation.compiler import SegmentError
from segmentation.engine import segment_listed
from segmentation.nodes import Node
from segmentation.scope import Requester, resolve_requester


def export_reply(
    session: Session,
    ctx: CommandContext,
    userid: str,
    answer: SegmentAnswer | CountAnswer | dict[str, Any],
    lang: str,
    requester: Requester | None = None,
) -> Reply:
    """The answer's customers as a file, in the answer's order (a ranked answer's rank order);
    `requester` (else looked up from `userid`) decides which phones are shown in full. A
    dict: customers listed without a segment (a change list, a card's customer)."""
    if isinstance(answer, dict):
        description = str(answer.get("description") or "")
    else:
        description = answer.description
    if requester is None:
        requester = resolve_requester(session, userid, ctx.settings.admins)
    ids, ranks = _ordered(session, ctx, answer, requester)
    if not ids:
        return Reply(
            userid, say("export_empty", lang, description=description) + scope_line(answer)
        )
    request = ExportRequest(ids, ctx.now, ctx.settings.timezone, lang, requester,
                            _segment(answer), ranks)  # fmt: skip
    as_csv = _format(answer) == "csv"  # "导出成csv", "export as CSV": what was asked
    export = export_csv(session, request) if as_csv else export_workbook(session, request)
    if len(export.content) > MAX_FILE_BYTES:
        mb = f"{len(export.content) / (1024 * 1024):.1f}"
        return Reply(userid, say("export_too_big", lang, description=description,
                                 count=len(ids), mb=mb))  # fmt: skip
    # A saved segment by its own name ("属于“高意向客户”的客户" → 高意向客户).
    suffix = "csv" if as_csv else "xlsx"
    filename = export_filename(segment_words(description), ctx.now, ctx.settings.timezone, suffix)
    phones = say(_phones_key(export.masked, export.rows), lang)
    text = say(
        "export_text", lang, description=description, count=len(ids), phones=phones,
        kind="CSV" if as_csv else "Excel",
    )  # fmt: skip
    return Reply(
        userid, text + scope_line(answer), attachment=Attachment("file", filename, export.content)
    )


def _format(answer: SegmentAnswer | CountAnswer | dict[str, Any]) -> str | None:
    if isinstance(answer, SegmentAnswer):
        return answer.action.format
    if isinstance(answer, dict):
        return str(answer.get("format") or "") or None
    return None


def _ordered(
    session: Session,
    ctx: CommandContext,
    answer: SegmentAnswer | CountAnswer | dict[str, Any],
    requester: Requester | None,
) -> tuple[list[str], dict[str, int]]:
    """The customers in the order chat lists them, with their rank when the answer was
    ranked. An answer without that order (a count exported with `segbot query --out`) is
    put in it here, as its list would show it."""
    if isinstance(answer, dict):
        return listed_ids(answer), {}
    if answer.ranking:
        ids = [r.external_userid for r in answer.ranking]
        return ids, {r.external_userid: rank for rank, r in enumerate(answer.ranking, 1)}
    members = list(answer.customers or ())
    if answer.listed is not None or requester is None:
        return list(answer.listed or members), {}
    try:
        order = segment_listed(session, answer.segment, requester=requester, now=ctx.now,
                               ctx=ctx.engine)  # fmt: skip
    except SegmentError:
        return members, {}
    chosen = set(members)
    ids = [eid for eid in order if eid in chosen]
    seen = set(ids)
    return ids + [eid for eid in members if eid not in seen], {}


def _segment(answer: SegmentAnswer | CountAnswer | dict[str, Any]) -> Node | None:
    if not isinstance(answer, dict):
        return answer.segment
    return segment_of(answer.get("segment"))


def _phones_key(masked: int, rows: int) -> str:
    if masked == 0:
        return "export_phones_shown"
    return "export_phones_masked" if masked == rows else "export_phones_some"
