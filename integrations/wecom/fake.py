"""FakeWeComGateway: the gateway in memory, over the simulator's company and API handlers (no
HTTP, no tokens); it records every call (`.calls`) and every app message (`.sent`)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from integrations.wecom.base import GatewayBase
from integrations.wecom.dto import JsonObject
from integrations.wecom.errors import WeComError, WeComOutcomeUnknown
from integrations.wecom.simulator.app import _REGISTERED  # noqa: F401  (handler registration)
from integrations.wecom.simulator.company import Company, SimError
from integrations.wecom.simulator.handlers_contacts import CONTACT_HANDLERS
from integrations.wecom.simulator.scenario import Scenario
from integrations.wecom.simulator.seed import seed_company
from integrations.wecom.simulator.state import SimConfig, SimState
from integrations.wecom.transport import translate


@dataclass(frozen=True)
class FakeCall:
    api: str
    params: dict[str, Any]
    data: Any


class FakeWeComGateway(GatewayBase):
    """In-memory WeCom with the simulator's rules (paging, 84061, budgets, limits)."""

    def __init__(self, company: Company | None = None, config: SimConfig | None = None) -> None:
        company = company or seed_company(customers=50, seed=1)
        config = config or SimConfig(corp_id=company.corp_id)
        self.state = SimState(company=company, config=config)
        self.scenario = Scenario(self.state)
        self.agent_id = config.agent_id
        self.calls: list[FakeCall] = []
        # Errcodes to answer the next calls of an api with (then normal service resumes).
        self.failures: dict[str, list[int]] = {}
        # Next calls of an api whose answer is lost after WeCom ran them ("late"), or that
        # never reach WeCom ("drop"). Like the real transport, a call that is safe to repeat
        # is repeated; any other raises WeComOutcomeUnknown.
        self.lost: dict[str, list[str]] = {}

    @property
    def company(self) -> Company:
        return self.state.company

    @property
    def sent(self) -> list[dict[str, Any]]:
        """Every app message (message/send) as recorded, newest last."""
        return self.state.sent

    def fail_next(self, api: str, errcode: int, times: int = 1) -> None:
        self.failures.setdefault(api, []).extend([errcode] * times)

    def lose_answer_next(self, api: str, times: int = 1) -> None:
        """WeCom runs the next call(s) but the answer never arrives (a timeout)."""
        self.lost.setdefault(api, []).extend(["late"] * times)

    def drop_next(self, api: str, times: int = 1) -> None:
        """The next call(s) never reach WeCom, and the caller cannot tell (a timeout)."""
        self.lost.setdefault(api, []).extend(["drop"] * times)

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
        while True:
            fault = self.lost.get(api, []).pop(0) if self.lost.get(api) else None
            if fault == "late":
                with contextlib.suppress(WeComError):  # whatever WeCom answered is lost
                    self._handle(api, params, data, files)
            if fault is None:
                return self._handle(api, params, data, files)
            if not idempotent:
                raise WeComOutcomeUnknown(f"no answer: simulated {fault}", api)

    def _handle(
        self,
        api: str,
        params: dict[str, Any] | None,
        data: JsonObject | None,
        files: dict[str, tuple[str, bytes]] | None,
    ) -> dict[str, Any]:
        self.calls.append(FakeCall(api, dict(params or {}), data))
        _, _, handler = CONTACT_HANDLERS[api]
        # The real client sends query values as text; keep the handlers' view identical.
        text_params = {k: str(v) for k, v in (params or {}).items()}
        body: Any = data
        if files:
            filename, content = next(iter(files.values()))
            body = {"filename": filename, "content": content}
        queued = self.failures.get(api)
        if queued:
            raise translate(queued.pop(0), "simulated failure", api)
        try:
            return handler(self.state, text_params, body)
        except SimError as exc:
            raise translate(exc.errcode, exc.errmsg, api) from None
