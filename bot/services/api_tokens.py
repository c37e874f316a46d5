"""Scoped API tokens: create (the secret is shown once, only its hash kept), find, list, revoke.

A token may do one thing: `events` posts events, `query` asks questions, `redeem` redeems
coupons. A query token may be bound to one member and then answers only as them.
`SEGBOT_API_TOKEN` stays the full-rights token (bot.web.api_auth)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from bot.models.api_tokens import ApiToken
from bot.models.inbox import AuditEntry
from segmentation.models import Staff

SCOPES = ("events", "query", "redeem")
PREFIX = "sbt_"  # tells a segbot token apart in a config file or a secret scanner
# last_used_at is rewritten at most this often: a busy events feed must not write per call.
TOUCH_EVERY = timedelta(minutes=1)
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class TokenError(ValueError):
    """A token request that cannot be done; the message says why."""


@dataclass(frozen=True)
class TokenInfo:
    """What `segbot token list` shows: never the secret."""

    name: str
    scope: str
    userid: str | None
    created_at: datetime
    last_used_at: datetime | None


def secret_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(
    session: Session, *, name: str, scope: str, userid: str | None, now: datetime
) -> str:
    """Store a new token and return its secret (256 random bits), which is never kept."""
    if not _NAME.fullmatch(name):
        raise TokenError(
            "a token name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    if scope not in SCOPES:
        raise TokenError(f"the scope is one of {', '.join(SCOPES)}, not {scope!r}")
    if userid is not None and scope != "query":
        raise TokenError("--as binds query tokens only (events and redeem act as nobody)")
    if userid is not None and session.get(Staff, userid) is None:
        raise TokenError(f"{userid!r} is not a known member (import or sync staff first)")
    if session.get(ApiToken, name) is not None:
        raise TokenError(f"a token named {name!r} exists; revoke it first or pick another name")
    token = PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(name=name, scope=scope, userid=userid, secret_hash=secret_hash(token),
                         created_at=now))  # fmt: skip
    _audit(session, now, "token_create", name, scope=scope, bound=userid)
    return token


def find_token(session: Session, presented: str) -> ApiToken | None:
    """The stored token whose secret this is. The lookup is by hash (an attacker choosing the
    text cannot steer the hash, so the index's timing tells nothing); the final comparison is
    constant-time anyway."""
    wanted = secret_hash(presented)
    row = session.scalar(select(ApiToken).where(ApiToken.secret_hash == wanted))
    if row is None or not hmac.compare_digest(row.secret_hash, wanted):
        return None
    return row


def touch(row: ApiToken, now: datetime) -> None:
    if row.last_used_at is None or now - row.last_used_at >= TOUCH_EVERY:
        row.last_used_at = now


def any_tokens(session: Session) -> bool:
    return bool(session.scalar(select(exists().where(ApiToken.name.is_not(None)))))


def list_tokens(session: Session) -> list[TokenInfo]:
    rows = session.scalars(select(ApiToken).order_by(ApiToken.name))
    return [TokenInfo(r.name, r.scope, r.userid, r.created_at, r.last_used_at) for r in rows]


def revoke_token(session: Session, name: str, now: datetime) -> None:
    """Delete the token (its audit rows keep its name); an unknown name is an error."""
    row = session.get(ApiToken, name)
    if row is None:
        raise TokenError(f"no token named {name!r} (segbot token list shows them)")
    session.delete(row)
    _audit(session, now, "token_revoke", name, scope=row.scope, bound=row.userid)


def _audit(session: Session, now: datetime, action: str, name: str, **detail: object) -> None:
    session.add(AuditEntry(at=now, userid="", action=action, request=name,
                           detail={"token": name, **detail}))  # fmt: skip
