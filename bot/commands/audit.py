"""Writing the audit log: every processed command, refusal and confirmation leaves a row."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.models.inbox import AuditEntry

MAX_REQUEST_CHARS = 500


def audit(
    session: Session,
    ctx: CommandContext,
    userid: str,
    action: str,
    request: str = "",
    **detail: Any,
) -> None:
    session.add(
        AuditEntry(
            at=ctx.now,
            userid=storable(userid[:64]),
            action=action,
            request=storable(request[:MAX_REQUEST_CHARS]),
            detail=storable(detail) or None,
            inbox_id=ctx.inbox_id,
        )
    )


def storable(value: Any) -> Any:
    """`value` with every NUL character replaced: chat text may hold any character, and
    PostgreSQL's text and JSON refuse NUL (the row would fail and the message be retried)."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [storable(v) for v in value]
    return value
