"""The simulator re-sends a callback that got no 200, as WeCom does (spec/wecom.md §1.3: 3
retries in total) when `callback_retries` is set — the demo's setting, so a message typed while
the database is busy still reaches the bot; with 0 (the default) one POST is made."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from integrations.wecom.events import TextMessage
from integrations.wecom.simulator.company import Company, SimMember
from integrations.wecom.simulator.scenario import Scenario
from integrations.wecom.simulator.state import SimConfig, SimState


class _Busy(BaseHTTPRequestHandler):
    """Answers 503 to the first `busy_for` POSTs, then 200; counts them."""

    busy_for = 0
    posts = 0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).posts += 1
        self.send_response(503 if type(self).posts <= type(self).busy_for else 200)
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[str]:
    _Busy.posts = 0
    httpd = HTTPServer(("127.0.0.1", 0), _Busy)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/wecom/callback"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _scenario(url: str, retries: int) -> Scenario:
    company = Company(corp_id="wwretry")
    company.members["zhangsan"] = SimMember("zhangsan", "张三", [1], [])
    config = SimConfig(corp_id="wwretry", callback_url=url, callback_retries=retries,
                       callback_retry_seconds=0.0)  # fmt: skip
    return Scenario(SimState(company, config))


def _text() -> TextMessage:
    return TextMessage("zhangsan", "我的客户", "1234567890", 1000002, 1_700_000_000)


def test_a_busy_answer_is_retried_until_it_lands(server: str) -> None:
    _Busy.busy_for = 2
    assert _scenario(server, retries=3).push(_text()) == 200
    assert _Busy.posts == 3


def test_retries_stop_after_three(server: str) -> None:
    _Busy.busy_for = 10
    assert _scenario(server, retries=3).push(_text()) == 503
    assert _Busy.posts == 4  # the first POST and 3 retries


def test_without_retries_one_post_is_made(server: str) -> None:
    _Busy.busy_for = 1
    assert _scenario(server, retries=0).push(_text()) == 503
    assert _Busy.posts == 1
