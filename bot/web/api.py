"""The HTTP API (`/api/v1/…`): bearer-token JSON endpoints for other systems."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, g, jsonify, request

from bot.database import unit_of_work
from bot.services.answer import answer_json
from bot.services.coupons import redeem_coupon
from bot.services.events import MAX_EVENTS_PER_CALL, ingest_events
from bot.web import deps
from bot.web.api_auth import ApiCaller, api_enabled, audit_api, caller_of
from bot.web.errors import json_error
from bot.web.openapi import openapi_document
from bot.web.requests import BadRequest, field, json_object, parse_now

log = logging.getLogger(__name__)

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")
DISABLED = "the HTTP API is disabled: set SEGBOT_API_TOKEN or create a token (segbot token create)"


@blueprint.before_request
def _authenticate() -> Response | None:
    d = deps()
    try:
        if not api_enabled(d.settings.api_token, d.session_factory):
            return json_error(503, DISABLED)
        if request.endpoint == "api.openapi":
            return None
        caller = caller_of(
            request, api_token=d.settings.api_token, session_factory=d.session_factory, now=d.now()
        )
        caller.check_route(request.endpoint)
    except BadRequest as exc:
        return exc.response()
    g.api_caller = caller
    return None


@blueprint.errorhandler(BadRequest)
def _bad_request(exc: BadRequest) -> Response:
    return exc.response()


@blueprint.get("/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document())


@blueprint.post("/events")
def post_events() -> Response:
    data = json_object(request)
    unknown = sorted(set(data) - {"events"})
    if unknown:
        raise BadRequest(400, f"unknown field {unknown[0][:40]!r}")
    items = field(data, "events", list)
    if len(items) > MAX_EVENTS_PER_CALL:
        raise BadRequest(400, f"at most {MAX_EVENTS_PER_CALL} events per call")
    d = deps()
    with unit_of_work(d.session_factory) as session:
        result = ingest_events(
            session, items, tz=d.settings.timezone, now=d.now(), kinds=d.settings.event_kinds
        )
    log.info(
        "events: %d accepted, %d duplicates, %d rejected",
        result.accepted,
        result.duplicates,
        len(result.rejected),
    )
    return jsonify(result.as_json())


@blueprint.post("/query")
def post_query() -> Response:
    data = json_object(request)
    text = field(data, "text", str)
    requested = field(data, "as", str, required=False) or None
    now_text = field(data, "now", str, required=False)
    d = deps()
    now = parse_now(now_text, d.settings.timezone) if now_text else d.now()
    caller: ApiCaller = g.api_caller
    try:
        as_userid = caller.query_as(requested)
    except BadRequest as exc:
        # Refused but on the record: a token probing for other members' customers shows up.
        with unit_of_work(d.session_factory) as session:
            audit_api(session, caller, "api_query", text, d.now(), requested, refused=exc.status)
        raise
    with unit_of_work(d.session_factory) as session:
        # The JSON edge: the typed answer as `segbot query --json` prints it.
        answer = answer_json(d.query(session, text, as_userid=as_userid, now=now))
        audit_api(session, caller, "api_query", text, d.now(), as_userid,
                  intent=answer.get("intent"), count=answer.get("count"))  # fmt: skip
    return jsonify(answer)


@blueprint.post("/coupons/redeem")
def post_redeem() -> Response:
    data = json_object(request)
    unknown = sorted(set(data) - {"code", "order_event_id"})
    if unknown:
        raise BadRequest(400, f"unknown field {unknown[0][:40]!r}")
    code = field(data, "code", str)
    order_event_id = field(data, "order_event_id", str)
    if (
        not code.strip()
        or not order_event_id.strip()
        or len(order_event_id) > 128
        or any(ord(c) < 32 for c in code + order_event_id)
    ):
        raise BadRequest(400, "code and order_event_id must be non-empty printable strings")
    d = deps()
    with unit_of_work(d.session_factory) as session:
        result = redeem_coupon(
            session,
            code,
            order_event_id.strip(),
            d.now(),
            order_kind=d.settings.campaigns.order_kind,
        )
        audit_api(session, g.api_caller, "api_redeem", code, d.now(), None,
                  order=order_event_id.strip(), outcome=result.outcome.value)  # fmt: skip
    body = result.to_json()
    if not result.ok:
        body = {"error": result.reason, **body}
    log.info("coupon redeem: %s", result.outcome.value)
    return jsonify(body), result.http_status  # type: ignore[return-value]
