"""The simulator's server-side state besides the company: secrets, tokens, faults, recordings."""

from __future__ import annotations

import secrets as _secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from integrations.wecom.simulator.company import Company, SimError

APP, CONTACT = "app", "contact"


@dataclass
class SimConfig:
    corp_id: str = "wwsimcorp0001"
    agent_id: int = 1000002
    secret: str = "sim-app-secret"
    contact_secret: str = "sim-contact-secret"
    token: str = "segbotsim"
    aes_key: str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
    token_ttl: int = 7200
    # Calls per API per 60 s before 45009; None = unlimited.
    rate_limit_per_minute: int | None = None
    # externalcontact/get pages follow_user beyond this many (WeCom: 500).
    follow_page_size: int = 500
    callback_url: str | None = None
    # WeCom re-sends a callback that got no 200 (spec/wecom.md §1.3: 3 retries in total); the
    # demo turns this on so a busy moment never loses a message typed in the console. 0 = one
    # POST, as tests that count their own retries need.
    callback_retries: int = 0
    callback_retry_seconds: float = 0.5
    # The app's visibility range (agent/get): None = the whole company (its root department).
    agent_visible_userids: tuple[str, ...] | None = None
    agent_closed: bool = False


@dataclass(frozen=True)
class ApiCall:
    api: str
    params: dict[str, Any]
    body: Any
    errcode: int


@dataclass
class SimState:
    company: Company
    config: SimConfig = field(default_factory=SimConfig)
    clock: Callable[[], float] = time.time
    lock: threading.RLock = field(default_factory=threading.RLock)
    tokens: dict[str, tuple[frozenset[str], float]] = field(default_factory=dict)
    faults: dict[str, deque[int]] = field(default_factory=dict)
    recent: dict[str, deque[float]] = field(default_factory=dict)
    calls: list[ApiCall] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    uploads: list[dict[str, Any]] = field(default_factory=list)
    card_updates: list[dict[str, Any]] = field(default_factory=list)
    response_codes: dict[str, str] = field(default_factory=dict)
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    gettoken_calls: int = 0
    # WeCom login: one-time codes (code → (userid, expires at)) and the member using the
    # simulated WeCom client, whom OAuth2 inside the client signs in.
    login_codes: dict[str, tuple[str, float]] = field(default_factory=dict)
    client_user: str | None = None

    def now(self) -> int:
        return int(self.clock())

    # -- tokens -------------------------------------------------------------------------------

    def issue_token(self, corp_id: str, secret: str) -> tuple[str, int]:
        if corp_id != self.config.corp_id:
            raise SimError(40013, "invalid corpid")
        scopes = set()
        if _secrets.compare_digest(secret, self.config.secret):
            scopes.add(APP)
        if _secrets.compare_digest(secret, self.config.contact_secret):
            scopes.add(CONTACT)
        if not scopes:
            raise SimError(40001, "invalid credential")
        with self.lock:
            self.gettoken_calls += 1
            # WeCom returns the same token while it is valid.
            for token, (have, expires_at) in self.tokens.items():
                if have == frozenset(scopes) and expires_at > self.clock():
                    return token, int(expires_at - self.clock())
            token = "simtok-" + _secrets.token_hex(16)
            self.tokens[token] = (frozenset(scopes), self.clock() + self.config.token_ttl)
            return token, self.config.token_ttl

    def check_token(self, token: str | None, scope: str) -> None:
        if not token:
            raise SimError(41001, "access_token missing")
        found = self.tokens.get(token)
        if found is None:
            raise SimError(40014, "invalid access_token")
        scopes, expires_at = found
        if expires_at <= self.clock():
            raise SimError(42001, "access_token expired")
        if scope not in scopes:
            raise SimError(48002, "api forbidden")

    def expire_tokens(self) -> None:
        with self.lock:
            self.tokens = {t: (s, self.clock() - 1) for t, (s, _) in self.tokens.items()}

    # -- faults and rate limits ---------------------------------------------------------------

    def fail_next(self, api: str, errcode: int, times: int = 1) -> None:
        with self.lock:
            self.faults.setdefault(api, deque()).extend([errcode] * times)

    def injected_fault(self, api: str) -> int | None:
        with self.lock:
            queue = self.faults.get(api)
            if queue:
                return queue.popleft()
            limit = self.config.rate_limit_per_minute
            if limit is None:
                return None
            window = self.recent.setdefault(api, deque())
            now = self.clock()
            while window and now - window[0] >= 60:
                window.popleft()
            if len(window) >= limit:
                return 45009
            window.append(now)
            return None

    def record(self, api: str, params: dict[str, Any], body: Any, errcode: int) -> None:
        with self.lock:
            clean = {k: v for k, v in params.items() if k not in ("access_token", "corpsecret")}
            self.calls.append(ApiCall(api, clean, body, errcode))
