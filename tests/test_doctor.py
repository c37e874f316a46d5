"""`segbot doctor` against the WeCom simulator over HTTP: every check passes on a good setup,
and each misconfiguration an admin can make turns exactly its check into ✗ with a fix."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine
from werkzeug.serving import make_server

from bot.app import create_app
from bot.bootstrap import build_deps
from bot.cli.doctor_commands import _http_get
from bot.cli.main import cli
from bot.database import make_engine, make_session_factory, unit_of_work
from bot.migrate import upgrade_to_head
from bot.services.doctor import run_checks
from bot.services.heartbeats import Heart
from bot.settings import Settings, WeComSettings
from integrations.wecom.client import WechatpyGateway
from integrations.wecom.simulator.server import Simulator
from tests.simulated import running_simulator, settings_gateway


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with running_simulator(customers=60, seed=5) as simulator:
        yield simulator


@pytest.fixture(scope="module")
def migrated_url(fresh_database_url: Callable[[str], str]) -> str:
    url = fresh_database_url("doctor")
    engine = make_engine(url)
    upgrade_to_head(engine)
    engine.dispose()
    return url


@pytest.fixture
def migrated(migrated_url: str) -> Iterator[Engine]:
    engine = make_engine(migrated_url)
    yield engine
    engine.dispose()


def settings_for(sim: Simulator, url: str, **wecom: object) -> Settings:
    cfg = sim.config
    values = {
        "corp_id": cfg.corp_id, "agent_id": cfg.agent_id, "secret": cfg.secret,
        "contact_secret": cfg.contact_secret, "token": cfg.token, "aes_key": cfg.aes_key,
        "api_base": sim.api_base,
    }  # fmt: skip
    values.update(wecom)
    return Settings(database_url=url, wecom=WeComSettings(**values))  # type: ignore[arg-type]


def gateway_for(settings: Settings) -> WechatpyGateway:
    return settings_gateway(settings.wecom)


def beat(engine: Engine, *kinds: str, at: datetime | None = None) -> None:
    with unit_of_work(make_session_factory(engine)) as session:
        for kind in kinds:
            Heart(kind).beat(session, at or datetime.now(UTC))


def serve(settings: Settings, engine: Engine) -> Iterator[str]:
    app = create_app(settings, build_deps(settings, engine=engine, gateway=gateway_for(settings)))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/wecom/callback"
    server.shutdown()


@pytest.fixture
def callback_url(sim: Simulator, migrated: Engine, migrated_url: str) -> Iterator[str]:
    yield from serve(settings_for(sim, migrated_url), migrated)


def results(settings: Settings, engine: Engine, **kwargs: object) -> dict[str, tuple[bool, str]]:
    checks = run_checks(
        settings, engine, gateway_for(settings), kwargs.pop("now", datetime.now(UTC)),  # type: ignore[arg-type]
        _http_get, **kwargs,  # type: ignore[arg-type]
    )  # fmt: skip
    return {c.name: (c.ok, f"{c.found} {c.fix}") for c in checks}


def failed(found: dict[str, tuple[bool, str]]) -> set[str]:
    return {name for name, (ok, _) in found.items() if not ok}


def test_a_good_setup_passes_every_check_from_the_command_line(
    sim: Simulator, migrated: Engine, migrated_url: str, callback_url: str,
    tmp_cwd: object, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    beat(migrated, "worker", "scheduler")
    cfg = sim.config
    env = {"SEGBOT_WECOM_CORP_ID": cfg.corp_id, "SEGBOT_WECOM_AGENT_ID": str(cfg.agent_id),
           "SEGBOT_WECOM_SECRET": cfg.secret, "SEGBOT_WECOM_CONTACT_SECRET": cfg.contact_secret,
           "SEGBOT_WECOM_TOKEN": cfg.token, "SEGBOT_WECOM_AES_KEY": cfg.aes_key,
           "SEGBOT_WECOM_API_BASE": sim.api_base}  # fmt: skip
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(cli, ["doctor", "--db", migrated_url, "--public-url", callback_url])
    assert result.exit_code == 0, result.output
    assert "✗" not in result.output
    for name in ("settings", "database", "schema", "app token", "customer contact",
                 "app can message", "clock", "callback URL", "worker", "scheduler"):  # fmt: skip
        assert f"✓ {name}" in result.output


def test_missing_settings_and_an_unmigrated_database_are_named(
    sim: Simulator, fresh_database_url: Callable[[str], str]
) -> None:
    engine = make_engine(fresh_database_url("doctor_empty"))
    try:
        found = results(settings_for(sim, "", token=None, aes_key=None), engine)
    finally:
        engine.dispose()
    assert failed(found) == {"settings", "schema"}
    assert "SEGBOT_WECOM_TOKEN" in found["settings"][1] and "segbot init" in found["schema"][1]


@pytest.mark.parametrize(
    ("fault", "check", "hint"),
    [
        ("secret", "app token", "Secret"),
        ("agent", "app token", "AgentId"),
        ("ip", "app token", "企业可信IP"),
        ("contact", "customer contact", "可调用接口的应用"),
        ("visibility", "app can message", "可见范围"),
        ("closed", "app can message", "enable"),
    ],
)
def test_each_wecom_misconfiguration_fails_its_own_check_with_the_fix(
    sim: Simulator, migrated: Engine, fault: str, check: str, hint: str
) -> None:
    beat(migrated, "worker", "scheduler")
    wecom: dict[str, object] = {}
    if fault == "secret":
        wecom = {"secret": "wrong-secret"}
    elif fault == "agent":
        wecom = {"agent_id": 1000099}
    elif fault == "ip":
        sim.state.fail_next("agent/get", 60020)
    elif fault == "contact":
        sim.state.fail_next("externalcontact/get_follow_user_list", 48002)
    elif fault == "visibility":
        sim.config.agent_visible_userids = ("someone-else",)
    elif fault == "closed":
        sim.config.agent_closed = True
    found = results(settings_for(sim, "", **wecom), migrated)
    assert failed(found) == {check}, found
    assert hint in found[check][1]


def test_silent_workers_and_schedulers_and_a_wrong_clock_are_reported(
    sim: Simulator, migrated: Engine
) -> None:
    now = datetime.now(UTC)
    beat(migrated, "worker", "scheduler", at=now - timedelta(hours=3))
    found = results(settings_for(sim, ""), migrated, now=now + timedelta(minutes=10))
    assert failed(found) == {"worker", "scheduler", "clock"}
    assert "segbot scheduler" in found["scheduler"][1]


def test_a_callback_url_with_another_token_fails_verification(
    sim: Simulator, migrated: Engine, migrated_url: str
) -> None:
    beat(migrated, "worker", "scheduler")
    other = settings_for(sim, migrated_url, token="not-the-console-token")
    for url in serve(other, migrated):
        found = results(settings_for(sim, ""), migrated, public_url=url)
        assert failed(found) == {"callback URL"}
        assert "403" in found["callback URL"][1]
