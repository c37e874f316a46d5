"""The demo's web console at `/`: chat with the bot as any synced member, through the real
callback path (the simulated WeCom client does the sending); plus the request log."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Protocol

from flask import Blueprint, Flask, Response, g, jsonify, render_template, request
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.database import unit_of_work
from bot.web import deps
from bot.web.errors import json_error
from bot.web.loopback import loopback_only
from segmentation.models import Department, Staff, StaffDepartment
from segmentation.scope import resolve_requester

log = logging.getLogger("segbot.web")

blueprint = Blueprint(
    "console",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/console/static",
)
blueprint.before_request(loopback_only)
MAX_TEXT = 2000
ROLE_LABELS = {"sales": "销售", "manager": "经理", "admin": "管理员"}
# Requests the page repeats every second: logged at DEBUG so the log stays readable.
QUIET_PATHS = ("/console/api/conversation", "/console/static/")


class ConsoleError(ValueError):
    """The simulated client refused an action (e.g. an unknown member)."""


class StoredFile(Protocol):
    filename: str
    content: bytes


class ConsoleBackend(Protocol):
    """The simulated WeCom client the console drives (bot.demo.console_backend)."""

    def send_text(self, userid: str, text: str) -> None: ...

    def click(self, userid: str, task_id: str, key: str, label: str = "") -> None: ...

    def conversation(self, userid: str) -> list[dict[str, Any]]: ...

    def media(self, media_id: str) -> StoredFile | None: ...


@dataclass(frozen=True)
class Member:
    userid: str
    name: str
    role: str
    departments: str

    @property
    def label(self) -> str:
        dept = f" · {self.departments}" if self.departments else ""
        return f"{self.name}（{ROLE_LABELS.get(self.role, self.role)}{dept}）"


def members(session: Session, admins: frozenset[str]) -> list[Member]:
    """Active synced staff with the role the bot will give them: admins, managers, sales."""
    names = {row.id: row.name for row in session.execute(select(Department.id, Department.name))}
    depts: dict[str, list[str]] = {}
    for row in session.execute(select(StaffDepartment.userid, StaffDepartment.department_id)):
        depts.setdefault(row.userid, []).append(
            names.get(row.department_id, str(row.department_id))
        )
    found = []
    for staff in session.scalars(select(Staff).where(Staff.active.is_(True))):
        requester = resolve_requester(session, staff.userid, admins)
        if requester is not None:
            dept = "、".join(sorted(depts.get(staff.userid, [])))
            found.append(Member(staff.userid, staff.name, requester.role, dept))
    order = {"sales": 0, "manager": 1, "admin": 2}
    return sorted(found, key=lambda m: (order.get(m.role, 3), m.userid))


def _backend() -> ConsoleBackend:
    from flask import current_app

    backend: ConsoleBackend = current_app.extensions["segbot_console"]
    return backend


def _members() -> list[Member]:
    d = deps()
    with unit_of_work(d.session_factory) as session:
        return members(session, d.settings.admins)


@blueprint.get("/")
def index() -> str:
    found = _members()
    return render_template("console.html", members=found, roles=ROLE_LABELS)


@blueprint.get("/console/api/members")
def members_api() -> Response:
    return jsonify(
        members=[
            {"userid": m.userid, "name": m.name, "role": m.role, "label": m.label}
            for m in _members()
        ]
    )


@blueprint.get("/console/api/conversation")
def conversation() -> Response:
    userid = request.args.get("userid", "")
    return jsonify(messages=_backend().conversation(userid))


def _json_body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else {}


@blueprint.post("/console/api/send")
def send() -> Response | tuple[Response, int]:
    body = _json_body()
    userid, text = str(body.get("userid", "")), str(body.get("text", "")).strip()
    if not userid or not text:
        return json_error(400, "userid and text are required")
    if len(text) > MAX_TEXT:
        return json_error(400, f"a message is at most {MAX_TEXT} characters")
    try:
        _backend().send_text(userid, text)
    except ConsoleError as exc:
        return json_error(400, str(exc))
    return jsonify(ok=True), 202


@blueprint.post("/console/api/click")
def click() -> Response | tuple[Response, int]:
    body = _json_body()
    userid, task_id, key = (str(body.get(k, "")) for k in ("userid", "task_id", "key"))
    if not (userid and task_id and key):
        return json_error(400, "userid, task_id and key are required")
    try:
        _backend().click(userid, task_id, key, str(body.get("label", "")))
    except ConsoleError as exc:
        return json_error(400, str(exc))
    return jsonify(ok=True), 202


# The images the bot sends (a breakdown's chart, the digest's) are shown in the chat, as
# WeCom shows them: served inline as what they are. Raster types only (an SVG could carry
# script); every other file downloads.
_INLINE_IMAGES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}


@blueprint.get("/console/media/<media_id>")
def media(media_id: str) -> Response:
    stored = _backend().media(media_id)
    if stored is None:
        return json_error(404, "no such file (files are kept while the demo runs)")
    image = _INLINE_IMAGES.get(PurePath(stored.filename).suffix.lower())
    if image is not None:
        return Response(
            stored.content, mimetype=image, headers={"X-Content-Type-Options": "nosniff"}
        )
    return Response(
        stored.content,
        mimetype="application/octet-stream",
        headers={"Content-Disposition": _attachment(stored.filename)},
    )


def _attachment(filename: str) -> str:
    from urllib.parse import quote

    return f"attachment; filename*=UTF-8''{quote(filename)}"


# ---------------------------------------------------------------- request log


def _started() -> None:
    g.segbot_started = time.perf_counter()


def _finished(response: Response) -> Response:
    started = g.get("segbot_started")
    took = (time.perf_counter() - started) * 1000 if started is not None else 0.0
    line = "%s %s → %d in %.0f ms"
    args = (request.method, request.path, response.status_code, took)
    if response.status_code >= 500:
        log.error(line + " (hint: %s)", *args, _hint(request.path))
    elif response.status_code < 400 and request.path.startswith(QUIET_PATHS):
        log.debug(line, *args)
    else:
        log.info(line, *args)
    return response


def _hint(path: str) -> str:
    if path.startswith("/wecom/callback"):
        return "WeCom will retry the callback; check the traceback above"
    if path.startswith("/console/api/send"):
        return "is the simulated member still in the company? see the traceback above"
    return "the traceback above names the failing step; the demo keeps running"


def register_console(app: Flask, backend: ConsoleBackend) -> None:
    """The console and dashboard pages (loopback Host names only), and one log line per
    request (demo only)."""
    from bot.web import dashboard

    app.extensions["segbot_console"] = backend
    app.before_request(_started)
    app.after_request(_finished)
    app.register_blueprint(blueprint)
    app.register_blueprint(dashboard.blueprint)
