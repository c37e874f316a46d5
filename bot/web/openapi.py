"""The OpenAPI 3 description of the HTTP API (served at `GET /api/v1/openapi.json`)."""

from __future__ import annotations

from typing import Any

from bot.services.events import MAX_EVENTS_PER_CALL

_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string"}},
}

_EVENT = {
    "type": "object",
    "additionalProperties": False,
    "required": ["event_id", "external_userid", "kind", "occurred_at"],
    "properties": {
        "event_id": {"type": "string", "minLength": 1, "maxLength": 128},
        "external_userid": {"type": "string", "minLength": 1, "maxLength": 64},
        "kind": {
            "type": "string",
            "pattern": "^[a-z][a-z0-9_]{0,31}$",
            "description": "inquiry, order, visit, cart, refund, or a deployment's own kind",
        },
        "occurred_at": {
            "type": "string",
            "description": "ISO-8601; without an offset it is in SEGBOT_TIMEZONE",
        },
        "amount": {"type": ["number", "string", "null"], "description": "yuan"},
        "properties": {"type": ["object", "null"]},
    },
}

_QUERY_ANSWER = {
    "type": "object",
    "description": "Exactly what `segbot query --json` prints.",
    "required": ["intent"],
    "properties": {
        "intent": {"type": "string"},
        "segment": {"type": "object"},
        "description": {"type": "string"},
        "count": {"type": "integer"},
        "customers": {"type": "array", "items": {"type": "string"}},
        "listed": {
            "type": "array",
            "items": {"type": "string"},
            "description": "The same ids in the order chat lists them (a ranking's, else the "
            "most recent activity the question is about first).",
        },
        "ranking": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"external_userid": {"type": "string"}, "value": {"type": "number"}},
            },
            "description": "Ranked answers only: rank order with the value ranked by.",
        },
        "message": {"type": "string"},
        "suggestions": {"type": "array", "items": {"type": "string"}},
        "needs_confirmation": {"type": "boolean"},
    },
    "additionalProperties": True,
}


def _errors(*codes: int) -> dict[str, Any]:
    reasons = {
        400: "malformed JSON or a field of the wrong type",
        401: "missing or wrong bearer token",
        403: "the token's scope does not allow this route (or, for a query, this `as`)",
        404: "no such coupon was ever issued",
        409: "the coupon was already redeemed",
        410: "the coupon has expired",
        413: "request body larger than 1 MiB",
        503: "the API is disabled (no SEGBOT_API_TOKEN, no scoped token) or the database is away",
    }
    return {
        str(code): {
            "description": reasons[code],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for code in codes
    }


def _json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _events_path() -> dict[str, Any]:
    body = {
        "type": "object",
        "required": ["events"],
        "additionalProperties": False,
        "properties": {
            "events": {
                "type": "array",
                "maxItems": MAX_EVENTS_PER_CALL,
                "items": {"$ref": "#/components/schemas/Event"},
            }
        },
    }
    answer = {
        "type": "object",
        "required": ["accepted", "duplicates", "rejected"],
        "properties": {
            "accepted": {"type": "integer"},
            "duplicates": {"type": "integer"},
            "rejected": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"index": {"type": "integer"}, "error": {"type": "string"}},
                },
            },
        },
    }
    return {
        "post": {
            "summary": "Store behaviour events (idempotent by event_id)",
            "description": "Good records are kept while bad ones are rejected with their index; "
            "an event_id already stored, or repeated in the same call, counts as a duplicate.",
            "security": [{"bearer": []}],
            "requestBody": _json_body(body),
            "responses": {
                "200": _ok("what was accepted, ignored and rejected", answer),
                **_errors(400, 401, 403, 413, 503),
            },
        }
    }


def _query_path() -> dict[str, Any]:
    body = {
        "type": "object",
        "required": ["text"],
        "properties": {
            "text": {"type": "string", "description": "a chat command"},
            "as": {"type": "string", "description": "staff userid; default an admin view"},
            "now": {"type": "string", "description": "ISO-8601 time of the request"},
        },
    }
    return {
        "post": {
            "summary": "Run one chat command and answer as `segbot query --json` does",
            "security": [{"bearer": []}],
            "requestBody": _json_body(body),
            "responses": {
                "200": _ok("the answer (understood, clarify, or a preview)", _QUERY_ANSWER),
                **_errors(400, 401, 403, 413, 503),
            },
        }
    }


def _redeem_path() -> dict[str, Any]:
    body = {
        "type": "object",
        "required": ["code", "order_event_id"],
        "additionalProperties": False,
        "properties": {
            "code": {"type": "string", "description": "the coupon code as the customer shows it"},
            "order_event_id": {"type": "string", "description": "the order it pays for"},
        },
    }
    answer = {
        "type": "object",
        "properties": {
            "outcome": {"type": "string", "enum": ["redeemed"]},
            "code": {"type": "string"},
            "external_userid": {"type": "string"},
            "description": {"type": "string"},
            "order_event_id": {"type": "string"},
            "redeemed_at": {"type": "string"},
        },
    }
    return {
        "post": {
            "summary": "Redeem a coupon once; a second redemption answers 409",
            "description": "400 for a malformed code (bad check character), 404 for a code "
            "never issued, 410 for an expired one, 409 when already redeemed.",
            "security": [{"bearer": []}],
            "requestBody": _json_body(body),
            "responses": {
                "200": _ok("redeemed", answer),
                **_errors(400, 401, 403, 404, 409, 410, 413, 503),
            },
        }
    }


def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "segbot HTTP API", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/events": _events_path(),
            "/query": _query_path(),
            "/coupons/redeem": _redeem_path(),
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Error": _ERROR, "Event": _EVENT},
        },
    }
