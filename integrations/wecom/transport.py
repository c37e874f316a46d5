"""wechatpy's WeChatClient made safe for production: configurable API base (gettoken included),
shared token cache, bounded token refresh and bounded backoff, errcodes turned into our errors."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import Any, TypeVar

import requests
from urllib3.exceptions import NewConnectionError
from wechatpy.enterprise import WeChatClient
from wechatpy.exceptions import WeChatClientException

from integrations.wecom.errors import (
    RETRYABLE_ERRCODES,
    TOKEN_ERRCODES,
    IpNotTrusted,
    NoCustomerRelation,
    RateLimited,
    TokenRejected,
    WeComError,
    WeComOutcomeUnknown,
)
from integrations.wecom.tokens import CachedToken, MemoryTokenStore, TokenStore, token_key

log = logging.getLogger(__name__)
R = TypeVar("R")

# A token is refreshed this long before WeCom's stated expiry (wechatpy uses the same margin).
EARLY_REFRESH_SECONDS = 60

_SECRET_IN_URL = re.compile(r"(corpsecret|access_token)=[^&\s\"']+")


class _RedactUrlSecrets(logging.Filter):
    """urllib3 logs every request line at DEBUG, gettoken's corpsecret included: mask it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "corpsecret=" in message or "access_token=" in message:
            record.msg, record.args = _SECRET_IN_URL.sub(r"\1=***", message), ()
        return True


logging.getLogger("urllib3.connectionpool").addFilter(_RedactUrlSecrets())


class SegbotWeChatClient(WeChatClient):
    """One app secret's client. auto_retry is off: `RetryingCaller` decides, with bounds."""

    def __init__(
        self,
        corp_id: str,
        secret: str,
        *,
        api_base: str,
        token_store: TokenStore | None = None,
        timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(corp_id, secret, timeout=timeout, auto_retry=False)
        # An instance attribute wins over the class's hard-coded qyapi URL for every request.
        self.API_BASE_URL = api_base if api_base.endswith("/") else api_base + "/"
        self._store = token_store or MemoryTokenStore()
        self._key = token_key(corp_id, secret)
        self._clock = clock
        self.last_token: str | None = None
        self.gettoken_calls = 0

    def __repr__(self) -> str:  # never show the secret
        return f"SegbotWeChatClient(corp_id={self.corp_id!r}, api_base={self.API_BASE_URL!r})"

    @property
    def access_token(self) -> str:
        cached = self._store.get(self._key)
        if cached is None or cached.expires_at - self._clock() <= EARLY_REFRESH_SECONDS:
            cached = self._fetch()
        self.last_token = cached.token
        return cached.token

    def fetch_access_token(self) -> dict[str, Any]:
        """wechatpy hard-codes https://qyapi.weixin.qq.com here; we honour API_BASE_URL."""
        token = self._fetch()
        return {"access_token": token.token, "expires_at": token.expires_at}

    def _fetch(self) -> CachedToken:
        self.gettoken_calls += 1
        try:
            response = self._http.get(
                self.API_BASE_URL + "gettoken",
                params={"corpid": self.corp_id, "corpsecret": self.secret},
                timeout=self.timeout,
            )
            response.raise_for_status()
            result = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise WeComError(None, f"gettoken failed: {type(exc).__name__}", "gettoken") from None
        errcode = int(result.get("errcode") or 0)
        if errcode == 60020:
            raise IpNotTrusted(str(result.get("errmsg", "")), "gettoken")
        if errcode != 0 or not result.get("access_token"):
            hint = " (check the corp id and the secret)" if errcode in (40001, 40013) else ""
            raise TokenRejected(errcode, f"{result.get('errmsg', '')}{hint}", "gettoken")
        expires_in = int(result.get("expires_in") or 7200)
        token = CachedToken(str(result["access_token"]), self._clock() + expires_in)
        self._store.put(self._key, token)
        return token

    def invalidate(self) -> None:
        """WeCom refused the token we used: forget it (only if nobody refreshed it meanwhile)."""
        if self.last_token is not None:
            self._store.invalidate(self._key, self.last_token)


class RetryingCaller:
    """Runs one API call with bounded token refreshes and bounded exponential backoff."""

    def __init__(
        self,
        *,
        max_retries: int = 4,
        max_token_refreshes: int = 2,
        backoff_seconds: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.max_retries = max_retries
        self.max_token_refreshes = max_token_refreshes
        self.backoff_seconds = backoff_seconds
        self.sleep = sleep
        self.retries = 0
        self.refreshes = 0

    def __call__(
        self,
        client: SegbotWeChatClient,
        api: str,
        call: Callable[[], R],
        *,
        idempotent: bool = True,
    ) -> R:
        """Errcodes mean WeCom did not run the call, so they are retried for every API. No
        answer at all (timeout, dropped connection, HTTP error) is retried only for calls that
        are safe to repeat; for the others it raises WeComOutcomeUnknown unless the request
        provably never left (connect timeout, connection refused)."""
        attempts = refreshes = 0
        while True:
            try:
                return call()
            except WeChatClientException as exc:
                code = None if exc.errcode is None else int(exc.errcode)
                if code is None and not idempotent:
                    # An HTTP error status (e.g. a proxy's 504) says nothing about WeCom.
                    raise WeComOutcomeUnknown("no WeCom answer (HTTP error)", api) from None
                if code in TOKEN_ERRCODES and refreshes < self.max_token_refreshes:
                    log.info("WeCom refused the access token (%s) on %s; refreshing", code, api)
                    client.invalidate()
                    refreshes += 1
                    self.refreshes += 1
                    continue
                if code in RETRYABLE_ERRCODES and attempts < self.max_retries:
                    self._back_off(api, str(code), attempts)
                    attempts += 1
                    continue
                raise translate(code, str(exc.errmsg or ""), api) from None
            except requests.RequestException as exc:
                why = type(exc).__name__
                if not idempotent and not never_sent(exc):
                    raise WeComOutcomeUnknown(f"no answer: {why}", api) from None
                if attempts < self.max_retries:
                    self._back_off(api, why, attempts)
                    attempts += 1
                    continue
                raise WeComError(None, f"no answer: {why}", api) from None

    def _back_off(self, api: str, why: str, attempt: int) -> None:
        delay = self.backoff_seconds * (2**attempt)
        log.warning("WeCom %s on %s; retry %d in %.1fs", why, api, attempt + 1, delay)
        self.retries += 1
        self.sleep(delay)


def never_sent(exc: requests.RequestException) -> bool:
    """True when the request cannot have reached WeCom: the TCP connection was never made."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    if not isinstance(exc, requests.ConnectionError):
        return False
    seen: object = exc
    for _ in range(8):  # requests → urllib3 MaxRetryError → NewConnectionError, bounded
        if isinstance(seen, NewConnectionError):
            return True
        if not isinstance(seen, BaseException):
            return False
        reason = getattr(seen, "reason", None)
        first = seen.args[0] if seen.args else None
        seen = reason or seen.__cause__ or seen.__context__ or first
    return False


def translate(errcode: int | None, errmsg: str, api: str) -> WeComError:
    if errcode == 60020:
        return IpNotTrusted(errmsg, api)
    if errcode == 84061:
        return NoCustomerRelation(errmsg, api)
    if errcode in RETRYABLE_ERRCODES:
        return RateLimited(errcode, errmsg, api)
    if errcode in TOKEN_ERRCODES:
        return TokenRejected(errcode, errmsg, api)
    return WeComError(errcode, errmsg, api)
