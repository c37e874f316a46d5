"""Finding 9 of the safety issue: the demo console and dashboard answer only to loopback Host
names (a page on another site cannot rebind its name to 127.0.0.1 and read them), and the
files the console serves sit under random, unguessable media ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import Engine

from bot.app import create_app
from bot.bootstrap import build_deps
from integrations.wecom.simulator.company import Company
from integrations.wecom.simulator.handlers_messages import media_upload
from integrations.wecom.simulator.state import SimConfig, SimState
from tests.web.conftest import NOW, make_settings

ALLOWED = [
    "127.0.0.1",
    "127.0.0.1:8000",
    "localhost",
    "localhost:51234",
    "LOCALHOST:8000",
    "[::1]",
    "[::1]:8000",
]
REFUSED = [
    "evil.example",
    "evil.example:8000",
    "127.0.0.1.evil.example:8000",
    "localhost.evil.example",
    "attacker.localhost.example",
    "192.168.1.5:8000",
    "0.0.0.0:8000",
    "[::2]:8000",
    "127.0.0.1:8000@evil.example",
    "localhost:80:80",
    "localhost:abc",
]
PAGES = [
    "/",
    "/dashboard",
    "/console/api/members",
    "/console/api/conversation?userid=zhangsan",
    "/console/media/anything",
]


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@dataclass
class _File:
    filename: str
    content: bytes


class _Backend:
    """A console backend that records what reached it."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send_text(self, userid: str, text: str) -> None:
        self.sent.append((userid, text))

    def click(self, userid: str, task_id: str, key: str, label: str = "") -> None:
        self.sent.append((userid, key))

    def conversation(self, userid: str) -> list[dict[str, Any]]:
        return []

    def media(self, media_id: str) -> _File | None:
        files = {"anything": _File("x.xlsx", b"secret rows"), "chart": _File("b.png", PNG)}
        return files.get(media_id)


@pytest.fixture
def backend() -> _Backend:
    return _Backend()


@pytest.fixture
def console(clean_engine: Engine, backend: _Backend) -> FlaskClient:
    settings = make_settings()
    deps = build_deps(settings, engine=clean_engine, clock=lambda: NOW)
    app = create_app(settings, deps, console=backend)
    app.testing = True
    return app.test_client()


@pytest.mark.parametrize("host", ALLOWED)
def test_loopback_hosts_reach_the_console_and_dashboard(console: FlaskClient, host: str) -> None:
    for path in PAGES:
        response = console.get(path, headers={"Host": host})
        assert response.status_code == 200, (path, host, response.status_code)


@pytest.mark.parametrize("host", REFUSED)
def test_other_hosts_are_refused_with_a_clear_message(
    console: FlaskClient, backend: _Backend, host: str
) -> None:
    for path in PAGES:
        response = console.get(path, headers={"Host": host})
        assert response.status_code == 403, (path, host)
        assert response.is_json and "127.0.0.1" in response.json["error"]
        assert b"secret rows" not in response.data
    posted = console.post(
        "/console/api/send", json={"userid": "zhangsan", "text": "导出所有客户"},
        headers={"Host": host},
    )  # fmt: skip
    assert posted.status_code == 403
    assert backend.sent == []  # nothing reached the simulated client


def test_the_api_and_health_are_not_limited_to_loopback(console: FlaskClient) -> None:
    """Only the demo's pages are: other systems reach the API under the server's real name."""
    assert console.get("/healthz", headers={"Host": "segbot.example"}).status_code == 200
    openapi = console.get("/api/v1/openapi.json", headers={"Host": "segbot.example"})
    assert openapi.status_code == 200


def _upload(state: SimState) -> str:
    body = {"content": b"0123456789" * 10, "filename": "segment.xlsx"}
    return str(media_upload(state, {"type": "file"}, body)["media_id"])


def test_media_ids_are_random_and_unguessable() -> None:
    """Two simulated companies alike in every way still hand out unrelated media ids, each
    with at least 256 bits of randomness in URL-safe characters."""
    first = SimState(Company(), SimConfig())
    second = SimState(Company(), SimConfig())
    ids = [_upload(first), _upload(first), _upload(second), _upload(second)]
    assert len(set(ids)) == 4
    for media_id in ids:
        assert len(media_id) >= 43
        assert set(media_id) <= set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        )


def test_a_chart_is_shown_inline_and_a_table_downloads(console: FlaskClient) -> None:
    """The bot's charts are images the chat shows (served as PNG, never sniffed); an export
    stays a download."""
    chart = console.get("/console/media/chart", headers={"Host": "127.0.0.1"})
    assert (chart.status_code, chart.mimetype, chart.data) == (200, "image/png", PNG)
    assert chart.headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Disposition" not in chart.headers
    table = console.get("/console/media/anything", headers={"Host": "127.0.0.1"})
    assert table.mimetype == "application/octet-stream"
    assert table.headers["Content-Disposition"].startswith("attachment;")
