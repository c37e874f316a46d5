"""The Flask app factory: one app per process, built from settings and the composition root."""

from __future__ import annotations

from flask import Flask

from bot.bootstrap import Deps, build_deps
from bot.settings import Settings
from bot.web import api, callback, health
from bot.web.errors import register_error_handlers

MAX_BODY_BYTES = 1 << 20  # 1 MiB (interfaces.md): larger bodies answer 413


def create_app(settings: Settings, deps: Deps | None = None) -> Flask:
    """The web app (callback, API, health); `deps` defaults to `build_deps(settings)`."""
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
    return app
