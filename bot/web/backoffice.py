"""The production web console at `/web/`, behind WeCom login: OAuth2 for pages opened inside
the WeCom client, the web QR login for desktop browsers. A signed, HttpOnly, SameSite session
cookie that expires; every page scoped to the member exactly as chat is; CSRF tokens on every
POST. The pages format what bot.services.backoffice computes."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any
from urllib.parse import urlencode, urlsplit

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from bot.commands.texts import kind_word
from bot.database import unit_of_work
from bot.services import backoffice as office
from bot.services.campaigns.definition import CampaignError, set_paused
from bot.services.customer_card import RECENT_DAYS, customer_card
from bot.settings import Settings
from bot.web import deps
from integrations.wecom.errors import WeComError
from segmentation.scope import Requester

log = logging.getLogger(__name__)

blueprint = Blueprint(
    "office", __name__, template_folder="templates", static_folder="static",
    static_url_path="/web/static",
)  # fmt: skip
SESSION_LIFETIME = timedelta(hours=12)
ROLE_LABELS = {"sales": "销售 sales", "manager": "经理 manager", "admin": "管理员 admin"}


def configure_sessions(app: Flask, settings: Settings) -> None:
    """Signed session cookies: HttpOnly, SameSite=Lax, Secure behind https, 12 h."""
    app.secret_key = session_key(settings)
    app.config.update(
        SESSION_COOKIE_NAME="segbot_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=bool(settings.public_url and settings.public_url.startswith("https")),
        PERMANENT_SESSION_LIFETIME=SESSION_LIFETIME,
    )


def session_key(settings: Settings) -> str:
    """SEGBOT_WEB_SECRET, else a key derived from the WeCom secrets (every process of a
    deployment derives the same one), else a random one (sessions end with the process)."""
    if settings.web_secret:
        return settings.web_secret
    wecom = settings.wecom
    material = "\x00".join(v or "" for v in (wecom.secret, wecom.aes_key, wecom.token))
    if material.strip("\x00"):
        return hmac.new(material.encode(), b"segbot web session", hashlib.sha256).hexdigest()
    return secrets.token_hex(32)


# -- who is signed in ---------------------------------------------------------------------------


def signed_in() -> office.Member | None:
    userid, until = session.get("userid"), session.get("until", 0)
    if not isinstance(userid, str) or not isinstance(until, int | float) or until < time.time():
        return None
    d = deps()
    with unit_of_work(d.session_factory) as db:
        return office.member(db, userid, d.settings.admins)  # the role as of now


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        member = signed_in()
        if member is None:
            if request.method != "GET":
                abort(403)
            return redirect(url_for("office.login", next=request.full_path.rstrip("?")))
        g.member = member
        return view(member.requester, *args, **kwargs)

    return wrapper


def check_csrf() -> None:
    sent, kept = request.form.get("csrf", ""), session.get("csrf", "")
    if not kept or not hmac.compare_digest(str(sent), str(kept)):
        abort(400, "missing or wrong CSRF token")


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a scheme): no open redirect after login."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return url_for("office.home")
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else url_for("office.home")


def _public_base() -> str:
    configured = deps().settings.public_url
    return configured or request.host_url.rstrip("/")


# -- login --------------------------------------------------------------------------------------


@blueprint.get("/login")
def login() -> Response:
    """To WeCom: OAuth2 inside the WeCom client (its user agent says wxwork), else the QR
    login page; both come back to /login/callback with a one-time code."""
    wecom = deps().settings.wecom
    state = secrets.token_urlsafe(16)
    session["login_state"], session["login_next"] = state, _safe_next(request.args.get("next"))
    back = _public_base() + url_for("office.login_callback")
    agent = str(wecom.agent_id or "")
    if "wxwork" in request.headers.get("User-Agent", "").lower():
        query = {"appid": wecom.corp_id or "", "redirect_uri": back, "response_type": "code",
                 "scope": "snsapi_base", "state": state, "agentid": agent}  # fmt: skip
        target = f"{wecom.oauth_base}/connect/oauth2/authorize?{urlencode(query)}#wechat_redirect"
    else:
        query = {"login_type": "CorpApp", "appid": wecom.corp_id or "", "agentid": agent,
                 "redirect_uri": back, "state": state}  # fmt: skip
        target = f"{wecom.login_base}/wwlogin/sso/login?{urlencode(query)}"
    return redirect(target)  # type: ignore[return-value]


@blueprint.get("/login/callback")
def login_callback() -> Response | tuple[str, int]:
    expected = session.pop("login_state", None)
    state, code = request.args.get("state", ""), request.args.get("code", "")
    if not expected or not hmac.compare_digest(state, expected) or not code:
        return _message("登录已过期，请重新打开 · The login expired, please try again", 400)
    d = deps()
    if d.gateway is None:
        return _message("未配置企业微信 · WeCom is not configured", 503)
    try:
        userid = d.gateway.user_by_login_code(code)
    except WeComError as exc:
        log.warning("web login refused by WeCom: %s", exc.errcode)
        return _message("企业微信未确认此次登录 · WeCom did not confirm this login", 403)
    with unit_of_work(d.session_factory) as db:
        found = office.member(db, userid, d.settings.admins)
    if found is None:
        return _message("您不是本企业的成员 · Only members of this company may sign in", 403)
    target = session.get("login_next") or url_for("office.home")
    session.clear()
    session.permanent = True
    session.update(userid=userid, until=int(time.time() + SESSION_LIFETIME.total_seconds()),
                   csrf=secrets.token_urlsafe(24))  # fmt: skip
    log.info("web login: %s (%s)", userid, found.requester.role)
    return redirect(_safe_next(target))  # type: ignore[return-value]


@blueprint.post("/logout")
def logout() -> Response | tuple[str, int]:
    check_csrf()
    session.clear()
    return _message("已退出 · Signed out", 200)


def _message(text: str, status: int) -> tuple[str, int]:
    return render_template("web_message.html", message=text, member=None), status


# -- pages --------------------------------------------------------------------------------------


def _member(requester: Requester) -> dict[str, str]:
    name = g.member.name if "member" in g else requester.userid
    return {"name": name, "role": ROLE_LABELS[requester.role], "csrf": session.get("csrf", "")}


@blueprint.get("/web/")
@login_required
def home(requester: Requester) -> str:
    d = deps()
    ctx = d.engine_ctx
    with unit_of_work(d.session_factory) as db:
        segments = office.segment_rows(db, requester, d.now(), ctx)
        campaigns = office.campaign_rows(db, requester, d.settings.campaigns)
    return render_template("web_home.html", member=_member(requester), segments=segments,
                           campaigns=campaigns)  # fmt: skip


@blueprint.get("/web/customers")
@login_required
def customers(requester: Requester) -> str:
    d = deps()
    text = request.args.get("q", "")
    ctx = d.engine_ctx
    with unit_of_work(d.session_factory) as db:
        hits = office.search_customers(db, requester, d.now(), ctx, text)
    return render_template("web_customers.html", member=_member(requester), q=text, hits=hits)


@blueprint.get("/web/customers/<path:external_userid>")
@login_required
def customer(requester: Requester, external_userid: str) -> str | tuple[str, int]:
    d = deps()
    ctx = d.engine_ctx
    with unit_of_work(d.session_factory) as db:
        card = customer_card(db, external_userid, requester=requester, now=d.now(), ctx=ctx)
    if card is None:
        return _message("没有找到这位客户（或不在您的范围内）· No such customer in your scope", 404)
    kinds = {e.kind: kind_word(e.kind, "zh") for e in card.events}
    return render_template(
        "web_card.html",
        member=_member(requester),
        card=card,
        tz=d.settings.timezone,
        kinds=kinds,
        recent_days=RECENT_DAYS,
    )


@blueprint.post("/web/campaigns/<int:campaign_id>/<any(pause, resume):action>")
@login_required
def campaign_action(requester: Requester, campaign_id: int, action: str) -> Response:
    check_csrf()
    if requester.role not in ("manager", "admin"):
        abort(403)
    d = deps()
    with unit_of_work(d.session_factory) as db:
        rows = office.campaign_rows(db, requester, d.settings.campaigns)
        if campaign_id not in {row.id for row in rows}:
            abort(404)
        try:
            set_paused(db, campaign_id, action == "pause", d.now())
        except CampaignError:
            abort(409)
    return redirect(url_for("office.home"))  # type: ignore[return-value]
