"""Chat commands: a member's text in, the replies to send back out (no HTTP, no WeCom client)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.settings import Settings

# run_query's shape: (session, text, *, as_userid, now) -> the JSON of `segbot query --json`.
QueryFn = Callable[..., dict[str, Any]]


def default_query(
    session: Session, text: str, *, as_userid: str | None, now: datetime
) -> dict[str, Any]:
    """The NLQ service (bot.services.query.run_query), imported on first use."""
    from bot.services.query import run_query

    return run_query(session, text, as_userid=as_userid, now=now)


@dataclass(frozen=True)
class Reply:
    """One message to send to a member: plain text, or an interactive template card."""

    userid: str
    text: str
    card: dict[str, Any] | None = None


@dataclass(frozen=True)
class CommandContext:
    """What handling one command needs besides the session."""

    settings: Settings
    now: datetime
    query: QueryFn = default_query
    # The inbox row being processed, so audit entries point back at the callback.
    inbox_id: int | None = None
