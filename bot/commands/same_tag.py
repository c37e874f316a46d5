"""A tag verb with no tag right after a tagging (issue 19): "把张三的客户都打上待跟进" → (none
of them yours) → "那给我自己没有待跟进标签的客户打上" / "那上海的也打上" / "then tag my own
ones too" is the same tag, on the customers now said — never a guess: only when the answer just
given was a tagging (or untagging) of one tag, read again from what the member asked then.
Otherwise the question back (which tag?) stands.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.parse_alone import parse_alone
from bot.models.inbox import AuditEntry
from bot.services.answer import Answer
from bot.services.query import answer_command
from segmentation.nlq import Clarification, Command
from segmentation.nlq.tag_actions import which_tag
from segmentation.scope import Requester

_TAGGINGS = ("tag", "untag")


def same_tag_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The tagging `text` asks with the previous answer's tag, or None."""
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is None or previous.intent not in _TAGGINGS:
        return None
    parsed = parse_alone(session, ctx, requester.userid, text)
    if not isinstance(parsed, Clarification):
        return None
    untag = parsed.message in _asked(untag=True)
    if not untag and parsed.message not in _asked(untag=False):
        return None
    if previous.intent != ("untag" if untag else "tag"):
        return None  # "打上" after an untagging: which tag is still asked
    tag = _last_tag(session, ctx, requester, previous.intent)
    if tag is None:
        return None
    again = parse_alone(session, ctx, requester.userid, f"{text}“{tag}”{'标签' if untag else ''}")
    if not isinstance(again, Command) or again.intent != previous.intent:
        return None
    if again.details.get("tag") != tag or again.details.get("segment_from_context"):
        return None  # the customers must be said now: "them" would be the answer just given
    return answer_command(session, again, requester, ctx.now, ctx.engine)


def _asked(untag: bool) -> tuple[str, str]:
    ask = which_tag(untag=untag)
    return ask.zh, ask.en


def _last_tag(
    session: Session, ctx: CommandContext, requester: Requester, intent: str
) -> str | None:
    """The tag of the member's last tagging request (the answer just given)."""
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.userid == requester.userid, AuditEntry.action == "command")
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).all()
    for row in rows:
        if not row.detail or row.detail.get("intent") != intent:
            return None
        said = parse_alone(session, ctx, requester.userid, row.request)
        if isinstance(said, Command) and said.intent == intent:
            tag = said.details.get("tag")
            return str(tag) if tag else None
    return None
