"""An app wired to the test database, a fixed clock and (where needed) callback settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine

from bot.app import create_app
from bot.bootstrap import build_deps
from bot.settings import Settings, WeComSettings

API_TOKEN = "test-api-token-0123456789"
NOW = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
CORP_ID = "wwcorp0001"
CALLBACK_TOKEN = "Tok3nForTests"
AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"


def make_settings(**changes: object) -> Settings:
    base = {
        "api_token": API_TOKEN,
        "admins": frozenset({"boss"}),
        "wecom": WeComSettings(
            corp_id=CORP_ID, agent_id=1000002, token=CALLBACK_TOKEN, aes_key=AES_KEY
        ),
    }
    base.update(changes)
    return Settings(**base)  # type: ignore[arg-type]


AppFactory = Callable[..., Flask]


@pytest.fixture
def make_app(clean_engine: Engine) -> AppFactory:
    def make(settings: Settings | None = None, *, gateway: object = None) -> Flask:
        settings = settings or make_settings()
        deps = build_deps(settings, engine=clean_engine, gateway=gateway, clock=lambda: NOW)
        app = create_app(settings, deps)
        app.testing = True
        return app

    return make


@pytest.fixture
def client(make_app: AppFactory) -> FlaskClient:
    return make_app().test_client()


def auth(token: str = API_TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
