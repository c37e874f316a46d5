"""The save and show-saved intents: a new name is saved at once; replacing a saved segment's
definition (campaigns and snapshots may use it) asks for confirmation first; a name (or a
look-alike) that belongs to someone else is asked back, never taken over."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands.conversation_chat import saved_segments_text
from bot.commands.preview import canonical_segment, confirmation_reply
from bot.commands.texts import say
from bot.services.answer import SavedAnswer, SegmentAnswer
from bot.services.saved_segments import (
    SegmentChange,
    blocking_owner,
    owner_name,
    save_owned,
)
from segmentation.compiler import SegmentError
from segmentation.saved import SavedSegmentOwned, get_saved_segment
from segmentation.scope import Requester


def name_taken(session: Session, userid: str, name: str, owner: str, lang: str) -> Reply:
    return Reply(userid, say("name_taken", lang, name=name, owner=owner_name(session, owner)))


def save_reply(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    answer: SegmentAnswer,
    lang: str,
) -> list[Reply]:
    name = (answer.action.name or "").strip()
    description = answer.description
    taken = blocking_owner(session, name, requester)
    if taken is not None:
        return [name_taken(session, requester.userid, taken.name, taken.owner_userid, lang)]
    if get_saved_segment(session, name) is not None:
        return [confirmation_reply(session, ctx, requester, answer, lang)]
    node, _ = canonical_segment(answer.segment)
    try:
        change = save_owned(session, name, node, actor=requester, now=ctx.now,
                            description=description, inbox_id=ctx.inbox_id)  # fmt: skip
    except SavedSegmentOwned as exc:
        return [name_taken(session, requester.userid, exc.name, exc.owner_userid, lang)]
    except SegmentError as exc:
        return [Reply(requester.userid, say("save_failed", lang, error=str(exc)))]
    count = answer.count
    text = say("saved", lang, name=change.row.name, description=description, count=count)
    return [Reply(requester.userid, text), *change_notices(session, change, requester, lang)]


def change_notices(
    session: Session, change: SegmentChange, by: Requester, lang: str
) -> list[Reply]:
    """A message to the owner when someone else (an admin) redefined their segment, and to
    the creator of each campaign still running on an older version."""
    who = owner_name(session, by.userid)
    replies = []
    owner = change.row.owner_userid
    if change.redefined and owner and owner != by.userid:
        text = say("segment_redefined_for_owner", lang, name=change.row.name, who=who,
                   version=change.row.version)  # fmt: skip
        replies.append(Reply(owner, text))
    for campaign in change.stale_campaigns:
        pinned = (campaign.segment_versions or {}).get(change.row.name, "?")
        text = say("segment_changed", lang, name=change.row.name, who=who, pinned=pinned,
                   version=change.row.version, id=campaign.id, campaign=campaign.name)  # fmt: skip
        replies.append(Reply(campaign.creator_userid, text))
    return replies


def saved_list_reply(userid: str, answer: SavedAnswer, lang: str) -> Reply:
    return Reply(userid, saved_segments_text(answer, lang))
