"""WeCom login in the simulator: OAuth2 inside the WeCom client (`/connect/oauth2/authorize`,
which knows who is using the client) and the web QR login for desktop browsers
(`/wwlogin/sso/login`, where the test plays the phone that scans), both ending in a one-time
`code` that `auth/getuserinfo` turns into the member's userid."""

from __future__ import annotations

import html
import secrets
from typing import Any
from urllib.parse import urlencode

from flask import Flask, Response, redirect, request

from integrations.wecom.simulator.company import SimError
from integrations.wecom.simulator.handlers_contacts import handler
from integrations.wecom.simulator.state import APP, SimState

CODE_SECONDS = 300  # WeCom: a code is valid for 5 minutes, and once


def issue_code(state: SimState, userid: str) -> str:
    code = "simcode-" + secrets.token_hex(12)
    with state.lock:
        state.login_codes[code] = (userid, state.clock() + CODE_SECONDS)
    return code


def _back(redirect_uri: str, code: str, state_param: str) -> Response:
    separator = "&" if "?" in redirect_uri else "?"
    query = urlencode({"code": code, "state": state_param})
    return redirect(f"{redirect_uri}{separator}{query}", code=302)  # type: ignore[return-value]


def _checked_app(state: SimState, appid: str, agentid: str | None) -> str | None:
    if appid != state.company.corp_id:
        return "invalid appid (the corp id)"
    if agentid is not None and agentid != str(state.config.agent_id):
        return "invalid agentid"
    return None


def register_login_routes(app: Flask, state: SimState) -> None:
    @app.get("/connect/oauth2/authorize")
    def oauth2_authorize() -> Response | tuple[str, int]:
        args = request.args
        problem = _checked_app(state, args.get("appid", ""), args.get("agentid"))
        if problem or args.get("response_type") != "code":
            return problem or "response_type must be code", 400
        userid = state.client_user  # the member using the simulated WeCom client
        if userid is None or userid not in state.company.members:
            return "open this link inside the WeCom client (no member is signed in)", 403
        return _back(args.get("redirect_uri", ""), issue_code(state, userid), args.get("state", ""))

    @app.get("/wwlogin/sso/login")
    def qr_login() -> Response | tuple[str, int]:
        args = request.args
        problem = _checked_app(state, args.get("appid", ""), args.get("agentid"))
        if problem:
            return problem, 400
        scanned = args.get("scanned_by")  # the simulated phone's confirmation
        if scanned:
            if scanned not in state.company.members:
                return "unknown member", 400
            code = issue_code(state, scanned)
            return _back(args.get("redirect_uri", ""), code, args.get("state", ""))
        return _qr_page(state, args.to_dict()), 200

    @app.post("/sim/client_user")
    def sim_client_user() -> Response:
        body = request.get_json(force=True) or {}
        state.client_user = body.get("userid")
        return Response(status=204)


def _qr_page(state: SimState, args: dict[str, str]) -> str:
    def row(userid: str, name: str) -> str:
        href = html.escape("?" + urlencode({**args, "scanned_by": userid}))
        who = f"{html.escape(name)} ({html.escape(userid)})"
        return f'<li><a data-testid="scan-{html.escape(userid)}" href="{href}">{who}</a></li>'

    rows = "".join(row(u, m.name) for u, m in sorted(state.company.members.items()))
    return (
        "<!doctype html><meta name=viewport content='width=device-width'>"
        "<title>企业微信登录 (simulator)</title><h1>扫码登录 · simulated</h1>"
        f"<p>Pick the member whose phone scans the code:</p><ul>{rows}</ul>"
    )


@handler("auth/getuserinfo", scope=APP)
def getuserinfo(state: SimState, params: dict[str, Any], _body: Any) -> dict[str, Any]:
    code = str(params.get("code") or "")
    with state.lock:
        found = state.login_codes.pop(code, None)  # a code is used once
    if found is None or found[1] < state.clock():
        raise SimError(40029, "invalid code")
    return {"userid": found[0]}
