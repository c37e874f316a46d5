"""Chat commands: a member's text in, the replies to send back out (no HTTP, no WeCom client)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from bot.engine_context import engine_context_for
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.services.answer import Answer
    from integrations.wecom.gateway import WeComGateway
    from segmentation.engine import EngineContext

# ask_query's shape: (session, text, *, as_userid, now, with_members) -> the typed answer
# (with_members=False: a count without its ids, for the chat). A service plugged in
# elsewhere may answer with the JSON of `segbot query --json`: read into the typed answer.
QueryFn = Callable[..., "Answer | dict[str, Any]"]


def default_query(
    session: Session,
    text: str,
    *,
    as_userid: str | None,
    now: datetime,
    settings: Settings,
    engine_ctx: EngineContext | None = None,
    with_members: bool = True,
) -> Answer:
    """The NLQ service (bot.services.query.ask_query) with the deployment's zone, named
    segments and admins. Callers bind `settings` and the engine context once (see
    build_deps), so nothing re-reads the environment or the catalogue per message."""
    from bot.services.query import ask_query

    return ask_query(
        session,
        text,
        as_userid=as_userid,
        now=now,
        ctx=engine_ctx or engine_context_for(settings),
        admins=settings.admins,
        campaigns=settings.campaigns,
        cost_limit=settings.approval_cost_limit,
        with_members=with_members,
    )


@dataclass(frozen=True)
class Attachment:
    """A file or image to upload (media/upload) and send as its own message."""

    kind: str  # "file" or "image"
    filename: str
    content: bytes


@dataclass(frozen=True)
class Reply:
    """One message to a member: text (or markdown), an interactive template card, a card
    update (`update_code` = the click's ResponseCode), or an attachment after its text."""

    userid: str
    text: str
    card: dict[str, Any] | None = None
    markdown: bool = False
    attachment: Attachment | None = None
    # The pending action a new card asks about, so the send's response_code is kept with it.
    pending_id: int | None = None
    update_code: str | None = None
    # Its words are already in the asker's script (a list or page in Traditional characters,
    # an English page): never converted again.
    scripted: bool = False


@dataclass(frozen=True)
class CommandContext:
    """What handling one command needs besides the session."""

    settings: Settings
    now: datetime
    # None: the NLQ service with these settings.
    query: QueryFn | None = None
    # The inbox row being processed, so audit entries point back at the callback.
    inbox_id: int | None = None
    # WeCom, for confirmed actions (tagging writes through it); None: actions cannot run.
    gateway: WeComGateway | None = None
    # The deployment's engine context (built once by build_deps); None: built from settings.
    engine_ctx: EngineContext | None = None
    # Whether a count's answer carries every member id: only for the JSON edge (`segbot query
    # --after`); the chat shows the number, counted by the database.
    count_ids: bool = False

    @property
    def engine(self) -> EngineContext:
        return self.engine_ctx or engine_context_for(self.settings)

    def ask(self, session: Session, text: str, userid: str) -> Answer:
        """The query service's answer for `userid` at `now` (the deployment's settings)."""
        from bot.services.answer import answer_from_json

        query = self.query or partial(default_query, settings=self.settings)
        answer = query(session, text, as_userid=userid, now=self.now, with_members=self.count_ids)
        return answer_from_json(answer) if isinstance(answer, dict) else answer
