"""Every error the web app answers is JSON `{"error": "…"}`; no traceback reaches a caller."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


def json_error(status: int, message: str, **headers: str) -> Response:
    response = jsonify({"error": message})
    response.status_code = status
    response.headers.update(headers)
    return response


def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    too_large = status == 413
    message = "request body larger than 1 MiB" if too_large else (exc.name or "error").lower()
    response = json_error(status, message)
    # Keep Allow on 405 so clients learn the right method.
    if exc.response is None and status == 405:
        allowed = exc.get_headers()
        response.headers.extend([(k, v) for k, v in allowed if k.lower() == "allow"])
    return response


def _unexpected(exc: Exception) -> Response:
    # The exception type only: messages may carry request data or connection strings.
    log.exception("unhandled error in a request: %s", type(exc).__name__)
    return json_error(500, "internal error")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
