"""`/wecom/callback`: verify, decrypt, store in the inbox, and answer WeCom at once.

WeCom re-sends a callback that is not answered with 200 within 5 s, so nothing here waits
for processing: the inbox worker answers the member later with message/send.
"""

from __future__ import annotations

import logging

from flask import Blueprint, Response, request
from sqlalchemy.exc import OperationalError

from bot.database import limit_lock_wait, unit_of_work
from bot.inbox.store import store_callback
from bot.settings import WeComSettings
from bot.web import deps
from bot.web.errors import json_error
from integrations.wecom.callback import (
    CallbackCrypto,
    CallbackRejected,
    parse_callback,
    parse_xml,
)

log = logging.getLogger(__name__)

blueprint = Blueprint("wecom_callback", __name__)

_REQUIRED = (
    ("SEGBOT_WECOM_CORP_ID", "corp_id"),
    ("SEGBOT_WECOM_TOKEN", "token"),
    ("SEGBOT_WECOM_AES_KEY", "aes_key"),
)


def missing_callback_settings(wecom: WeComSettings) -> list[str]:
    """Names (never values) of the settings a callback needs and does not have."""
    return [name for name, attr in _REQUIRED if not getattr(wecom, attr)]


def _crypto() -> CallbackCrypto | Response:
    wecom = deps().settings.wecom
    missing = missing_callback_settings(wecom)
    if missing:
        return json_error(503, "WeCom callbacks are not configured: set " + ", ".join(missing))
    return CallbackCrypto(wecom.token or "", wecom.aes_key or "", wecom.corp_id or "")


def _query(name: str) -> str:
    return request.args.get(name, "", type=str)


@blueprint.get("/wecom/callback")
def verify_url() -> Response:
    crypto = _crypto()
    if isinstance(crypto, Response):
        return crypto
    try:
        echo = crypto.verify_url(
            _query("msg_signature"),
            _query("timestamp"),
            _query("nonce"),
            _query("echostr"),
            now=deps().now(),
        )
    except CallbackRejected as exc:
        log.warning("callback URL verification rejected: %s", exc)
        return json_error(403, "callback verification failed")
    # WeCom compares the body byte for byte: the plaintext only, no quotes or newline.
    return Response(echo, status=200, mimetype="text/plain")


@blueprint.post("/wecom/callback")
def receive() -> Response:
    crypto = _crypto()
    if isinstance(crypto, Response):
        return crypto
    body = request.get_data(cache=False)  # 413 above MAX_CONTENT_LENGTH
    try:
        parse_xml(body)
    except CallbackRejected:
        return json_error(400, "malformed XML")
    d = deps()
    try:
        plaintext = crypto.decrypt(
            body, _query("msg_signature"), _query("timestamp"), _query("nonce"), now=d.now()
        )
    except CallbackRejected as exc:
        log.warning("callback rejected: %s", exc)
        return json_error(403, "callback verification failed")
    try:
        message = parse_callback(plaintext)
    except CallbackRejected as exc:
        log.warning("verified callback with malformed content: %s", exc)
        return json_error(400, "malformed callback content")
    try:
        with unit_of_work(d.session_factory) as session:
            limit_lock_wait(session)  # WeCom gives us 5 s; a retry beats a timeout
            new = store_callback(session, message, plaintext, d.now())
    except OperationalError:
        # Locked or away: not stored, so not acknowledged; WeCom re-sends the callback.
        log.warning("callback %s not stored: the database is busy", message.idempotency_key)
        return json_error(503, "the database is busy; retry")
    if new:
        d.inbox_wake.set()
    else:
        log.info("replayed callback %s ignored", message.idempotency_key)
    return Response(b"", status=200)
