"""The WeCom simulator for tests: a running simulated company, and the wechatpy gateway that
talks to it over HTTP retrying without sleeping (shared by every test that syncs, serves or
checks against it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bot.settings import WeComSettings
from integrations.wecom.client import WechatpyGateway
from integrations.wecom.simulator.seed import seed_company
from integrations.wecom.simulator.server import Simulator
from integrations.wecom.simulator.state import SimConfig
from integrations.wecom.transport import RetryingCaller


@contextmanager
def running_simulator(customers: int, seed: int, **company: Any) -> Iterator[Simulator]:
    """A seeded company served over HTTP until the block ends."""
    seeded = seed_company(customers=customers, seed=seed, **company)
    sim = Simulator(seeded, SimConfig(corp_id=seeded.corp_id)).start()
    try:
        yield sim
    finally:
        sim.stop()


def simulator_gateway(sim: Simulator, **overrides: Any) -> WechatpyGateway:
    """The app's gateway to `sim` (its secrets and address); `overrides` replace any keyword."""
    cfg = sim.config
    kwargs: dict[str, Any] = {
        "contact_secret": cfg.contact_secret,
        "api_base": sim.api_base,
        "caller": RetryingCaller(sleep=lambda _s: None),
    }
    kwargs.update(overrides)
    return WechatpyGateway(cfg.corp_id, cfg.agent_id, cfg.secret, **kwargs)


def settings_gateway(wecom: WeComSettings) -> WechatpyGateway:
    """The gateway these WeCom settings describe (right or wrong), retrying without sleeping."""
    return WechatpyGateway(
        wecom.corp_id or "",
        wecom.agent_id,
        wecom.secret or "",
        contact_secret=wecom.contact_secret,
        api_base=wecom.api_base,
        caller=RetryingCaller(sleep=lambda _s: None),
    )
