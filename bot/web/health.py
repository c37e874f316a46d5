"""`GET /healthz`: does the database answer, and how full is the inbox."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify
from sqlalchemy.exc import SQLAlchemyError

from bot.database import unit_of_work
from bot.inbox.store import inbox_counts
from bot.web import deps
from bot.web.errors import json_error

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz() -> Response:
    d = deps()
    if not d.database_answers():
        return json_error(503, "the database does not answer")
    try:
        with unit_of_work(d.session_factory) as session:
            counts = inbox_counts(session)
    except SQLAlchemyError:
        return json_error(503, "the database has no segbot schema yet (run segbot init)")
    return jsonify({"db": "ok", "inbox": counts})
