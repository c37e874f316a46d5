"""WechatpyGateway's transport rules, over real HTTP to the simulator."""

from __future__ import annotations

import pytest

from integrations.wecom.errors import IpNotTrusted, RateLimited, TokenRejected, WeComError
from integrations.wecom.simulator.server import Simulator
from integrations.wecom.tokens import MemoryTokenStore
from integrations.wecom.transport import RetryingCaller
from tests.simulated import simulator_gateway

API = "externalcontact/get_follow_user_list"


def test_gettoken_goes_to_the_configured_base(simulator: Simulator) -> None:
    gw = simulator_gateway(simulator)
    gw.list_departments()
    gw.get_follow_user_list()
    assert simulator.state.gettoken_calls == 2  # one per secret, both at the simulator


def test_tokens_are_cached_and_shared_through_the_store(simulator: Simulator) -> None:
    store = MemoryTokenStore()
    first, second = (
        simulator_gateway(simulator, token_store=store),
        simulator_gateway(simulator, token_store=store),
    )
    for gw in (first, second, first):
        gw.get_follow_user_list()
    assert simulator.state.gettoken_calls == 1


def test_expired_token_is_refreshed_once_and_the_call_succeeds(simulator: Simulator) -> None:
    gw = simulator_gateway(simulator)
    assert gw.get_follow_user_list()
    simulator.expire_tokens()
    assert gw.get_follow_user_list()
    assert simulator.state.gettoken_calls == 2


def test_token_refresh_is_bounded(simulator: Simulator) -> None:
    gw = simulator_gateway(simulator)
    simulator.fail_next(API, 40014, times=50)
    with pytest.raises(TokenRejected):
        gw.get_follow_user_list()
    assert simulator.calls_to(API) == 3  # first try + 2 refreshes, not forever


def test_rate_limit_is_retried_with_backoff(simulator: Simulator) -> None:
    sleeps: list[float] = []
    gw = simulator_gateway(
        simulator, caller=RetryingCaller(sleep=sleeps.append, backoff_seconds=0.5)
    )
    simulator.fail_next(API, 45009, times=2)
    simulator.fail_next(API, -1, times=1)
    assert gw.get_follow_user_list()
    assert sleeps == [0.5, 1.0, 2.0]


def test_persistent_rate_limit_gives_up_after_bounded_retries(simulator: Simulator) -> None:
    gw = simulator_gateway(simulator, caller=RetryingCaller(sleep=lambda _s: None, max_retries=3))
    simulator.fail_next(API, 45033, times=50)
    with pytest.raises(RateLimited):
        gw.get_follow_user_list()
    assert simulator.calls_to(API) == 4


def test_configured_rate_is_enforced_by_the_simulator(simulator: Simulator) -> None:
    clock = [1_000_000.0]
    simulator.state.clock = lambda: clock[0]
    simulator.config.rate_limit_per_minute = 2

    def wait(seconds: float) -> None:
        clock[0] += seconds * 100  # backoff moves the simulator's clock past the window

    gw = simulator_gateway(simulator, caller=RetryingCaller(sleep=wait))
    for _ in range(4):
        assert gw.get_follow_user_list()
    assert any(c.errcode == 45009 for c in simulator.state.calls)


def test_untrusted_ip_is_a_clear_error(simulator: Simulator) -> None:
    gw = simulator_gateway(simulator)
    simulator.fail_next(API, 60020)
    with pytest.raises(IpNotTrusted, match="trusted IP"):
        gw.get_follow_user_list()


def test_wrong_secret_fails_without_echoing_it(simulator: Simulator) -> None:
    gw = simulator_gateway(simulator, contact_secret="wrong-secret-value")
    with pytest.raises(TokenRejected) as info:
        gw.get_follow_user_list()
    assert "wrong-secret-value" not in str(info.value) and "wrong-secret-value" not in repr(gw)


def test_customer_apis_need_the_contact_secret(simulator: Simulator) -> None:
    gw = simulator_gateway(simulator, contact_secret=None)  # falls back to the app secret
    assert gw.list_departments()
    with pytest.raises(WeComError) as info:
        gw.get_follow_user_list()
    assert info.value.errcode == 48002
