"""Reading untrusted API requests: the bearer token and a JSON object body."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import Request, Response

from bot.web.errors import json_error


class BadRequest(Exception):
    """The caller's mistake; `status` and a message safe to show them."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def response(self) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if self.status == 401 else {}
        return json_error(self.status, self.message, **headers)


def bearer_token(request: Request) -> str:
    """The token of the Authorization header (`Bearer …`), or 401 when there is none."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise BadRequest(401, "missing bearer token")
    return token.strip()


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def json_object(request: Request) -> dict[str, Any]:
    """The body as a JSON object, or 400 saying why not (413 comes from Flask's size limit)."""
    raw = request.get_data(cache=False)
    try:
        text = raw.decode("utf-8")
        data = json.loads(text, parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise BadRequest(400, "the body is not UTF-8") from None
    except RecursionError:
        raise BadRequest(400, "the JSON body is nested too deeply") from None
    except ValueError as exc:
        raise BadRequest(400, f"malformed JSON: {str(exc)[:120]}") from None
    if not isinstance(data, dict):
        raise BadRequest(400, "the body must be a JSON object")
    return data


def field(data: dict[str, Any], name: str, kind: type, *, required: bool = True) -> Any:
    """One top-level field of the expected JSON type."""
    if name not in data or data[name] is None:
        if required:
            raise BadRequest(400, f"{name} is required")
        return None
    value = data[name]
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise BadRequest(400, f"{name} must be a JSON {_json_type(kind)}")
    return value


def _json_type(kind: type) -> str:
    return {str: "string", list: "array", dict: "object", int: "number"}.get(kind, kind.__name__)


def parse_now(text: str, tz: ZoneInfo) -> datetime:
    """An ISO-8601 `now`; without an offset it is in the deployment's time zone."""
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise BadRequest(
            400, "now must be an ISO-8601 time, e.g. 2026-11-01T10:00:00+08:00"
        ) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)
