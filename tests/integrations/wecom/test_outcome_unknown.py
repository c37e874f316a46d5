"""The transport never repeats a call that creates something after its answer was lost, and
still retries what WeCom refused without running (errcodes) and what never left."""

from __future__ import annotations

import pytest
import requests

from integrations.wecom.errors import RateLimited, WeComOutcomeUnknown
from integrations.wecom.transport import RetryingCaller, SegbotWeChatClient


class Flaky:
    """Raises the given exceptions in turn, then answers."""

    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.calls = 0

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return {"errcode": 0}


def _caller() -> RetryingCaller:
    return RetryingCaller(sleep=lambda _s: None)


def _client() -> SegbotWeChatClient:
    return SegbotWeChatClient("corp", "secret", api_base="http://127.0.0.1:1/cgi-bin/")


@pytest.mark.parametrize(
    "lost", [requests.ReadTimeout("late"), requests.ConnectionError("reset by peer")]
)
def test_a_lost_answer_is_not_retried_for_a_call_that_creates_something(
    lost: Exception,
) -> None:
    call = Flaky(lost)
    with pytest.raises(WeComOutcomeUnknown):
        _caller()(_client(), "externalcontact/add_msg_template", call, idempotent=False)
    assert call.calls == 1


def test_a_lost_answer_is_retried_for_a_read() -> None:
    call = Flaky(requests.ReadTimeout("late"))
    assert _caller()(_client(), "externalcontact/get_groupmsg_list_v2", call) == {"errcode": 0}
    assert call.calls == 2


def test_a_request_that_never_left_is_retried_even_when_it_creates_something() -> None:
    call = Flaky(requests.ConnectTimeout("no route"))
    _caller()(_client(), "externalcontact/add_msg_template", call, idempotent=False)
    assert call.calls == 2
    try:
        requests.post("http://127.0.0.1:1/refused", timeout=1)
    except requests.ConnectionError as refused:
        call = Flaky(refused)
    _caller()(_client(), "externalcontact/add_msg_template", call, idempotent=False)
    assert call.calls == 2


def test_errcodes_that_mean_not_run_are_still_retried_for_every_call() -> None:
    from wechatpy.exceptions import WeChatClientException

    call = Flaky(WeChatClientException(-1, "busy"), WeChatClientException(45009, "freq"))
    _caller()(_client(), "externalcontact/add_msg_template", call, idempotent=False)
    assert call.calls == 3
    endless = Flaky(*[WeChatClientException(45009, "freq") for _ in range(10)])
    with pytest.raises(RateLimited):
        _caller()(_client(), "externalcontact/add_msg_template", endless, idempotent=False)
