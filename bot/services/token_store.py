"""Access tokens shared between processes: in the database, or in Redis when configured."""

from __future__ import annotations

import logging
import threading

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot.database import limit_lock_wait, unit_of_work
from bot.models.tokens import WeComToken
from integrations.wecom.tokens import CachedToken, MemoryTokenStore, RedisTokenStore, TokenStore

log = logging.getLogger(__name__)

# A token write waits this long for a lock, then stays in memory only.
SHORT_TOKEN_WAIT = 0.1


class DatabaseTokenStore:
    """A TokenStore in the `wecom_tokens` table, shared by the processes; each operation is its
    own short transaction, because token refreshes happen in the middle of other work and must
    outlive its rollback.

    A token this process was refused is never taken back from the table (reads do not wait:
    WAL), and a write never waits for a lock (SHORT_TOKEN_WAIT). A worker asks for a new token
    while its own transaction holds SQLite's write lock; waiting for that lock from a second
    connection would wait for ourselves (30 s per try, then the refused token read back again).
    A write that cannot be made at once is left to the next refresh: sharing is an optimisation.
    """

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory
        # What this process last read or wrote; the database is the shared copy.
        self._local = MemoryTokenStore()
        # Tokens WeCom refused us (never taken back from the table), and tokens we could not
        # write to the table (valid here though the table lacks them).
        self._refused: dict[str, set[str]] = {}
        self._unshared: dict[str, set[str]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> CachedToken | None:
        """The shared copy unless WeCom refused it to us or ours is fresher; our own copy only
        when it never reached the table (another process's invalidation deletes it there)."""
        local = self._local.get(key)
        try:
            with self._factory() as session:
                row = session.get(WeComToken, key)
                shared = CachedToken(row.token, row.expires_at) if row else None
        except OperationalError:
            return local
        with self._lock:
            refused = shared is not None and shared.token in self._refused.get(key, ())
            unshared = local is not None and local.token in self._unshared.get(key, ())
        if shared is not None and not refused:
            if local is None or shared.expires_at >= local.expires_at:
                self._local.put(key, shared)
                return shared
            return local
        if unshared:
            return local
        if local is not None:
            self._local.invalidate(key, local.token)
        return None

    def put(self, key: str, token: CachedToken) -> None:
        self._local.put(key, token)
        try:
            with unit_of_work(self._factory) as session:
                limit_lock_wait(session, SHORT_TOKEN_WAIT)
                row = session.get(WeComToken, key)
                if row is None:
                    session.add(WeComToken(key=key, token=token.token, expires_at=token.expires_at))
                else:
                    row.token, row.expires_at = token.token, token.expires_at
        except OperationalError:
            with self._lock:
                self._unshared.setdefault(key, set()).add(token.token)
            log.warning("could not store the WeCom access token in the database; kept in memory")

    def invalidate(self, key: str, token: str) -> None:
        self._local.invalidate(key, token)
        with self._lock:
            self._refused.setdefault(key, set()).add(token)
        try:
            with unit_of_work(self._factory) as session:
                limit_lock_wait(session, SHORT_TOKEN_WAIT)
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
