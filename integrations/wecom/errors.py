"""Errors the WeCom gateway raises: one class per errcode the caller must act on differently."""

from __future__ import annotations


class WeComError(Exception):
    """WeCom answered with a non-zero errcode (or did not answer). Never carries a secret."""

    def __init__(self, errcode: int | None, errmsg: str, api: str = "") -> None:
        self.errcode = errcode
        self.errmsg = errmsg
        self.api = api
        where = f" from {api}" if api else ""
        super().__init__(f"WeCom error {errcode}{where}: {errmsg}")


class IpNotTrusted(WeComError):
    """60020: this server's egress IP is not in the app's 企业可信IP list (admin console)."""

    def __init__(self, errmsg: str, api: str = "") -> None:
        super().__init__(60020, errmsg, api)
        self.args = (
            f"WeCom refused {api or 'the call'} (60020): add this server's public IP to the "
            "app's trusted IP list (企业可信IP) in the WeCom admin console",
        )


class NoCustomerRelation(WeComError):
    """84061: the member has no such customer (or no customers at all)."""

    def __init__(self, errmsg: str, api: str = "") -> None:
        super().__init__(84061, errmsg, api)


class WeComOutcomeUnknown(WeComError):
    """A call that is not safe to repeat (it creates something in WeCom) got no readable
    answer: a timeout, a dropped connection or a gateway error after the request left. WeCom
    may or may not have run it, so it is not retried; the caller finds out (or asks a human)."""

    def __init__(self, errmsg: str, api: str = "") -> None:
        super().__init__(None, errmsg, api)


class RateLimited(WeComError):
    """45009/45033/-1 still returned after the bounded retries."""


class TokenRejected(WeComError):
    """The access token kept being refused after the bounded refreshes, or gettoken failed."""


RETRYABLE_ERRCODES = frozenset({-1, 45009, 45033})
TOKEN_ERRCODES = frozenset({40001, 40014, 42001})
