"""“这个分群 / this segment”: an action or explanation about the member's previous answer.

The previous segment is the last one the member was answered about (kept in the audit log
with every command), evaluated again now in their scope.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.texts import say
from bot.models.inbox import AuditEntry
from segmentation.engine import segment_members
from segmentation.nlq import Command, is_bare_request, load_vocabulary, parse_command
from segmentation.nodes import SegmentFormatError, from_json
from segmentation.scope import Requester

CONTEXT_WORDS = re.compile(
    r"这个分群|这个群|该分群|此分群|这个列表|这个名单|这个结果|上面的结果|这些|那些|这批|这群|上述|"
    r"他们|她们|this segment|that segment|the segment|this list|the list|the results?|"
    r"\bthem\b|\bthey\b|\bthese\b|\bthose\b",
    re.IGNORECASE,
)
LOOKBACK = 50
ANSWER_KEYS = ("tag", "message", "coupon", "schedule", "name", "customer", "negated", "format")


def last_segment(session: Session, userid: str) -> tuple[dict[str, Any], str] | None:
    """(segment JSON, its description) of the member's latest answered segment."""
    stmt = (
        select(AuditEntry.detail)
        .where(AuditEntry.userid == userid, AuditEntry.action == "command")
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(LOOKBACK)
    )
    for detail in session.scalars(stmt):
        if isinstance(detail, dict) and isinstance(detail.get("segment"), dict):
            return detail["segment"], str(detail.get("description") or "")
    return None


def contextual_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> dict[str, Any] | None:
    """The answer for a command about "this segment", or None when the text is not one."""
    # A bare export or describe ("导出", "分析一下") is about the previous answer too.
    bare = is_bare_request(text, now=ctx.now, tz=ctx.settings.timezone)
    if not (CONTEXT_WORDS.search(text) or bare):
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    command = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if not isinstance(command, Command) or command.segment is not None:
        return None
    if not command.details.get("segment_from_context"):
        return None
    last = last_segment(session, requester.userid)
    if last is None:
        return {"intent": "clarify", "message": say("no_context", lang), "suggestions": []}
    segment, description = last
    try:
        node = from_json(segment)
    except SegmentFormatError:
        return {"intent": "clarify", "message": say("no_context", lang), "suggestions": []}
    customers = segment_members(session, node, requester=requester, now=ctx.now, ctx=ctx.engine)
    answer: dict[str, Any] = {
        "intent": command.intent,
        "segment": segment,
        "description": description,
        "count": len(customers),
        "customers": customers,
    }
    answer.update({k: command.details[k] for k in ANSWER_KEYS if k in command.details})
    if command.needs_confirmation:
        answer["needs_confirmation"] = True
    return answer
