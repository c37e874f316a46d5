"""Secrets never leave the process (spec/security.md): with distinctive values for the app
secret, contact secret, AES key, callback token and API token, run callbacks, API calls, chat,
sync and CLI commands (good and failing), and scan every log record (DEBUG), HTTP body,
message sent to WeCom and CLI output for them and for fragments of the AES key."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable

import pytest

from bot.app import create_app
from bot.bootstrap import build_deps
from bot.inbox.worker import drain
from bot.settings import load_settings
from integrations.wecom.callback import CallbackCrypto
from tests.reliability.attacks import text_xml
from tests.reliability.callbacks import seed_database
from tests.reliability.harness import (
    AES_KEY,
    API_TOKEN,
    APP_SECRET,
    CALLBACK_TOKEN,
    Rig,
    find_secrets,
)


def _flows(rig: Rig) -> list[str]:
    """Everything a caller or WeCom could see, as text."""
    seen: list[str] = []
    settings = load_settings(rig.env(), env_file=None)
    deps = build_deps(settings, engine=rig.engine, gateway=rig.gateway())
    client = create_app(settings, deps).test_client()
    crypto = CallbackCrypto(CALLBACK_TOKEN, AES_KEY, rig.company.corp_id)
    now = int(time.time())
    for n, content in enumerate(["帮助", "上海的客户有多少", "'; DROP TABLE x; --", "secret?"]):
        post = crypto.build_post(
            text_xml(rig.company.corp_id, n, content), nonce="s", timestamp=now
        )
        seen.append(client.post("/wecom/callback", query_string=post.query, data=post.body).text)
        bad = dict(post.query, msg_signature="0" * 40)
        seen.append(client.post("/wecom/callback", query_string=bad, data=post.body).text)
    seen.append(client.get("/wecom/callback", query_string={"echostr": "x"}).text)
    for token in (API_TOKEN, API_TOKEN[:-1], "", APP_SECRET):
        headers = {"Authorization": f"Bearer {token}"}
        for path, body in [("/api/v1/query", {"text": "我的客户", "as": "admin"}),
                           ("/api/v1/events", {"events": [{"event_id": 1}]}),
                           ("/api/v1/coupons/redeem", {"code": "NOPE", "order_event_id": "o"})]:  # fmt: skip  # noqa: E501
            seen.append(client.post(path, json=body, headers=headers).text)
    # WeCom refusing tokens and failing: error paths log and store error texts.
    rig.sim.fail_next("message/send", 40001, 1)
    rig.sim.fail_next("message/send", -1, 1)
    rig.sim.expire_tokens()
    drain(deps)
    seen.append(json.dumps(rig.sim.state.sent, ensure_ascii=False))
    seen += [m.last_error or "" for m in rig.inbox()]
    return seen


def _cli(rig: Rig) -> list[str]:
    """Real `segbot` processes, good and failing (a wrong secret, a malformed AES key)."""
    wrong = {
        "SEGBOT_WECOM_SECRET": APP_SECRET + "x",
        "SEGBOT_WECOM_CONTACT_SECRET": APP_SECRET + "x",
    }
    runs = [
        rig.run("query", "我的客户", "--as", "admin", "--json"),
        rig.run("sync", env=wrong),
        rig.run("inbox", env={"SEGBOT_WECOM_AES_KEY": AES_KEY[:-1] + "!"}),
    ]
    assert runs[1].returncode != 0 and runs[2].returncode != 0
    return [r.stdout + r.stderr for r in runs]


def test_no_secret_appears_in_logs_replies_errors_or_cli_output(
    make_reliability_rig: Callable[..., Rig],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    rig = make_reliability_rig(customers=40)
    seed_database(rig)
    texts = _flows(rig) + _cli(rig)
    assert rig.sim.state.sent, "the flows should have produced replies to scan"
    leaks = {name for text in texts for name in find_secrets(text)}
    assert leaks == set()
    logged = [r for r in caplog.records if find_secrets(r.getMessage())]
    assert [(r.name, r.getMessage()[:200]) for r in logged] == []
