"""The simulator's Flask app: WeCom's /cgi-bin/ APIs plus simulator-only /sim/ endpoints."""

from __future__ import annotations

import dataclasses
from typing import Any

from flask import Flask, Response, jsonify, request

from integrations.wecom.simulator import handlers_messages, handlers_tags, login, mass
from integrations.wecom.simulator.company import SimError
from integrations.wecom.simulator.handlers_contacts import CONTACT_HANDLERS
from integrations.wecom.simulator.scenario import Scenario
from integrations.wecom.simulator.state import SimState

# Imported for their @handler registrations.
_REGISTERED = (handlers_tags, handlers_messages, login)


def _wecom(payload: dict[str, Any], errcode: int = 0, errmsg: str = "ok") -> Response:
    # WeCom always answers HTTP 200 with errcode in the body.
    return jsonify({"errcode": errcode, "errmsg": errmsg, **payload})


def create_app(state: SimState, scenario: Scenario | None = None) -> Flask:
    app = Flask("wecom_simulator")
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    scenario = scenario or Scenario(state)

    @app.get("/cgi-bin/gettoken")
    def gettoken() -> Response:
        try:
            token, expires_in = state.issue_token(
                request.args.get("corpid", ""), request.args.get("corpsecret", "")
            )
        except SimError as exc:
            return _wecom({}, exc.errcode, exc.errmsg)
        return _wecom({"access_token": token, "expires_in": expires_in})

    @app.route("/cgi-bin/<path:api>", methods=["GET", "POST"])
    def cgi(api: str) -> Response:
        entry = CONTACT_HANDLERS.get(api)
        if entry is None or entry[0] != request.method:
            return _wecom({}, 60011 if entry is None else 40058, f"no such api: {api}")
        _, scope, handler = entry
        params = request.args.to_dict()
        body = _body(api)
        try:
            state.check_token(params.get("access_token"), scope)
            fault = state.injected_fault(api)
            if fault is not None:
                raise SimError(
                    fault, "simulated failure" if fault != 45009 else "api freq out of limit"
                )
            result = handler(state, params, body)
        except SimError as exc:
            state.record(api, params, _loggable(body), exc.errcode)
            return _wecom({}, exc.errcode, exc.errmsg)
        state.record(api, params, _loggable(body), 0)
        return _wecom(result)

    _register_sim_routes(app, state, scenario)
    login.register_login_routes(app, state)
    return app


def _body(api: str) -> Any:
    if api == "media/upload":
        upload = request.files.get("media")
        if upload is None:
            return {"filename": "", "content": b""}
        return {"filename": upload.filename or "", "content": upload.read()}
    if request.method != "POST":
        return None
    return request.get_json(force=True, silent=True) or {}


def _loggable(body: Any) -> Any:
    if isinstance(body, dict) and isinstance(body.get("content"), bytes):
        return {"filename": body["filename"], "size": len(body["content"])}
    return body


def _register_sim_routes(app: Flask, state: SimState, scenario: Scenario) -> None:
    @app.get("/sim/state")
    def sim_state() -> Response:
        company = state.company
        return jsonify(
            corp_id=company.corp_id,
            agent_id=state.config.agent_id,
            departments=len(company.departments),
            members=len(company.members),
            customers=len({e for (_, e) in company.follows}),
            follows=len(company.follows),
            tags=sum(len(g.tags) for g in company.tag_groups.values()),
            api_calls=len(state.calls),
            gettoken_calls=state.gettoken_calls,
            sent=len(state.sent),
            callbacks=len(state.callbacks),
        )

    @app.get("/sim/sent")
    def sim_sent() -> Response:
        return jsonify(sent=state.sent, card_updates=state.card_updates)

    @app.get("/sim/uploads")
    def sim_uploads() -> Response:
        return jsonify(uploads=state.uploads)

    @app.get("/sim/calls")
    def sim_calls() -> Response:
        return jsonify(calls=[dataclasses.asdict(c) for c in state.calls[-1000:]])

    @app.get("/sim/callbacks")
    def sim_callbacks() -> Response:
        return jsonify(callbacks=state.callbacks)

    @app.get("/sim/mass")
    def sim_mass() -> Response:
        tasks = [dataclasses.asdict(t) for t in state.company.mass_tasks.values()]
        return jsonify(tasks=tasks, budget=state.company.monthly_mass_budget)

    @app.post("/sim/expire_tokens")
    def sim_expire() -> Response:
        state.expire_tokens()
        return jsonify(ok=True)

    @app.post("/sim/fail_next")
    def sim_fail_next() -> Response:
        body = request.get_json(force=True)
        state.fail_next(str(body["api"]), int(body["errcode"]), int(body.get("times", 1)))
        return jsonify(ok=True)

    @app.post("/sim/groupmsg/confirm")
    def sim_confirm() -> tuple[Response, int] | Response:
        body = request.get_json(force=True)
        try:
            statuses = mass.confirm(state.company, body["msgid"], body["userid"], state.now())
        except SimError as exc:
            return jsonify(error=exc.errmsg, errcode=exc.errcode), 400
        return jsonify(statuses=statuses)

    @app.post("/sim/callbacks")
    def sim_push() -> tuple[Response, int] | Response:
        body = request.get_json(force=True) or {}
        fields = {k: v for k, v in body.items() if k != "kind"}
        try:
            event = scenario.run(str(body.get("kind", "")), fields)
        except SimError as exc:
            return jsonify(error=exc.errmsg, errcode=exc.errcode), 400
        return jsonify(
            pushed=type(event).__name__,
            idempotency_key=event.idempotency_key,
            status=state.callbacks[-1]["status"],
            event=dataclasses.asdict(event),
        )
