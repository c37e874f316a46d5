"""The export intent: an .xlsx of the segment sent as a file, with a count line before it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.commands import Attachment, CommandContext, Reply
from bot.commands.answers import scope_line
from bot.commands.texts import say
from bot.services.exports import MAX_FILE_BYTES, export_workbook


def export_reply(
    session: Session, ctx: CommandContext, userid: str, answer: dict[str, Any], lang: str
) -> Reply:
    description = str(answer.get("description") or "")
    ids = [str(c) for c in answer.get("customers") or []]
    if not ids:
        return Reply(
            userid, say("export_empty", lang, description=description) + scope_line(answer)
        )
    content = export_workbook(session, ids, now=ctx.now, tz=ctx.settings.timezone, lang=lang)
    if len(content) > MAX_FILE_BYTES:
        mb = f"{len(content) / (1024 * 1024):.1f}"
        return Reply(userid, say("export_too_big", lang, description=description,
                                 count=len(ids), mb=mb))  # fmt: skip
    stamp = ctx.now.astimezone(ctx.settings.timezone).strftime("%Y%m%d-%H%M")
    filename = f"segment-{stamp}.xlsx"
    text = say("export_text", lang, description=description, count=len(ids)) + scope_line(answer)
    return Reply(userid, text, attachment=Attachment("file", filename, content))
