"""The web edge: blueprints that translate HTTP into calls and results into JSON."""

from __future__ import annotations

from flask import current_app

from bot.bootstrap import Deps


def deps() -> Deps:
    """The composition root's dependencies of the running app."""
    return current_app.extensions["segbot"]
