"""Who is calling the HTTP API and what they may do: `SEGBOT_API_TOKEN` (every right) or a
stored scoped token (bot.services.api_tokens), and the audit rows of queries and redemptions."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Request
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.models.inbox import AuditEntry
from bot.services.api_tokens import PREFIX, any_tokens, find_token, touch
from bot.web.requests import BadRequest, bearer_token

FULL = "all"
ENV_TOKEN_NAME = "SEGBOT_API_TOKEN"
# The scope each route needs; a route missing here needs the full-rights token.
ROUTE_SCOPES = {"api.post_events": "events", "api.post_query": "query", "api.post_redeem": "redeem"}
_MAY = {"events": "post events", "query": "ask queries", "redeem": "redeem coupons"}
MAX_AUDIT_CHARS = 500


@dataclass(frozen=True)
class ApiCaller:
    name: str
    scope: str
    # A query token bound to one member.
    userid: str | None = None

    def check_route(self, endpoint: str | None) -> None:
        needed = ROUTE_SCOPES.get(endpoint or "")
        if self.scope != FULL and self.scope != needed:
            raise BadRequest(403, f"this token may only {_MAY.get(self.scope, self.scope)}")

    def query_as(self, requested: str | None) -> str | None:
        """The member a query answers as: the bound one (asking as another is 403); for an
        unbound query token the caller must name one (400); the full-rights token may omit it
        for the admin view."""
        if self.scope == FULL:
            return requested
        if self.userid is not None:
            if requested is not None and requested != self.userid:
                raise BadRequest(403, "this token answers only as the member it is bound to")
            return self.userid
        if requested is None:
            raise BadRequest(400, "as is required: this token is not bound to a member")
        return requested


def api_enabled(api_token: str | None, session_factory: sessionmaker[Session]) -> bool:
    """The API answers when `SEGBOT_API_TOKEN` is set or any scoped token exists."""
    if api_token:
        return True
    try:
        with session_factory() as session:
            return any_tokens(session)
    except SQLAlchemyError:
        raise BadRequest(503, "the database did not answer") from None


def caller_of(
    request: Request,
    *,
    api_token: str | None,
    session_factory: sessionmaker[Session],
    now: datetime,
) -> ApiCaller:
    """The caller the bearer token names, or 401."""
    presented = bearer_token(request)
    # Compare bytes: compare_digest refuses non-ASCII str, and a header may carry anything.
    if api_token and hmac.compare_digest(presented.encode("utf-8"), api_token.encode("utf-8")):
        return ApiCaller(ENV_TOKEN_NAME, FULL)
    if presented.startswith(PREFIX):
        with unit_of_work(session_factory) as session:
            row = find_token(session, presented)
            if row is not None:
                touch(row, now)
                return ApiCaller(row.name, row.scope, row.userid)
    raise BadRequest(401, "invalid bearer token")


def audit_api(
    session: Session,
    caller: ApiCaller,
    action: str,
    request_text: str,
    now: datetime,
    as_userid: str | None,
    **detail: Any,
) -> None:
    """One audit row per API query or redemption: which token, as whom, what was asked."""
    session.add(
        AuditEntry(
            at=now,
            userid=(as_userid or "")[:64],
            action=action,
            request=request_text[:MAX_AUDIT_CHARS],
            detail={"token": caller.name, "as": as_userid, **detail},
        )
    )
