"""Demo pages answer only to loopback Host names: the console and dashboard show and act on
every member's customers without a login, so a web page elsewhere must not reach them by
pointing its own name at 127.0.0.1 (DNS rebinding; its requests then carry its name)."""

from __future__ import annotations

import logging
import re

from flask import Response, request

from bot.web.errors import json_error

log = logging.getLogger(__name__)

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
_PORT = re.compile(r"(?::\d{1,5})?")


def is_loopback_host(host: str) -> bool:
    """A Host header naming this machine's loopback, with or without a port."""
    host = host.strip().lower()
    if host.startswith("["):
        name, bracket, port = host.partition("]")
        name += bracket
    else:
        name, colon, port = host.partition(":")
        port = colon + port
    return name in LOOPBACK_NAMES and _PORT.fullmatch(port) is not None


def loopback_only() -> Response | None:
    """A before_request hook: 403 with the reason unless the Host is a loopback name."""
    host = request.headers.get("Host", "")
    if is_loopback_host(host):
        return None
    log.warning("demo page refused: Host %r is not a loopback name", host[:80])
    return json_error(
        403,
        "the demo console answers only at http://127.0.0.1, http://localhost or "
        f"http://[::1] (any port), not at Host {host[:80]!r} (DNS rebinding protection)",
    )
