"""`GET /healthz`: can the database be written, and how full is the inbox."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify
from sqlalchemy import delete
from sqlalchemy.exc import SQLAlchemyError

from bot.database import limit_lock_wait
from bot.inbox.store import inbox_counts
from bot.models.tokens import WeComToken
from bot.web import deps
from bot.web.errors import json_error

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz() -> Response:
    d = deps()
    if not d.database_answers():
        return json_error(503, "the database does not answer")
    with d.session_factory() as session:
        limit_lock_wait(session)
        try:
            counts = inbox_counts(session)
        except SQLAlchemyError:
            return json_error(503, "the database has no segbot schema yet (run segbot init)")
        try:
            # A write, rolled back: a callback can be stored only if this can take the write
            # lock now (SQLite) or the table accepts writes (PostgreSQL). It matches no row.
            session.execute(delete(WeComToken).where(WeComToken.key == "segbot:healthz"))
        except SQLAlchemyError:
            return json_error(503, "the database cannot be written now (locked or read-only)")
        finally:
            session.rollback()
    return jsonify({"db": "ok", "inbox": counts})
