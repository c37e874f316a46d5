"""WechatpyGateway: the WeComGateway over wechatpy 1.8.18's WeChatClient (two secrets, shared
token cache, bounded retries); every call goes through the client's generic get/post so the
configured API base and our retry rules apply uniformly."""

from __future__ import annotations

import io
from typing import Any

from integrations.wecom.base import APP, GatewayBase
from integrations.wecom.dto import JsonObject
from integrations.wecom.errors import WeComError, WeComOutcomeUnknown
from integrations.wecom.tokens import TokenStore
from integrations.wecom.transport import RetryingCaller, SegbotWeChatClient

DEFAULT_API_BASE = "https://qyapi.weixin.qq.com/cgi-bin/"


class WechatpyGateway(GatewayBase):
    """Two wechatpy clients: the app secret (org, messages) and the 客户联系 secret (customers)."""

    def __init__(
        self,
        corp_id: str,
        agent_id: int | None,
        secret: str,
        *,
        contact_secret: str | None = None,
        api_base: str = DEFAULT_API_BASE,
        token_store: TokenStore | None = None,
        caller: RetryingCaller | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.agent_id = agent_id
        self.app = SegbotWeChatClient(
            corp_id, secret, api_base=api_base, token_store=token_store, timeout=timeout
        )
        self.contact = SegbotWeChatClient(
            corp_id, contact_secret or secret, api_base=api_base, token_store=token_store,
            timeout=timeout,
        )  # fmt: skip
        self.caller = caller or RetryingCaller()

    def __repr__(self) -> str:
        return f"WechatpyGateway(corp_id={self.app.corp_id!r}, api_base={self.app.API_BASE_URL!r})"

    def _request(
        self,
        scope: str,
        method: str,
        api: str,
        *,
        params: dict[str, Any] | None = None,
        data: JsonObject | None = None,
        files: dict[str, tuple[str, bytes]] | None = None,
        idempotent: bool = True,
    ) -> dict[str, Any]:
        client = self.app if scope == APP else self.contact

        def call() -> Any:
            # Fresh dicts per attempt: wechatpy writes the access token into `params`.
            kwargs: dict[str, Any] = {"params": dict(params or {})}
            if data is not None:
                kwargs["data"] = data
            if files is not None:
                kwargs["files"] = {k: (n, io.BytesIO(c)) for k, (n, c) in files.items()}
            return client.get(api, **kwargs) if method == "GET" else client.post(api, **kwargs)

        result = self.caller(client, api, call, idempotent=idempotent)
        if not isinstance(result, dict):
            if not idempotent:
                raise WeComOutcomeUnknown("answer was not a JSON object", api)
            raise WeComError(None, "answer was not a JSON object", api)
        return result
