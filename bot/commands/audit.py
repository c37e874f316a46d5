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
            userid=userid[:64],
            action=action,
            request=request[:MAX_REQUEST_CHARS],
            detail=detail or None,
            inbox_id=ctx.inbox_id,
        )
    )
