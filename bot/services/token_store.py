"""Access tokens shared between processes: in the database, or in Redis when configured."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.models.tokens import WeComToken
from integrations.wecom.tokens import CachedToken, MemoryTokenStore, RedisTokenStore, TokenStore

log = logging.getLogger(__name__)


class DatabaseTokenStore:
    """A TokenStore in the `wecom_tokens` table; each operation is its own short transaction,
    because token refreshes happen in the middle of other work and must outlive its rollback."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory
        # What this process last read or wrote; the database is the shared copy.
        self._local = MemoryTokenStore()

    def get(self, key: str) -> CachedToken | None:
        try:
            with self._factory() as session:
                row = session.get(WeComToken, key)
                return CachedToken(row.token, row.expires_at) if row else None
        except OperationalError:
            return self._local.get(key)

    def put(self, key: str, token: CachedToken) -> None:
        self._local.put(key, token)
        try:
            self._write(key, token)
        except OperationalError:
            # Sharing is an optimisation: a busy database must not fail the WeCom call.
            log.warning("could not store the WeCom access token in the database; kept in memory")

    def _write(self, key: str, token: CachedToken) -> None:
        with unit_of_work(self._factory) as session:
            if session.get_bind().dialect.name == "sqlite":
                # Don't wait 30 s behind our own caller's open write transaction.
                session.execute(text("PRAGMA busy_timeout=2000"))
            row = session.get(WeComToken, key)
            if row is None:
                session.add(WeComToken(key=key, token=token.token, expires_at=token.expires_at))
            else:
                row.token, row.expires_at = token.token, token.expires_at

    def invalidate(self, key: str, token: str) -> None:
        self._local.invalidate(key, token)
        try:
            with unit_of_work(self._factory) as session:
                row = session.get(WeComToken, key)
                if row is not None and row.token == token:
                    session.delete(row)
        except OperationalError:
            log.warning("could not drop a refused WeCom access token from the database")


def make_token_store(
    session_factory: sessionmaker[Session], redis_url: str | None = None
) -> TokenStore:
    """Redis when SEGBOT_REDIS_URL is set (faster, expiring keys), else the database."""
    if redis_url:
        return RedisTokenStore.from_url(redis_url)
    return DatabaseTokenStore(session_factory)
