"""The save and show-saved intents: a new name is saved at once; replacing a saved segment's
definition (campaigns and snapshots may use it) asks for confirmation first."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands.preview import canonical_segment, confirmation_reply
from bot.commands.replies import clip
from bot.commands.texts import say
from segmentation.compiler import SegmentError
from segmentation.saved import get_saved_segment, save_segment
from segmentation.scope import Requester


def save_reply(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    answer: dict[str, Any],
    lang: str,
) -> Reply:
    name = str(answer.get("name") or "").strip()
    description = str(answer.get("description") or "")
    if get_saved_segment(session, name) is not None:
        return confirmation_reply(session, ctx, requester, answer, lang)
    node, _ = canonical_segment(answer)
    try:
        save_segment(session, name, node, owner_userid=requester.userid, now=ctx.now,
                     description=description)  # fmt: skip
    except SegmentError as exc:
        return Reply(requester.userid, say("save_failed", lang, error=str(exc)))
    count = int(answer.get("count", 0))
    text = say("saved", lang, name=name, description=description, count=count)
    return Reply(requester.userid, text)


def saved_list_reply(userid: str, answer: dict[str, Any], lang: str) -> Reply:
    rows = answer.get("segments") or []
    if not rows:
        return Reply(userid, say("saved_none", lang))
    lines = [say("saved_list", lang)]
    lines.extend(f"· {r['name']}：{r.get('description') or ''}".rstrip("：") for r in rows)
    return Reply(userid, clip("\n".join(lines)))
