"""Where access tokens are cached: a port plus in-memory and Redis implementations.

Tokens are per secret (one for messages, one for customer contact) and shared between the web,
worker and scheduler processes, so that they do not each call gettoken.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class CachedToken:
    token: str
    # Unix time after which the token must not be used.
    expires_at: float


def token_key(corp_id: str, secret: str) -> str:
    """A cache key per (corp, secret) that hides the secret (wechatpy's holds secret[:10])."""
    digest = hashlib.sha256(f"{corp_id}\x00{secret}".encode()).hexdigest()[:16]
    return f"wecom:{corp_id}:{digest}"


class TokenStore(Protocol):
    def get(self, key: str) -> CachedToken | None: ...

    def put(self, key: str, token: CachedToken) -> None: ...

    def invalidate(self, key: str, token: str) -> None:
        """Forget `token` if it is still the cached one (another process may have refreshed)."""
        ...


class MemoryTokenStore:
    """Per process; the default when neither a database nor Redis is wired in."""

    def __init__(self) -> None:
        self._tokens: dict[str, CachedToken] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> CachedToken | None:
        with self._lock:
            return self._tokens.get(key)

    def put(self, key: str, token: CachedToken) -> None:
        with self._lock:
            self._tokens[key] = token

    def invalidate(self, key: str, token: str) -> None:
        with self._lock:
            current = self._tokens.get(key)
            if current is not None and current.token == token:
                del self._tokens[key]


class RedisTokenStore:
    """Shared through Redis (SEGBOT_REDIS_URL); entries expire with the token."""

    def __init__(self, client: Any, prefix: str = "segbot:") -> None:
        self._redis = client
        self._prefix = prefix

    @classmethod
    def from_url(cls, url: str) -> RedisTokenStore:
        import redis

        return cls(redis.Redis.from_url(url))

    def get(self, key: str) -> CachedToken | None:
        raw = self._redis.get(self._prefix + key)
        if raw is None:
            return None
        data = json.loads(raw)
        return CachedToken(data["token"], float(data["expires_at"]))

    def put(self, key: str, token: CachedToken) -> None:
        import time

        ttl = max(1, int(token.expires_at - time.time()))
        payload = json.dumps({"token": token.token, "expires_at": token.expires_at})
        self._redis.set(self._prefix + key, payload, ex=ttl)

    def invalidate(self, key: str, token: str) -> None:
        current = self.get(key)
        if current is not None and current.token == token:
            self._redis.delete(self._prefix + key)
