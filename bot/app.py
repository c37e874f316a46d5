"""The Flask app factory: one app per process, built from settings and the composition root."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Flask

from bot.bootstrap import Deps, build_deps
from bot.settings import Settings
from bot.web import api, backoffice, callback, health
from bot.web.errors import register_error_handlers

if TYPE_CHECKING:
    from bot.web.console import ConsoleBackend

MAX_BODY_BYTES = 1 << 20  # 1 MiB (interfaces.md): larger bodies answer 413


def create_app(
    settings: Settings, deps: Deps | None = None, *, console: ConsoleBackend | None = None
) -> Flask:
    """The web app (callback, API, health, the back office at /web/ behind WeCom login);
    `deps` defaults to `build_deps(settings)`.

    `console` (the demo's simulated WeCom client) adds the web console at `/`, the dashboard
    and a log line per request; production apps are built without it.
    """
    app = Flask("segbot")
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.config["JSON_AS_ASCII"] = False
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["segbot"] = deps if deps is not None else build_deps(settings)
    register_error_handlers(app)
    app.register_blueprint(health.blueprint)
    app.register_blueprint(api.blueprint)
    app.register_blueprint(callback.blueprint)
    # The back office at /web/ behind WeCom login (production and demo alike).
    backoffice.configure_sessions(app, settings)
    app.register_blueprint(backoffice.blueprint)
    if console is not None:
        from bot.web.console import register_console

        register_console(app, console)
    return app


def wsgi_app() -> Flask:
    """The production entry point: `gunicorn 'bot.app:wsgi_app()'` (settings from the
    environment and `.env`, read once here). Run `segbot worker` beside it for the inbox."""
    from bot.settings import load_settings

    return create_app(load_settings())
